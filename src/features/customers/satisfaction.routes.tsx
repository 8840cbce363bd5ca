import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';
import type { HomeSection } from '../feed/index.ts';

// Stub: filled in by this file's owner.
export async function satisfactionRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  void app;
  void deps;
}

/** The satisfaction widget on the home page, for those allowed to see it. */
export function satisfactionHome(deps: Deps): HomeSection {
  void deps;
  return async () => null;
}
