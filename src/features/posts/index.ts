import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { postsRoutes } from './posts.routes.tsx';

export { postsApi } from './posts.api.ts';
export { createPost } from './posts.service.ts';

export async function registerPosts(app: FastifyInstance, deps: Deps): Promise<void> {
  await postsRoutes(app, deps);
}
