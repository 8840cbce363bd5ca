import type { Deps } from '../../http/app.ts';
import { invalid } from '../../http/errors.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { setSetting } from '../admin/settings.ts';
import { mustManage } from './customers.access.ts';
import { AUDIENCE_KEY, type SatisfactionAudience } from './customers.policy.ts';

export const AUDIENCES: readonly SatisfactionAudience[] = ['owners', 'members'];

/** Who besides admins sees satisfaction: account owners (default) or every member. */
export async function setAudience(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: User,
  audience: unknown,
): Promise<SatisfactionAudience> {
  mustManage(actor);
  if (!AUDIENCES.includes(audience as SatisfactionAudience)) {
    throw invalid([
      { field: 'audience', code: 'invalid_value', message: 'validation.invalid_value' },
    ]);
  }
  const value = audience as SatisfactionAudience;
  await setSetting(deps.db, AUDIENCE_KEY, value, deps.clock());
  await audit(deps.db, {
    actorId: actor.id,
    action: 'satisfaction.audience',
    targetType: 'setting',
    targetId: AUDIENCE_KEY,
    data: { audience: value },
    now: deps.clock(),
  });
  return value;
}
