import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { nextDay } from './hashtags.kpi.ts';
import { periodOf } from './periods.ts';
import { daysBetween, dayOf } from './rollup.ts';

/**
 * A person's own impact (PRODUCT.md §7, "a person sees their own impact"), per month (UTC).
 * It counts the person's content and what others did with it, from the content tables
 * themselves, not from recorded activity: so it works when analytics is switched off, and it
 * needs no privacy threshold because it is about the person alone, shown only to them. Only
 * counts, never who reacted, voted, commented or reused.
 *
 * - posts: posts and announcements written; questions: questions asked;
 * - answers: top-level comments on other people's questions; accepted: of those, the ones the
 *   asker accepted (in the month of the answer);
 * - helpfulVotes: "helpful" votes by others on those answers, in the month of the vote;
 * - reactionsReceived, commentsReceived: reactions and comments (replies too) by others on the
 *   person's posts and questions, in the month they were given (only posts take reactions;
 *   answers get helpful votes instead);
 * - questionsAnswered: of the questions asked that month, those with a first answer by now;
 *   medianHoursToFirstAnswer: the median time from asking to that first answer;
 * - reuses: reuses of the person's documents by others (downloads by people outside the
 *   author's teams, attachments to posts in another group by someone else), in their month.
 * Downloads carry no date, so they are a total over all time, not per month.
 */
export const IMPACT_COUNTS = [
  'posts',
  'questions',
  'answers',
  'accepted',
  'helpfulVotes',
  'reactionsReceived',
  'commentsReceived',
  'questionsAnswered',
  'reuses',
] as const;
export type ImpactCount = (typeof IMPACT_COUNTS)[number];

export type ImpactMonth = { period: string; medianHoursToFirstAnswer: number | null } & Record<
  ImpactCount,
  number
>;

export interface Impact {
  from: string;
  to: string;
  months: ImpactMonth[];
  /** The whole period: sums, and the median over all its answered questions. */
  totals: Omit<ImpactMonth, 'period'>;
  documents: number;
  /** All downloads of the person's documents so far (every version, anyone). */
  downloads: number;
}

/** The last 12 months, this one included: from the first of the month 11 months ago to today. */
export function defaultImpactPeriod(now: Date): { from: string; to: string } {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { from: dayOf(first), to: dayOf(now) };
}

/** The median of some numbers, or null when there are none. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const hours = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 3_600_000;
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
const month = (iso: string) => iso.slice(0, 7);
const CHUNK = 500;

/**
 * Every query starts from the person: their posts through `posts_author (author_id, id)`, their
 * documents through `documents_owner`, and what others did with them through the child tables'
 * keys (`reactions` and `comments_post` by post, `document_reuses` by document, `answer_votes`
 * by comment, `questions` by post). A person's own rows are a few hundred or thousand, so this
 * stays small however large the organisation. The answers the person gave are a range of
 * `comments_author (author_id, created_at)` (migration 0017).
 */
