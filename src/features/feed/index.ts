import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { feedRoutes } from './feed.routes.tsx';

export { feedApi } from './feed.api.ts';
export { groupFeedSection, profileFeedSection, type FeedSection } from './feed.routes.tsx';

export async function registerFeed(app: FastifyInstance, deps: Deps): Promise<void> {
  await feedRoutes(app, deps);
}
