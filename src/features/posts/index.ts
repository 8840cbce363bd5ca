import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { moderationRoutes } from './moderation.routes.tsx';
import { postsRoutes } from './posts.routes.tsx';

export { moderationApi } from './moderation.routes.tsx';
export { markSeen, pinnedAnnouncements, seenCounts } from './moderation.ts';
export { postsApi } from './posts.api.ts';
export { createPost } from './posts.service.ts';

export async function registerPosts(app: FastifyInstance, deps: Deps): Promise<void> {
  await postsRoutes(app, deps);
  await moderationRoutes(app, deps);
}
