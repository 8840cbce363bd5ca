import { sql, type Insertable } from 'kysely';
import { ulid } from 'ulid';
import type { Db } from '../../db/connect.ts';
import type { Deps } from '../../http/app.ts';
import type { User } from '../accounts/accounts.table.ts';
import { findUserById } from '../accounts/users.queries.ts';
import { daysBetween, dayOf, recordDownload, rollupDays } from '../analytics/rollup.ts';
import { createDocument, EXTRACT_JOB, runExtraction } from '../documents/index.ts';
import { recordReuse } from '../documents/documents.queries.ts';
import { attachDocument } from '../documents/post-documents.ts';
import { ensureHashtags, extractHashtagSpellings, resolveAliases } from '../hashtags/index.ts';
import { setMeaning } from '../hashtags/hashtags.queries.ts';
import { renderMarkdown } from '../posts/markdown.ts';
import type { NotificationsTable } from '../notifications/notifications.table.ts';
import type { PostKind, ReactionType } from '../posts/posts.table.ts';
import { setAccepted } from '../questions/questions.queries.ts';
import { DEMO_PEOPLE } from './demo.data.ts';
import { DEMO_GROUPS } from './demo.groups.ts';
import * as Y from './demo.year.data.ts';

/**
 * A year of Nordlicht on Kantine, so that the measurement dashboards tell a business case:
 * two pilot teams start a year ago, every department joins after three months, the number of
 * active people grows from about ten to most of the organisation (with dips in the summer
 * holidays and at Christmas), questions are answered faster and more often, success stories, customer voices
 * and pain points come regularly, a campaign runs for four weeks, and the teams' documents are
 * reused by the others.
 *
 * Everything is generated from a seeded generator (the same `now` gives the same year) and
 * written through the real tables in bulk, so that the triggers keep every aggregate exactly as
 * the app would (activity per day, questions and their answer times, hashtag counts, the search
 * queue). Visits have no table of their own: they are written to `activity_days` directly, on
 * the days people used Kantine, and every day on which someone did something counts as a visit.
 */

type YearDeps = Pick<Deps, 'db' | 'config' | 'clock' | 'bus'> & Partial<Pick<Deps, 'storage'>>;

export interface DemoYearSummary {
  posts: number;
  comments: number;
  reactions: number;
  questions: number;
  documents: number;
  reuses: number;
  visits: number;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Today is the last of these days. */
const YEAR_DAYS = 365;
const SEED = 20_261_128;

type Category =
  'post' | 'question' | 'success' | 'customer' | 'pain' | 'campaign' | 'milestone' | 'private';

/** Comments and reactions a post of each kind gets on average (grows over the year). */
const COMMENT_MEAN: Record<Category, number> = {
  post: 1.9,
  question: 0,
  success: 5.5,
  customer: 3.6,
  pain: 4.8,
  campaign: 4.8,
  milestone: 8,
  private: 2,
};
const REACTION_MEAN: Record<Category, number> = {
  post: 5.4,
  question: 2,
  success: 11,
  customer: 7,
  pain: 7,
  campaign: 7,
  milestone: 16,
  private: 2.5,
};
const REACTION_MIX: Record<Category, [ReactionType, number][]> = {
  post: [
    ['like', 0.6],
    ['thanks', 0.15],
    ['insightful', 0.15],
    ['celebrate', 0.1],
  ],
  question: [
    ['like', 0.5],
    ['insightful', 0.5],
  ],
  success: [
    ['celebrate', 0.45],
    ['like', 0.35],
    ['thanks', 0.2],
  ],
  customer: [
    ['like', 0.5],
    ['insightful', 0.3],
    ['thanks', 0.2],
  ],
  pain: [
    ['like', 0.7],
    ['insightful', 0.3],
  ],
  campaign: [
    ['like', 0.6],
    ['insightful', 0.4],
  ],
  milestone: [
    ['celebrate', 0.5],
    ['like', 0.5],
  ],
  private: [
    ['like', 0.7],
    ['insightful', 0.3],
  ],
};

/** mulberry32 with a few helpers: small, fast, seeded (never Math.random). */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  readonly next = (): number => {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let x = Math.imul(this.s ^ (this.s >>> 15), 1 | this.s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  between(lo: number, hi: number): number {
    return lo + this.next() * (hi - lo);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = this.next(); p > limit; p *= this.next()) k++;
    return k;
  }
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  /** Up to n distinct items, each drawn with probability proportional to its weight. */
  sample<T>(items: readonly { item: T; w: number }[], n: number): T[] {
    const pool = items.filter((i) => i.w > 0);
    let total = pool.reduce((s, i) => s + i.w, 0);
    const out: T[] = [];
    while (out.length < n && pool.length > 0) {
      let x = this.next() * total;
      let k = 0;
      while (k < pool.length - 1 && x >= pool[k]!.w) x -= pool[k++]!.w;
      out.push(pool[k]!.item);
      total -= pool[k]!.w;
      pool.splice(k, 1);
    }
    return out;
  }
  mix<T>(weights: readonly (readonly [T, number])[]): T {
    let x = this.next() * weights.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of weights) {
      if (x < w) return v;
      x -= w;
    }
    return weights[weights.length - 1]![0];
  }
}

interface Person {
  n: number;
  key: string;
  id: string;
  dept: string;
  en: boolean;
  /** First day (index) of regular use; Infinity: only now and then, after the rollout. */
  adopt: number;
  joined: number;
  visitP: number;
  postW: number;
  talkW: number;
  away: Set<number>;
  groups: Set<string>;
  /** Groups of kind team: sharing one makes a download no reuse (documents.service.ts). */
  teams: Set<string>;
}

interface GroupInfo {
  key: string;
  id: string;
  open: boolean;
  members: Set<number>;
}

interface PlannedComment {
  id: string;
  post: PlannedPost;
  parent: PlannedComment | null;
  author: number;
  body: string;
  at: number;
}

