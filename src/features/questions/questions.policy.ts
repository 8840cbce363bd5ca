import type { User } from '../accounts/accounts.table.ts';
import type { Post } from '../posts/index.ts';

/** The asker, an owner of the question's group, or an admin accepts (and takes back) an answer. */
export const canAccept = (actor: User, post: Post, isGroupOwner: boolean): boolean =>
  post.author_id === actor.id || actor.role === 'admin' || isGroupOwner;

/** Helpful votes are for other people's answers. */
export const canVote = (actor: User, answer: { author_id: string }): boolean =>
  answer.author_id !== actor.id;
