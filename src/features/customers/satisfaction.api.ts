import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../http/app.ts';

// Stub: filled in by this file's owner.
export async function satisfactionApi(app: FastifyInstance, deps: Deps): Promise<void> {
  void app;
  void deps;
}