interface PlannedPost {
  id: string;
  author: number;
  group: string | null;
  kind: PostKind;
  cat: Category;
  body: string;
  at: number;
  day: number;
  question?: Y.YearQuestion;
  docKey?: string;
  comments: PlannedComment[];
  reactions: { user: number; type: ReactionType; at: number }[];
  accepted?: { comment: PlannedComment; at: number };
  votes: { comment: PlannedComment; user: number; at: number }[];
}

interface PlannedDownload {
  /** A YEAR_DOCUMENTS key, or the id of a document already on the shelf. */
  doc: string;
  user: number;
  at: number;
  /** By someone outside the owner's teams. */
  reuse: boolean;
}

interface ShelfDocument {
  id: string;
  owner: string;
  group: string | null;
  created: number;
  versions: { number: number; at: number }[];
}

/** Generates the year in memory; the writers below put it into the database. */
class YearPlan {
  readonly rng = new Rng(SEED);
  private readonly idRng = new Rng(SEED + 1);
  readonly day0: number;
  readonly people: Person[] = [];
  readonly byKey = new Map<string, Person>();
  readonly groups = new Map<string, GroupInfo>();
  /** Who visited on each day (person numbers). */
  readonly visitors: number[][] = [];
  private readonly visits: Uint8Array[] = [];
  readonly posts: PlannedPost[] = [];
  readonly downloads: PlannedDownload[] = [];
  readonly docTimes = new Map<string, number>();

  constructor(
    readonly now: number,
    users: { id: string; created_at: string }[],
    ids: Map<string, string>,
    groupIds: Map<string, string>,
    memberships: { group_id: string; user_id: string }[],
    private readonly shelf: ShelfDocument[],
  ) {
    this.day0 = Math.floor(now / DAY) * DAY - (YEAR_DAYS - 1) * DAY;
    const created = new Map(users.map((u) => [u.id, Date.parse(u.created_at)]));
    const byId = new Map<string, number>();
    for (const p of DEMO_PEOPLE) {
      const id = ids.get(p.key);
      if (!id || !created.has(id)) continue;
      const person: Person = {
        n: this.people.length,
        key: p.key,
        id,
        dept: p.department,
        en: p.locale === 'en',
        adopt: Infinity,
        joined: Math.floor((created.get(id)! - this.day0) / DAY) + 1,
        visitP: 0,
        postW: 0,
        talkW: 0,
        away: new Set(),
        groups: new Set(),
        teams: new Set(),
      };
      this.people.push(person);
      this.byKey.set(p.key, person);
      byId.set(id, person.n);
    }
    const keyOfGroup = new Map([...groupIds].map(([k, id]) => [id, k]));
    for (const g of DEMO_GROUPS) {
      const id = groupIds.get(g.key);
      if (id)
        this.groups.set(g.key, {
          key: g.key,
          id,
          open: g.visibility === 'public',
          members: new Set(),
        });
    }
    for (const m of memberships) {
      const key = keyOfGroup.get(m.group_id);
      const n = byId.get(m.user_id);
      if (key === undefined || n === undefined) continue;
      this.groups.get(key)!.members.add(n);
      this.people[n]!.groups.add(key);
      if (DEMO_GROUPS.find((g) => g.key === key)?.kind === 'team') this.people[n]!.teams.add(key);
    }
  }

  // ── Time ─────────────────────────────────────────────────────────────────────

  dayStart(d: number): number {
    return this.day0 + d * DAY;
  }
  dayIndex(t: number): number {
    return Math.floor((t - this.day0) / DAY);
  }
  /** A time in the working day (UTC 6:30–16:30, Hamburg 7:30–18:30), before now. */
  timeOn(d: number): number {
    const start = this.dayStart(d) + 6.5 * HOUR;
    const end = Math.min(start + 10 * HOUR, this.now - MINUTE);
    if (end <= start)
      return this.dayStart(d) + this.rng.next() * Math.max(0, this.now - this.dayStart(d) - MINUTE);
    return Math.floor(this.rng.between(start, end));
  }
  newId(t: number): string {
    return ulid(Math.floor(t), this.idRng.next);
  }
  /** Fills {placeholders} with words, numbers and ticket numbers. */
  fill(text: string): string {
    return text.replace(/\{(\w+)\}/g, (_, k: string) => {
      if (k === 'zahl') return String(this.rng.int(2, 9));
      if (k === 'stunden') return String(this.rng.int(3, 20));
      if (k === 'prozent') return String(this.rng.int(8, 11) * 10);
      if (k === 'ticket') return `SD-${this.rng.int(40_000, 59_999)}`;
      const words = Y.WORDS[k];
      return words ? this.rng.pick(words) : k;
    });
  }

  // ── People and their days ───────────────────────────────────────────────────

  /** Who uses Kantine from when, how often, and when they are on leave. */
  planPeople(): void {
    const { rng } = this;
    const pilots = new Set<number>();
    for (const key of Y.PILOT_GROUPS)
      for (const n of this.groups.get(key)?.members ?? []) pilots.add(n);
    // People the story needs on a day: they use Kantine by then.
    const needed = new Map<string, number>();
    const need = (key: string, day: number) =>
      needed.set(key, Math.min(day, needed.get(key) ?? Infinity));
    for (const m of Y.MILESTONES) need(m.author, m.day);
    for (const d of Y.YEAR_DOCUMENTS) {
      need(d.owner, d.day);
      for (const p of d.posts ?? []) need(p.author, p.day);
    }
    const summer: number[] = [];
    const week: number[] = [];
    for (let d = 0; d < YEAR_DAYS; d++) {
      const date = new Date(this.dayStart(d));
      const m = date.getUTCMonth();
      if (m === 6 || (m === 7 && date.getUTCDate() <= 20)) summer.push(d);
      if (m === 3 || m === 4 || m === 9) week.push(d);
    }
    for (const p of this.people) {
      let adopt: number;
      if (pilots.has(p.n))
        adopt = rng.chance(0.55) ? rng.int(0, 25) : rng.int(30, Y.ROLLOUT_DAY + 30);
      else {
        // A third at the rollout, most of the rest over the following months, a few never.
        const r = rng.next();
        adopt =
          r < 0.3
            ? Y.ROLLOUT_DAY + rng.int(0, 12)
            : r < 0.8
              ? Y.ROLLOUT_DAY + rng.int(13, 260)
              : Infinity;
      }
      adopt = Math.min(adopt, needed.get(p.key) ?? Infinity);
      p.adopt = Math.max(adopt, p.joined, 0);
      p.visitP = 0.45 + 0.5 * rng.next() ** 0.7;
      p.postW = 0.04 + 0.5 * rng.next() ** 2.2;
      p.talkW = 0.3 + 1.2 * rng.next();
      // A summer holiday of twelve days and a week in spring or autumn.
      for (const [days, length] of [
        [summer, 12],
        [week, 7],
      ] as const) {
        if (days.length === 0) continue;
        const start = rng.pick(days);
        for (let d = start; d < start + length; d++) p.away.add(d);
      }
    }
  }

