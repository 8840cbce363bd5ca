import type { Db } from '../../db/connect.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import { cleanLine } from '../../lib/text.ts';
import { TOKEN_PREFIX } from './sessions.ts';

/** Creates a personal access token; the token itself is returned once and stored only hashed. */
export async function createToken(
  db: Db,
  input: { userId: string; name: string; now: Date },
): Promise<{ id: string; token: string; name: string; prefix: string; createdAt: string }> {
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  const row = {
    id: newId(),
    token_hash: hashSecret(token),
    user_id: input.userId,
    name: cleanLine(input.name) || 'Token',
    prefix: token.slice(0, 10),
    created_at: input.now.toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await db.insertInto('api_tokens').values(row).execute();
  return { id: row.id, token, name: row.name, prefix: row.prefix, createdAt: row.created_at };
}

export async function listTokens(db: Db, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes one of the person's tokens; false when it is not theirs or already revoked. */
export async function revokeToken(
  db: Db,
  userId: string,
  tokenId: string,
  now: Date,
): Promise<boolean> {
  const r = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
