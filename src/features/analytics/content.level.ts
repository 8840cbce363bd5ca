import { createHash } from 'node:crypto';
import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { isSqlite, type Db } from '../../db/connect.ts';
import type { Database } from '../../db/database.ts';
import type { Deps } from '../../http/app.ts';
import { AppError, invalid, type FieldError } from '../../http/errors.ts';
import type { BusinessHours } from '../../lib/business-hours.ts';
import type { MessageKey } from '../../views/i18n.ts';
import type { User } from '../accounts/accounts.table.ts';
import { audit } from '../admin/audit.ts';
import { getSetting, setSetting } from '../admin/settings.ts';
import {
  answerTimes,
  DEFAULT_TARGET_HOURS,
  getBusinessHours,
  getOrgTargetHours,
} from '../questions/index.ts';
import { privacyK, type Period } from './dashboard.ts';
import { periodOf } from './periods.ts';
import { suppress, type Cell } from './privacy.ts';
import { daysBetween } from './rollup.ts';

/*
 * Level 4, content (PRODUCT.md §7). The questions of a period are those asked in it. For a set
 * of questions (the whole organisation, a group, a hashtag, a period of the series):
 * - answer rate: questions with a first answer (a top-level comment by someone other than the
 *   asker) / questions asked; accepted rate: questions with an accepted answer / asked;
 * - time to first answer and to the accepted answer, p50 and p90 by the nearest-rank method
 *   (sorted ascending, the value at rank ⌈p·n/100⌉), in calendar hours and in business hours
 *   (`answerTimes`, the organisation's working hours), over the questions that have one;
 * - answered within 24 h: first answer within 24 calendar hours / asked;
 * - answered within target: first answer within the question's target (its group's target for a
 *   first answer, the org-wide target for org-wide questions; calendar hours, as "overdue" uses)
 *   / asked; the p50 meets the target when at least half of the answered questions were
 *   answered within their target (with one target, exactly "p50 ≤ target");
 * - unanswered after 7 days: questions asked at least 7 days before the cut-off (now, or the
 *   end of the period if earlier) that still have no answer; their share is of the questions
 *   asked that long before the cut-off.
 * Rates are compared with targets an admin sets (setting `analytics.content_targets`).
 * Answered and accepted are as of now, so the figures of a past period still grow as late
 * answers come in.
 *
 * Why it is fast: one range scan of `content_questions` (a narrow copy of `questions` kept by
 * triggers, indexed by `asked_at`, carrying the group and the hashtags), each question handed
 * over as one line of text and kept in typed arrays, then arithmetic in memory (askers counted
 * by number, groups and periods partitioned by index); documents reused come from an index on
 * `document_reuses.created_at`. The overview's total alone is counted by the database
 * (`contentTotal`). Business hours are not computed per request: `answerTimes` (luxon, day by
 * day) took 0.34 ms per question when measured on 5,000 questions, about 6 s for the 17,000
 * questions a 12-week period of the large organisation holds, so each question's times are
 * cached in that table (see computeMissingTimes). Measured on the large seed (bench/RESULTS.md):
 * about 90 ms for 12 weeks (17,000 questions) and 270 ms for a year (63,000), most of it the
 * driver handing over one value per question.
 */

export const CONTENT_TARGETS_KEY = 'analytics.content_targets';

/** Targets for the rates, shares from 0 to 1. */
export interface ContentTargets {
  answerRate: number;
  acceptedRate: number;
  answeredWithin24h: number;
}
export const TARGET_FIELDS = ['answerRate', 'acceptedRate', 'answeredWithin24h'] as const;
export type TargetField = (typeof TARGET_FIELDS)[number];

export const DEFAULT_CONTENT_TARGETS: ContentTargets = {
  answerRate: 0.9,
  acceptedRate: 0.5,
  answeredWithin24h: 0.8,
};

/** The hashtags with the most questions in the period that get a row. */
export const HASHTAG_ROWS = 50;

const DAY_MS = 86_400_000;

export const FIGURES = [
  'asked',
  'answered',
  'answerRate',
  'accepted',
  'acceptedRate',
  'firstAnswerP50Hours',
  'firstAnswerP90Hours',
  'firstAnswerP50BusinessHours',
  'firstAnswerP90BusinessHours',
  'acceptedP50Hours',
  'acceptedP90Hours',
  'acceptedP50BusinessHours',
  'acceptedP90BusinessHours',
  'answeredWithin24h',
  'answeredWithin24hRate',
  'answeredWithinTarget',
  'answeredWithinTargetRate',
  'targetHours',
  'unansweredAfter7Days',
  'unansweredAfter7DaysRate',
] as const;
export type Figure = (typeof FIGURES)[number];

const FIRST_TIMES = [
  'firstAnswerP50Hours',
  'firstAnswerP90Hours',
  'firstAnswerP50BusinessHours',
  'firstAnswerP90BusinessHours',
] as const satisfies readonly Figure[];
const ACCEPTED_TIMES = [
  'acceptedP50Hours',
  'acceptedP90Hours',
  'acceptedP50BusinessHours',
  'acceptedP90BusinessHours',
] as const satisfies readonly Figure[];

export type Status = 'met' | 'missed' | null;

/** One row of figures as it may be shown: null where there is none or fewer than k askers. */
export type ContentRow = Record<Figure, number | null> & {
  /** Whether at least half of the answered questions were answered within their target. */
  p50MeetsTarget: boolean | null;
  /** Each rate against its target; null: no figure. */
  status: Record<TargetField, Status>;
  /** What the privacy threshold hid: the whole row, or the times of too few askers. */
  privacy: { row: boolean; firstAnswer: boolean; acceptedAnswer: boolean };
};

