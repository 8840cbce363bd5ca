import type { Deps } from '../../http/app.ts';
import { AppError, fieldError, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { cleanText } from '../../lib/text.ts';
import type { User } from '../accounts/accounts.table.ts';
import { loadGroup } from '../groups/index.ts';
import {
  extractHashtagSpellings,
  extractMentions,
  resolveAliases,
  setPostHashtags,
} from '../hashtags/index.ts';
import {
  forgetPostFiles,
  insertAttachments,
  prepareAttachments,
  storeAttachments,
  type Uploads,
} from './attachments.ts';
import { attachableDocument, attachDocument } from '../documents/post-documents.ts';
import { renderMarkdown } from './markdown.ts';
import { canDeletePost, canEditPost } from './posts.policy.ts';
import { findPost, readableBy, resolveMentions, setReaction } from './posts.queries.ts';
import type { Comment, Post, PostKind, ReactionType } from './posts.table.ts';

type PostDeps = Pick<Deps, 'db' | 'clock' | 'bus'>;
export const BODY_MAX = 10_000;
export const COMMENT_MAX = 5_000;

/** A post the viewer may read; otherwise "not found" (never "forbidden"). */
export async function loadPost(deps: Pick<Deps, 'db'>, viewer: User, id: string): Promise<Post> {
  const post = await deps.db
    .selectFrom('posts')
    .selectAll()
    .where('id', '=', id)
    .where(readableBy(viewer.id, deps.db))
    .executeTakeFirst();
  if (!post) throw notFound();
  return post;
}

interface Rendered {
  html: string;
  tags: { tag: string; display: string }[];
  mentionIds: string[];
}

/** Renders a body once, resolving its hashtags (through aliases) and mentions. */
async function render(deps: PostDeps, body: string): Promise<Rendered> {
  const mentions = await resolveMentions(deps.db, extractMentions(body));
  const spellings = extractHashtagSpellings(body);
  const resolved = await resolveAliases(
    deps.db,
    spellings.map((s) => s.tag),
  );
  const display = new Map(spellings.map((s) => [s.tag, s.display]));
  return {
    html: renderMarkdown(body, mentions),
    tags: resolved.map((tag) => ({ tag, display: display.get(tag) ?? tag })),
    mentionIds: [...new Set([...mentions.values()].map((m) => m.id))],
  };
}

function checkBody(body: string, max: number): string {
  const text = cleanText(body);
  if (text === '') throw fieldError('body', 'required', 'validation.required');
  if (text.length > max) throw fieldError('body', 'too_long', 'validation.too_long', { max });
  return text;
}

export interface NewPost {
  body: string;
  groupId?: string | null;
  kind?: PostKind;
  /** Files from a multipart form, checked here (attachments.ts). */
  uploads?: Uploads;
  /** A document to attach (its id or address); one the author may read. */
  document?: string | null;
}

/**
 * Writes a post with its hashtags, mentions and attachments in one transaction. The files are
 * stored first, so that no row ever points at a missing file, and removed again if it fails.
 */
export async function createPost(
  deps: PostDeps & Partial<Pick<Deps, 'storage'>>,
  actor: User,
  input: NewPost,
): Promise<Post> {
  const body = checkBody(input.body, BODY_MAX);
  const kind = input.kind ?? 'post';
  if (kind === 'announcement' && actor.role !== 'admin')
    throw new AppError(403, 'forbidden', 'posts.announce_admins');
  let groupId: string | null = null;
  if (input.groupId) {
    const { group, rel } = await loadGroup(deps, actor, input.groupId).catch(() => {
      throw fieldError('groupId', 'unknown_group', 'posts.unknown_group');
    });
    if (!rel.role) throw fieldError('groupId', 'not_member', 'posts.members_post');
    groupId = group.id;
  }
  const doc = input.document?.trim()
    ? await attachableDocument(deps.db, actor.id, input.document)
    : null;
  const files = input.uploads ? await prepareAttachments(input.uploads) : [];
  const r = await render(deps, body);
  const now = deps.clock();
  const post = {
    id: newId(),
    author_id: actor.id,
    group_id: groupId,
    kind,
    body,
    html: r.html,
    created_at: now.toISOString(),
    edited_at: null,
    pinned_until: null,
  };
  if (files.length) await storeAttachments(deps, post.id, files);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('posts').values(post).execute();
      await insertAttachments(trx, post.id, files, now);
      if (doc) await attachDocument(trx, post, doc, now);
      await setPostHashtags(trx, post, r.tags, now);
      if (r.mentionIds.length) {
        await trx
          .insertInto('post_mentions')
          .values(r.mentionIds.map((user_id) => ({ post_id: post.id, user_id })))
          .execute();
      }
    });
  } catch (err) {
    if (files.length) await forgetPostFiles(deps, post.id);
    throw err;
  }
  await deps.bus.emit({
    type: 'post.created',
    postId: post.id,
    authorId: actor.id,
    groupId,
    kind,
    mentions: r.mentionIds,
  });
  return (await findPost(deps.db, post.id))!;
}

