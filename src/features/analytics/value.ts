import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, invalid, type FieldError } from '../../http/errors.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { getSetting, setSetting } from '../admin/settings.ts';
import { breakdownGroups } from './access.ts';
import type { Period } from './dashboard.ts';
import { periodOf, periodSql } from './periods.ts';
import { daysBetween } from './rollup.ts';

/**
 * Level 5, value for the organisation (PRODUCT.md §7): a value model turns social figures into
 * hours and money, set against what the platform costs.
 *
 * - answered questions: questions whose first answer falls in the period;
 * - reused documents: reuses recorded in the period (a download from outside the author's teams,
 *   or the document attached to a post in another group; each counts once);
 * - success stories: posts written in the period that carry a hashtag whose meaning is
 *   "success story" (a post with two such hashtags counts once);
 * - hours saved = Σ count × hours per item; money saved = hours × cost of an hour;
 * - platform cost = cost per month × days / (365.25 / 12): a period is priced by its days, so
 *   months of 28 or 31 days and periods that are not whole months are treated alike;
 * - ROI = (money saved − platform cost) / platform cost; none when the platform costs nothing.
 *
 * These are totals of the organisation, not figures about anyone: no privacy threshold applies
 * (a count of answered questions says nothing about who asked or answered). Viewers who are not
 * admins only count content of groups they may see (`breakdownGroups`), so a private group's
 * activity never shows through.
 */
export interface ValueModel {
  /** Hours saved per answered question. */
  hoursPerAnswer: number;
  /** Hours saved per reused document. */
  hoursPerReuse: number;
  /** Hours saved per success story. */
  hoursPerStory: number;
  /** What an hour of work costs. */
  hourCost: number;
  /** ISO 4217 code of the amounts. */
  currency: string;
  /** What the platform costs per month. */
  monthlyCost: number;
}

export const VALUE_MODEL_KEY = 'analytics.value_model';

/**
 * 0.25 h per answered question as in the research behind Viva Engage's "time saved"; half an
 * hour for a document not written again; two hours for a success story others can copy.
 */
export const DEFAULT_VALUE_MODEL: ValueModel = {
  hoursPerAnswer: 0.25,
  hoursPerReuse: 0.5,
  hoursPerStory: 2,
  hourCost: 65,
  currency: 'EUR',
  monthlyCost: 400,
};

/** Upper bounds that catch a slipped decimal point without limiting any real organisation. */
export const VALUE_LIMITS = {
  hoursPerAnswer: 100,
  hoursPerReuse: 1000,
  hoursPerStory: 1000,
  hourCost: 10_000,
  monthlyCost: 100_000_000,
} as const;

