import type { Deps } from '../../http/app.ts';
import { fieldError, type FieldError } from '../../http/errors.ts';
import { invalid } from '../../http/errors.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { setSetting } from '../admin/settings.ts';
import { analyticsAudience, analyticsEnabled, type Audience } from './access.ts';
import { privacyK } from './dashboard.ts';
import { MIN_K } from './privacy.ts';

export const AUDIENCES = ['admins', 'members'] as const satisfies readonly Audience[];
/** A threshold above this would hide every breakdown of a mid-sized organisation. */
export const MAX_K = 50;

export interface AnalyticsSettings {
  /** Whether activity is recorded and dashboards are shown. */
  enabled: boolean;
  /** Who sees the dashboards: admins only, or every member. */
  audience: Audience;
  /** The privacy threshold: breakdown cells over fewer people are not shown. */
  k: number;
}

export async function getAnalyticsSettings(db: Deps['db']): Promise<AnalyticsSettings> {
  const [enabled, audience, k] = await Promise.all([
    analyticsEnabled(db),
    analyticsAudience(db),
    privacyK(db),
  ]);
  return { enabled, audience, k };
}

/** Changes what is given; every bad field named; the change is in the audit log. */
export async function setAnalyticsSettings(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: User,
  input: { enabled?: unknown; audience?: unknown; k?: unknown },
): Promise<AnalyticsSettings> {
  const errors: FieldError[] = [];
  if (input.enabled !== undefined && typeof input.enabled !== 'boolean') {
    errors.push({ field: 'enabled', code: 'invalid', message: 'analytics.settings_bad_enabled' });
  }
  if (input.audience !== undefined && !(AUDIENCES as readonly unknown[]).includes(input.audience)) {
    errors.push({ field: 'audience', code: 'invalid', message: 'analytics.settings_bad_audience' });
  }
  if (
    input.k !== undefined &&
    (typeof input.k !== 'number' ||
      !Number.isInteger(input.k) ||
      input.k < MIN_K ||
      input.k > MAX_K)
  ) {
    errors.push({
      field: 'k',
      code: 'out_of_range',
      message: 'analytics.settings_bad_k',
      params: { min: MIN_K, max: MAX_K },
    });
  }
  if (errors.length > 0) throw invalid(errors);
  const now = deps.clock();
  const before = await getAnalyticsSettings(deps.db);
  if (input.enabled !== undefined)
    await setSetting(deps.db, 'analytics.enabled', input.enabled, now);
  if (input.audience !== undefined) {
    await setSetting(deps.db, 'analytics.audience', input.audience, now);
  }
  if (input.k !== undefined) await setSetting(deps.db, 'analytics.k', input.k, now);
  const after = await getAnalyticsSettings(deps.db);
  await audit(deps.db, {
    actorId: actor.id,
    action: 'analytics.settings',
    targetType: 'settings',
    targetId: 'analytics',
    data: { before, after },
    now,
  });
  return after;
}

/**
 * Deletes everything measurement recorded about activity: the per-person days, the per-group
 * days and conversations, and the rollups made from them. Content (posts, answers, documents) is untouched, so figures
 * computed from content (answer times, reuse, hashtags) remain.
 */
export async function eraseActivity(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: User,
  confirmed: boolean,
): Promise<void> {
  if (!confirmed) throw fieldError('confirm', 'required', 'analytics.erase_confirm_required');
  await deps.db.transaction().execute(async (trx) => {
    for (const table of [
      'activity_days',
      'activity_totals',
      'activity_periods',
      'activity_period_people',
      'users_level_days',
      'group_activity_days',
      'team_days',
      'team_months',
      'group_engagement',
      'conversations',
    ] as const) {
      await trx.deleteFrom(table).execute();
    }
  });
  await audit(deps.db, {
    actorId: actor.id,
    action: 'analytics.erase',
    targetType: 'settings',
    targetId: 'analytics',
    now: deps.clock(),
  });
}