export interface ReuseRow {
  period: string;
  /** Reuses recorded in the period (document_reuses rows). */
  reuses: number | null;
  /** Distinct people who reused: the downloader, or the author of the post that attached it. */
  reusers: number | null;
}

export interface ContentLevel {
  k: number;
  period: Period;
  groupId: string | null;
  /** Questions asked up to 7 days before this count for "unanswered after 7 days". */
  cutoff: string;
  targets: ContentTargets;
  orgTargetHours: number;
  total: ContentRow;
  series: (ContentRow & { period: string })[];
  /** Org-wide questions (groupId null) first, then groups by name. */
  groups: (ContentRow & { groupId: string | null; name: string | null })[];
  hashtags: (ContentRow & { tag: string; display: string })[];
  /** Hashtags on questions of the period beyond the HASHTAG_ROWS shown. */
  hashtagsNotShown: number;
  documents: { items: ReuseRow[]; total: Omit<ReuseRow, 'period'> };
}

/**
 * The period's questions as read, column by column: typed arrays and no object per question,
 * so that a year's 63,000 questions leave little for the garbage collector. Index i of each
 * column is question i.
 */
interface Questions {
  n: number;
  /** The asker as a small number, an index into the marks of `Askers`. */
  asker: Int32Array;
  /** Index into `groups`. */
  group: Int32Array;
  /** The groups by index; 0 is org-wide (null). */
  groups: (string | null)[];
  /** 1: asked at least 7 days before the cut-off. */
  old: Uint8Array;
  /** Index into `periods`: the day, week or month in which it was asked. */
  period: Int32Array;
  /** Every period of the range, in order, empty ones included. */
  periods: string[];
  /** Its hashtags, separated by spaces, or null. */
  tags: (string | null)[];
  /** Hours; NaN where there is none. */
  firstHours: Float64Array;
  firstBusiness: Float64Array;
  acceptedHours: Float64Array;
  acceptedBusiness: Float64Array;
}

/**
 * Distinct askers of a set of questions, counted by marking their numbers: each count takes a
 * new stamp instead of a new Set, so the hundreds of sets a year's breakdowns count (groups,
 * periods, hashtags) allocate nothing and hash no ids.
 */
class Askers {
  private readonly marks: Uint32Array;
  private stamp = 0;
  constructor(n: number) {
    this.marks = new Uint32Array(n);
  }
  /** A fresh count: `add` returns 1 the first time it sees an asker after this, else 0. */
  begin(): void {
    this.stamp += 1;
  }
  add(asker: number): number {
    if (this.marks[asker] === this.stamp) return 0;
    this.marks[asker] = this.stamp;
    return 1;
  }
  /** The distinct askers of some questions. */
  of(qs: Questions, which: ArrayLike<number>): number {
    this.begin();
    let n = 0;
    for (let j = 0; j < which.length; j++) n += this.add(qs.asker[which[j]!]!);
    return n;
  }
}

/** The figures of a set of questions and the distinct askers behind them. */
interface Raw {
  figures: Record<Figure, number | null>;
  p50MeetsTarget: boolean | null;
  askers: number;
  answeredAskers: number;
  acceptedAskers: number;
}

/** Nearest rank: the value at rank ⌈p·n/100⌉ of the values sorted ascending. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil((p * sorted.length) / 100) - 1)]!;
}

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/**
 * The figures of some questions (their indexes), each judged against its group's target for a
 * first answer (`targetOf`, by group index).
 */
function rawFigures(
  qs: Questions,
  which: ArrayLike<number>,
  targetOf: Float64Array,
  people: People,
): Raw {
  let askers = 0;
  let answeredAskers = 0;
  let acceptedAskers = 0;
  people.asked.begin();
  people.answered.begin();
  people.accepted.begin();
  const asked = which.length;
  // Typed arrays: filled in place and sorted natively, several times faster than number[].
  const first = new Float64Array(asked);
  const firstB = new Float64Array(asked);
  const acc = new Float64Array(asked);
  const accB = new Float64Array(asked);
  let answered = 0;
  let accepted = 0;
  /** The one target all the questions share; NaN once two differ. */
  let target1: number | null = null;
  let within24 = 0;
  let withinTarget = 0;
  let old = 0;
  let unanswered = 0;
  for (let j = 0; j < asked; j++) {
    const i = which[j]!;
    const asker = qs.asker[i]!;
    const target = targetOf[qs.group[i]!]!;
    const firstHours = qs.firstHours[i]!;
    const acceptedHours = qs.acceptedHours[i]!;
    const isAnswered = !Number.isNaN(firstHours);
    askers += people.asked.add(asker);
    target1 = target1 === null || target1 === target ? target : NaN;
    if (qs.old[i]) {
      old += 1;
      if (!isAnswered) unanswered += 1;
    }
    if (isAnswered) {
      answeredAskers += people.answered.add(asker);
      first[answered] = firstHours;
      const business = qs.firstBusiness[i]!;
      firstB[answered] = Number.isNaN(business) ? 0 : business;
      answered += 1;
      if (firstHours <= 24) within24 += 1;
      if (firstHours <= target) withinTarget += 1;
    }
    if (!Number.isNaN(acceptedHours)) {
      acceptedAskers += people.accepted.add(asker);
      acc[accepted] = acceptedHours;
      const business = qs.acceptedBusiness[i]!;
      accB[accepted] = Number.isNaN(business) ? 0 : business;
      accepted += 1;
    }
  }
  const firstS = first.subarray(0, answered).sort();
  const firstBS = firstB.subarray(0, answered).sort();
  const accS = acc.subarray(0, accepted).sort();
  const accBS = accB.subarray(0, accepted).sort();
  return {
    figures: {
      asked,
      answered,
      answerRate: ratio(answered, asked),
      accepted,
      acceptedRate: ratio(accepted, asked),
      firstAnswerP50Hours: nearestRank(firstS, 50),
      firstAnswerP90Hours: nearestRank(firstS, 90),
      firstAnswerP50BusinessHours: nearestRank(firstBS, 50),
      firstAnswerP90BusinessHours: nearestRank(firstBS, 90),
      acceptedP50Hours: nearestRank(accS, 50),
      acceptedP90Hours: nearestRank(accS, 90),
      acceptedP50BusinessHours: nearestRank(accBS, 50),
      acceptedP90BusinessHours: nearestRank(accBS, 90),
      answeredWithin24h: within24,
      answeredWithin24hRate: ratio(within24, asked),
      answeredWithinTarget: withinTarget,
      answeredWithinTargetRate: ratio(withinTarget, asked),
      targetHours: target1 === null || Number.isNaN(target1) ? null : target1,
      unansweredAfter7Days: unanswered,
      unansweredAfter7DaysRate: ratio(unanswered, old),
    },
    p50MeetsTarget: answered > 0 ? withinTarget * 2 >= answered : null,
    askers,
    answeredAskers,
    acceptedAskers,
  };
}