export const NUMBER_FIELDS = [
  'hoursPerAnswer',
  'hoursPerReuse',
  'hoursPerStory',
  'hourCost',
  'monthlyCost',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** Days in an average month (a year of 365.25 days in twelve). */
export const DAYS_PER_MONTH = 365.25 / 12;

export async function getValueModel(db: Db): Promise<ValueModel> {
  const stored = await getSetting<Partial<ValueModel>>(db, VALUE_MODEL_KEY, {});
  return { ...DEFAULT_VALUE_MODEL, ...stored };
}

/**
 * A number typed into a form: digits with a decimal point or comma (0,25 as Germans write it),
 * an optional minus; NaN for anything else, which the checks below name.
 */
export function parseDecimal(text: string | undefined): number {
  const s = (text ?? '').trim().replace(/\s/g, '');
  if (!/^-?(\d+([.,]\d+)?|[.,]\d+)$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

const isCurrency = (c: unknown): c is string => {
  if (typeof c !== 'string' || !/^[A-Z]{3}$/.test(c)) return false;
  try {
    return Intl.supportedValuesOf('currency').includes(c);
  } catch {
    return true;
  }
};

/** The model with every bad field named: numbers ≥ 0 (an hour's cost > 0) up to the limits. */
export function checkValueModel(input: Partial<Record<keyof ValueModel, unknown>>): ValueModel {
  const errors: FieldError[] = [];
  const out = { ...DEFAULT_VALUE_MODEL };
  for (const f of NUMBER_FIELDS) {
    const v = input[f];
    const max = VALUE_LIMITS[f];
    const positive = f === 'hourCost';
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      errors.push({
        field: f,
        code: 'not_a_number',
        message: 'analytics.value.not_a_number',
      });
    } else if ((positive ? v <= 0 : v < 0) || v > max) {
      errors.push({
        field: f,
        code: 'out_of_range',
        message: positive ? 'analytics.value.range_positive' : 'analytics.value.range',
        params: { max },
      });
    } else {
      out[f] = v;
    }
  }
  if (!isCurrency(input.currency)) {
    errors.push({
      field: 'currency',
      code: 'invalid_currency',
      message: 'analytics.value.bad_currency',
    });
  } else {
    out.currency = input.currency;
  }
  if (errors.length > 0) throw invalid(errors);
  return out;
}

/** Admin: the value model; fields left out keep their value. Recorded in the audit log. */
export async function setValueModel(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: User,
  input: Partial<Record<keyof ValueModel, unknown>>,
): Promise<ValueModel> {
  if (actor.role !== 'admin') throw new AppError(403, 'forbidden', 'error.forbidden');
  const current = await getValueModel(deps.db);
  const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const model = checkValueModel({ ...current, ...given });
  const now = deps.clock();
  await setSetting(deps.db, VALUE_MODEL_KEY, model, now);
  await audit(deps.db, {
    actorId: actor.id,
    action: 'settings.value_model',
    targetType: 'setting',
    targetId: VALUE_MODEL_KEY,
    data: model,
    now,
  });
  return model;
}

export interface ValueInputs {
  answered: number;
  reused: number;
  stories: number;
}

export interface ValueFigures extends ValueInputs {
  /** Days of the period (or of the part of a week or month inside it). */
  days: number;
  hours: number;
  money: number;
  cost: number;
  /** null when the platform costs nothing. */
  roi: number | null;
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** The figures of some counts over some days; hours and money to the hundredth, ROI to 0.01 %. */
export function valueOf(inputs: ValueInputs, days: number, m: ValueModel): ValueFigures {
  const hours =
    inputs.answered * m.hoursPerAnswer +
    inputs.reused * m.hoursPerReuse +
    inputs.stories * m.hoursPerStory;
  const money = hours * m.hourCost;
  const cost = (m.monthlyCost * days) / DAYS_PER_MONTH;
  return {
    ...inputs,
    days,
    hours: round(hours, 2),
    money: round(money, 2),
    cost: round(cost, 2),
    roi: cost > 0 ? round((money - cost) / cost, 4) : null,
  };
}

export interface ValueReport {
  model: ValueModel;
  period: Period;
  total: ValueFigures;
  series: (ValueFigures & { period: string })[];
  /** Whether hidden groups' content was left out (viewers who are not admins). */
  limited: boolean;
}

/** The day after a YYYY-MM-DD: instants of a period are before midnight after `to`. */
const nextDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

type Counted = { period: string; n: number | string };

/**
 * Each figure per period, from indexes that hold only what is counted:
 * - answered: a range of `content_questions_answered` (first_answer_at, group_id), the
 *   measurement copy of `questions` (migration 0015), read from the index alone;
 * - reused: a range of `document_reuses_created`; only when groups are hidden does each reuse
 *   look up its document (by primary key) for the group;
 * - stories: a range of `value_stories_day` (day, group_key, post_id), kept by triggers.
 * None reads posts or comments.
 */
export async function valueCounts(
  db: Db,
  period: Period,
  visible: Set<string> | null,
): Promise<{ answered: Counted[]; reused: Counted[]; stories: Counted[] }> {
  const { from, to, grain } = period;
  const end = nextDay(to);
  // '' stands for org-wide content. The group test is written on `coalesce(…)` so that no
  // planner picks a group index for it: that would read every org-wide question ever asked
  // instead of the period's range (SQLite tried a MULTI-INDEX OR for `is null or in (…)`).
  const keys = ['', ...(visible ?? [])];
  const answered = db
    .selectFrom('content_questions')
    .select([
      periodSql(db, grain, sql<string>`substr(first_answer_at, 1, 10)`).as('period'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('first_answer_at', '>=', from)
    .where('first_answer_at', '<', end)
    .$if(visible !== null, (q) => q.where(sql<string>`coalesce(group_id, '')`, 'in', keys))
    .groupBy(periodSql(db, grain, sql<string>`substr(first_answer_at, 1, 10)`))
    .execute();
  const reusedPeriod = periodSql(db, grain, sql<string>`substr(document_reuses.created_at, 1, 10)`);
  const reused =
    visible === null
      ? db
          .selectFrom('document_reuses')
          .select([reusedPeriod.as('period'), (eb) => eb.fn.countAll<number>().as('n')])
          .where('created_at', '>=', from)
          .where('created_at', '<', end)
          .groupBy(reusedPeriod)
          .execute()
      : db
          .selectFrom('document_reuses')
          .innerJoin('documents', 'documents.id', 'document_reuses.document_id')
          .select([reusedPeriod.as('period'), (eb) => eb.fn.countAll<number>().as('n')])
          .where('document_reuses.created_at', '>=', from)
          .where('document_reuses.created_at', '<', end)
          .where(sql<string>`coalesce(documents.group_id, '')`, 'in', keys)
          .groupBy(reusedPeriod)
          .execute();
  const storyPeriod = periodSql(db, grain, sql<string>`day`);
  const stories = db
    .selectFrom('value_stories')
    .select([storyPeriod.as('period'), sql<number>`count(distinct post_id)`.as('n')])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .$if(visible !== null, (q) => q.where('group_key', 'in', keys))
    .groupBy(storyPeriod)
    .execute();
  const [a, r, s] = await Promise.all([answered, reused, stories]);
  return { answered: a, reused: r, stories: s };
}

/** The value of a period, in total and per day, week or month, for this viewer. */
export async function valueReport(db: Db, viewer: User, period: Period): Promise<ValueReport> {
  const [model, visible] = await Promise.all([getValueModel(db), breakdownGroups(db, viewer)]);
  const counts = await valueCounts(db, period, visible);
  const buckets = new Map<string, ValueInputs & { days: number }>();
  for (const day of daysBetween(period.from, period.to)) {
    const p = periodOf(period.grain, day);
    const b = buckets.get(p) ?? { answered: 0, reused: 0, stories: 0, days: 0 };
    b.days += 1;
    buckets.set(p, b);
  }
  for (const key of ['answered', 'reused', 'stories'] as const) {
    for (const row of counts[key]) {
      const b = buckets.get(row.period);
      if (b) b[key] += Number(row.n);
    }
  }
  const series = [...buckets].map(([p, b]) => ({ period: p, ...valueOf(b, b.days, model) }));
  const sum = (k: keyof ValueInputs) => series.reduce((s, r) => s + r[k], 0);
  const days = series.reduce((s, r) => s + r.days, 0);
  const total = valueOf(
    { answered: sum('answered'), reused: sum('reused'), stories: sum('stories') },
    days,
    model,
  );
  return { model, period, total, series, limited: visible !== null };
}
