import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Deps } from '../../http/app.ts';
import { pendingMigrations } from '../../db/migrate.ts';

/** Liveness and readiness for load balancers and orchestrators. */
export async function registerHealth(app: FastifyInstance, { db }: Deps): Promise<void> {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    try {
      await sql`select 1`.execute(db);
      const pending = await pendingMigrations(db);
      if (pending.length > 0)
        return reply.code(503).send({ status: 'migrations pending', pending });
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'database unreachable' });
    }
  });
}
