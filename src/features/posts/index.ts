import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { moderationRoutes } from './moderation.routes.tsx';
import { postsRoutes, type CommentsSection, type QuestionPreview } from './posts.routes.tsx';

export { moderationApi } from './moderation.routes.tsx';
export { markSeen, pinnedAnnouncements, seenCounts } from './moderation.ts';
export { postsApi } from './posts.api.ts';
export { createPost, loadPost } from './posts.service.ts';
export { myGroups, readableBy, resolveMentions } from './posts.queries.ts';
export type { CommentsSection, QuestionPreview } from './posts.routes.tsx';
export type { CommentRow, CommentsExtension } from './posts.views.tsx';
export type { Post } from './posts.table.ts';

export async function registerPosts(
  app: FastifyInstance,
  deps: Deps,
  sections: { comments?: readonly CommentsSection[]; questionPreview?: QuestionPreview } = {},
): Promise<void> {
  await postsRoutes(app, deps, sections);
  await moderationRoutes(app, deps);
}
