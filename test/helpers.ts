import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../src/config.ts';
import { connect } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildApp, type Deps } from '../src/http/app.ts';
import { memoryRateLimiter } from '../src/http/rate-limit.ts';
import type { Mail, Mailer } from '../src/mail/mailer.ts';
import { createBus } from '../src/realtime/bus.ts';
import { localStorage } from '../src/storage/storage.ts';
import { createTestDatabase, type Dialect } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  /** Mails the app sent, newest last. */
  mails: Mail[];
  close(): Promise<void>;
}

/**
 * A Kantine on a fresh database of the dialect, migrated, with mails captured in memory.
 * `env` overrides settings; `now` fixes the clock.
 */
export async function build(
  dialect: Dialect,
  opts: { env?: Record<string, string>; now?: () => Date } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(dialect);
  const config: Config = loadConfig({
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    PASSWORD_COST: '10',
    VITEST: 'true',
    ...opts.env,
  });
  const db = connect(config);
  await migrateToLatest(db);
  const mails: Mail[] = [];
  const mailer: Mailer = { send: async (m) => void mails.push(m) };
  const deps: Deps = {
    config,
    db,
    mailer,
    storage: localStorage(path.join(database.dataDir, 'files')),
    clock: opts.now ?? (() => new Date()),
    limiter: memoryRateLimiter(),
    bus: createBus({ redisUrl: opts.env?.REDIS_URL ?? null }),
  };
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    mails,
    close: async () => {
      await app.close();
      await deps.bus.close();
      await db.destroy();
      await database.drop();
    },
  };
}

/** Cookies from a response, merged into a jar (name → value). */
export function collectCookies(
  res: LightMyRequestResponse,
  jar: Record<string, string> = {},
): Record<string, string> {
  for (const c of res.cookies as {
    name: string;
    value: string;
    maxAge?: number;
    expires?: Date;
  }[]) {
    const expired =
      c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now());
    if (expired || c.value === '') delete jar[c.name];
    else jar[c.name] = c.value;
  }
  return jar;
}

/** The CSRF token of the first form on a page. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF token on the page');
  return m[1];
}
