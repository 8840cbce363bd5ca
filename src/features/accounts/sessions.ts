import type { Config } from '../../config.ts';
import type { Db } from '../../db/connect.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import type { User } from './accounts.table.ts';

export const SESSION_COOKIE = 'kantine_session';
/** last_seen_at is written at most this often, so reading a page does not always write. */
const TOUCH_EVERY_MS = 60_000;

type SessionLifetimes = Pick<Config, 'sessionIdleHours' | 'sessionAbsoluteDays'>;

export async function createSession(
  db: Db,
  input: { userId: string; ip: string; userAgent: string; now: Date; lifetimes: SessionLifetimes },
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = newSecret();
  const id = newId();
  const expiresAt = new Date(
    input.now.getTime() + input.lifetimes.sessionAbsoluteDays * 86_400_000,
  );
  await db
    .insertInto('sessions')
    .values({
      id,
      token_hash: hashSecret(token),
      user_id: input.userId,
      created_at: input.now.toISOString(),
      last_seen_at: input.now.toISOString(),
      expires_at: expiresAt.toISOString(),
      ip: input.ip.slice(0, 64),
      user_agent: input.userAgent.slice(0, 300),
    })
    .execute();
  return { token, id, expiresAt };
}

/** The person behind a session cookie, if the session is alive (idle and absolute lifetimes). */
export async function findUserForSession(
  db: Db,
  token: string,
  now: Date,
  lifetimes: SessionLifetimes,
): Promise<{ user: User; sessionId: string } | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as session_id',
      'sessions.last_seen_at as session_seen',
      'sessions.expires_at',
    ])
    .where('sessions.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!row) return null;
  const idleLimit = now.getTime() - lifetimes.sessionIdleHours * 3_600_000;
  const seen = Date.parse(row.session_seen);
  if (row.status !== 'active' || Date.parse(row.expires_at) <= now.getTime() || seen <= idleLimit) {
    await db.deleteFrom('sessions').where('id', '=', row.session_id).execute();
    return null;
  }
  if (now.getTime() - seen > TOUCH_EVERY_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', row.session_id)
      .execute();
    await db
      .updateTable('users')
      .set({ last_seen_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  const { session_id, session_seen: _s, expires_at: _e, ...user } = row;
  return { user, sessionId: session_id };
}

/** The person's live sessions; expired ones are only deleted when next used, so filter here. */
export async function listSessions(db: Db, userId: string, now: Date, lifetimes: SessionLifetimes) {
  const idleLimit = new Date(now.getTime() - lifetimes.sessionIdleHours * 3_600_000);
  return db
    .selectFrom('sessions')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now.toISOString())
    .where('last_seen_at', '>', idleLimit.toISOString())
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Ends one of the person's sessions; false when it is not theirs or already gone. */
export async function endSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const r = await db
    .deleteFrom('sessions')
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function endOtherSessions(
  db: Db,
  userId: string,
  keepId: string | null,
): Promise<number> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (keepId) q = q.where('id', '!=', keepId);
  const r = await q.executeTakeFirst();
  return Number(r.numDeletedRows);
}

export const TOKEN_PREFIX = 'kt_';

/** The person behind a personal access token, if it is valid and they are active. */
export async function findUserForToken(
  db: Db,
  token: string,
  now: Date,
): Promise<{ user: User; tokenId: string } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at as token_used'])
    .where('api_tokens.token_hash', '=', hashSecret(token))
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.status !== 'active') return null;
  if (!row.token_used || now.getTime() - Date.parse(row.token_used) > TOUCH_EVERY_MS) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.token_id)
      .execute();
  }
  const { token_id, token_used: _u, ...user } = row;
  return { user, tokenId: token_id };
}
