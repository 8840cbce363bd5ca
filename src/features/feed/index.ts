import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { feedRoutes, type HomeSection } from './feed.routes.tsx';

export { feedApi } from './feed.api.ts';
export {
  groupFeedSection,
  profileFeedSection,
  type FeedSection,
  type HomeSection,
} from './feed.routes.tsx';

export async function registerFeed(
  app: FastifyInstance,
  deps: Deps,
  sections: { home?: readonly HomeSection[] } = {},
): Promise<void> {
  await feedRoutes(app, deps, sections);
}
