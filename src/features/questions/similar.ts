import type { Db } from '../../db/connect.ts';
import { queryWords, search } from '../search/index.ts';
import { statusOf } from './questions.queries.ts';
import type { QuestionStatus } from './questions.table.ts';

/*
 * Similar questions: the search index asked for answered questions sharing any of the text's
 * significant words (stop words left out; case, umlauts, inflections and compounds handled as
 * in every search), ranked by how many words and how well they match, then the newest.
 */

export interface SimilarQuestion {
  id: string;
  body: string;
  authorName: string;
  groupId: string | null;
  groupName: string | null;
  createdAt: string;
  status: QuestionStatus;
  acceptedCommentId: string | null;
  /** Where its answers are: the accepted one if there is one. */
  url: string;
}

/**
 * Questions like `text` that the viewer may read and that have an answer, best first. Never a
 * question of a group whose content the viewer may not read.
 */
export async function findSimilarQuestions(
  db: Db,
  viewer: { id: string },
  text: string,
  opts: { limit: number; now: Date },
): Promise<SimilarQuestion[]> {
  const words = queryWords(text, { stopWords: 'drop' });
  if (words.length === 0 || opts.limit < 1) return [];
  const found = await search(
    db,
    viewer.id,
    { q: words.map((w) => w.word).join(' '), kind: 'question', answered: true },
    // One shared word is enough for a short text; a longer one needs two.
    { mode: 'any', minWords: words.length <= 2 ? 1 : 2, limit: opts.limit, now: opts.now },
  );
  const ids = found.items.map((h) => h.id);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('questions')
    .innerJoin('posts', 'posts.id', 'questions.post_id')
    .innerJoin('users', 'users.id', 'posts.author_id')
    .leftJoin('groups', 'groups.id', 'posts.group_id')
    .select([
      'posts.id',
      'posts.body',
      'posts.group_id',
      'posts.created_at',
      'users.name as author_name',
      'groups.name as group_name',
      'questions.first_answer_at',
      'questions.accepted_comment_id',
    ])
    .where('posts.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        body: r.body,
        authorName: r.author_name,
        groupId: r.group_id,
        groupName: r.group_name,
        createdAt: r.created_at,
        status: statusOf(r),
        acceptedCommentId: r.accepted_comment_id,
        url: r.accepted_comment_id
          ? `/posts/${r.id}#c-${r.accepted_comment_id}`
          : `/posts/${r.id}#comments`,
      },
    ];
  });
}