const statusOf = (value: number | null, target: number): Status =>
  value === null ? null : value >= target ? 'met' : 'missed';

/**
 * Rows with the privacy threshold applied. A row rests on the distinct askers of its questions:
 * below k the whole row is hidden. When the rows partition a total (groups and the org-wide
 * questions; the periods of the series), the number asked adds up to it, so `suppress` also
 * hides as many more rows as it takes that no hidden row can be worked out from the total. The
 * times rest on the askers of the answered (accepted) questions and are hidden below k too.
 * (`suppress` would pick the total itself only when no other row with someone behind it is
 * shown, and then the total rests on fewer than k askers and is hidden on its own.)
 * `hideAll`: the rows belong to a view that is hidden as a whole.
 */
function shownRows(
  rows: readonly Raw[],
  total: Raw | null,
  k: number,
  targets: ContentTargets,
  hideAll = false,
): ContentRow[] {
  const cell = (r: Raw): Cell => ({ value: r.figures.asked ?? 0, people: r.askers });
  const shown = suppress(
    { rows: rows.map((r) => [cell(r)]), ...(total ? { columnTotals: [cell(total)] } : {}) },
    k,
  ).rows;
  return rows.map((r, i) => {
    const hidden = hideAll || shown[i]![0]!.kind === 'suppressed';
    const firstFew = !hidden && r.answeredAskers > 0 && r.answeredAskers < k;
    const acceptedFew = !hidden && r.acceptedAskers > 0 && r.acceptedAskers < k;
    const figures = Object.fromEntries(
      FIGURES.map((f) => [f, hidden ? null : r.figures[f]]),
    ) as Record<Figure, number | null>;
    if (firstFew || hidden) for (const f of FIRST_TIMES) figures[f] = null;
    if (acceptedFew || hidden) for (const f of ACCEPTED_TIMES) figures[f] = null;
    return {
      ...figures,
      p50MeetsTarget: hidden || firstFew ? null : r.p50MeetsTarget,
      status: {
        answerRate: statusOf(figures.answerRate, targets.answerRate),
        acceptedRate: statusOf(figures.acceptedRate, targets.acceptedRate),
        answeredWithin24h: statusOf(figures.answeredWithin24hRate, targets.answeredWithin24h),
      },
      privacy: {
        row: hidden,
        firstAnswer: hidden || firstFew,
        acceptedAnswer: hidden || acceptedFew,
      },
    };
  });
}

export async function getContentTargets(db: Db): Promise<ContentTargets> {
  const stored = await getSetting<Partial<ContentTargets>>(db, CONTENT_TARGETS_KEY, {});
  return { ...DEFAULT_CONTENT_TARGETS, ...stored };
}

/**
 * Admins: changes the targets given (shares from 0 to 1); every bad field named with `message`
 * (the form speaks of percentages, the API of shares); audited.
 */
export async function setContentTargets(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: User,
  input: Partial<Record<TargetField, unknown>>,
  message: MessageKey = 'analytics.content.bad_target',
): Promise<ContentTargets> {
  if (actor.role !== 'admin') throw new AppError(403, 'forbidden', 'error.forbidden');
  const errors: FieldError[] = [];
  const next = await getContentTargets(deps.db);
  for (const f of TARGET_FIELDS) {
    const v = input[f];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      errors.push({ field: f, code: 'out_of_range', message });
    } else {
      next[f] = v;
    }
  }
  if (errors.length > 0) throw invalid(errors);
  const now = deps.clock();
  await setSetting(deps.db, CONTENT_TARGETS_KEY, next, now);
  await audit(deps.db, {
    actorId: actor.id,
    action: 'analytics.content_targets',
    targetType: 'setting',
    targetId: CONTENT_TARGETS_KEY,
    data: next,
    now,
  });
  return next;
}

