import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { requireViewer, sendPage } from '../../http/context.tsx';
import { myGroups } from '../posts/index.ts';
import { resolvePerson } from './search.people.ts';
import { search } from './search.queries.ts';
import { SEARCH_KINDS, type SearchKind } from './search.table.ts';
import { SearchPage, type SearchForm } from './search.views.tsx';

// The page takes every field as text and says what it could not use beside the field, keeping
// what was typed; the API answers the same mistakes with a problem.
const Line = Type.Optional(Type.String({ maxLength: 200 }));
const PageQuery = Type.Object({
  q: Line,
  type: Line,
  groupId: Line,
  author: Line,
  tag: Line,
  from: Line,
  to: Line,
  cursor: Line,
});

const PAGE = 20;
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

export async function searchRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get('/search', { schema: { querystring: PageQuery } }, async (req, reply) => {
    const viewer = requireViewer(req);
    const { t } = req.i18n;
    const form: SearchForm = {
      q: (req.query.q ?? '').trim(),
      type: req.query.type ?? '',
      groupId: req.query.groupId ?? '',
      author: (req.query.author ?? '').trim(),
      tag: (req.query.tag ?? '').trim(),
      from: req.query.from ?? '',
      to: req.query.to ?? '',
    };
    const errors: Record<string, string> = {};
    const kind = (SEARCH_KINDS as readonly string[]).includes(form.type)
      ? (form.type as SearchKind)
      : undefined;
    for (const f of ['from', 'to'] as const) {
      if (form[f] !== '' && !isDate(form[f])) errors[f] = t('search.bad_date');
    }
    let authorId: string | undefined;
    if (form.author !== '') {
      authorId = await resolvePerson(db, form.author);
      if (!authorId) errors.author = t('search.unknown_author');
    }
    const groups = await myGroups(db, viewer.id);

    let hits = null;
    let truncated = false;
    let nextUrl: string | null = null;
    if (form.q !== '' && Object.keys(errors).length === 0) {
      const offset = /^\d{1,4}$/.test(req.query.cursor ?? '') ? Number(req.query.cursor) : 0;
      const result = await search(
        db,
        viewer.id,
        {
          q: form.q,
          kind,
          groupId: form.groupId || undefined,
          authorId,
          tag: form.tag || undefined,
          from: form.from || undefined,
          to: form.to || undefined,
        },
        { offset, limit: PAGE, now: deps.clock() },
      );
      hits = result.items;
      truncated = result.truncated;
      if (result.next !== null) {
        const params = new URLSearchParams(
          Object.entries(form).filter(([, v]) => v !== '') as [string, string][],
        );
        params.set('cursor', String(result.next));
        nextUrl = `/search?${params.toString()}`;
      }
    }
    const title = form.q ? t('search.title_for', { q: form.q }) : t('search.title');
    return sendPage(req, reply, deps, title, (ctx) => (
      <SearchPage
        ctx={ctx}
        form={form}
        groups={groups}
        errors={errors}
        hits={hits}
        truncated={truncated}
        nextUrl={nextUrl}
      />
    ));
  });
}
