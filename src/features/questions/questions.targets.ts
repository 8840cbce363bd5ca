import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import {
  businessHoursProblem,
  DEFAULT_BUSINESS_HOURS,
  normaliseBusinessHours,
  type BusinessHours,
} from '../../lib/business-hours.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit, getSetting, setSetting } from '../admin/index.ts';
import { canManage, loadGroup } from '../groups/index.ts';

/** A group without its own target, and org-wide questions until the admin sets another. */
export const DEFAULT_TARGET_HOURS = 24;
export const TARGET_MAX_HOURS = 24 * 30;

/** Setting keys (the `settings` table). */
export const BUSINESS_HOURS_KEY = 'org.business_hours';
export const ORG_TARGET_KEY = 'questions.org_target_hours';

type SDeps = Pick<Deps, 'db' | 'clock'>;

export async function getBusinessHours(db: Db): Promise<BusinessHours> {
  const stored = await getSetting<Partial<BusinessHours>>(db, BUSINESS_HOURS_KEY, {});
  return { ...DEFAULT_BUSINESS_HOURS, ...stored };
}

const FIELD_MESSAGE = {
  timeZone: 'questions.bh_bad_zone',
  days: 'questions.bh_bad_days',
  start: 'questions.bh_bad_time',
  end: 'questions.bh_bad_end',
  holidays: 'questions.bh_bad_holiday',
} as const;

/** Admin: working days, hours, time zone and holidays. */
export async function setBusinessHours(
  deps: SDeps,
  actor: User,
  input: BusinessHours,
): Promise<BusinessHours> {
  if (actor.role !== 'admin') throw new AppError(403, 'forbidden', 'error.forbidden');
  const bh = normaliseBusinessHours({ ...input, timeZone: input.timeZone.trim() });
  const problem = businessHoursProblem(bh);
  if (problem) throw fieldError(problem, `invalid_${problem}`, FIELD_MESSAGE[problem]);
  const now = deps.clock();
  await setSetting(deps.db, BUSINESS_HOURS_KEY, bh, now);
  await audit(deps.db, {
    actorId: actor.id,
    action: 'settings.business_hours',
    targetType: 'setting',
    targetId: BUSINESS_HOURS_KEY,
    data: bh,
    now,
  });
  return bh;
}

export const getOrgTargetHours = (db: Db): Promise<number> =>
  getSetting(db, ORG_TARGET_KEY, DEFAULT_TARGET_HOURS);

const checkHours = (hours: number) => {
  if (!Number.isInteger(hours) || hours < 1 || hours > TARGET_MAX_HOURS)
    throw fieldError('hours', 'out_of_range', 'questions.target_range', { max: TARGET_MAX_HOURS });
};

/** Admin: the target for a first answer to org-wide questions. */
export async function setOrgTargetHours(deps: SDeps, actor: User, hours: number): Promise<void> {
  if (actor.role !== 'admin') throw new AppError(403, 'forbidden', 'error.forbidden');
  checkHours(hours);
  const now = deps.clock();
  await setSetting(deps.db, ORG_TARGET_KEY, hours, now);
  await audit(deps.db, {
    actorId: actor.id,
    action: 'settings.question_target',
    targetType: 'setting',
    targetId: ORG_TARGET_KEY,
    data: { hours },
    now,
  });
}

export interface GroupTarget {
  groupId: string;
  /** In effect: the group's own, or the default. */
  hours: number;
  /** Whether the group set its own. */
  own: boolean;
}

/** A group's target, for anyone who may see the group ("not found" otherwise). */
export async function loadGroupTarget(
  deps: Pick<Deps, 'db'>,
  viewer: User,
  groupId: string,
): Promise<GroupTarget & { canChange: boolean }> {
  const { group, rel } = await loadGroup(deps, viewer, groupId);
  const row = await deps.db
    .selectFrom('question_targets')
    .select('target_hours')
    .where('group_id', '=', group.id)
    .executeTakeFirst();
  return {
    groupId: group.id,
    hours: row?.target_hours ?? DEFAULT_TARGET_HOURS,
    own: row !== undefined,
    canChange: canManage(viewer, group, rel),
  };
}

/** Owners and admins: set the group's target, or (null) go back to the default. */
export async function setGroupTarget(
  deps: SDeps,
  actor: User,
  groupId: string,
  hours: number | null,
): Promise<GroupTarget> {
  const { group, rel } = await loadGroup(deps, actor, groupId);
  if (!canManage(actor, group, rel)) throw new AppError(403, 'forbidden', 'error.forbidden');
  const now = deps.clock().toISOString();
  if (hours === null) {
    await deps.db.deleteFrom('question_targets').where('group_id', '=', group.id).execute();
    return { groupId: group.id, hours: DEFAULT_TARGET_HOURS, own: false };
  }
  checkHours(hours);
  await deps.db
    .insertInto('question_targets')
    .values({ group_id: group.id, target_hours: hours, updated_by: actor.id, updated_at: now })
    .onConflict((oc) =>
      oc
        .column('group_id')
        .doUpdateSet({ target_hours: hours, updated_by: actor.id, updated_at: now }),
    )
    .execute();
  return { groupId: group.id, hours, own: true };
}

/** The target in effect for a question in `groupId` (null: org-wide). */
export async function targetHoursFor(db: Db, groupId: string | null): Promise<number> {
  if (!groupId) return getOrgTargetHours(db);
  const row = await db
    .selectFrom('question_targets')
    .select('target_hours')
    .where('group_id', '=', groupId)
    .executeTakeFirst();
  return row?.target_hours ?? DEFAULT_TARGET_HOURS;
}
