import type { User } from '../accounts/accounts.table.ts';
import type { Post } from './posts.table.ts';

/** Only the author edits a post: their words stay theirs. */
export const canEditPost = (actor: User, post: Post): boolean => post.author_id === actor.id;

/** The author, an owner of the post's group, or an admin deletes it. */
export const canDeletePost = (actor: User, post: Post, isGroupOwner: boolean): boolean =>
  post.author_id === actor.id || actor.role === 'admin' || isGroupOwner;
