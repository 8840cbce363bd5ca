import type { Db } from '../../db/connect.ts';

// Settings change rarely and are read on every page, so each process keeps them in memory.
// A multi-node setup invalidates through the event bus (to come with REDIS_URL support).
const cache = new WeakMap<Db, Map<string, unknown>>();

function cacheOf(db: Db): Map<string, unknown> {
  let c = cache.get(db);
  if (!c) {
    c = new Map();
    cache.set(db, c);
  }
  return c;
}

export async function getSetting<T>(db: Db, key: string, fallback: T): Promise<T> {
  const c = cacheOf(db);
  if (c.has(key)) return c.get(key) as T;
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  const value = row ? (JSON.parse(row.value) as T) : fallback;
  if (row) c.set(key, value);
  return value;
}

export async function setSetting(db: Db, key: string, value: unknown, now: Date): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json, updated_at: now.toISOString() })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: json, updated_at: now.toISOString() }),
    )
    .execute();
  cacheOf(db).set(key, value);
}

export const getOrgName = (db: Db): Promise<string> => getSetting(db, 'org.name', '');