export async function impactOf(db: Db, userId: string, from: string, to: string): Promise<Impact> {
  const lo = from;
  const hi = nextDay(to);
  const mine = db.selectFrom('posts').select('posts.id').where('posts.author_id', '=', userId);

  const [posts, answers, reactions, comments, docs, reuses] = await Promise.all([
    db
      .selectFrom('posts')
      .leftJoin('questions', 'questions.post_id', 'posts.id')
      .select(['posts.kind', 'posts.created_at', 'questions.asked_at', 'questions.first_answer_at'])
      .where('posts.author_id', '=', userId)
      .where('posts.created_at', '>=', lo)
      .where('posts.created_at', '<', hi)
      .execute(),
    // All the person's answers, not just this period's: votes in the period may be on older ones.
    db
      .selectFrom('comments')
      .innerJoin('questions', 'questions.post_id', 'comments.post_id')
      .select([
        'comments.id',
        'comments.created_at',
        sql<number>`case when questions.accepted_comment_id = comments.id then 1 else 0 end`.as(
          'accepted',
        ),
      ])
      .where('comments.author_id', '=', userId)
      .where('comments.parent_id', 'is', null)
      .where('questions.asker_id', '<>', userId)
      .execute(),
    db
      .selectFrom('reactions')
      .select([
        sql<string>`substr(created_at, 1, 7)`.as('month'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('post_id', 'in', mine)
      .where('user_id', '<>', userId)
      .where('created_at', '>=', lo)
      .where('created_at', '<', hi)
      .groupBy(sql`substr(created_at, 1, 7)`)
      .execute(),
    db
      .selectFrom('comments')
      .select([
        sql<string>`substr(created_at, 1, 7)`.as('month'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where('post_id', 'in', mine)
      .where('author_id', '<>', userId)
      .where('created_at', '>=', lo)
      .where('created_at', '<', hi)
      .groupBy(sql`substr(created_at, 1, 7)`)
      .execute(),
    db
      .selectFrom('documents')
      .select([
        (eb) => eb.fn.countAll<number>().as('documents'),
        (eb) => eb.fn.sum<number>('download_count').as('downloads'),
      ])
      .where('owner_id', '=', userId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('document_reuses')
      .select([
        sql<string>`substr(created_at, 1, 7)`.as('month'),
        (eb) => eb.fn.countAll<number>().as('n'),
      ])
      .where(
        'document_id',
        'in',
        db.selectFrom('documents').select('id').where('owner_id', '=', userId),
      )
      // A reuse by the author themself (attaching their own document elsewhere) is not by others.
      .where('source', '<>', `user:${userId}`)
      .where(
        'source',
        'not in',
        db
          .selectFrom('posts')
          .select(sql<string>`'post:' || posts.id`.as('source'))
          .where('posts.author_id', '=', userId),
      )
      .where('created_at', '>=', lo)
      .where('created_at', '<', hi)
      .groupBy(sql`substr(created_at, 1, 7)`)
      .execute(),
  ]);

  const votes: { month: string; n: number }[] = [];
  const answerIds = answers.map((a) => a.id);
  for (let i = 0; i < answerIds.length; i += CHUNK) {
    votes.push(
      ...(await db
        .selectFrom('answer_votes')
        .select([
          sql<string>`substr(created_at, 1, 7)`.as('month'),
          (eb) => eb.fn.countAll<number>().as('n'),
        ])
        .where('comment_id', 'in', answerIds.slice(i, i + CHUNK))
        .where('user_id', '<>', userId)
        .where('created_at', '>=', lo)
        .where('created_at', '<', hi)
        .groupBy(sql`substr(created_at, 1, 7)`)
        .execute()),
    );
  }

  const periods = [...new Set(daysBetween(from, to).map((d) => periodOf('month', d)))];
  const rows = new Map<string, ImpactMonth>(
    periods.map((p) => [
      p,
      {
        period: p,
        ...(Object.fromEntries(IMPACT_COUNTS.map((c) => [c, 0])) as Record<ImpactCount, number>),
        medianHoursToFirstAnswer: null,
      },
    ]),
  );
  const waits = new Map<string, number[]>();
  const bump = (m: string, c: ImpactCount, n = 1) => {
    const r = rows.get(m);
    if (r) r[c] += Number(n);
  };
  for (const p of posts) {
    const m = month(p.created_at);
    if (p.kind !== 'question') {
      bump(m, 'posts');
      continue;
    }
    bump(m, 'questions');
    if (p.first_answer_at && p.asked_at) {
      bump(m, 'questionsAnswered');
      waits.set(m, [...(waits.get(m) ?? []), hours(p.asked_at, p.first_answer_at)]);
    }
  }
  for (const a of answers) {
    if (a.created_at < lo || a.created_at >= hi) continue;
    bump(month(a.created_at), 'answers');
    if (Number(a.accepted) === 1) bump(month(a.created_at), 'accepted');
  }
  for (const r of reactions) bump(r.month, 'reactionsReceived', r.n);
  for (const c of comments) bump(c.month, 'commentsReceived', c.n);
  for (const v of votes) bump(v.month, 'helpfulVotes', v.n);
  for (const r of reuses) bump(r.month, 'reuses', r.n);
  for (const [m, w] of waits) rows.get(m)!.medianHoursToFirstAnswer = round1(median(w));

  const months = [...rows.values()];
  const totals = {
    ...(Object.fromEntries(
      IMPACT_COUNTS.map((c) => [c, months.reduce((s, r) => s + r[c], 0)]),
    ) as Record<ImpactCount, number>),
    medianHoursToFirstAnswer: round1(median([...waits.values()].flat())),
  };
  return {
    from,
    to,
    months,
    totals,
    documents: Number(docs.documents),
    downloads: Number(docs.downloads ?? 0),
  };
}