  /** Holidays: fewer visits in the summer, hardly any between Christmas and New Year. */
  private season(d: number): number {
    const date = new Date(this.dayStart(d));
    const m = date.getUTCMonth();
    const day = date.getUTCDate();
    if ((m === 11 && day >= 24) || (m === 0 && day <= 1)) return 0.1;
    if ((m === 11 && day >= 19) || (m === 0 && day <= 6)) return 0.45;
    if ((m === 6 && day >= 15) || m === 7) return 0.7;
    return 1;
  }

  planVisits(): void {
    const { rng } = this;
    const nowHour = (this.now - Math.floor(this.now / DAY) * DAY) / HOUR;
    for (let d = 0; d < YEAR_DAYS; d++) {
      const weekday = new Date(this.dayStart(d)).getUTCDay();
      const weekend = weekday === 0 || weekday === 6 ? 0.04 : 1;
      // Today only as far as it has gone.
      const today = d === YEAR_DAYS - 1 ? Math.min(1, Math.max(0, (nowHour - 6) / 10)) : 1;
      const t = d / (YEAR_DAYS - 1);
      const out: number[] = [];
      for (const p of this.people) {
        let prob: number;
        if (d < p.joined || p.away.has(d)) prob = 0;
        else if (d < p.adopt) prob = d >= Y.ROLLOUT_DAY ? 0.006 : 0;
        else prob = p.visitP * (d - p.adopt < 14 ? 0.6 : 1) * (0.85 + 0.15 * t);
        if (rng.chance(prob * weekend * this.season(d) * today)) out.push(p.n);
      }
      this.visitors.push(out);
    }
    for (let i = 0; i < this.people.length; i++) this.visits.push(new Uint8Array(YEAR_DAYS));
    this.visitors.forEach((vs, d) => vs.forEach((n) => (this.visits[n]![d] = 1)));
  }

  visited(n: number, d: number): boolean {
    return this.visits[n]?.[d] === 1;
  }
  visitCount(): number {
    return this.visitors.reduce((s, v) => s + v.length, 0);
  }

  // ── Posts ────────────────────────────────────────────────────────────────────

  private addPost(
    author: number,
    day: number,
    at: number,
    p: { group: string | null; kind?: PostKind; cat: Category; body: string },
  ): PlannedPost | null {
    if (at >= this.now) return null;
    const post: PlannedPost = {
      id: this.newId(at),
      author,
      group: p.group,
      kind: p.kind ?? 'post',
      cat: p.cat,
      body: p.body,
      at,
      day,
      comments: [],
      reactions: [],
      votes: [],
    };
    this.posts.push(post);
    return post;
  }

  /** Someone who visits on the day (or within the next days) and fits; null when nobody. */
  private authorAround(day: number, fits: (p: Person) => boolean): [number, number] | null {
    for (let d = day; d < Math.min(day + 6, YEAR_DAYS); d++) {
      const [n] = this.rng.sample(
        this.visitors[d]!.filter((v) => fits(this.people[v]!)).map((v) => ({
          item: v,
          w: this.people[v]!.postW + 0.1,
        })),
        1,
      );
      if (n !== undefined) return [n, d];
    }
    return null;
  }

  /** Where a person's post goes: their team's group, a community, or the whole organisation. */
  private placeFor(p: Person, day: number): { group: string | null; bucket: readonly string[] } {
    const options: { item: { group: string | null; bucket: readonly string[] }; w: number }[] = [];
    const team = Y.DEPARTMENT_TEAM[p.dept];
    if (team && p.groups.has(team) && (day >= Y.ROLLOUT_DAY || Y.PILOT_GROUPS.includes(team)))
      options.push({ item: { group: team, bucket: Y.TEAM_POSTS[team]! }, w: 3 });
    for (const [c, w] of [
      ['m365', 1],
      ['kaffee', 1.2],
      ['fahrrad', 0.6],
    ] as const) {
      if (p.groups.has(c)) options.push({ item: { group: c, bucket: Y.COMMUNITY_POSTS[c]! }, w });
    }
    if (day >= Y.ROLLOUT_DAY) {
      const own = Y.ORG_POSTS[p.dept];
      if (own) options.push({ item: { group: null, bucket: own }, w: team ? 0.6 : 2.5 });
      options.push({ item: { group: null, bucket: Y.ORG_POSTS['*']! }, w: 0.3 });
    }
    return this.rng.sample(options, 1)[0] ?? { group: null, bucket: Y.ORG_POSTS['*']! };
  }

  /** The group of a special post: before the rollout, the author's pilot team. */
  private specialPlace(p: Person, day: number, ownTeam = 0): string | null {
    const team = Y.DEPARTMENT_TEAM[p.dept];
    if (day < Y.ROLLOUT_DAY) return Y.PILOT_GROUPS.find((g) => p.groups.has(g)) ?? null;
    return team && p.groups.has(team) && this.rng.chance(ownTeam) ? team : null;
  }

  /** What the person may ask where, on that day (before the rollout: in the pilot). */
  private questionsFor(p: Person, d: number): readonly Y.YearQuestion[] {
    return Y.QUESTIONS.filter((q) =>
      q.where === 'org'
        ? d >= Y.ROLLOUT_DAY
        : p.groups.has(q.where) &&
          (d >= Y.ROLLOUT_DAY || Y.PILOT_GROUPS.includes(q.where) || q.where === 'm365'),
    );
  }

