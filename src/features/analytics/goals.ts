import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, invalid, notFound, type FieldError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import type { GoalsTable } from './goals.table.ts';
import { KPI_KEYS, kpiOf } from './kpis.ts';
import { dayOf } from './rollup.ts';

/**
 * Business goals (PRODUCT.md §7): a KPI taken from a baseline to a target between a start date
 * and a deadline ("offer process from 8 days to 2"). Whether lower or higher is better follows
 * from baseline and target. A manual goal's values are entered as measurements (day, value,
 * note); a computed goal's are the KPI's value at the end of each month from the start to the
 * last complete day (or the deadline), read from the KPI cache (`goal_kpi_values`, see
 * migration 0016) and computed once for a day that has not been asked before.
 */
export const MANUAL = 'manual';

export interface Goal {
  id: string;
  name: string;
  description: string;
  kpi: string;
  unit: string;
  baseline: number;
  target: number;
  startDate: string;
  deadline: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GoalFields {
  name: string;
  description: string;
  kpi: string;
  unit: string;
  baseline: number;
  target: number;
  startDate: string;
  deadline: string;
}

export type GoalInput = Partial<Record<keyof GoalFields, unknown>>;

export const GOAL_LIMITS = {
  name: 120,
  description: 2000,
  unit: 40,
  note: 500,
  /** Any value beyond this is a typing slip. */
  value: 1e12,
  /** Ten years from start to deadline at most: a goal's monthly series stays short. */
  spanDays: 3660,
} as const;

const DAY_MS = 86_400_000;

export const isDay = (s: unknown): s is string =>
  typeof s === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

const daysFrom = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

function checkNumber(errors: FieldError[], field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    errors.push({ field, code: 'not_a_number', message: 'analytics.goals.not_a_number' });
    return Number.NaN;
  }
  if (Math.abs(v) > GOAL_LIMITS.value) {
    errors.push({ field, code: 'out_of_range', message: 'analytics.goals.too_big' });
    return Number.NaN;
  }
  return v;
}

function checkText(
  errors: FieldError[],
  field: string,
  v: unknown,
  max: number,
  required: boolean,
): string {
  const s = typeof v === 'string' ? v.trim() : '';
  if (v !== undefined && v !== null && typeof v !== 'string') {
    errors.push({ field, code: 'invalid_type', message: 'analytics.goals.not_text' });
  } else if (required && s === '') {
    errors.push({ field, code: 'required', message: 'validation.required' });
  } else if (s.length > max) {
    errors.push({ field, code: 'too_long', message: 'validation.too_long', params: { max } });
  }
  return s;
}

/** A goal's fields with every bad one named (the deadline after the start, baseline ≠ target…). */
export function checkGoal(input: GoalInput): GoalFields {
  const errors: FieldError[] = [];
  const name = checkText(errors, 'name', input.name, GOAL_LIMITS.name, true);
  const description = checkText(
    errors,
    'description',
    input.description,
    GOAL_LIMITS.description,
    false,
  );
  const kpi = typeof input.kpi === 'string' ? input.kpi : '';
  if (kpi !== MANUAL && !KPI_KEYS.includes(kpi)) {
    errors.push({ field: 'kpi', code: 'unknown_kpi', message: 'analytics.goals.unknown_kpi' });
  }
  const unit = kpi === MANUAL ? checkText(errors, 'unit', input.unit, GOAL_LIMITS.unit, true) : '';
  const baseline = checkNumber(errors, 'baseline', input.baseline);
  const target = checkNumber(errors, 'target', input.target);
  if (!Number.isNaN(baseline) && target === baseline) {
    errors.push({
      field: 'target',
      code: 'same_as_baseline',
      message: 'analytics.goals.same_as_baseline',
    });
  }
  const startDate = input.startDate;
  const deadline = input.deadline;
  if (!isDay(startDate)) {
    errors.push({ field: 'startDate', code: 'invalid_date', message: 'analytics.bad_date' });
  }
  if (!isDay(deadline)) {
    errors.push({ field: 'deadline', code: 'invalid_date', message: 'analytics.bad_date' });
  } else if (isDay(startDate)) {
    const span = daysFrom(startDate, deadline);
    if (span <= 0) {
      errors.push({
        field: 'deadline',
        code: 'deadline_before_start',
        message: 'analytics.goals.deadline_before_start',
      });
    } else if (span > GOAL_LIMITS.spanDays) {
      errors.push({
        field: 'deadline',
        code: 'too_long',
        message: 'analytics.goals.span_too_long',
      });
    }
  }
  if (errors.length > 0) throw invalid(errors);
  return {
    name,
    description,
    kpi,
    unit,
    baseline,
    target,
    startDate: startDate as string,
    deadline: deadline as string,
  };
}

