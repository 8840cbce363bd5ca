import { Checkbox, Csrf, ErrorSummary, Field, TextArea, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import type { WidgetToken } from './widget.tokens.ts';
import { WIDGET_CSS } from './widget.tsx';

export interface WidgetTokensProps {
  ctx: PageContext;
  baseUrl: string;
  tokens: (WidgetToken & { createdByName: string | null })[];
  created: { name: string; token: string } | null;
  name: string;
  settings: { showNames: boolean; frameAncestors: string };
  errors: Errors;
}

/** The ways to embed the widget, with a token filled in (or a placeholder). */
export function embedSnippets(baseUrl: string, token: string, lang: string) {
  const q = `token=${encodeURIComponent(token)}&lang=${lang}`;
  const fragment = `${baseUrl}/widgets/satisfaction?${q}`;
  return {
    iframe:
      `<iframe src="${baseUrl}/widgets/satisfaction/page?${q.replace('&', '&amp;')}"` +
      ` title="Kantine" width="100%" height="760" loading="lazy"></iframe>`,
    fragment:
      '<div id="kantine-satisfaction"></div>\n<script>\n' +
      `  fetch('${fragment}')\n` +
      '    .then((r) => r.text())\n' +
      "    .then((html) => { document.getElementById('kantine-satisfaction').innerHTML = html; });\n" +
      '</script>',
    fragmentUrl: fragment,
    json: `${baseUrl}/widgets/satisfaction.json?${q}`,
  };
}

function Snippets({ ctx, baseUrl, token }: { ctx: PageContext; baseUrl: string; token: string }) {
  const { t } = ctx.i18n;
  const s = embedSnippets(baseUrl, token, ctx.i18n.locale);
  return (
    <dl class="ksat-snippets">
      <dt>{t('satisfaction.tokens.snippet_iframe')}</dt>
      <dd>
        <pre>
          <code>{s.iframe}</code>
        </pre>
      </dd>
      <dt>{t('satisfaction.tokens.snippet_fragment')}</dt>
      <dd>
        <pre>
          <code>{s.fragment}</code>
        </pre>
        <p class="hint">{t('satisfaction.tokens.snippet_server', { url: s.fragmentUrl })}</p>
      </dd>
      <dt>{t('satisfaction.tokens.snippet_json')}</dt>
      <dd>
        <code>{s.json}</code>
      </dd>
    </dl>
  );
}

function TokensTable({ ctx, tokens }: Pick<WidgetTokensProps, 'ctx' | 'tokens'>) {
  const { t, dateTime } = ctx.i18n;
  if (!tokens.length) return <p class="empty">{t('satisfaction.tokens.none')}</p>;
  return (
    <div class="table-scroll" role="region" aria-labelledby="tokens-h" tabIndex={0}>
      <table>
        <caption class="sr-only">{t('satisfaction.tokens.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('satisfaction.tokens.name')}</th>
            <th scope="col">{t('satisfaction.tokens.created')}</th>
            <th scope="col">{t('satisfaction.tokens.last_used')}</th>
            <th scope="col">{t('satisfaction.tokens.status')}</th>
            <th scope="col">
              <span class="sr-only">{t('satisfaction.tokens.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((tk) => (
            <tr key={tk.id}>
              <th scope="row">{tk.name}</th>
              <td>
                {dateTime(tk.created_at)}
                {tk.createdByName ? ` · ${tk.createdByName}` : ''}
              </td>
              <td>
                {tk.last_used_at ? dateTime(tk.last_used_at) : t('satisfaction.tokens.never')}
              </td>
              <td>
                {tk.revoked_at
                  ? t('satisfaction.tokens.revoked_at', { date: dateTime(tk.revoked_at) })
                  : t('satisfaction.tokens.active')}
              </td>
              <td>
                {tk.revoked_at ? null : (
                  <form
                    method="post"
                    action={`/satisfaction/widget-tokens/${tk.id}/revoke`}
                    class="inline"
                  >
                    <Csrf token={ctx.csrfToken} />
                    <button type="submit" class="secondary">
                      {t('satisfaction.tokens.revoke')}
                      <span class="sr-only">{`: ${tk.name}`}</span>
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function WidgetTokensPage(p: WidgetTokensProps) {
  const { ctx, errors } = p;
  const { t } = ctx.i18n;
  return (
    <section>
      <link rel="stylesheet" href={WIDGET_CSS()} />
      <h1>{t('satisfaction.tokens.title')}</h1>
      <p>{t('satisfaction.tokens.intro')}</p>
      <p>
        <a href="/satisfaction">{t('satisfaction.page_title')}</a>
      </p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      {p.created ? (
        <div class="flash flash-success" role="status">
          <p>{t('satisfaction.tokens.created_flash', { name: p.created.name })}</p>
          <p>
            <label for="new-token">{t('satisfaction.tokens.copy_now')}</label>
            <input id="new-token" class="token" type="text" readOnly value={p.created.token} />
          </p>
          <Snippets ctx={ctx} baseUrl={p.baseUrl} token={p.created.token} />
        </div>
      ) : null}
      <h2 id="tokens-h">{t('satisfaction.tokens.list')}</h2>
      <TokensTable ctx={ctx} tokens={p.tokens} />
      <h2>{t('satisfaction.tokens.new')}</h2>
      <form method="post" action="/satisfaction/widget-tokens" novalidate>
        <Csrf token={ctx.csrfToken} />
        <Field
          name="name"
          label={t('satisfaction.tokens.name')}
          hint={t('satisfaction.tokens.name_hint')}
          value={p.name}
          errors={errors}
          maxLength={100}
          required
        />
        <button type="submit">{t('satisfaction.tokens.create')}</button>
      </form>
      <h2>{t('satisfaction.tokens.embed')}</h2>
      <p>{t('satisfaction.tokens.embed_intro')}</p>
      <Snippets ctx={ctx} baseUrl={p.baseUrl} token="TOKEN" />
      <h2>{t('satisfaction.tokens.settings')}</h2>
      <form method="post" action="/satisfaction/widget-tokens/settings" novalidate>
        <Csrf token={ctx.csrfToken} />
        <Checkbox
          name="showNames"
          label={t('satisfaction.tokens.show_names')}
          checked={p.settings.showNames}
        />
        <TextArea
          name="frameAncestors"
          label={t('satisfaction.tokens.frame_ancestors')}
          hint={t('satisfaction.tokens.frame_ancestors_hint')}
          value={p.settings.frameAncestors}
          errors={errors}
          rows={3}
          maxLength={2000}
        />
        <button type="submit">{t('satisfaction.tokens.save_settings')}</button>
      </form>
    </section>
  );
}