  private ask(n: number, d: number): PlannedPost | null {
    const options = this.questionsFor(this.people[n]!, d);
    if (options.length === 0) return null;
    const q = this.rng.pick(options);
    const post = this.addPost(n, d, this.timeOn(d), {
      group: q.where === 'org' ? null : q.where,
      kind: 'question',
      cat: 'question',
      body: this.fill(q.q),
    });
    if (post) post.question = q;
    return post;
  }

  private usesKantine = (day: number) => (p: Person) =>
    day >= Y.ROLLOUT_DAY || Y.PILOT_GROUPS.some((g) => p.groups.has(g));

  planPosts(): void {
    const { rng } = this;
    // The story's fixed points.
    for (const m of Y.MILESTONES) {
      const author = this.byKey.get(m.author);
      if (!author || m.day >= YEAR_DAYS) continue;
      const cat = m.body.includes(`#${Y.CAMPAIGN_TAG}`) ? 'campaign' : 'milestone';
      this.addPost(author.n, m.day, this.timeOn(m.day), {
        group: m.group ?? null,
        kind: m.kind,
        cat,
        body: m.body,
      });
    }
    // Posts that attach the teams' documents elsewhere (a reuse each).
    for (const doc of Y.YEAR_DOCUMENTS) {
      this.docTimes.set(doc.key, this.timeOn(doc.day));
      for (const a of doc.posts ?? []) {
        const author = this.byKey.get(a.author);
        if (!author || a.day >= YEAR_DAYS) continue;
        const post = this.addPost(author.n, a.day, this.timeOn(a.day), {
          group: a.group ?? null,
          cat: 'post',
          body: a.body,
        });
        if (post) post.docKey = doc.key;
      }
    }
    // Success stories, about one a month; the last one looks back on the year.
    const stories = rng.shuffle(Y.SUCCESS_STORIES.slice(0, -1));
    const storyDays: number[] = [];
    for (let m = 0; m < 12; m++) storyDays.push(Math.min(m * 30 + rng.int(5, 25), YEAR_DAYS - 2));
    storyDays.push(rng.int(Y.ROLLOUT_DAY, 330), rng.int(Y.ROLLOUT_DAY, 330));
    storyDays.sort((a, b) => a - b);
    storyDays.forEach((day, i) => {
      const body =
        i === storyDays.length - 1 ? Y.SUCCESS_STORIES[Y.SUCCESS_STORIES.length - 1]! : stories[i];
      const found = body && this.authorAround(day, this.usesKantine(day));
      if (!found) return;
      const [n, d] = found;
      const group = this.specialPlace(this.people[n]!, d);
      this.addPost(n, d, this.timeOn(d), { group, cat: 'success', body: this.fill(body) });
    });
    // Customer voices and pain points, most weeks.
    for (let week = 1; week * 7 < YEAR_DAYS - 1; week++) {
      const pilot = week * 7 < Y.ROLLOUT_DAY;
      if (rng.chance(pilot ? 0.4 : 0.6)) {
        const day = week * 7 + rng.int(0, 4);
        const found = this.authorAround(
          day,
          (p) => Y.CUSTOMER_FACING.includes(p.dept) && this.usesKantine(day)(p),
        );
        if (found) {
          const [n, d] = found;
          this.addPost(n, d, this.timeOn(d), {
            group: this.specialPlace(this.people[n]!, d, 0.4),
            cat: 'customer',
            body: this.fill(rng.pick(Y.CUSTOMER_VOICES)),
          });
        }
      }
      if (rng.chance(0.5)) {
        const day = week * 7 + rng.int(0, 4);
        const found = this.authorAround(day, this.usesKantine(day));
        if (found) {
          const [n, d] = found;
          this.addPost(n, d, this.timeOn(d), {
            group: this.specialPlace(this.people[n]!, d, 0.3),
            cat: 'pain',
            body: this.fill(rng.pick(Y.PAIN_POINTS)),
          });
        }
      }
    }
    // The campaign: ideas during four weeks, each once.
    const ideas = rng.shuffle(Y.CAMPAIGN_IDEAS);
    for (let d = Y.CAMPAIGN_DAY + 1; d < Y.CAMPAIGN_DAY + Y.CAMPAIGN_DAYS && d < YEAR_DAYS; d++) {
      if (ideas.length === 0 || !rng.chance(0.6)) continue;
      const found = this.authorAround(d, () => true);
      if (!found || found[1] !== d) continue;
      this.addPost(found[0], d, this.timeOn(d), {
        group: null,
        cat: 'campaign',
        body: ideas.pop()!,
      });
    }
    // The confidential groups: the leadership after the rollout, Polarstern in the last months.
    for (const [key, from, rate] of [
      ['fuehrungskreis', Y.ROLLOUT_DAY, 0.07],
      ['polarstern', 260, 0.05],
    ] as const) {
      const g = this.groups.get(key);
      if (!g) continue;
      for (let d = from; d < YEAR_DAYS; d++) {
        if (!rng.chance(rate)) continue;
        const n = rng.sample(
          this.visitors[d]!.filter((v) => g.members.has(v)).map((v) => ({ item: v, w: 1 })),
          1,
        )[0];
        if (n === undefined) continue;
        this.addPost(n, d, this.timeOn(d), {
          group: key,
          cat: 'private',
          body: rng.pick(Y.PRIVATE_POSTS[key]!),
        });
      }
    }
    // Everyday posts and questions by the day's visitors.
    for (let d = 0; d < YEAR_DAYS; d++) {
      const t = d / (YEAR_DAYS - 1);
      for (const n of this.visitors[d]!) {
        const p = this.people[n]!;
        for (let k = rng.poisson(p.postW * 1.4 * (0.8 + 0.4 * t)); k > 0; k--) {
          const place = this.placeFor(p, d);
          this.addPost(n, d, this.timeOn(d), {
            group: place.group,
            cat: 'post',
            body: this.fill(rng.pick(place.bucket)),
          });
        }
        if (rng.chance(0.07)) this.ask(n, d);
      }
    }
    // Not a week without a question, holidays included.
    for (let week = 0; week * 7 < YEAR_DAYS; week++) {
      const from = this.dayStart(week * 7);
      if (this.posts.some((p) => p.question && p.at >= from && p.at < from + 7 * DAY)) continue;
      for (let d = week * 7; d < Math.min(week * 7 + 7, YEAR_DAYS); d++) {
        const n = this.visitors[d]!.find((v) => this.questionsFor(this.people[v]!, d).length > 0);
        if (n !== undefined && this.ask(n, d)) break;
      }
    }
    this.posts.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1));
  }

  // ── Comments, reactions, answers ────────────────────────────────────────────

  private canRead(post: PlannedPost, n: number): boolean {
    if (!post.group) return true;
    const g = this.groups.get(post.group)!;
    return g.open || g.members.has(n);
  }

  /** People who read the post in the days after it, more likely the same day. */
  private audience(post: PlannedPost): { item: [number, number]; w: number }[] {
    const seen = new Map<number, { item: [number, number]; w: number }>();
    const author = this.people[post.author]!;
    const g = post.group ? this.groups.get(post.group)! : null;
    [1, 0.45, 0.2].forEach((dayW, k) => {
      const d = post.day + k;
      if (d >= YEAR_DAYS) return;
      for (const n of this.visitors[d]!) {
        if (n === post.author || seen.has(n) || !this.canRead(post, n)) continue;
        const p = this.people[n]!;
        const member = g ? g.members.has(n) : true;
        const w = dayW * p.talkW * (member ? 1 : 0.5) * (p.dept === author.dept ? 1.2 : 1);
        seen.set(n, { item: [n, d], w });
      }
    });
    return [...seen.values()];
  }

  /** When someone who visits on day d reacts to the post: soon after it, or during that day. */
  private laterOn(post: PlannedPost, d: number, after = post.at): number {
    if (d === post.day) return after + this.rng.between(4 * MINUTE, 5 * HOUR);
    return Math.max(this.timeOn(d), after + MINUTE);
  }

  private comment(
    post: PlannedPost,
    author: number,
    body: string,
    at: number,
    parent: PlannedComment | null = null,
  ): PlannedComment | null {
    if (at >= this.now) return null;
    const c = { id: this.newId(at), post, parent, author, body, at };
    post.comments.push(c);
    return c;
  }

  /** The comments' texts for one post, each said once (until the list runs out). */
  private commentTexts(post: PlannedPost): (n: number) => string {
    const list =
      post.cat === 'private'
        ? Y.PRIVATE_COMMENTS[post.group!]!
        : (Y.COMMENTS[post.cat] ?? Y.COMMENTS.post!);
    const bag = this.rng.shuffle(list);
    const en = this.rng.shuffle(Y.COMMENTS_EN);
    let i = 0;
    return (n) =>
      this.people[n]!.en && post.cat !== 'private' ? en[i++ % en.length]! : bag[i++ % bag.length]!;
  }

  /** Night owls aside, people answer between 6 and 21 (UTC): later goes to the next morning. */
  private awake(t: number): number {
    const d = this.dayIndex(t);
    const hour = (t - this.dayStart(d)) / HOUR;
    if (hour >= 6 && hour < 21) return t;
    return this.dayStart(hour < 6 ? d : d + 1) + this.rng.between(6, 8) * HOUR;
  }

  planInteractions(): void {
    for (const post of this.posts) {
      const t = post.day / (YEAR_DAYS - 1);
      const grow = 0.75 + 0.5 * t;
      const audience = this.audience(post);
      if (post.question) this.planAnswers(post, t);
      else {
        const talkers = this.rng.sample(audience, this.rng.poisson(COMMENT_MEAN[post.cat] * grow));
        const text = this.commentTexts(post);
        for (const [n, d] of talkers) {
          const c = this.comment(post, n, text(n), this.laterOn(post, d));
          if (!c || post.cat === 'private' || !this.rng.chance(0.22)) continue;
          // The author answers, or someone else who joined in.
          const others = talkers.filter(([m]) => m !== n);
          const byAuthor = this.rng.chance(0.6) || others.length === 0;
          const replier = byAuthor ? post.author : this.rng.pick(others)[0];
          this.comment(
            post,
            replier,
            this.people[replier]!.en
              ? this.rng.pick(Y.COMMENTS_EN)
              : this.rng.pick(byAuthor ? Y.COMMENTS.reply! : Y.COMMENTS.agree!),
            c.at + this.rng.between(10 * MINUTE, 4 * HOUR),
            c,
          );
        }
      }
      for (const [n, d] of this.rng.sample(
        audience,
        this.rng.poisson(REACTION_MEAN[post.cat] * grow),
      )) {
        const at = this.laterOn(post, d);
        if (at < this.now)
          post.reactions.push({ user: n, type: this.rng.mix(REACTION_MIX[post.cat]), at });
      }
    }
  }

  /**
   * Answers come faster as the year goes on (median first answer from about 36 hours to about
   * 3), more questions are answered and more answers accepted; some stay open.
   */
  private planAnswers(post: PlannedPost, t: number): void {
    const { rng } = this;
    const q = post.question!;
    const g = post.group ? this.groups.get(post.group)! : null;
    const helpers = (at: number, not: Set<number>) => {
      const d = this.dayIndex(at);
      return this.people
        .filter((p) => p.adopt <= d && !not.has(p.n) && this.canRead(post, p.n))
        .map((p) => ({
          item: p.n,
          w:
            p.talkW *
            (this.visited(p.n, d) ? 3 : 0.3) *
            (g && g.members.has(p.n) ? 2 : 1) *
            (p.dept === this.people[post.author]!.dept ? 1.3 : 1),
        }));
    };
    let answered = false;
    if (rng.chance(0.84 + 0.14 * t)) {
      const median = 36 * 12 ** -t;
      const hours = Math.min(Math.max(median * Math.exp(0.8 * rng.normal()), 0.1), 24 * 14);
      let at = this.awake(post.at + hours * HOUR);
      const answerers = new Set([post.author]);
      const answers: PlannedComment[] = [];
      const more = rng.poisson(0.35 + 0.4 * t);
      for (let i = 0; i <= more && at < this.now; i++) {
        const [n] = rng.sample(helpers(at, answerers), 1);
        if (n === undefined) break;
        answerers.add(n);
        const text =
          i < q.a.length
            ? this.fill(q.a[i]!)
            : this.people[n]!.en
              ? rng.pick(Y.COMMENTS_EN)
              : rng.pick(Y.COMMENTS.answer!);
        const c = this.comment(post, n, text, at);
        if (c) answers.push(c);
        at = this.awake(at + rng.between(0.5, 30) * HOUR);
      }
      answered = answers.length > 0;
      const first = answers[0];
      if (first && rng.chance(0.5)) {
        this.comment(
          post,
          post.author,
          rng.pick(Y.COMMENTS.thanks!),
          first.at + rng.between(10 * MINUTE, 5 * HOUR),
          first,
        );
      }
      if (first && rng.chance(0.35 + 0.45 * t)) {
        const chosen = rng.chance(0.75) ? first : rng.pick(answers);
        const acceptedAt = chosen.at + rng.between(0.3, 20) * HOUR;
        if (acceptedAt < this.now) post.accepted = { comment: chosen, at: acceptedAt };
      }
      for (const a of answers) {
        const voters = rng.sample(helpers(a.at, new Set([a.author])), rng.poisson(0.3 + 0.9 * t));
        for (const n of voters) {
          const votedAt = a.at + rng.between(1, 48) * HOUR;
          if (votedAt < this.now) post.votes.push({ comment: a, user: n, at: votedAt });
        }
      }
    }
    if (!answered && rng.chance(0.4)) {
      this.comment(
        post,
        post.author,
        rng.pick(Y.COMMENTS.followup!),
        this.awake(post.at + rng.between(20, 70) * HOUR),
      );
    }
  }

  // ── Documents ────────────────────────────────────────────────────────────────

  /**
   * Downloads over the year: people outside the owner's teams (a reuse each), now and then a
   * colleague. Documents already on the shelf get theirs after they were put there.
   */
  planDownloads(): void {
    const { rng } = this;
    const docs = [
      ...Y.YEAR_DOCUMENTS.map((d) => ({
        ref: d.key,
        owner: this.byKey.get(d.owner),
        open: this.groups.get(d.group)?.open ?? true,
        from: this.dayIndex(this.docTimes.get(d.key)!) + 2,
        rate: 0.22,
      })),
      ...this.shelf.map((d) => ({
        ref: d.id,
        owner: this.people.find((p) => p.id === d.owner),
        open: d.group === null || (this.groups.get(d.group)?.open ?? false),
        from: this.dayIndex(d.created) + 1,
        rate: 0.08,
      })),
    ];
    for (const doc of docs) {
      if (!doc.owner || !doc.open) continue;
      for (const p of this.people) {
        if (p === doc.owner) continue;
        const outsider = ![...p.teams].some((g) => doc.owner!.teams.has(g));
        if (!rng.chance(outsider ? doc.rate : 0.1)) continue;
        const days: number[] = [];
        for (let d = Math.max(doc.from, 0); d < YEAR_DAYS; d++)
          if (this.visited(p.n, d)) days.push(d);
        if (days.length === 0) continue;
        const d = rng.pick(days);
        const at = this.timeOn(d);
        if (at < this.now) this.downloads.push({ doc: doc.ref, user: p.n, at, reuse: outsider });
      }
    }
    this.downloads.sort((a, b) => a.at - b.at);
  }
}