const goalOf = (r: GoalsTable): Goal => ({
  id: r.id,
  name: r.name,
  description: r.description,
  kpi: r.kpi,
  unit: r.unit,
  baseline: Number(r.baseline),
  target: Number(r.target),
  startDate: r.start_date,
  deadline: r.deadline,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export async function listGoals(db: Db): Promise<Goal[]> {
  const rows = await db
    .selectFrom('goals')
    .selectAll()
    .orderBy('deadline')
    .orderBy('name')
    .orderBy('id')
    .limit(500)
    .execute();
  return rows.map(goalOf);
}

export async function findGoal(db: Db, id: string): Promise<Goal | undefined> {
  const r = await db.selectFrom('goals').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? goalOf(r) : undefined;
}

/** The goal, or 404. */
export async function loadGoal(db: Db, id: string): Promise<Goal> {
  const g = await findGoal(db, id);
  if (!g) throw notFound();
  return g;
}

const mustBeAdmin = (actor: User) => {
  if (actor.role !== 'admin') throw new AppError(403, 'forbidden', 'error.forbidden');
};

type SDeps = Pick<Deps, 'db' | 'clock'>;

export async function createGoal(deps: SDeps, actor: User, input: GoalInput): Promise<Goal> {
  mustBeAdmin(actor);
  const f = checkGoal(input);
  const now = deps.clock().toISOString();
  const id = newId();
  await deps.db
    .insertInto('goals')
    .values({
      id,
      name: f.name,
      description: f.description,
      kpi: f.kpi,
      unit: f.unit,
      baseline: f.baseline,
      target: f.target,
      start_date: f.startDate,
      deadline: f.deadline,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await audit(deps.db, {
    actorId: actor.id,
    action: 'goal.create',
    targetType: 'goal',
    targetId: id,
    data: f,
    now: deps.clock(),
  });
  return loadGoal(deps.db, id);
}

/** Changes what is given; the whole goal is checked again (the deadline against the start…). */
export async function updateGoal(
  deps: SDeps,
  actor: User,
  id: string,
  patch: GoalInput,
): Promise<Goal> {
  mustBeAdmin(actor);
  const g = await loadGoal(deps.db, id);
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const f = checkGoal({ ...g, ...given });
  await deps.db
    .updateTable('goals')
    .set({
      name: f.name,
      description: f.description,
      kpi: f.kpi,
      unit: f.unit,
      baseline: f.baseline,
      target: f.target,
      start_date: f.startDate,
      deadline: f.deadline,
      updated_at: deps.clock().toISOString(),
    })
    .where('id', '=', id)
    .execute();
  await audit(deps.db, {
    actorId: actor.id,
    action: 'goal.update',
    targetType: 'goal',
    targetId: id,
    data: f,
    now: deps.clock(),
  });
  return loadGoal(deps.db, id);
}

export async function deleteGoal(deps: SDeps, actor: User, id: string): Promise<Goal> {
  mustBeAdmin(actor);
  const g = await loadGoal(deps.db, id);
  await deps.db.deleteFrom('goals').where('id', '=', id).execute();
  await audit(deps.db, {
    actorId: actor.id,
    action: 'goal.delete',
    targetType: 'goal',
    targetId: id,
    data: { name: g.name },
    now: deps.clock(),
  });
  return g;
}

export interface Measurement {
  /** null for a computed value. */
  id: string | null;
  day: string;
  value: number;
  note: string;
  computed: boolean;
}

export type MeasurementInput = Partial<Record<'day' | 'value' | 'note', unknown>>;

/** A manual goal's measurement: a day not in the future, a number, a short note. */
export async function addMeasurement(
  deps: SDeps,
  actor: User,
  goalId: string,
  input: MeasurementInput,
): Promise<Measurement> {
  mustBeAdmin(actor);
  const goal = await loadGoal(deps.db, goalId);
  if (goal.kpi !== MANUAL) {
    throw new AppError(409, 'computed_goal', 'analytics.goals.computed_no_measurements');
  }
  const errors: FieldError[] = [];
  const today = dayOf(deps.clock());
  if (!isDay(input.day)) {
    errors.push({ field: 'day', code: 'invalid_date', message: 'analytics.bad_date' });
  } else if (input.day > today) {
    errors.push({ field: 'day', code: 'future_day', message: 'analytics.goals.future_day' });
  }
  const value = checkNumber(errors, 'value', input.value);
  const note = checkText(errors, 'note', input.note, GOAL_LIMITS.note, false);
  if (errors.length > 0) throw invalid(errors);
  const m = { id: newId(), day: input.day as string, value, note };
  await deps.db
    .insertInto('goal_measurements')
    .values({
      ...m,
      goal_id: goal.id,
      created_by: actor.id,
      created_at: deps.clock().toISOString(),
    })
    .execute();
  return { ...m, computed: false };
}

export async function deleteMeasurement(
  deps: SDeps,
  actor: User,
  goalId: string,
  measurementId: string,
): Promise<void> {
  mustBeAdmin(actor);
  const r = await deps.db
    .deleteFrom('goal_measurements')
    .where('goal_id', '=', goalId)
    .where('id', '=', measurementId)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw notFound();
}

/** The last day of each month from `start` to `last`, and `last` itself if a month is open. */
export function monthEnds(start: string, last: string): string[] {
  const out: string[] = [];
  if (last < start) return out;
  let y = Number(start.slice(0, 4));
  let m = Number(start.slice(5, 7));
  for (;;) {
    const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    if (end > last) break;
    out.push(end);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  if (out.at(-1) !== last) out.push(last);
  return out;
}

/** A computed KPI's value on a day that has ended, from the cache or computed and kept. */
export async function kpiValue(
  db: Db,
  key: string,
  day: string,
  now: Date,
): Promise<number | null> {
  const kpi = kpiOf(key);
  if (!kpi) return null;
  const hit = await db
    .selectFrom('goal_kpi_values')
    .select('value')
    .where('kpi', '=', key)
    .where('day', '=', day)
    .executeTakeFirst();
  if (hit) return hit.value === null ? null : Number(hit.value);
  const value = await kpi.value(db, day, now);
  // Only a day that has ended is final: what happened on it can no longer change.
  if (day < dayOf(now)) {
    await db
      .insertInto('goal_kpi_values')
      .values({ kpi: key, day, value, computed_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['kpi', 'day']).doNothing())
      .execute();
  }
  return value;
}

/** The last day a computed goal is measured on: the last complete day, or the deadline. */
const lastComputedDay = (goal: Goal, now: Date) => {
  const yesterday = shift(dayOf(now), -1);
  return goal.deadline < yesterday ? goal.deadline : yesterday;
};

/** A goal's measurements, oldest first: entered ones, or the KPI at each month's end. */
export async function goalMeasurements(db: Db, goal: Goal, now: Date): Promise<Measurement[]> {
  if (goal.kpi === MANUAL) {
    const rows = await db
      .selectFrom('goal_measurements')
      .select(['id', 'day', 'value', 'note'])
      .where('goal_id', '=', goal.id)
      .orderBy('day')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ ...r, value: Number(r.value), computed: false }));
  }
  const out: Measurement[] = [];
  for (const day of monthEnds(goal.startDate, lastComputedDay(goal, now))) {
    const value = await kpiValue(db, goal.kpi, day, now);
    if (value !== null) out.push({ id: null, day, value, note: '', computed: true });
  }
  return out;
}

/** The latest measurement only (what the list shows): one cached value for a computed goal. */
export async function latestMeasurement(
  db: Db,
  goal: Goal,
  now: Date,
): Promise<Measurement | null> {
  if (goal.kpi === MANUAL) {
    const r = await db
      .selectFrom('goal_measurements')
      .select(['id', 'day', 'value', 'note'])
      .where('goal_id', '=', goal.id)
      .orderBy('day', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return r ? { ...r, value: Number(r.value), computed: false } : null;
  }
  const last = lastComputedDay(goal, now);
  if (last < goal.startDate) return null;
  const value = await kpiValue(db, goal.kpi, last, now);
  // With nothing to divide by on the last day, fall back to the series.
  if (value === null) return (await goalMeasurements(db, goal, now)).at(-1) ?? null;
  return { id: null, day: last, value, note: '', computed: true };
}

/**
 * Status of a goal, the rule shown on its page:
 * - progress = (latest − baseline) / (target − baseline): 0 at the baseline, 1 at the target,
 *   whichever way is better;
 * - expected = the share of the time from start to deadline that has passed (0 before the start,
 *   1 from the deadline on);
 * - until the deadline: on track if the target is reached or progress ≥ expected − 10 points;
 *   at risk if progress ≥ expected − 25 points; off track otherwise;
 * - after the deadline: achieved if the target is reached, otherwise off track;
 * - no measurement yet: no status.
 */
export const ON_TRACK_MARGIN = 0.1;
export const AT_RISK_MARGIN = 0.25;
export const GOAL_STATUSES = ['none', 'on_track', 'at_risk', 'off_track', 'achieved'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface StatusResult {
  status: GoalStatus;
  /** null without a measurement. */
  progress: number | null;
  expected: number;
  afterDeadline: boolean;
  reached: boolean;
}

// Progress and expectation are ratios of decimals: compare with a tolerance far below anything
// shown, so that a value exactly on a boundary falls on the side the rule says.
const EPS = 1e-9;

export function goalStatus(
  goal: Pick<Goal, 'baseline' | 'target' | 'startDate' | 'deadline'>,
  latest: { value: number } | null,
  today: string,
): StatusResult {
  const total = daysFrom(goal.startDate, goal.deadline);
  const elapsed = daysFrom(goal.startDate, today);
  const expected = Math.min(1, Math.max(0, total > 0 ? elapsed / total : 1));
  const afterDeadline = today > goal.deadline;
  if (!latest) return { status: 'none', progress: null, expected, afterDeadline, reached: false };
  const progress = (latest.value - goal.baseline) / (goal.target - goal.baseline);
  const reached = progress >= 1 - EPS;
  let status: GoalStatus;
  if (afterDeadline) status = reached ? 'achieved' : 'off_track';
  else if (reached || progress >= expected - ON_TRACK_MARGIN - EPS) status = 'on_track';
  else if (progress >= expected - AT_RISK_MARGIN - EPS) status = 'at_risk';
  else status = 'off_track';
  return { status, progress, expected, afterDeadline, reached };
}

/** Whether lower values are better (8 → 2 days). */
export const lowerIsBetter = (g: Pick<Goal, 'baseline' | 'target'>) => g.target < g.baseline;
