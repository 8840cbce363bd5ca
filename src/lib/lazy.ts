import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Loads a CommonJS dependency the first time it is needed, synchronously. The PostgreSQL
 * driver, the Redis client and the mail library together cost the process about 45 MB when
 * loaded (see bench/RESULTS.md, "Memory"); a team on SQLite with no Redis and no SMTP never
 * needs them.
 */
export function lazyRequire<T>(name: string): T {
  return require(name) as T;
}
