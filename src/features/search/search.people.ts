import type { Db } from '../../db/connect.ts';
import { resolveMentions } from '../posts/index.ts';

/** A person named by id, e-mail address or handle (`anna.berg`, `@anna.berg`), if any. */
export async function resolvePerson(db: Db, named: string): Promise<string | undefined> {
  const s = named.trim().replace(/^@/, '').toLowerCase();
  if (s === '') return undefined;
  const byIdOrEmail = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', named.trim()), eb('email', '=', s)]))
    .executeTakeFirst();
  if (byIdOrEmail) return byIdOrEmail.id;
  return (await resolveMentions(db, [s])).get(s)?.id;
}
