import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { problems } from '../../http/api.ts';
import type { Deps } from '../../http/app.ts';
import { requireViewer } from '../../http/context.tsx';
import { fieldError } from '../../http/errors.ts';
import { resolvePerson } from './search.people.ts';
import { search } from './search.queries.ts';
import { SEARCH_KINDS } from './search.table.ts';

export const KindSchema = Type.Union(
  SEARCH_KINDS.map((k) => Type.Literal(k)),
  { description: 'what to look for; all kinds when absent' },
);
const DateSchema = Type.String({ format: 'date', description: 'YYYY-MM-DD, inclusive' });

export const SearchQuerySchema = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200, description: 'words; all must match' }),
  type: Type.Optional(KindSchema),
  groupId: Type.Optional(Type.String({ maxLength: 40 })),
  author: Type.Optional(
    Type.String({ maxLength: 200, description: 'a person’s id, e-mail address or handle' }),
  ),
  tag: Type.Optional(Type.String({ maxLength: 200, description: 'a hashtag, with or without #' })),
  from: Type.Optional(DateSchema),
  to: Type.Optional(DateSchema),
  cursor: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});
export type SearchQueryString = Static<typeof SearchQuerySchema>;

const Ref = Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]);

const SearchItem = Type.Object(
  {
    type: KindSchema,
    id: Type.String(),
    title: Type.String(),
    snippet: Type.String({ description: 'plain text around the best match' }),
    highlights: Type.Array(Type.Tuple([Type.Integer(), Type.Integer()]), {
      description: '[start, end) character ranges of the snippet that matched',
    }),
    url: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    author: Ref,
    group: Ref,
    questionStatus: Type.Union([
      Type.Literal('open'),
      Type.Literal('answered'),
      Type.Literal('accepted'),
      Type.Null(),
    ]),
  },
  { $id: 'SearchItem' },
);

/** `GET /api/v1/search`. */
export async function searchApi(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  app.addSchema(SearchItem);
  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Search posts, questions, comments, documents, people and groups',
        description:
          'Only what the caller may read is found, counted or ranked. Words match case- and ' +
          'umlaut-insensitively (`Ärger`, `ärger`, `aerger`), with their German and English ' +
          'inflections (`Angebote` finds `Angebot`) and in compounds (`zufriedenheit` finds ' +
          '`Kundenzufriedenheit`). The newest matches (at most 300) are ranked by relevance; ' +
          '`truncated` says more matched: narrow the query or filter.',
        querystring: SearchQuerySchema,
        response: {
          200: Type.Object({
            items: Type.Array(Type.Ref(SearchItem)),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
            truncated: Type.Boolean(),
          }),
          ...problems(400, 401),
        },
      },
    },
    async (req) => {
      const viewer = requireViewer(req);
      const { q, type, groupId, tag, from, to, cursor, limit = 20 } = req.query;
      let authorId: string | undefined;
      if (req.query.author) {
        authorId = await resolvePerson(deps.db, req.query.author);
        if (!authorId) throw fieldError('author', 'unknown_person', 'search.unknown_author');
      }
      const result = await search(
        deps.db,
        viewer.id,
        { q, kind: type, groupId, authorId, tag, from, to },
        { offset: cursor ? Number(cursor) : 0, limit, now: deps.clock() },
      );
      return {
        items: result.items.map(({ kind, ...rest }) => ({ type: kind, ...rest })),
        nextCursor: result.next === null ? null : String(result.next),
        truncated: result.truncated,
      };
    },
  );
}