/** A fingerprint of the working-hours setting: cached business hours carry the one used. */
export function timesKey(bh: BusinessHours): string {
  const canonical = JSON.stringify([
    bh.timeZone,
    [...bh.days].sort(),
    bh.start,
    bh.end,
    [...bh.holidays].sort(),
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

const WRITE_BATCH = 200;

/**
 * Whether a row's cached times are not those of its current answers and working hours: 1 or 0.
 * A question never answered has nothing to compute (its hours stay null).
 */
function staleSql(db: Db, key: string) {
  const same = (a: string, b: string) =>
    isSqlite(db) ? sql.raw(`${a} is ${b}`) : sql.raw(`${a} is not distinct from ${b}`);
  return sql<number>`case when (first_answer_at is null and accepted_at is null
      and times_first_answer_at is null and times_accepted_at is null)
    or (times_key = ${key} and ${same('times_first_answer_at', 'first_answer_at')}
      and ${same('times_accepted_at', 'accepted_at')}) then 0 else 1 end`;
}

/** A question's answer times in hours, calendar and business; null where there is none. */
interface Times {
  firstHours: number | null;
  firstBusiness: number | null;
  acceptedHours: number | null;
  acceptedBusiness: number | null;
}

/**
 * Computes the answer times the cache lacks (a question answered, accepted or an answer deleted
 * since, or working hours changed) with `answerTimes`, stores them and returns them by id.
 * Done on demand for the period asked for: a new answer costs one question's computation on the
 * next request; a change of working hours (or a freshly seeded database) costs one slow first
 * request per period, after which the times are read back. Each stored row names the answers
 * it was computed for, so an answer written meanwhile leaves it stale rather than wrong.
 */
async function computeMissingTimes(
  db: Db,
  ids: readonly string[],
  bh: BusinessHours,
  key: string,
): Promise<Map<string, Times>> {
  const out = new Map<string, Times>();
  for (let i = 0; i < ids.length; i += WRITE_BATCH) {
    const batch = await db
      .selectFrom('content_questions')
      .select(['post_id', 'asked_at', 'first_answer_at', 'accepted_at'])
      .where('post_id', 'in', ids.slice(i, i + WRITE_BATCH))
      .execute();
    if (batch.length === 0) continue;
    const computed = batch.map((q) => {
      const times = answerTimes(q, bh);
      const row: Times = {
        firstHours: times.firstAnswer?.calendarHours ?? null,
        firstBusiness: times.firstAnswer?.businessHours ?? null,
        acceptedHours: times.acceptedAnswer?.calendarHours ?? null,
        acceptedBusiness: times.acceptedAnswer?.businessHours ?? null,
      };
      out.set(q.post_id, row);
      return { q, row };
    });
    // One UPDATE per batch; the casts give PostgreSQL the parameters' types.
    const each = <T>(get: (c: (typeof computed)[number]) => T, cast: boolean) =>
      sql<T>`case post_id ${sql.join(
        computed.map((c) =>
          cast
            ? sql`when ${c.q.post_id} then cast(${get(c)} as double precision)`
            : sql`when ${c.q.post_id} then ${get(c)}`,
        ),
        sql` `,
      )} end`;
    await db
      .updateTable('content_questions')
      .set({
        times_key: key,
        times_first_answer_at: each((c) => c.q.first_answer_at, false),
        times_accepted_at: each((c) => c.q.accepted_at, false),
        first_answer_hours: each((c) => c.row.firstHours, true),
        first_answer_business_hours: each((c) => c.row.firstBusiness, true),
        accepted_hours: each((c) => c.row.acceptedHours, true),
        accepted_business_hours: each((c) => c.row.acceptedBusiness, true),
      })
      .where(
        'post_id',
        'in',
        computed.map((c) => c.q.post_id),
      )
      .execute();
  }
  return out;
}

/** How many questions one run of the answer-times job computes (about 0.3 ms each). */
export const WARM_BATCH = 5000;

/**
 * Fills the answer-times cache ahead of requests (the job `analytics.answer_times`, every few
 * minutes): up to `limit` questions whose cached times are missing or stale, newest first, so
 * that after a seed, an import or a change of working hours the dashboard is fast again without
 * waiting for a first slow request. Finding them reads the narrow `content_questions` rows once.
 * Returns how many were computed.
 */
export async function warmAnswerTimes(db: Db, limit = WARM_BATCH): Promise<number> {
  const bh = await getBusinessHours(db);
  const key = timesKey(bh);
  const rows = await db
    .selectFrom('content_questions')
    .select('post_id')
    .where(staleSql(db, key), '=', 1)
    .orderBy('asked_at', 'desc')
    .limit(limit)
    .execute();
  await computeMissingTimes(
    db,
    rows.map((r) => r.post_id),
    bh,
    key,
  );
  return rows.length;
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

export interface ContentOptions {
  /** Groups whose questions and documents count; null: all (admins). */
  visible: Set<string> | null;
  /** Only this group. */
  groupId: string | null;
}

interface PeriodQuestions {
  k: number;
  rateTargets: ContentTargets;
  orgTarget: number;
  cutoffMs: number;
  /** The period's questions the viewer may count. */
  qs: Questions;
  /** The target for a first answer by group index. */
  targetOf: Float64Array;
  people: People;
}

/** Counters of the distinct askers, the askers of answered and of accepted questions. */
interface People {
  asked: Askers;
  answered: Askers;
  accepted: Askers;
}

/** Fields of a question as read, in the order `questionText` writes them. */
const enum F {
  Asker,
  Group,
  Old,
  Day,
  FirstHours,
  FirstBusiness,
  AcceptedHours,
  AcceptedBusiness,
  StaleId,
  Tags,
}
const TAB = '\t';

/**
 * A question of the period as one line of text: its fields joined by tabs, '' for none. Reading
 * ten values per row cost the driver more than the rest of the level together on a long period
 * (a year of the large organisation: 63,000 questions, about 200 ms as objects, 50 ms as one
 * string each, split here). Numbers are written as text the way each database writes them
 * exactly (SQLite since 3.43 and PostgreSQL both print the shortest text that reads back as the
 * same double), so the figures are those the columns hold. The hashtags come last: a question's
 * hashtags are separated by spaces and never hold a tab.
 */
function questionText(db: Db, key: string, oldBefore: string) {
  const text = (v: RawBuilder<unknown>) => sql`coalesce(cast(${v} as text), '')`;
  const fields = [
    sql`asker_id`,
    sql`coalesce(group_id, '')`,
    sql`case when asked_at <= ${oldBefore} then '1' else '0' end`,
    sql`substr(asked_at, 1, 10)`,
    text(sql`first_answer_hours`),
    text(sql`first_answer_business_hours`),
    text(sql`accepted_hours`),
    text(sql`accepted_business_hours`),
    sql`case when ${staleSql(db, key)} = 1 then post_id else '' end`,
    sql`coalesce(tags, '')`,
  ];
  return sql<string>`${sql.join(fields, sql` || ${sql.lit(TAB)} || `)}`;
}

const hours = (f: string): number => (f === '' ? NaN : Number(f));
const NOT_NULL = (v: number | null): number => v ?? NaN;

/**
 * The questions of the period, with their answer times brought up to date, and what the figures
 * are judged by.
 */
async function periodQuestions(
  db: Db,
  period: Period,
  now: Date,
  opts: ContentOptions,
): Promise<PeriodQuestions> {
  const fromIso = `${period.from}T00:00:00.000Z`;
  const toIso = `${nextDay(period.to)}T00:00:00.000Z`;
  const cutoffMs = Math.min(now.getTime(), Date.parse(toIso));

  const [k, rateTargets, orgTarget, bh, groupTargets] = await Promise.all([
    privacyK(db),
    getContentTargets(db),
    getOrgTargetHours(db),
    getBusinessHours(db),
    db.selectFrom('question_targets').select(['group_id', 'target_hours']).execute(),
  ]);
  const key = timesKey(bh);
  const oldBefore = new Date(cutoffMs - 7 * DAY_MS).toISOString();
  const lines = await db
    .selectFrom('content_questions')
    .select(questionText(db, key, oldBefore).as('q'))
    .where('asked_at', '>=', fromIso)
    .where('asked_at', '<', toIso)
    .execute();
  const n = lines.length;
  const qs: Questions = {
    n: 0,
    asker: new Int32Array(n),
    group: new Int32Array(n),
    groups: [null],
    old: new Uint8Array(n),
    period: new Int32Array(n),
    periods: [],
    tags: [],
    firstHours: new Float64Array(n),
    firstBusiness: new Float64Array(n),
    acceptedHours: new Float64Array(n),
    acceptedBusiness: new Float64Array(n),
  };
  const askerNumbers = new Map<string, number>();
  const groupNumbers = new Map<string, number>([['', 0]]);
  const periodNumbers = new Map<string, number>();
  for (const day of daysBetween(period.from, period.to)) {
    const p = periodOf(period.grain, day);
    if (!periodNumbers.has(p)) periodNumbers.set(p, periodNumbers.size);
  }
  qs.periods = [...periodNumbers.keys()];
  const periodOfDay = new Map<string, number>();
  const stale = new Map<string, number>();
  let i = 0;
  for (const { q: line } of lines) {
    const f = line.split(TAB);
    const groupId = f[F.Group]!;
    // Questions of groups the viewer may not see count nowhere, not even in totals.
    if (groupId !== '' && opts.visible && !opts.visible.has(groupId)) continue;
    let asker = askerNumbers.get(f[F.Asker]!);
    if (asker === undefined) askerNumbers.set(f[F.Asker]!, (asker = askerNumbers.size));
    let group = groupNumbers.get(groupId);
    if (group === undefined) {
      groupNumbers.set(groupId, (group = groupNumbers.size));
      qs.groups.push(groupId);
    }
    const day = f[F.Day]!;
    let p = periodOfDay.get(day);
    if (p === undefined)
      periodOfDay.set(day, (p = periodNumbers.get(periodOf(period.grain, day))!));
    qs.asker[i] = asker;
    qs.group[i] = group;
    qs.old[i] = f[F.Old] === '1' ? 1 : 0;
    qs.period[i] = p;
    qs.tags[i] = f[F.Tags] === '' ? null : f[F.Tags]!;
    qs.firstHours[i] = hours(f[F.FirstHours]!);
    qs.firstBusiness[i] = hours(f[F.FirstBusiness]!);
    qs.acceptedHours[i] = hours(f[F.AcceptedHours]!);
    qs.acceptedBusiness[i] = hours(f[F.AcceptedBusiness]!);
    if (f[F.StaleId] !== '') stale.set(f[F.StaleId]!, i);
    i += 1;
  }
  qs.n = i;
  for (const [id, times] of await computeMissingTimes(db, [...stale.keys()], bh, key)) {
    const at = stale.get(id)!;
    qs.firstHours[at] = NOT_NULL(times.firstHours);
    qs.firstBusiness[at] = NOT_NULL(times.firstBusiness);
    qs.acceptedHours[at] = NOT_NULL(times.acceptedHours);
    qs.acceptedBusiness[at] = NOT_NULL(times.acceptedBusiness);
  }
  const people = {
    asked: new Askers(askerNumbers.size),
    answered: new Askers(askerNumbers.size),
    accepted: new Askers(askerNumbers.size),
  };

  const targets = new Map(groupTargets.map((g) => [g.group_id, g.target_hours]));
  const targetOf = Float64Array.from(qs.groups, (g) =>
    g === null ? orgTarget : (targets.get(g) ?? DEFAULT_TARGET_HOURS),
  );
  return { k, rateTargets, orgTarget, cutoffMs, qs, targetOf, people };
}

/**
 * The questions of `which` by a key of each (a group or period index, from 0 to `keys` − 1),
 * in their order: counted first, then placed, with no list per key grown.
 */
function partition(key: Int32Array, which: Int32Array, keys: number): Int32Array[] {
  const counts = new Int32Array(keys);
  for (let j = 0; j < which.length; j++) counts[key[which[j]!]!]! += 1;
  const out = Array.from(counts, (c) => new Int32Array(c));
  const filled = new Int32Array(keys);
  for (let j = 0; j < which.length; j++) {
    const i = which[j]!;
    const kk = key[i]!;
    out[kk]![filled[kk]!++] = i;
  }
  return out;
}

/** Numbers written by the database as text, separated by commas: sorted ascending. */
function sortedNumbers(list: string | null): Float64Array {
  if (!list) return new Float64Array(0);
  const parts = list.split(',');
  const out = new Float64Array(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = Number(parts[i]);
  return out.sort();
}

/**
 * Only the total row of level 4 (the overview's headline): the same figures and threshold as
 * the level's page without a group filter. Counted by the database in one pass over the
 * period's questions, each question's target joined from its group: only the four lists of
 * times the percentiles need come back, as text, instead of every question (a year of the
 * large organisation: about 60 ms instead of 150 ms). Tests hold it equal to the level's total.
 */
export async function contentTotal(
  db: Db,
  period: Period,
  now: Date,
  visible: Set<string> | null,
): Promise<Pick<ContentLevel, 'total' | 'targets'>> {
  const fromIso = `${period.from}T00:00:00.000Z`;
  const toIso = `${nextDay(period.to)}T00:00:00.000Z`;
  const cutoffMs = Math.min(now.getTime(), Date.parse(toIso));
  const oldBefore = new Date(cutoffMs - 7 * DAY_MS).toISOString();
  const [k, rateTargets, orgTarget, bh] = await Promise.all([
    privacyK(db),
    getContentTargets(db),
    getOrgTargetHours(db),
    getBusinessHours(db),
  ]);
  const key = timesKey(bh);
  // '' stands for org-wide questions (as in value.ts: no planner then picks a group index).
  const keys = ['', ...(visible ?? [])];
  const inView = <Q extends SelectQueryBuilder<Database, 'content_questions', object>>(q: Q): Q =>
    (visible
      ? q.where(sql<string>`coalesce(content_questions.group_id, '')`, 'in', keys)
      : q
    ).where((eb) => eb.and([eb('asked_at', '>=', fromIso), eb('asked_at', '<', toIso)])) as Q;

  // Times not yet computed (or stale) first, as the level does.
  const stale = await inView(
    db.selectFrom('content_questions').select('post_id').where(staleSql(db, key), '=', 1),
  ).execute();
  if (stale.length > 0) {
    await computeMissingTimes(
      db,
      stale.map((r) => r.post_id),
      bh,
      key,
    );
  }

  const target = sql<number>`case when content_questions.group_id is null then ${orgTarget}
    else coalesce(question_targets.target_hours, ${DEFAULT_TARGET_HOURS}) end`;
  const answered = sql`content_questions.first_answer_hours is not null`;
  const accepted = sql`content_questions.accepted_hours is not null`;
  const list = (v: RawBuilder<unknown>) =>
    isSqlite(db)
      ? sql<string | null>`group_concat(${v})`
      : sql<string | null>`string_agg(cast(${v} as text), ',')`;
  const r = await inView(
    db
      .selectFrom('content_questions')
      .leftJoin('question_targets', 'question_targets.group_id', 'content_questions.group_id')
      .select([
        sql<number>`count(*)`.as('asked'),
        sql<number>`count(distinct content_questions.asker_id)`.as('askers'),
        sql<number>`count(distinct case when ${answered} then content_questions.asker_id end)`.as(
          'answeredAskers',
        ),
        sql<number>`count(distinct case when ${accepted} then content_questions.asker_id end)`.as(
          'acceptedAskers',
        ),
        sql<number>`sum(case when content_questions.first_answer_hours <= 24 then 1 else 0 end)`.as(
          'within24',
        ),
        sql<number>`sum(case when content_questions.first_answer_hours <= ${target}
          then 1 else 0 end)`.as('withinTarget'),
        sql<number>`sum(case when asked_at <= ${oldBefore} then 1 else 0 end)`.as('old'),
        sql<number>`sum(case when asked_at <= ${oldBefore} and not ${answered}
          then 1 else 0 end)`.as('unanswered'),
        sql<number>`count(distinct ${target})`.as('targets'),
        sql<number | null>`min(${target})`.as('target'),
        list(sql`content_questions.first_answer_hours`).as('first'),
        list(sql`case when ${answered}
          then coalesce(content_questions.first_answer_business_hours, 0) end`).as('firstB'),
        list(sql`content_questions.accepted_hours`).as('acc'),
        list(sql`case when ${accepted}
          then coalesce(content_questions.accepted_business_hours, 0) end`).as('accB'),
      ]),
  ).executeTakeFirstOrThrow();
  const first = sortedNumbers(r.first);
  const firstB = sortedNumbers(r.firstB);
  const acc = sortedNumbers(r.acc);
  const accB = sortedNumbers(r.accB);
  const asked = Number(r.asked);
  const nAnswered = first.length;
  const nAccepted = acc.length;
  const within24 = Number(r.within24 ?? 0);
  const withinTarget = Number(r.withinTarget ?? 0);
  const old = Number(r.old ?? 0);
  const unanswered = Number(r.unanswered ?? 0);
  const raw: Raw = {
    figures: {
      asked,
      answered: nAnswered,
      answerRate: ratio(nAnswered, asked),
      accepted: nAccepted,
      acceptedRate: ratio(nAccepted, asked),
      firstAnswerP50Hours: nearestRank(first, 50),
      firstAnswerP90Hours: nearestRank(first, 90),
      firstAnswerP50BusinessHours: nearestRank(firstB, 50),
      firstAnswerP90BusinessHours: nearestRank(firstB, 90),
      acceptedP50Hours: nearestRank(acc, 50),
      acceptedP90Hours: nearestRank(acc, 90),
      acceptedP50BusinessHours: nearestRank(accB, 50),
      acceptedP90BusinessHours: nearestRank(accB, 90),
      answeredWithin24h: within24,
      answeredWithin24hRate: ratio(within24, asked),
      answeredWithinTarget: withinTarget,
      answeredWithinTargetRate: ratio(withinTarget, asked),
      targetHours: Number(r.targets) === 1 ? Number(r.target) : null,
      unansweredAfter7Days: unanswered,
      unansweredAfter7DaysRate: ratio(unanswered, old),
    },
    p50MeetsTarget: nAnswered > 0 ? withinTarget * 2 >= nAnswered : null,
    askers: Number(r.askers),
    answeredAskers: Number(r.answeredAskers),
    acceptedAskers: Number(r.acceptedAskers),
  };
  return { total: shownRows([raw], null, k, rateTargets)[0]!, targets: rateTargets };
}

/**
 * Level 4, content, for a period: see the definitions at the top of this file.
 *
 * With a group filter, the group's figures are those of its row in the table of all groups:
 * hidden there (too few askers, or hidden so that another group cannot be worked out from the
 * total), the whole filtered view is hidden, since its total would otherwise give back what the
 * table of groups withholds. So the period's questions are always read for every group.
 */
export async function contentLevel(
  db: Db,
  period: Period,
  now: Date,
  opts: ContentOptions,
): Promise<ContentLevel> {
  const fromIso = `${period.from}T00:00:00.000Z`;
  const toIso = `${nextDay(period.to)}T00:00:00.000Z`;
  const { k, rateTargets, orgTarget, cutoffMs, qs, targetOf, people } = await periodQuestions(
    db,
    period,
    now,
    opts,
  );
  const all = Int32Array.from({ length: qs.n }, (_, i) => i);
  const allRaw = rawFigures(qs, all, targetOf, people);

  // Groups: the org-wide questions and each group with questions, partitioning the total.
  const byGroup = partition(qs.group, all, qs.groups.length);
  const groupIds = qs.groups.filter((g): g is string => g !== null);
  const names = new Map<string, { name: string; key: string }>();
  for (let i = 0; i < groupIds.length; i += 500) {
    const found = await db
      .selectFrom('groups')
      .select(['id', 'name', 'name_key'])
      .where('id', 'in', groupIds.slice(i, i + 500))
      .execute();
    for (const g of found) names.set(g.id, { name: g.name, key: g.name_key });
  }
  const indexOf = new Map(qs.groups.map((g, i) => [g, i]));
  const groupKeys: (string | null)[] = [
    ...(byGroup[0]!.length > 0 ? [null] : []),
    // name_key is the name folded for sorting, so plain comparison orders it.
    ...groupIds.sort((a, b) => {
      const x = names.get(a)?.key ?? a;
      const y = names.get(b)?.key ?? b;
      return x < y ? -1 : x > y ? 1 : 0;
    }),
  ];
  const groupsShown = shownRows(
    groupKeys.map((g) => rawFigures(qs, byGroup[indexOf.get(g)!]!, targetOf, people)),
    allRaw,
    k,
    rateTargets,
  );
  let groups = groupKeys.map((g, i) => ({
    groupId: g,
    name: g === null ? null : (names.get(g)?.name ?? null),
    ...groupsShown[i]!,
  }));

  let which: Int32Array = all;
  let totalRaw = allRaw;
  let hideAll = false;
  if (opts.groupId) {
    const g = indexOf.get(opts.groupId);
    which = g === undefined ? new Int32Array(0) : byGroup[g]!;
    totalRaw = rawFigures(qs, which, targetOf, people);
    groups = groups.filter((r) => r.groupId === opts.groupId);
    hideAll = groups[0]?.privacy.row ?? false;
  }

  // The series: every period of the range, empty ones included; the periods partition the total.
  const byPeriod = partition(qs.period, which, qs.periods.length);
  const seriesShown = shownRows(
    byPeriod.map((list) => rawFigures(qs, list, targetOf, people)),
    totalRaw,
    k,
    rateTargets,
    hideAll,
  );

  // Hashtags: the ones on most questions; a question counts once per hashtag it carries. They
  // overlap and leave questions out, so they add up to nothing and no total applies.
  const byTag = new Map<string, number[]>();
  for (let j = 0; j < which.length; j++) {
    const i = which[j]!;
    const carried = qs.tags[i];
    if (!carried) continue;
    for (const tag of carried.split(' ')) {
      const list = byTag.get(tag);
      if (list) list.push(i);
      else byTag.set(tag, [i]);
    }
  }
  // Order by questions only among the hashtags that will be shown (at least k askers); the
  // others follow by name, so that a row's place says nothing about the figures it hides.
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const enough: string[] = [];
  const few: string[] = [];
  for (const [tag, list] of byTag) {
    (hideAll || people.asked.of(qs, list) >= k ? enough : few).push(tag);
  }
  if (hideAll) enough.sort(byName);
  else enough.sort((a, b) => byTag.get(b)!.length - byTag.get(a)!.length || byName(a, b));
  const tags = [...enough, ...few.sort(byName)].slice(0, HASHTAG_ROWS);
  const display = new Map<string, string>();
  if (tags.length > 0) {
    for (const h of await db
      .selectFrom('hashtags')
      .select(['tag', 'display'])
      .where('tag', 'in', tags)
      .execute())
      display.set(h.tag, h.display);
  }
  const tagsShown = tags.map(
    (tag) =>
      shownRows(
        [rawFigures(qs, byTag.get(tag)!, targetOf, people)],
        null,
        k,
        rateTargets,
        hideAll,
      )[0]!,
  );

  const documents = await reuses(db, period, fromIso, toIso, opts.visible, k);

  return {
    k,
    period,
    groupId: opts.groupId,
    cutoff: new Date(cutoffMs).toISOString(),
    targets: rateTargets,
    orgTargetHours: orgTarget,
    total: shownRows([totalRaw], null, k, rateTargets, hideAll)[0]!,
    series: qs.periods.map((p, i) => ({ period: p, ...seriesShown[i]! })),
    groups,
    hashtags: tags.map((tag, i) => ({ tag, display: display.get(tag) ?? tag, ...tagsShown[i]! })),
    hashtagsNotShown: Math.max(0, byTag.size - tags.length),
    documents,
  };
}

/**
 * Documents reused per period (document_reuses, by when the reuse happened) and the distinct
 * people who reused: the downloader (`user:<id>`) or the author of the post that attached the
 * document (`post:<id>`; a deleted post counts as nobody). Documents of the groups the viewer
 * may see and personal shelves (readable org-wide), whatever the group filter: per group, the
 * totals of filtered views would give back a hidden group's reuse. Fast: the period's reuses
 * from an index on `created_at` that holds the document and the source (tens of thousands of
 * short rows at most), the document joined only when visibility has to be checked.
 */
async function reuses(
  db: Db,
  period: Period,
  fromIso: string,
  toIso: string,
  visible: Set<string> | null,
  k: number,
): Promise<ContentLevel['documents']> {
  let q = db
    .selectFrom('document_reuses as r')
    .select([sql<string>`substr(r.created_at, 1, 10)`.as('day'), 'r.source'])
    .where('r.created_at', '>=', fromIso)
    .where('r.created_at', '<', toIso);
  if (visible) {
    // Only for viewers who may not see every group: the document's group decides.
    const ids = [...visible];
    q = q
      .innerJoin('documents as d', 'd.id', 'r.document_id')
      .where((eb) =>
        ids.length > 0
          ? eb.or([eb('d.group_id', 'is', null), eb('d.group_id', 'in', ids)])
          : eb('d.group_id', 'is', null),
      );
  }
  const rows = await q.execute();
  // The authors of the posts that reused, looked up by id (few; a join would let PostgreSQL
  // hash the whole posts table).
  const postIds = [
    ...new Set(rows.filter((r) => r.source.startsWith('post:')).map((r) => r.source.slice(5))),
  ];
  const authors = new Map<string, string>();
  for (let i = 0; i < postIds.length; i += 500) {
    for (const p of await db
      .selectFrom('posts')
      .select(['id', 'author_id'])
      .where('id', 'in', postIds.slice(i, i + 500))
      .execute())
      authors.set(p.id, p.author_id);
  }
  const reuserOf = (source: string) =>
    source.startsWith('user:') ? source.slice(5) : (authors.get(source.slice(5)) ?? null);

  const periods: string[] = [];
  const periodOfDay = new Map<string, string>();
  for (const d of daysBetween(period.from, period.to)) {
    const p = periodOf(period.grain, d);
    periodOfDay.set(d, p);
    if (periods.at(-1) !== p) periods.push(p);
  }
  const perPeriod = new Map(periods.map((p) => [p, { value: 0, people: new Set<string>() }]));
  const everyone = new Set<string>();
  for (const r of rows) {
    const cell = perPeriod.get(periodOfDay.get(r.day) ?? '');
    if (!cell) continue;
    cell.value += 1;
    const who = reuserOf(r.source);
    if (who !== null) {
      cell.people.add(who);
      everyone.add(who);
    }
  }
  const cells = periods.map((p) => {
    const c = perPeriod.get(p)!;
    return { value: c.value, people: c.people.size };
  });
  const totalCell = { value: rows.length, people: everyone.size };
  const shown = suppress({ rows: cells.map((c) => [c]), columnTotals: [totalCell] }, k);
  const hiddenTotal = shown.columnTotals![0]!.kind === 'suppressed';
  return {
    items: periods.map((p, i) => {
      const hidden = shown.rows[i]![0]!.kind === 'suppressed';
      return {
        period: p,
        reuses: hidden ? null : cells[i]!.value,
        reusers: hidden ? null : cells[i]!.people,
      };
    }),
    total: {
      reuses: hiddenTotal ? null : totalCell.value,
      reusers: hiddenTotal ? null : totalCell.people,
    },
  };
}