/** Rows of at most `size` per statement: both databases cap the parameters of one. */
function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

const iso = (t: number) => new Date(Math.floor(t)).toISOString();

/**
 * Writes the year's posts, hashtags, comments, reactions, answers accepted with their
 * notifications, and helpful votes, in one transaction and in multi-row statements.
 */
async function writeConversation(
  db: Db,
  plan: YearPlan,
  documents: Map<string, { id: string; group_id: string | null }>,
): Promise<void> {
  const groupId = (key: string | null) => (key ? plan.groups.get(key)!.id : null);
  const userId = (n: number) => plan.people[n]!.id;
  const html = new Map<string, string>();
  const render = (body: string) => {
    let h = html.get(body);
    if (h === undefined) html.set(body, (h = renderMarkdown(body, new Map())));
    return h;
  };
  await db.transaction().execute(async (trx) => {
    const postRows = plan.posts.map((p) => {
      const counts: Partial<Record<ReactionType, number>> = {};
      for (const r of p.reactions) counts[r.type] = (counts[r.type] ?? 0) + 1;
      return {
        id: p.id,
        author_id: userId(p.author),
        group_id: groupId(p.group),
        kind: p.kind,
        body: p.body,
        html: render(p.body),
        created_at: iso(p.at),
        edited_at: null,
        comment_count: p.comments.length,
        reaction_count: p.reactions.length,
        reaction_counts: JSON.stringify(counts),
        pinned_until: null,
      };
    });
    for (const rows of chunks(postRows, 400)) await trx.insertInto('posts').values(rows).execute();

    // Hashtags as the posts service derives them (spellings, aliases), created at first use.
    const spellings = plan.posts.map((p) => extractHashtagSpellings(p.body));
    const distinct = [...new Set(spellings.flat().map((s) => s.tag))];
    const resolved = new Map<string, string>();
    for (const tag of distinct) resolved.set(tag, (await resolveAliases(trx, [tag]))[0] ?? tag);
    const firstUse = new Map<string, { display: string; at: number }>();
    const tagRows: { tag: string; post_id: string; group_id: string | null }[] = [];
    plan.posts.forEach((p, i) => {
      const seen = new Set<string>();
      for (const s of spellings[i]!) {
        const tag = resolved.get(s.tag)!;
        if (seen.has(tag)) continue;
        seen.add(tag);
        tagRows.push({ tag, post_id: p.id, group_id: groupId(p.group) });
        if (!firstUse.has(tag)) firstUse.set(tag, { display: s.display, at: p.at });
      }
    });
    for (const [tag, f] of firstUse) {
      await ensureHashtags(trx, [{ tag, display: f.display }], new Date(f.at));
      // A tag the newer demo posts created first was in use long before.
      await trx
        .updateTable('hashtags')
        .set({ created_at: iso(f.at) })
        .where('tag', '=', tag)
        .where('created_at', '>', iso(f.at))
        .execute();
    }
    for (const rows of chunks(tagRows, 1000))
      await trx.insertInto('post_hashtags').values(rows).execute();

    for (const p of plan.posts) {
      const doc = p.docKey ? documents.get(p.docKey) : undefined;
      if (doc)
        await attachDocument(trx, { id: p.id, group_id: groupId(p.group) }, doc, new Date(p.at));
    }

    // Oldest first, so that a reply never precedes the comment it answers.
    const comments = plan.posts.flatMap((p) => p.comments).sort((a, b) => a.at - b.at);
    const commentRows = comments.map((c) => ({
      id: c.id,
      post_id: c.post.id,
      parent_id: c.parent?.id ?? null,
      author_id: userId(c.author),
      body: c.body,
      html: render(c.body),
      created_at: iso(c.at),
      edited_at: null,
    }));
    for (const rows of chunks(commentRows, 500))
      await trx.insertInto('comments').values(rows).execute();

    const reactionRows = plan.posts.flatMap((p) =>
      p.reactions.map((r) => ({
        post_id: p.id,
        user_id: userId(r.user),
        type: r.type,
        created_at: iso(r.at),
      })),
    );
    for (const rows of chunks(reactionRows, 1000))
      await trx.insertInto('reactions').values(rows).execute();

    // Accepted answers, with the notification the app sends the one who answered.
    const notifications: Insertable<NotificationsTable>[] = [];
    for (const p of plan.posts) {
      if (!p.accepted) continue;
      const { comment, at } = p.accepted;
      await setAccepted(trx, p.id, {
        commentId: comment.id,
        by: userId(p.author),
        at: new Date(at),
      });
      const readAt = at + 6 * HOUR;
      notifications.push({
        id: plan.newId(at),
        user_id: userId(comment.author),
        kind: 'answer_accepted' as const,
        actor_id: userId(p.author),
        post_id: p.id,
        comment_id: comment.id,
        group_id: null,
        count: 1,
        read_at: readAt < plan.now ? iso(readAt) : null,
        created_at: iso(at),
        updated_at: iso(at),
      });
    }
    for (const rows of chunks(notifications, 500))
      await trx.insertInto('notifications').values(rows).execute();
    const votes = plan.posts.flatMap((p) =>
      p.votes.map((v) => ({
        comment_id: v.comment.id,
        user_id: userId(v.user),
        created_at: iso(v.at),
      })),
    );
    for (const rows of chunks(votes, 1000))
      await trx.insertInto('answer_votes').values(rows).execute();

    // Questions left open were overdue long ago; their owners were told then, not today.
    const open = plan.posts.filter(
      (p) => p.question && !p.comments.some((c) => !c.parent && c.author !== p.author),
    );
    for (const p of open) {
      const told = p.at + 24 * HOUR;
      if (told >= plan.now) continue;
      await trx
        .updateTable('questions')
        .set({ overdue_notified_at: iso(told) })
        .where('post_id', '=', p.id)
        .execute();
    }

    // The meanings the admins gave the story's hashtags.
    for (const [tag, meaning] of Y.TAG_MEANINGS) {
      await ensureHashtags(trx, [{ tag, display: tag }], new Date(plan.day0));
      await setMeaning(trx, tag, meaning);
    }
  });
}