/** The author edits; the post is marked edited, its hashtags and mentions follow the new text. */
export async function editPost(
  deps: PostDeps,
  actor: User,
  id: string,
  bodyIn: string,
): Promise<Post> {
  const post = await loadPost(deps, actor, id);
  if (!canEditPost(actor, post)) throw new AppError(403, 'forbidden', 'error.forbidden');
  const body = checkBody(bodyIn, BODY_MAX);
  const r = await render(deps, body);
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('posts')
      .set({ body, html: r.html, edited_at: now.toISOString() })
      .where('id', '=', post.id)
      .execute();
    await setPostHashtags(trx, post, r.tags, now);
    await trx.deleteFrom('post_mentions').where('post_id', '=', post.id).execute();
    if (r.mentionIds.length) {
      await trx
        .insertInto('post_mentions')
        .values(r.mentionIds.map((user_id) => ({ post_id: post.id, user_id })))
        .execute();
    }
  });
  await deps.bus.emit({
    type: 'post.edited',
    postId: post.id,
    authorId: post.author_id,
    groupId: post.group_id,
  });
  return (await findPost(deps.db, post.id))!;
}

async function isGroupOwner(
  deps: Pick<Deps, 'db'>,
  actor: User,
  groupId: string | null,
): Promise<boolean> {
  if (!groupId) return false;
  const { rel } = await loadGroup(deps, actor, groupId);
  return rel.role === 'owner';
}

/**
 * The author, the group's owner or an admin deletes a post with its comments, reactions and
 * attachments; the files go after the commit.
 */
export async function deletePost(
  deps: PostDeps & Pick<Deps, 'storage'>,
  actor: User,
  id: string,
): Promise<void> {
  const post = await loadPost(deps, actor, id);
  if (!canDeletePost(actor, post, await isGroupOwner(deps, actor, post.group_id))) {
    throw new AppError(403, 'forbidden', 'error.forbidden');
  }
  await deps.db.deleteFrom('posts').where('id', '=', post.id).execute();
  await forgetPostFiles(deps, post.id);
}

/** A comment, or a reply: replies attach to the top-level comment (one level deep). */
export async function addComment(
  deps: PostDeps,
  actor: User,
  postId: string,
  input: { body: string; parentId?: string | null },
): Promise<Comment> {
  const post = await loadPost(deps, actor, postId);
  const body = checkBody(input.body, COMMENT_MAX);
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await deps.db
      .selectFrom('comments')
      .select(['id', 'parent_id'])
      .where('id', '=', input.parentId)
      .where('post_id', '=', post.id)
      .executeTakeFirst();
    if (!parent) throw fieldError('parentId', 'unknown_comment', 'posts.unknown_comment');
    parentId = parent.parent_id ?? parent.id;
  }
  let parentAuthorId: string | null = null;
  if (parentId) {
    const parent = await deps.db
      .selectFrom('comments')
      .select('author_id')
      .where('id', '=', parentId)
      .executeTakeFirst();
    parentAuthorId = parent?.author_id ?? null;
  }
  const mentions = await resolveMentions(deps.db, extractMentions(body));
  const comment = {
    id: newId(),
    post_id: post.id,
    parent_id: parentId,
    author_id: actor.id,
    body,
    html: renderMarkdown(body, mentions),
    created_at: deps.clock().toISOString(),
    edited_at: null,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('comments').values(comment).execute();
    await trx
      .updateTable('posts')
      .set((eb) => ({ comment_count: eb('comment_count', '+', 1) }))
      .where('id', '=', post.id)
      .execute();
  });
  await deps.bus.emit({
    type: 'comment.created',
    commentId: comment.id,
    postId: post.id,
    postAuthorId: post.author_id,
    authorId: actor.id,
    parentAuthorId,
    mentions: [...new Set([...mentions.values()].map((m) => m.id))],
  });
  return comment;
}

/** The author, the group's owner or an admin deletes a comment (its replies go with it). */
export async function deleteComment(
  deps: PostDeps,
  actor: User,
  commentId: string,
): Promise<string> {
  const comment = await deps.db
    .selectFrom('comments')
    .selectAll()
    .where('id', '=', commentId)
    .executeTakeFirst();
  if (!comment) throw notFound();
  const post = await loadPost(deps, actor, comment.post_id);
  const owner = await isGroupOwner(deps, actor, post.group_id);
  if (!(comment.author_id === actor.id || actor.role === 'admin' || owner)) {
    throw new AppError(403, 'forbidden', 'error.forbidden');
  }
  await deps.db.transaction().execute(async (trx) => {
    const replies = await trx
      .selectFrom('comments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', comment.id)
      .executeTakeFirstOrThrow();
    await trx.deleteFrom('comments').where('parent_id', '=', comment.id).execute();
    await trx.deleteFrom('comments').where('id', '=', comment.id).execute();
    await trx
      .updateTable('posts')
      .set((eb) => ({ comment_count: eb('comment_count', '-', 1 + Number(replies.n)) }))
      .where('id', '=', post.id)
      .execute();
  });
  return post.id;
}

/** Adds (on) or removes one of the person's reactions to a post they can read. */
export async function react(
  deps: PostDeps,
  actor: User,
  postId: string,
  type: ReactionType,
  on: boolean,
): Promise<Post> {
  const post = await loadPost(deps, actor, postId);
  const changed = await deps.db
    .transaction()
    .execute((trx) => setReaction(trx, post.id, actor.id, type, on, deps.clock()));
  if (changed && on) {
    await deps.bus.emit({
      type: 'reaction.added',
      postId: post.id,
      postAuthorId: post.author_id,
      userId: actor.id,
      reaction: type,
    });
  }
  return (await findPost(deps.db, post.id))!;
}
