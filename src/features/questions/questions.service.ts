import type { Deps } from '../../http/app.ts';
import { AppError, fieldError, notFound } from '../../http/errors.ts';
import type { User } from '../accounts/accounts.table.ts';
import { loadGroup } from '../groups/index.ts';
import { loadPost, type Post } from '../posts/index.ts';
import { canAccept, canVote } from './questions.policy.ts';
import { findQuestion, helpfulCounts, setAccepted, setVote } from './questions.queries.ts';

type QDeps = Pick<Deps, 'db' | 'clock' | 'bus'>;

/*
 * Measurement (PRODUCT.md §7, content level) reads `questions`: time to first answer is
 * first_answer_at − asked_at, time to accepted answer accepted_at − asked_at. `answerTimes`
 * (answer-times.ts) gives both in calendar and in working hours; nothing is stored per question.
 */

export async function isGroupOwner(
  deps: Pick<Deps, 'db'>,
  actor: User,
  groupId: string | null,
): Promise<boolean> {
  if (!groupId) return false;
  const { rel } = await loadGroup(deps, actor, groupId);
  return rel.role === 'owner';
}

/** A question the viewer may read, with its recorded times; "not found" otherwise. */
export async function loadQuestion(deps: Pick<Deps, 'db'>, viewer: User, postId: string) {
  const post = await loadPost(deps, viewer, postId);
  const question = await findQuestion(deps.db, post.id);
  if (post.kind !== 'question' || !question) throw notFound();
  return { post, question };
}

/** An answer: a top-level comment on a question the viewer may read. */
async function loadAnswer(deps: Pick<Deps, 'db'>, viewer: User, commentId: string) {
  const comment = await deps.db
    .selectFrom('comments')
    .select(['id', 'post_id', 'parent_id', 'author_id'])
    .where('id', '=', commentId)
    .executeTakeFirst();
  if (!comment) throw notFound();
  const { post, question } = await loadQuestion(deps, viewer, comment.post_id);
  if (comment.parent_id) throw new AppError(422, 'not_an_answer', 'questions.not_an_answer');
  return { comment, post, question };
}

async function mayAccept(deps: Pick<Deps, 'db'>, actor: User, post: Post): Promise<void> {
  if (!canAccept(actor, post, await isGroupOwner(deps, actor, post.group_id)))
    throw new AppError(403, 'forbidden', 'error.forbidden');
}

/**
 * Accepts one answer (replacing an accepted one). Its author hears of it, unless they accepted
 * it themselves or it was accepted already.
 */
export async function acceptAnswer(
  deps: QDeps,
  actor: User,
  postId: string,
  commentId: string,
): Promise<void> {
  const { post, question } = await loadQuestion(deps, actor, postId);
  await mayAccept(deps, actor, post);
  const answer = await deps.db
    .selectFrom('comments')
    .select(['id', 'parent_id', 'author_id'])
    .where('id', '=', commentId)
    .where('post_id', '=', post.id)
    .executeTakeFirst();
  if (!answer) throw fieldError('commentId', 'unknown_comment', 'posts.unknown_comment');
  if (answer.parent_id) throw new AppError(422, 'not_an_answer', 'questions.not_an_answer');
  // The asker's own comment is no answer: accepting it would count a question as answered
  // that nobody else answered.
  if (answer.author_id === post.author_id)
    throw new AppError(422, 'own_answer', 'questions.own_answer_accept');
  if (question.accepted_comment_id === answer.id) return;
  await setAccepted(deps.db, post.id, { commentId: answer.id, by: actor.id, at: deps.clock() });
  await deps.bus.emit({
    type: 'answer.accepted',
    postId: post.id,
    commentId: answer.id,
    answerAuthorId: answer.author_id,
    by: actor.id,
  });
}

/** Takes the accepted answer back; the question stays answered. */
export async function unacceptAnswer(deps: QDeps, actor: User, postId: string): Promise<void> {
  const { post } = await loadQuestion(deps, actor, postId);
  await mayAccept(deps, actor, post);
  await setAccepted(deps.db, post.id, null);
}

/** Marks (on) or unmarks an answer as helpful; returns its count and whether the person voted. */
export async function voteHelpful(
  deps: QDeps,
  actor: User,
  commentId: string,
  on: boolean,
): Promise<{ commentId: string; postId: string; helpful: number; voted: boolean }> {
  const { comment } = await loadAnswer(deps, actor, commentId);
  if (!canVote(actor, comment)) throw new AppError(422, 'own_answer', 'questions.own_answer_vote');
  await setVote(deps.db, comment.id, actor.id, on, deps.clock());
  const counts = await helpfulCounts(deps.db, [comment.id]);
  return {
    commentId: comment.id,
    postId: comment.post_id,
    helpful: counts.get(comment.id) ?? 0,
    voted: on,
  };
}