/** The teams' documents of the year, uploaded (backdated) through the documents service. */
async function createYearDocuments(
  deps: YearDeps & Pick<Deps, 'storage'>,
  plan: YearPlan,
  users: (n: number) => Promise<User>,
): Promise<Map<string, { id: string; group_id: string | null }>> {
  const out = new Map<string, { id: string; group_id: string | null }>();
  const versions: string[] = [];
  for (const d of Y.YEAR_DOCUMENTS) {
    const owner = plan.byKey.get(d.owner);
    const group = plan.groups.get(d.group);
    if (!owner || !group) continue;
    const at = new Date(plan.docTimes.get(d.key)!);
    const doc = await createDocument({ ...deps, clock: () => at }, await users(owner.n), {
      title: d.title,
      description: d.description,
      hashtags: d.hashtags,
      groupId: group.id,
      file: { name: d.name, data: Buffer.from(d.lines.join('\n')), truncated: false },
    });
    out.set(d.key, { id: doc.id, group_id: doc.group_id });
    if (doc.current_version_id) versions.push(doc.current_version_id);
  }
  // Extracted at once (as the demo's other documents), so that search finds them from the start.
  for (const id of versions) {
    await runExtraction({ versionId: id }, deps as Deps);
    await deps.db.deleteFrom('jobs').where('key', '=', `${EXTRACT_JOB}:${id}`).execute();
  }
  return out;
}

