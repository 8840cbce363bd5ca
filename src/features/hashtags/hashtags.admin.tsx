import { Pager } from '../../views/pager.tsx';
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Page, problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireAdmin, sendPage } from '../../http/context.tsx';
import { fieldError, notFound } from '../../http/errors.ts';
import { actAndRedirect, FormBody } from '../../http/forms.ts';
import { Line } from '../../http/validation.ts';
import { Csrf, Field, Select, type Errors } from '../../views/form.tsx';
import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { audit } from '../admin/audit.ts';
import { normaliseTag } from './hashtags.parse.ts';
import {
  allAliases,
  findHashtag,
  listHashtags,
  makeAlias,
  removeAlias,
  setMeaning,
} from './hashtags.queries.ts';
import type { Meaning } from './hashtags.table.ts';

const MEANINGS = ['success_story', 'customer_voice', 'pain_point', 'campaign'] as const;
const MeaningSchema = Type.Union([
  Type.Literal('success_story'),
  Type.Literal('customer_voice'),
  Type.Literal('pain_point'),
  Type.Literal('campaign'),
]);
const MEANING_LABEL: Record<Meaning, MessageKey> = {
  success_story: 'hashtags.success_story',
  customer_voice: 'hashtags.customer_voice',
  pain_point: 'hashtags.pain_point',
  campaign: 'hashtags.campaign',
};
const TAG_RE = /^[\p{L}\p{N}\p{M}_]{1,100}$/u;

/** Validates and normalises a tag an admin typed, with or without '#'. */
function tagFrom(field: string, raw: string): string {
  const tag = normaliseTag(raw.trim());
  if (!TAG_RE.test(tag) || !/\p{L}/u.test(tag))
    throw fieldError(field, 'invalid_hashtag', 'hashtags.invalid');
  return tag;
}

interface Row {
  tag: string;
  display: string;
  meaning: Meaning | null;
}

