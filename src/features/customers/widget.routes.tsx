import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { Deps } from '../../http/app.ts';
import { redirectWithFlash, requireAdmin, sendPage } from '../../http/context.tsx';
import { FormBody, tryForm } from '../../http/forms.ts';
import { ASSETS_DIR, assetUrl } from '../../views/assets.ts';
import type { Errors } from '../../views/form.tsx';
import { i18n as makeI18n, LOCALES, type I18n, type Locale } from '../../views/i18n.ts';
import { getOrgName } from '../admin/settings.ts';
import { loadSatisfaction } from './satisfaction.ts';
import { satisfactionJson } from './satisfaction.json.ts';
import { SatisfactionWidget } from './widget.tsx';
import {
  createWidgetToken,
  listWidgetTokens,
  parseOrigins,
  revokeWidgetToken,
  saveWidgetSettings,
  useWidgetToken,
  widgetSettings,
} from './widget.tokens.ts';
import { WidgetTokensPage } from './widget.views.tsx';

const WidgetQuery = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 200 })),
  // Unsupported values fall back to the organisation's language rather than failing an embed.
  lang: Type.Optional(Type.String({ maxLength: 10 })),
  format: Type.Optional(Type.String({ maxLength: 10 })),
});
type WidgetQueryType = { token?: string; lang?: string; format?: string };

/** The stylesheet's version, so that an embedding page may cache it for a year. */
const cssVersion = () => assetUrl('satisfaction.css').split('?v=')[1] ?? '';
let cssText: string | null = null;
const widgetCss = () =>
  (cssText ??= readFileSync(path.join(ASSETS_DIR, 'satisfaction.css'), 'utf8'));

/**
 * What any page may read across origins: no cookies are needed or sent (`*` forbids
 * credentials), and resources may be loaded from other origins despite helmet's default
 * Cross-Origin-Resource-Policy of same-origin.
 */
function openToOtherOrigins(reply: FastifyReply): FastifyReply {
  return reply
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .header('cache-control', 'no-store');
}

function widgetI18n(deps: Deps, lang: string | undefined): I18n {
  const locale = (LOCALES as readonly string[]).includes(lang ?? '')
    ? (lang as Locale)
    : deps.config.defaultLocale;
  return makeI18n(locale, deps.config.timeZone);
}

/** The frame-ancestors directive: `*` unless the setting names origins. */
const frameAncestors = (origins: readonly string[]) => (origins.length ? origins.join(' ') : '*');

/** The widget through a token: an HTML fragment, a page for an iframe, or JSON. */
export async function widgetRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, config } = deps;

  const render = async (req: FastifyRequest, reply: FastifyReply, kind: 'fragment' | 'page') => {
    const q = req.query as WidgetQueryType;
    const i18n = widgetI18n(deps, q.lang);
    const token = await useWidgetToken(deps, q.token);
    openToOtherOrigins(reply);
    const css =
      kind === 'page'
        ? `/widgets/satisfaction.css?v=${cssVersion()}`
        : `${config.baseUrl}/widgets/satisfaction.css?v=${cssVersion()}`;
    const settings = await widgetSettings(db);
    const body = token
      ? renderToString(
          <SatisfactionWidget
            i18n={i18n}
            data={await loadSatisfaction(db, {})}
            variant="full"
            id="kantine-sat"
            customers={settings.showNames ? 'names' : 'count'}
            stylesheet={kind === 'fragment' ? css : null}
          />,
        )
      : renderToString(
          <div class="ksat ksat-error" role="alert">
            {kind === 'fragment' ? <link rel="stylesheet" href={css} /> : null}
            <p>{i18n.t('satisfaction.widget.bad_token')}</p>
          </div>,
        );
    reply.code(token ? 200 : 401).type('text/html; charset=utf-8');
    if (kind === 'fragment') return reply.send(body);
    // The page is made to be framed: this route alone replaces helmet's frame-ancestors 'none'.
    reply
      .removeHeader('x-frame-options')
      .header(
        'content-security-policy',
        `default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; ` +
          `form-action 'none'; frame-ancestors ${frameAncestors(settings.frameAncestors)}`,
      );
    const org = (await getOrgName(db)) || 'Kantine';
    const title = `${i18n.t('satisfaction.title')} · ${org}`;
    return reply.send(
      `<!doctype html>${renderToString(
        <html lang={i18n.locale}>
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>{title}</title>
            <link rel="stylesheet" href={css} />
            {/* No icon of its own: a framed page should not ask the server for /favicon.ico. */}
            <link rel="icon" href="data:," />
          </head>
          <body class="ksat-page">
            <main>
              <h1 class="ksat-org">{org}</h1>
              <div dangerouslySetInnerHTML={{ __html: body }} />
            </main>
          </body>
        </html>,
      )}`,
    );
  };

  app.get('/widgets/satisfaction', { schema: { querystring: WidgetQuery } }, (req, reply) =>
    render(req, reply, req.query.format === 'page' ? 'page' : 'fragment'),
  );
  app.get('/widgets/satisfaction/page', { schema: { querystring: WidgetQuery } }, (req, reply) =>
    render(req, reply, 'page'),
  );

  app.get(
    '/widgets/satisfaction.json',
    { schema: { querystring: WidgetQuery } },
    async (req, reply) => {
      const i18n = widgetI18n(deps, req.query.lang);
      const token = await useWidgetToken(deps, req.query.token);
      openToOtherOrigins(reply);
      if (!token) {
        return reply
          .code(401)
          .type('application/problem+json; charset=utf-8')
          .send({
            type: 'about:blank',
            status: 401,
            title: i18n.t('satisfaction.widget.bad_token'),
            code: 'invalid_widget_token',
          });
      }
      const settings = await widgetSettings(db);
      const data = await loadSatisfaction(db, {});
      return reply.send(
        satisfactionJson(i18n, data, { customers: settings.showNames ? 'names' : 'count' }),
      );
    },
  );

  app.get('/widgets/satisfaction.css', async (_req, reply) =>
    openToOtherOrigins(reply)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .type('text/css; charset=utf-8')
      .send(widgetCss()),
  );
}