/** The planned downloads, through the documents service (which records reuse and activity). */
async function writeDownloads(
  db: Db,
  plan: YearPlan,
  documents: Map<string, { id: string }>,
  shelf: ShelfDocument[],
): Promise<void> {
  const versionsOf = new Map(shelf.map((d) => [d.id, d.versions]));
  const counts = new Map<string, { id: string; number: number; n: number }>();
  await db.transaction().execute(async (trx) => {
    for (const dl of plan.downloads) {
      const id = documents.get(dl.doc)?.id ?? (versionsOf.has(dl.doc) ? dl.doc : null);
      if (!id) continue;
      // The version that was current then.
      const number =
        (versionsOf.get(id) ?? [{ number: 1, at: 0 }])
          .filter((v) => v.at <= dl.at)
          .reduce((m, v) => Math.max(m, v.number), 0) || 1;
      const userId = plan.people[dl.user]!.id;
      const at = new Date(dl.at);
      if (dl.reuse) await recordReuse(trx, id, `user:${userId}`, at);
      await recordDownload(trx, userId, at);
      const key = `${id}:${number}`;
      const c = counts.get(key) ?? { id, number, n: 0 };
      c.n++;
      counts.set(key, c);
    }
    for (const c of counts.values()) {
      await trx
        .updateTable('document_versions')
        .set((eb) => ({ download_count: eb('download_count', '+', c.n) }))
        .where('document_id', '=', c.id)
        .where('number', '=', c.number)
        .execute();
      await trx
        .updateTable('documents')
        .set((eb) => ({ download_count: eb('download_count', '+', c.n) }))
        .where('id', '=', c.id)
        .execute();
    }
  });
}