function AdminHashtagsPage(props: {
  ctx: PageContext;
  items: Row[];
  aliases: { alias: string; tag: string }[];
  q: string;
  nextUrl: string | null;
  errors: Errors;
  values: Record<string, string>;
}) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <h1>{t('hashtags.admin_title')}</h1>
      <p>{t('hashtags.admin_intro')}</p>
      <h2>{t('hashtags.aliases_title')}</h2>
      <form method="post" action="/admin/hashtags/aliases" class="row" novalidate>
        <Csrf token={ctx.csrfToken} />
        <Field
          name="alias"
          label={t('hashtags.alias')}
          value={props.values.alias}
          errors={props.errors}
          maxLength={101}
          hint={t('hashtags.alias_hint')}
        />
        <Field
          name="tag"
          label={t('hashtags.alias_target')}
          value={props.values.tag}
          errors={props.errors}
          maxLength={101}
        />
        <button type="submit">{t('hashtags.add_alias')}</button>
      </form>
      {props.aliases.length ? (
        <ul class="tags">
          {props.aliases.map((a) => (
            <li>
              #{a.alias} → <a href={`/hashtags/${encodeURIComponent(a.tag)}`}>#{a.tag}</a>{' '}
              <form method="post" action="/admin/hashtags/aliases/delete" class="inline">
                <Csrf token={ctx.csrfToken} />
                <input type="hidden" name="alias" value={a.alias} />
                <button type="submit" class="link">
                  {t('hashtags.remove_alias', { alias: a.alias })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      <h2>{t('hashtags.meanings_title')}</h2>
      <form method="get" action="/admin/hashtags" class="filters" role="search">
        <Field
          name="q"
          label={t('hashtags.search')}
          type="search"
          value={props.q}
          errors={{}}
          maxLength={100}
        />
        <button type="submit">{t('people.filter')}</button>
      </form>
      <table>
        <caption class="sr-only">{t('hashtags.meanings_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hashtags.tag')}</th>
            <th scope="col">{t('hashtags.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((h) => (
            <tr>
              <td>
                <a href={`/hashtags/${encodeURIComponent(h.tag)}`}>#{h.display}</a>
              </td>
              <td>
                <form method="post" action="/admin/hashtags/meaning" class="row">
                  <Csrf token={ctx.csrfToken} />
                  <input type="hidden" name="tag" value={h.tag} />
                  <Select
                    name="meaning"
                    label={t('hashtags.meaning_of', { tag: h.display })}
                    value={h.meaning ?? ''}
                    errors={{}}
                    options={[
                      { value: '', label: t('hashtags.no_meaning') },
                      ...MEANINGS.map((m) => ({ value: m, label: t(MEANING_LABEL[m]) })),
                    ]}
                  />
                  <button type="submit" class="secondary">
                    {t('form.save')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager href={props.nextUrl} label={t('pager.more')} />
    </section>
  );
}

/** Admins attach aliases (#aerger → #ärger) and meanings (success story, customer voice, pain point, campaign). */
export async function hashtagAdminRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, clock } = deps;

  const show = async (
    req: FastifyRequest,
    reply: FastifyReply,
    q: string,
    after: string | null,
    errors: Errors,
    values: Record<string, string>,
    status = 200,
  ) => {
    requireAdmin(req);
    const [{ items, next }, aliases] = await Promise.all([
      listHashtags(db, q || undefined, after, 50),
      allAliases(db),
    ]);
    const nextUrl = next
      ? `/admin/hashtags?${new URLSearchParams({ q, after: next }).toString()}`
      : null;
    return sendPage(
      req,
      reply,
      deps,
      req.i18n.t('hashtags.admin_title'),
      (ctx) => (
        <AdminHashtagsPage
          ctx={ctx}
          items={items}
          aliases={aliases}
          q={q}
          nextUrl={nextUrl}
          errors={errors}
          values={values}
        />
      ),
      status,
    );
  };

  app.get(
    '/admin/hashtags',
    {
      schema: {
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          after: Type.Optional(Type.String({ maxLength: 200 })),
        }),
      },
    },
    async (req, reply) =>
      show(req, reply, req.query.q?.trim() ?? '', req.query.after ?? null, {}, {}),
  );

  app.post(
    '/admin/hashtags/aliases',
    { schema: { body: FormBody({ alias: Line(101), tag: Line(101) }) }, attachValidation: true },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const b = (req.body ?? {}) as { alias?: string; tag?: string };
      const values = { alias: b.alias ?? '', tag: b.tag ?? '' };
      let alias: string;
      let tag: string;
      try {
        alias = tagFrom('alias', values.alias);
        tag = tagFrom('tag', values.tag);
        if (alias === tag) throw fieldError('alias', 'same_as_target', 'hashtags.alias_same');
      } catch (err) {
        const e = err as { fields?: { field: string; message: MessageKey }[] };
        if (!e.fields) throw err;
        return show(
          req,
          reply,
          '',
          null,
          Object.fromEntries(e.fields.map((f) => [f.field, req.i18n.t(f.message)])),
          values,
          400,
        );
      }
      await db.transaction().execute((trx) => makeAlias(trx, alias, tag, clock()));
      await audit(db, {
        actorId: actor.id,
        action: 'hashtag.alias',
        targetType: 'hashtag',
        targetId: tag,
        data: { alias },
        now: clock(),
      });
      return actAndRedirect(reply, '/admin/hashtags', async () => [
        'hashtags.alias_added',
        { alias, tag },
      ]);
    },
  );

  app.post(
    '/admin/hashtags/aliases/delete',
    { schema: { body: FormBody({ alias: Line(101) }) } },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const alias = normaliseTag((req.body as { alias: string }).alias);
      await removeAlias(db, alias);
      await audit(db, {
        actorId: actor.id,
        action: 'hashtag.alias.remove',
        targetType: 'hashtag',
        targetId: alias,
        now: clock(),
      });
      return actAndRedirect(reply, '/admin/hashtags', async () => [
        'hashtags.alias_removed',
        { alias },
      ]);
    },
  );

  app.post(
    '/admin/hashtags/meaning',
    {
      schema: {
        body: FormBody({ tag: Line(101), meaning: Type.Union([Type.Literal(''), MeaningSchema]) }),
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const b = req.body as { tag: string; meaning: Meaning | '' };
      const tag = await findHashtag(db, normaliseTag(b.tag));
      if (!tag) throw notFound();
      await setMeaning(db, tag.tag, b.meaning || null);
      await audit(db, {
        actorId: actor.id,
        action: 'hashtag.meaning',
        targetType: 'hashtag',
        targetId: tag.tag,
        data: { meaning: b.meaning || null },
        now: clock(),
      });
      return actAndRedirect(reply, '/admin/hashtags', async () => [
        'hashtags.meaning_saved',
        { tag: tag.display },
      ]);
    },
  );
}

const AdminHashtagJson = Type.Object({
  tag: Type.String(),
  display: Type.String(),
  meaning: Type.Union([MeaningSchema, Type.Null()]),
  aliases: Type.Array(Type.String()),
});

/** `/api/v1/admin/hashtags…`: meanings and aliases. */
export async function hashtagAdminApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db, clock } = deps;
  const tags = ['hashtags'];
  const one = async (tag: string) => {
    const h = await findHashtag(db, tag);
    if (!h) throw notFound();
    return { tag: h.tag, display: h.display, meaning: h.meaning, aliases: h.aliases };
  };

  app.get(
    '/admin/hashtags',
    {
      schema: {
        tags,
        summary: 'Admin: hashtags by name, with meaning',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          cursor: Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: Page(Type.Omit(AdminHashtagJson, ['aliases'])), ...problems(401, 403) },
      },
    },
    async (req) => {
      requireAdmin(req);
      const { items, next } = await listHashtags(db, req.query.q, req.query.cursor ?? null, 50);
      return {
        items: items.map((h) => ({ tag: h.tag, display: h.display, meaning: h.meaning })),
        nextCursor: next,
      };
    },
  );

  app.put(
    '/admin/hashtags/:tag',
    {
      schema: {
        tags,
        summary: 'Admin: set or clear the meaning of a hashtag',
        params: Type.Object({ tag: Type.String({ maxLength: 200 }) }),
        body: Type.Object({ meaning: Type.Union([MeaningSchema, Type.Null()]) }),
        response: { 200: AdminHashtagJson, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const actor = requireAdmin(req);
      const tag = normaliseTag(req.params.tag);
      await one(tag);
      await setMeaning(db, tag, req.body.meaning);
      await audit(db, {
        actorId: actor.id,
        action: 'hashtag.meaning',
        targetType: 'hashtag',
        targetId: tag,
        data: { meaning: req.body.meaning },
        now: clock(),
      });
      return one(tag);
    },
  );

  app.post(
    '/admin/hashtags/:tag/aliases',
    {
      schema: {
        tags,
        summary: 'Admin: make another spelling an alias of this hashtag (posts under it move here)',
        params: Type.Object({ tag: Type.String({ maxLength: 200 }) }),
        body: Type.Object({ alias: Type.String({ maxLength: 101 }) }),
        response: { 200: AdminHashtagJson, ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const actor = requireAdmin(req);
      const tag = tagFrom('tag', req.params.tag);
      const alias = tagFrom('alias', req.body.alias);
      if (alias === tag) throw fieldError('alias', 'same_as_target', 'hashtags.alias_same');
      await db.transaction().execute((trx) => makeAlias(trx, alias, tag, clock()));
      await audit(db, {
        actorId: actor.id,
        action: 'hashtag.alias',
        targetType: 'hashtag',
        targetId: tag,
        data: { alias },
        now: clock(),
      });
      return one(tag);
    },
  );

  app.delete(
    '/admin/hashtags/aliases/:alias',
    {
      schema: {
        tags,
        summary: 'Admin: remove an alias',
        params: Type.Object({ alias: Type.String({ maxLength: 200 }) }),
        response: { 204: Type.Null(), ...problems(401, 403) },
      },
    },
    async (req, reply) => {
      const actor = requireAdmin(req);
      const alias = normaliseTag(req.params.alias);
      await removeAlias(db, alias);
      await audit(db, {
        actorId: actor.id,
        action: 'hashtag.alias.remove',
        targetType: 'hashtag',
        targetId: alias,
        now: clock(),
      });
      return reply.code(204).send(null);
    },
  );
}
