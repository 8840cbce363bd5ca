import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import { searchRoutes } from './search.routes.tsx';

export { searchApi } from './search.api.ts';
export { drainSearchQueue, rebuildSearchIndex } from './indexer.ts';
export { INDEX_JOB, scheduleSearchJobs } from './search.jobs.ts';
export { search, type SearchHit, type SearchQuery } from './search.queries.ts';
export { queryWords } from './normalize.ts';

export async function registerSearch(app: FastifyInstance, deps: Deps): Promise<void> {
  await searchRoutes(app, deps);
}
