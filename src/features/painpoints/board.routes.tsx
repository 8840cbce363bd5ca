import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { requireViewer, sendPage } from '../../http/context.tsx';
import type { User } from '../accounts/accounts.table.ts';
import {
  BOARD_PAGE,
  boardFilterOf,
  countByStatus,
  filterOptions,
  listBoard,
  SORTS,
  type BoardFilter,
} from './board.ts';
import { BoardPage, boardUrl, type BoardCard } from './board.views.tsx';
import { canVote } from './painpoints.policy.ts';
import { votedAmong } from './painpoints.queries.ts';

/** The board's query (pages and API): `status` once or several times. */
export const BoardQuerySchema = {
  status: Type.Optional(
    Type.Array(Type.String({ maxLength: 20 }), {
      maxItems: 8,
      description:
        'new, acknowledged, in_progress, resolved, wont_fix, or open (the first three), ' +
        'closed (the last two), all; repeat for several. Default: open.',
    }),
  ),
  department: Type.Optional(Type.String({ maxLength: 200 })),
  tag: Type.Optional(
    Type.String({ maxLength: 200, description: 'a hashtag, with or without #; aliases resolved' }),
  ),
  ownerId: Type.Optional(
    Type.String({ maxLength: 40, description: 'a person’s id, or `none` for no owner' }),
  ),
  sort: Type.Optional(
    Type.Union(
      SORTS.map((s) => Type.Literal(s)),
      { description: 'votes (most first; equal: oldest first), oldest, newest. Default: votes.' },
    ),
  ),
};

/** A page of the board for the viewer, with their votes and whether they may vote. */
export async function boardCards(
  deps: Pick<Deps, 'db'>,
  viewer: User,
  f: BoardFilter,
  page: { cursor: string | null; limit: number },
): Promise<{ cards: BoardCard[]; next: string | null }> {
  const { items, next } = await listBoard(deps.db, viewer.id, f, page);
  const voted = await votedAmong(
    deps.db,
    viewer.id,
    items.map((i) => i.id),
  );
  return {
    cards: items.map((i) => ({
      ...i,
      voted: voted.has(i.id),
      canVote: canVote(viewer, i.post_author_id),
    })),
    next,
  };
}

/** `/pain-points`: the board. */
export async function boardRoutes(instance: FastifyInstance, deps: Deps): Promise<void> {
  const app = instance.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = deps;

  app.get(
    '/pain-points',
    {
      schema: {
        querystring: Type.Object({
          ...BoardQuerySchema,
          cursor: Type.Optional(Type.String({ maxLength: 500 })),
        }),
      },
    },
    async (req, reply) => {
      const viewer = requireViewer(req);
      const f = await boardFilterOf(db, req.query);
      const cursor = req.query.cursor || null;
      const [{ cards, next }, counts, options, waiting] = await Promise.all([
        boardCards(deps, viewer, f, { cursor, limit: BOARD_PAGE }),
        countByStatus(db, viewer.id, f),
        filterOptions(db, viewer.id),
        viewer.role === 'admin'
          ? db
              .selectFrom('pain_point_submissions')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('status', '=', 'pending')
              .executeTakeFirstOrThrow()
              .then((r) => Number(r.n))
          : null,
      ]);
      return sendPage(req, reply, deps, req.i18n.t('painpoints.board_title'), (ctx) => (
        <BoardPage
          ctx={ctx}
          f={f}
          counts={counts}
          options={options}
          cards={cards}
          nextUrl={next ? boardUrl(f, next) : null}
          now={deps.clock()}
          back={boardUrl(f, cursor)}
          waiting={waiting}
        />
      ));
    },
  );
}
