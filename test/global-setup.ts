import pg from 'pg';
import { adminUrl } from './db.ts';

/** PostgreSQL must be reachable: every database test runs on it too, and never skips. */
export default async function setup(): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    throw new Error(
      `PostgreSQL is not reachable at ${adminUrl()} (${(err as Error).message}). ` +
        'Start it, or point TEST_DATABASE_URL at a server where the user may create databases.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}