/**
 * Visits: a row per person and day they used Kantine; every day on which someone wrote,
 * reacted or downloaded is a visit too. `last_seen_at` is the last of them.
 */
async function writeVisits(db: Db, plan: YearPlan): Promise<void> {
  const rows = plan.visitors.flatMap((vs, d) =>
    vs.map((n) => ({
      user_id: plan.people[n]!.id,
      day: dayOf(new Date(plan.dayStart(d))),
      visited: 1,
      posts: 0,
      comments: 0,
      reactions: 0,
      documents: 0,
      downloads: 0,
    })),
  );
  await db.transaction().execute(async (trx) => {
    for (const chunk of chunks(rows, 500)) {
      await trx
        .insertInto('activity_days')
        .values(chunk)
        .onConflict((oc) => oc.columns(['user_id', 'day']).doUpdateSet({ visited: 1 }))
        .execute();
    }
    const ids = plan.people.map((p) => p.id);
    // Up to today: nobody visits in the future, whatever was dated there.
    const today = dayOf(new Date(plan.now));
    await trx
      .updateTable('activity_days')
      .set({ visited: 1 })
      .where('visited', '=', 0)
      .where('user_id', 'in', ids)
      .where(sql<number>`posts + comments + reactions + documents + downloads`, '>', 0)
      .where('day', '<=', today)
      .execute();
    const last = await trx
      .selectFrom('activity_days')
      .select(['user_id', (eb) => eb.fn.max('day').as('day')])
      .where('visited', '=', 1)
      .where('user_id', 'in', ids)
      .where('day', '<=', today)
      .groupBy('user_id')
      .execute();
    const number = new Map(plan.people.map((p) => [p.id, p.n]));
    for (const r of last) {
      // Late afternoon of that day, or a moment ago when that day is today.
      const seen = Math.min(
        Date.parse(`${r.day}T15:00:00Z`) + (((number.get(r.user_id) ?? 0) * 7) % 120) * MINUTE,
        plan.now - MINUTE,
      );
      await trx
        .updateTable('users')
        .set({ last_seen_at: iso(seen) })
        .where('id', '=', r.user_id)
        .execute();
    }
  });
}

/**
 * Generates and writes the demo's year of use (see the top of this file), then fills the daily
 * rollup for it so that dashboards need not compute it on first view. Call it once the demo's
 * people, groups, posts and documents exist.
 */
export async function createDemoYear(
  deps: YearDeps,
  ids: Map<string, string>,
  groupIds: Map<string, string>,
): Promise<DemoYearSummary> {
  const { db } = deps;
  const now = deps.clock();
  const userIds = [...ids.values()];
  const users = await db
    .selectFrom('users')
    .select(['id', 'created_at'])
    .where('id', 'in', userIds)
    .execute();
  const memberships = await db
    .selectFrom('group_members')
    .select(['group_id', 'user_id'])
    .where('group_id', 'in', [...groupIds.values()])
    .execute();
  // Documents already on the shelf (demo.documents.ts), oldest first.
  const docs = await db
    .selectFrom('documents')
    .innerJoin('document_versions', 'document_versions.document_id', 'documents.id')
    .select([
      'documents.id',
      'documents.owner_id',
      'documents.group_id',
      'documents.created_at',
      'document_versions.number',
      'document_versions.created_at as version_at',
    ])
    .orderBy('documents.created_at')
    .orderBy('documents.id')
    .orderBy('document_versions.number')
    .execute();
  const keyOfGroup = new Map([...groupIds].map(([k, id]) => [id, k]));
  const shelf = new Map<string, ShelfDocument>();
  for (const d of docs) {
    let doc = shelf.get(d.id);
    if (!doc) {
      doc = {
        id: d.id,
        owner: d.owner_id,
        group: d.group_id ? (keyOfGroup.get(d.group_id) ?? '?') : null,
        created: Date.parse(d.created_at),
        versions: [],
      };
      shelf.set(d.id, doc);
    }
    doc.versions.push({ number: d.number, at: Date.parse(d.version_at) });
  }

  const plan = new YearPlan(now.getTime(), users, ids, groupIds, memberships, [...shelf.values()]);
  plan.planPeople();
  plan.planVisits();
  plan.planPosts();
  plan.planInteractions();
  plan.planDownloads();

  const cache = new Map<number, User>();
  const user = async (n: number) => {
    let u = cache.get(n);
    if (!u) {
      u = await findUserById(db, plan.people[n]!.id);
      if (!u) throw new Error(`demo year: unknown person ${plan.people[n]!.key}`);
      cache.set(n, u);
    }
    return u;
  };
  const storage = deps.storage;
  const documents = storage
    ? await createYearDocuments({ ...deps, storage }, plan, user)
    : new Map<string, { id: string; group_id: string | null }>();
  await writeConversation(db, plan, documents);
  if (storage) await writeDownloads(db, plan, documents, [...shelf.values()]);
  await writeVisits(db, plan);
  await rollupDays(db, daysBetween(dayOf(new Date(plan.day0)), dayOf(now)), now);

  const reuses = await db
    .selectFrom('document_reuses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    posts: plan.posts.length,
    comments: plan.posts.reduce((s, p) => s + p.comments.length, 0),
    reactions: plan.posts.reduce((s, p) => s + p.reactions.length, 0),
    questions: plan.posts.filter((p) => p.kind === 'question').length,
    documents: documents.size,
    reuses: Number(reuses.n),
    visits: plan.visitCount(),
  };
}