const TokenForm = FormBody({ name: Type.Optional(Type.String({ maxLength: 500 })) });
const SettingsForm = FormBody({
  showNames: Type.Optional(Type.String({ maxLength: 5 })),
  frameAncestors: Type.Optional(Type.String({ maxLength: 2000 })),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 40 }) });

/** Admins: make and revoke widget tokens, choose what the widget shows through them. */
export async function widgetTokenRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: {
      created?: { name: string; token: string };
      name?: string;
      settings?: { showNames: boolean; frameAncestors: string };
      errors?: Errors;
      status?: number;
    } = {},
  ) => {
    const [tokens, settings, users] = await Promise.all([
      listWidgetTokens(db),
      widgetSettings(db),
      db
        .selectFrom('users')
        .innerJoin('widget_tokens', 'widget_tokens.created_by', 'users.id')
        .select(['users.id', 'users.name'])
        .execute(),
    ]);
    const names = new Map(users.map((u) => [u.id, u.name]));
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('satisfaction.tokens.title'),
      (ctx) => (
        <WidgetTokensPage
          ctx={ctx}
          baseUrl={deps.config.baseUrl}
          tokens={tokens.map((tk) => ({
            ...tk,
            createdByName: tk.created_by ? (names.get(tk.created_by) ?? null) : null,
          }))}
          created={opts.created ?? null}
          name={opts.name ?? ''}
          settings={
            opts.settings ?? {
              showNames: settings.showNames,
              frameAncestors: settings.frameAncestors.join('\n'),
            }
          }
          errors={opts.errors ?? {}}
        />
      ),
      opts.status ?? 200,
    );
  };

  app.get('/satisfaction/widget-tokens', async (req, reply) => {
    requireAdmin(req);
    return show(req, reply);
  });

  // The new token is shown in this response only: never stored readable, never redirected with.
  app.post('/satisfaction/widget-tokens', { schema: { body: TokenForm } }, async (req, reply) => {
    const actor = requireAdmin(req);
    const name = req.body.name ?? '';
    const r = await tryForm(req, () => createWidgetToken(deps, actor, name));
    if ('errors' in r) return show(req, reply, { name, errors: r.errors, status: 400 });
    return show(req, reply, { created: { name: r.ok.row.name, token: r.ok.token }, status: 201 });
  });

  app.post(
    '/satisfaction/widget-tokens/:id/revoke',
    { schema: { params: IdParams, body: FormBody({}) } },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const tk = await revokeWidgetToken(deps, actor, req.params.id);
      return redirectWithFlash(
        reply,
        '/satisfaction/widget-tokens',
        'success',
        'satisfaction.tokens.revoked',
        {
          name: tk.name,
        },
      );
    },
  );

  app.post(
    '/satisfaction/widget-tokens/settings',
    { schema: { body: SettingsForm } },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const typed = {
        showNames: req.body.showNames === '1',
        frameAncestors: req.body.frameAncestors ?? '',
      };
      const r = await tryForm(req, async () =>
        saveWidgetSettings(deps, actor, {
          showNames: typed.showNames,
          frameAncestors: parseOrigins(typed.frameAncestors),
        }),
      );
      if ('errors' in r)
        return show(req, reply, { settings: typed, errors: r.errors, status: 400 });
      return redirectWithFlash(
        reply,
        '/satisfaction/widget-tokens',
        'success',
        'satisfaction.tokens.settings_saved',
      );
    },
  );
}
