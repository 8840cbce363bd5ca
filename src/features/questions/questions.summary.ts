import type { Db } from '../../db/connect.ts';
import type { QuestionStatus } from './questions.table.ts';

/** What a post card shows of a question: its state, answers, and when one was accepted. */
export interface QuestionSummary {
  status: QuestionStatus;
  /** Top-level comments by someone other than the asker. */
  answers: number;
  acceptedAt: string | null;
}

/**
 * The summaries of the questions among `postIds`, in one query for a page of posts. Kept free
 * of other imports so that posts can call it while hydrating without an import cycle.
 */
export async function questionSummaries(
  db: Db,
  postIds: readonly string[],
): Promise<Map<string, QuestionSummary>> {
  if (postIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('questions')
    .select((eb) => [
      'questions.post_id',
      'questions.first_answer_at',
      'questions.accepted_comment_id',
      'questions.accepted_at',
      eb
        .selectFrom('comments')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('comments.post_id', '=', 'questions.post_id')
        .where('comments.parent_id', 'is', null)
        .whereRef('comments.author_id', '<>', 'questions.asker_id')
        .as('answers'),
    ])
    .where('questions.post_id', 'in', postIds)
    .execute();
  return new Map(
    rows.map((r) => [
      r.post_id,
      {
        status: r.accepted_comment_id ? 'accepted' : r.first_answer_at ? 'answered' : 'open',
        answers: Number(r.answers ?? 0),
        acceptedAt: r.accepted_at,
      },
    ]),
  );
}
