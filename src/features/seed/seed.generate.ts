import { ulid } from 'ulid';
import { foldGerman, foldPlain, searchKey } from '../../lib/text.ts';
import { normaliseTag } from '../hashtags/hashtags.parse.ts';
import { renderMarkdown, type MentionTarget } from '../posts/markdown.ts';
import { REACTION_TYPES, type ReactionType } from '../posts/posts.table.ts';
import * as D from './seed.data.ts';

/** How big an organisation to generate. */
export interface Scale {
  people: number;
  groups: number;
  posts: number;
  /** Comments and reactions together, about half each. */
  interactions: number;
  /** Distinct hashtags (used with a Zipf-like popularity). */
  tags: number;
  /** Org-wide announcements by admins, spread evenly over the two years. */
  announcements: number;
}

/** The columns the seed writes, in the order of its row arrays. */
export const COLUMNS = {
  users: [
    'id',
    'email',
    'name',
    'name_key',
    'password_hash',
    'role',
    'status',
    'title',
    'department',
    'location',
    'bio',
    'photo_key',
    'availability',
    'capacity',
    'away_until',
    'manager_id',
    'locale',
    'time_zone',
    'created_at',
    'updated_at',
    'activated_at',
    'last_seen_at',
    'deactivated_at',
    'home_seen_at',
  ],
  user_skills: ['user_id', 'skill_key', 'skill', 'position'],
  groups: [
    'id',
    'name',
    'name_key',
    'description',
    'visibility',
    'kind',
    'member_count',
    'created_by',
    'created_at',
    'updated_at',
  ],
  group_members: ['group_id', 'user_id', 'role', 'joined_at'],
  follows: ['user_id', 'target_type', 'target_id', 'created_at'],
  posts: [
    'id',
    'author_id',
    'group_id',
    'kind',
    'body',
    'html',
    'created_at',
    'edited_at',
    'comment_count',
    'reaction_count',
    'reaction_counts',
    'pinned_until',
  ],
  post_hashtags: ['tag', 'post_id', 'group_id'],
  post_mentions: ['post_id', 'user_id'],
  comments: ['id', 'post_id', 'parent_id', 'author_id', 'body', 'html', 'created_at', 'edited_at'],
  reactions: ['post_id', 'user_id', 'type', 'created_at'],
  notifications: [
    'id',
    'user_id',
    'kind',
    'actor_id',
    'post_id',
    'comment_id',
    'group_id',
    'count',
    'read_at',
    'created_at',
    'updated_at',
  ],
  hashtags: ['tag', 'display', 'meaning', 'created_at'],
  hashtag_aliases: ['alias', 'tag'],
} as const;

export type Table = keyof typeof COLUMNS;
/** Tables in the order their rows must be written (parents before children). */
export const TABLE_ORDER = Object.keys(COLUMNS) as Table[];
export type Row = (string | number | null)[];
export type Rows = Partial<Record<Table, Row[]>>;

// Teams: half public, a third private, the rest secret; communities: mostly public.
const [PU, PR, SE] = ['public', 'private', 'secret'] as const;
const TEAM_VISIBILITY = [
  PU,
  PR,
  PU,
  SE,
  PR,
  PU,
  PR,
  PU,
  PU,
  PR,
  PU,
  SE,
  PR,
  PU,
  PU,
  PR,
  PU,
  SE,
  PR,
  PU,
];
const COMMUNITY_VISIBILITY = [
  PU,
  PU,
  PU,
  PU,
  PR,
  PU,
  PU,
  PU,
  PU,
  SE,
  PU,
  PU,
  PU,
  PR,
  PU,
  PU,
  PU,
  PU,
  PR,
  PU,
];

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Notifications are generated for what happened in this window before now. */
const NOTIFY_WINDOW = 30 * DAY;

/** mulberry32: small, fast and good enough for test data; seeded, so a scale always looks the same. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks indices with probability proportional to their weights (binary search on the running sum). */
class Sampler {
  private readonly cum: Float64Array;
  constructor(weights: ArrayLike<number>) {
    this.cum = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) this.cum[i] = sum += weights[i]!;
  }
  get size(): number {
    return this.cum.length;
  }
  pick(r: number): number {
    const x = r * this.cum[this.cum.length - 1]!;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

interface Person {
  id: string;
  name: string;
  first: string;
  handle: string;
  dept: number;
  admin: boolean;
  groups: number[];
}

interface Group {
  id: string;
  name: string;
  visibility: 'public' | 'private' | 'secret';
  kind: 'team' | 'community';
  dept: number;
  members: number[];
  memberSampler: Sampler;
  created: number;
}

interface Tag {
  tag: string;
  display: string;
}

/** What the generator reports about the organisation it made. */
export interface SeedSummary {
  admin: { email: string; name: string };
  member: { email: string; name: string; groups: number; follows: number };
}

export interface GeneratorOptions {
  now: Date;
  passwordHash: string;
  timeZone: string;
  seed?: number;
}

/**
 * Generates an organisation deterministically: people, groups, follows, then posts with their
 * hashtags, mentions, comments, reactions and recent notifications, in time order. Each step
 * yields batches of rows in TABLE_ORDER-compatible order; the caller writes them.
 */
export class OrgGenerator {
  readonly rand: () => number;
  readonly now: number;
  /** The first post's day: two years before today. */
  readonly start: number;
  readonly people: Person[] = [];
  readonly groups: Group[] = [];
  readonly tags: Tag[] = [];
  private personSampler!: Sampler;
  private tagSampler!: Sampler;
  private groupSampler!: Sampler;
  private readonly tagFirstUse = new Map<string, number>();
  private readonly admins: number[] = [];
  private summary: SeedSummary | null = null;
  private readonly ulidRand: () => number;
  private readonly days = new Map<number, string>();
  /** Comments without mentions repeat; their HTML is the same each time. */
  private readonly commentHtml = new Map<string, string>();
  /** How much each person posts, comments and reacts (relative). */
  private activity = new Float64Array(0);

  constructor(
    readonly scale: Scale,
    readonly opts: GeneratorOptions,
  ) {
    this.rand = prng(opts.seed ?? 2026);
    this.ulidRand = prng((opts.seed ?? 2026) * 7919 + 1);
    this.now = opts.now.getTime();
    const today = Math.floor(this.now / DAY) * DAY;
    this.start = today - 730 * DAY;
  }

  private id(t: number): string {
    return ulid(Math.floor(t), this.ulidRand);
  }
  /** Like Date#toISOString, three times as fast (the seed formats some ten million times). */
  private iso(time: number): string {
    const t = Math.floor(time);
    const day = Math.floor(t / DAY);
    let prefix = this.days.get(day);
    if (prefix === undefined) {
      prefix = new Date(day * DAY).toISOString().slice(0, 11);
      this.days.set(day, prefix);
    }
    let ms = t - day * DAY;
    const h = Math.floor(ms / HOUR);
    ms -= h * HOUR;
    const m = Math.floor(ms / MINUTE);
    ms -= m * MINUTE;
    const sec = Math.floor(ms / 1000);
    ms -= sec * 1000;
    return `${prefix}${pad(h, 2)}:${pad(m, 2)}:${pad(sec, 2)}.${pad(ms, 3)}Z`;
  }
  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)]!;
  }
  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.rand() * (hi - lo + 1));
  }
  /** Geometric count with the given mean. */
  private geometric(mean: number): number {
    if (mean <= 0) return 0;
    const p = 1 / (1 + mean);
    return Math.floor(Math.log(1 - this.rand()) / Math.log(1 - p));
  }

  /** Who signs in where, once setup() has run. */
  getSummary(): SeedSummary {
    if (!this.summary) throw new Error('setup() has not run');
    return this.summary;
  }

  // ---------------------------------------------------------------------------------------------
  // People, groups and follows.

  *setup(): Generator<Rows> {
    yield* this.makePeople();
    yield* this.makeGroups();
    yield* this.makeFollows();
  }

  private *makePeople(): Generator<Rows> {
    const { people: n } = this.scale;
    const depts = D.DEPARTMENTS;
    const deptSampler = new Sampler(depts.map((d, i) => (i === 0 ? 0 : d.weight)));
    const usedHandles = new Map<string, number>();
    const teamLead = new Map<number, number>();
    const deptCount = new Map<number, number>();
    const heads: number[] = [];
    const domain = D.SEED_COMPANY.domain;
    // Activity: a few people post a lot, most a little (Zipf over a shuffled order).
    const activity = new Float64Array(n);
    const order = [...Array(n).keys()];
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(this.rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    order.forEach((p, rank) => (activity[p] = 1 / Math.pow(rank + 3, 0.75)));
    this.personSampler = new Sampler(activity);
    this.activity = activity;

    let users: Row[] = [];
    let skills: Row[] = [];
    for (let i = 0; i < n; i++) {
      // Person 0 leads the company; the next ones lead a department each.
      const dept = i === 0 ? 0 : i < depts.length ? i : deptSampler.pick(this.rand());
      const d = depts[dept]!;
      const female = i === 0 || this.rand() < 0.45;
      const first = i === 0 ? 'Katrin' : this.pick(female ? D.FEMALE_NAMES : D.MALE_NAMES);
      const last = i === 0 ? 'Albers' : this.pick(D.LAST_NAMES);
      const name = `${first} ${last}`;
      const base = `${ascii(first)}.${ascii(last)}`;
      const seen = (usedHandles.get(base) ?? 0) + 1;
      usedHandles.set(base, seen);
      const handle = seen === 1 ? base : `${base}${seen}`;
      const created = this.start - this.int(1, 400) * DAY - this.int(0, 9 * 60) * MINUTE;
      const id = this.id(created);
      const admin = i === 0 || i === 5 || i === 6; // the head, IT-Betrieb and Personal
      if (admin) this.admins.push(i);
      let manager: number | null = null;
      let title: string;
      if (i === 0) title = 'Vorstandsvorsitzende';
      else if (i < depts.length) {
        title = `Leitung ${d.name}`;
        manager = 0;
        heads[dept] = i;
      } else {
        const k = (deptCount.get(dept) ?? 0) + 1;
        deptCount.set(dept, k);
        const forms = this.pick(d.titles).split('|');
        title = (female ? forms[1] : forms[0]) ?? forms[0]!;
        if (k % 10 === 1 || !teamLead.has(dept)) {
          teamLead.set(dept, i);
          manager = heads[dept] ?? 0;
          title = `Teamleitung ${d.name}`;
        } else manager = teamLead.get(dept)!;
      }
      const availability = this.rand() < 0.85 ? 'available' : this.rand() < 0.75 ? 'busy' : 'away';
      const person: Person = { id, name, first, handle, dept, admin, groups: [] };
      this.people.push(person);
      const seenAt = this.now - this.int(1, 72) * HOUR;
      users.push([
        id,
        `${handle}@${domain}`,
        name,
        searchKey(name),
        this.opts.passwordHash,
        admin ? 'admin' : 'member',
        'active',
        title,
        d.name,
        this.pick(D.LOCATIONS),
        this.fill(this.pick(D.BIOS), { abteilung: d.name }),
        null,
        availability,
        availability === 'busy' ? 50 : availability === 'away' ? 0 : this.pick([100, 100, 80]),
        availability === 'away' ? this.iso(this.now + this.int(2, 20) * DAY).slice(0, 10) : null,
        manager === null ? null : this.people[manager]!.id,
        null,
        this.opts.timeZone,
        this.iso(created),
        this.iso(created),
        this.iso(created),
        this.iso(seenAt),
        null,
        this.iso(seenAt - this.int(0, 48) * HOUR),
      ]);
      const mySkills = new Set<string>();
      const k = this.int(1, 5);
      for (let s = 0; s < k; s++) mySkills.add(this.pick(d.skills));
      [...mySkills].forEach((skill, position) =>
        skills.push([id, foldPlain(skill), skill, position]),
      );
      if (users.length >= 2000) {
        yield { users, user_skills: skills };
        users = [];
        skills = [];
      }
    }
    if (users.length) yield { users, user_skills: skills };
  }

  private *makeGroups(): Generator<Rows> {
    const P = this.people.length;
    const G = this.scale.groups;
    const nTeams = Math.round(G * 0.55);
    const byDept = new Map<number, number[]>();
    this.people.forEach((p, i) => byDept.set(p.dept, [...(byDept.get(p.dept) ?? []), i]));
    const deptIds = [...byDept.keys()].filter((d) => d !== 0);
    const deptSampler = new Sampler(deptIds.map((d) => byDept.get(d)!.length));
    const names = new Set<string>();
    const uniqueName = (name: string) => {
      let n = name;
      for (let k = 2; names.has(n); k++) n = `${name} ${k}`;
      names.add(n);
      return n;
    };
    const activity = this.activity;
    const groupRows: Row[] = [];
    const memberRows: Row[] = [];
    const addGroup = (
      kind: Group['kind'],
      visibility: Group['visibility'],
      dept: number,
      name: string,
      members: number[],
    ) => {
      const created = this.start - this.int(1, 300) * DAY;
      const id = this.id(created);
      const g: Group = {
        id,
        name,
        visibility,
        kind,
        dept,
        members,
        memberSampler: new Sampler(members.map((m) => activity[m]!)),
        created,
      };
      const gi = this.groups.length;
      this.groups.push(g);
      for (const m of members) this.people[m]!.groups.push(gi);
      const description = this.fill(this.pick(D.GROUP_DESCRIPTIONS), { name });
      groupRows.push([
        id,
        name,
        searchKey(name),
        description,
        visibility,
        kind,
        members.length,
        this.people[members[0]!]!.id,
        this.iso(created),
        this.iso(created),
      ]);
    };
    for (let t = 0; t < nTeams; t++) {
      const dept = deptIds[deptSampler.pick(this.rand())]!;
      const pool = byDept.get(dept)!;
      const size = Math.min(pool.length, this.int(6, 40));
      const members = this.sampleDistinct(pool, size);
      if (this.rand() < 0.2) {
        for (const extra of this.sampleDistinct([...Array(P).keys()], this.int(1, 3)))
          if (!members.includes(extra)) members.push(extra);
      }
      const visibility = TEAM_VISIBILITY[t % TEAM_VISIBILITY.length]!;
      const deptName = D.DEPARTMENTS[dept]!.name;
      const name = uniqueName(
        visibility === 'secret'
          ? `Projekt ${this.pick(D.CODENAMES)} (vertraulich)`
          : this.rand() < 0.5
            ? `${deptName} ${this.pick(D.LOCATIONS.filter((l) => l !== 'Homeoffice'))}`
            : `${deptName} · Team ${this.pick(D.CODENAMES)}`,
      );
      addGroup('team', visibility, dept, name, members);
    }
    const everyone = [...Array(P).keys()];
    for (let r = 1; r <= G - nTeams; r++) {
      const size = Math.min(P, Math.max(5, Math.round((P * 0.35) / Math.pow(r, 0.9))));
      const members = this.sampleDistinct(everyone, size);
      const visibility = COMMUNITY_VISIBILITY[(r - 1) % COMMUNITY_VISIBILITY.length]!;
      const topic = D.COMMUNITY_TOPICS[(r - 1) % D.COMMUNITY_TOPICS.length]!;
      const name = uniqueName(
        r <= D.COMMUNITY_TOPICS.length
          ? topic
          : `${topic} ${this.pick(D.LOCATIONS.filter((l) => l !== 'Homeoffice'))}`,
      );
      addGroup('community', visibility, 0, name, members);
    }
    // Everyone belongs somewhere: the lonely join a team of their department, or the biggest group.
    this.people.forEach((p, i) => {
      if (p.groups.length > 0) return;
      const gi = this.groups.findIndex((g) => g.kind === 'team' && g.dept === p.dept);
      const g = this.groups[gi >= 0 ? gi : this.groups.length > nTeams ? nTeams : 0];
      if (!g) return;
      g.members.push(i);
      p.groups.push(this.groups.indexOf(g));
    });
    this.groups.forEach((g, gi) => {
      g.memberSampler = new Sampler(g.members.map((m) => activity[m]!));
      groupRows[gi]![6] = g.members.length;
      g.members.forEach((m, k) => {
        const owner = k === 0 || (k === 1 && g.members.length > 50);
        memberRows.push([
          g.id,
          this.people[m]!.id,
          owner ? 'owner' : 'member',
          this.iso(g.created + this.int(0, 60) * DAY),
        ]);
      });
    });
    this.groupSampler = new Sampler(
      this.groups.map((g) => Math.pow(g.members.length, 0.8) * (g.kind === 'team' ? 1.3 : 0.8)),
    );
    this.makeTags();
    yield { groups: groupRows };
    for (let i = 0; i < memberRows.length; i += 5000)
      yield { group_members: memberRows.slice(i, i + 5000) };
  }

  private makeTags(): void {
    const want = Math.max(this.scale.tags, 20);
    const seen = new Set<string>();
    const add = (display: string) => {
      const tag = normaliseTag(display);
      if (seen.has(tag) || this.tags.length >= want) return;
      seen.add(tag);
      this.tags.push({ tag, display });
    };
    for (const t of D.POPULAR_TAGS) add(t);
    const generated: string[] = [];
    for (const p of D.TAG_PREFIXES) for (const s of D.TAG_SUFFIXES) generated.push(`${p}${s}`);
    for (const c of D.CODENAMES) {
      generated.push(`projekt${ascii(c)}`, `initiative${ascii(c)}`, `team${ascii(c)}`);
    }
    for (const l of D.LOCATIONS) generated.push(`standort${ascii(l)}`, `wir_in_${ascii(l)}`);
    for (const c of D.CUSTOMERS) generated.push(ascii(c.split(' ')[0]!) + 'projekt');
    for (let y = 2023; y <= 2027; y++) for (let q = 1; q <= 4; q++) generated.push(`q${q}_${y}`);
    for (let i = generated.length - 1; i > 0; i--) {
      const j = Math.floor(this.rand() * (i + 1));
      [generated[i], generated[j]] = [generated[j]!, generated[i]!];
    }
    for (const t of generated) add(t);
    for (let k = 1; this.tags.length < want; k++) add(`thema${k}`);
    // Zipf: the tag of rank r is used in proportion to 1/r.
    this.tagSampler = new Sampler(this.tags.map((_, r) => 1 / (r + 1)));
  }

  private *makeFollows(): Generator<Rows> {
    const publicGroups = this.groups
      .map((g, i) => ({ g, i }))
      .filter(({ g }) => g.visibility === 'public');
    const publicSampler = new Sampler(publicGroups.map(({ g }) => g.members.length));
    const topTags = new Sampler(this.tags.slice(0, 200).map((_, r) => 1 / (r + 1)));
    let rows: Row[] = [];
    let member: SeedSummary['member'] | null = null;
    for (let i = 0; i < this.people.length; i++) {
      const p = this.people[i]!;
      const at = () => this.iso(this.start + this.rand() * 700 * DAY);
      const groups = new Set<number>();
      const nGroups = publicGroups.length ? this.int(0, 3) : 0;
      for (let k = 0; k < nGroups * 2 && groups.size < nGroups; k++) {
        const gi = publicGroups[publicSampler.pick(this.rand())]!.i;
        if (!p.groups.includes(gi)) groups.add(gi);
      }
      const people = new Set<number>();
      const nPeople = this.int(2, 8);
      for (let k = 0; k < nPeople * 3 && people.size < nPeople; k++) {
        // Half of them colleagues from one's own groups, half the organisation's busy posters.
        const mine = this.groups[this.pick(p.groups)];
        const other =
          mine && this.rand() < 0.5
            ? this.pick(mine.members)
            : this.personSampler.pick(this.rand());
        if (other !== i) people.add(other);
      }
      const tags = new Set<number>();
      const nTags = Math.min(6, this.geometric(1.5));
      for (let k = 0; k < nTags * 3 && tags.size < nTags; k++) tags.add(topTags.pick(this.rand()));
      for (const gi of groups) rows.push([p.id, 'group', this.groups[gi]!.id, at()]);
      for (const o of people) rows.push([p.id, 'user', this.people[o]!.id, at()]);
      for (const t of tags) rows.push([p.id, 'hashtag', this.tags[t]!.tag, at()]);
      // The benchmark signs in as a typical member: several groups, follows of each kind.
      if (
        !member &&
        !p.admin &&
        i >= D.DEPARTMENTS.length &&
        p.groups.length >= 3 &&
        p.groups.length <= 6 &&
        groups.size >= 1 &&
        people.size >= 3 &&
        tags.size >= 2
      ) {
        member = {
          email: `${p.handle}@${D.SEED_COMPANY.domain}`,
          name: p.name,
          groups: p.groups.length,
          follows: groups.size + people.size + tags.size,
        };
      }
      if (rows.length >= 5000) {
        yield { follows: rows };
        rows = [];
      }
    }
    if (rows.length) yield { follows: rows };
    const head = this.people[0]!;
    const fallback = this.people[Math.min(this.people.length - 1, D.DEPARTMENTS.length)]!;
    this.summary = {
      admin: { email: `${head.handle}@${D.SEED_COMPANY.domain}`, name: head.name },
      member: member ?? {
        email: `${fallback.handle}@${D.SEED_COMPANY.domain}`,
        name: fallback.name,
        groups: fallback.groups.length,
        follows: 0,
      },
    };
  }

  private sampleDistinct(pool: readonly number[], k: number): number[] {
    if (k >= pool.length) return [...pool];
    const out = new Set<number>();
    if (k > pool.length / 2) {
      const copy = [...pool];
      for (let i = 0; i < k; i++) {
        const j = i + Math.floor(this.rand() * (copy.length - i));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, k);
    }
    while (out.size < k) out.add(pool[Math.floor(this.rand() * pool.length)]!);
    return [...out];
  }

  // ---------------------------------------------------------------------------------------------
  // Posts, in time order, with everything that hangs on them.

  /** When each post is written: working hours on weekdays, more as the network caught on. */
  private *timeline(): Generator<number> {
    const days = 730;
    const weights: number[] = [];
    for (let d = 0; d < days; d++) {
      const date = new Date(this.start + d * DAY);
      const wd = date.getUTCDay();
      let w = wd === 0 ? 0.08 : wd === 6 ? 0.12 : 1;
      if (date.getUTCMonth() === 11 && date.getUTCDate() >= 23) w *= 0.3;
      weights.push(w * (0.5 + d / days));
    }
    const total = weights.reduce((a, b) => a + b, 0);
    let cum = 0;
    let done = 0;
    for (let d = 0; d < days; d++) {
      cum += weights[d]!;
      const upto = d === days - 1 ? this.scale.posts : Math.round((cum / total) * this.scale.posts);
      const n = upto - done;
      done = upto;
      const times: number[] = [];
      for (let k = 0; k < n; k++) {
        const u = (this.rand() + this.rand() + this.rand()) / 3;
        times.push(this.start + d * DAY + 5 * HOUR + u * 13 * HOUR);
      }
      times.sort((a, b) => a - b);
      let last = 0;
      for (const t0 of times) {
        const t = Math.max(Math.floor(t0), last + 1);
        last = t;
        yield t;
      }
    }
  }

  /**
   * The posts, `chunk` at a time, each batch with the posts' hashtags, mentions, comments,
   * reactions and notifications. `done` counts the posts generated so far.
   */
  *posts(chunkSize?: number): Generator<{ rows: Rows; done: number }> {
    const N = this.scale.posts;
    const chunk = chunkSize ?? Math.max(1, Math.min(2000, Math.floor(N / 20)));
    const perPost = this.scale.interactions / Math.max(1, N);
    // About half comments, half reactions; 3 % of posts draw eight times the attention.
    const base = perPost / 2 / (0.97 + 0.03 * 8);
    const A = Math.min(this.scale.announcements, N);
    const announcements = new Set<number>();
    for (let k = 0; k < A; k++) announcements.add(Math.floor(((k + 0.5) * N) / A));
    const lastAnnouncement = A > 0 ? Math.floor(((A - 0.5) * N) / A) : -1;
    let rows = emptyPostRows();
    let i = 0;
    for (const t of this.timeline()) {
      const row = this.post(rows, t, announcements.has(i), base);
      // The newest announcement is still pinned for a week.
      if (i === lastAnnouncement) {
        row[11] = `${this.iso(this.now + 7 * DAY).slice(0, 10)}T23:59:59.999Z`;
      }
      i++;
      if (i % chunk === 0 || i === N) {
        yield { rows, done: i };
        rows = emptyPostRows();
      }
    }
  }

  private post(out: PostRows, t: number, announcement: boolean, base: number): Row {
    const id = this.id(t);
    let author: number;
    let group: Group | null = null;
    if (announcement) author = this.admins[this.int(0, this.admins.length - 1)] ?? 0;
    else if (this.groups.length && this.rand() < 0.85) {
      group = this.groups[this.groupSampler.pick(this.rand())]!;
      author = group.members[group.memberSampler.pick(this.rand())]!;
    } else author = this.personSampler.pick(this.rand());
    const readers = group && group.visibility !== 'public' ? group : null;
    const reader = (): number =>
      readers
        ? readers.members[readers.memberSampler.pick(this.rand())]!
        : group && this.rand() < 0.6
          ? group.members[group.memberSampler.pick(this.rand())]!
          : this.personSampler.pick(this.rand());
    const kind = announcement ? 'announcement' : this.rand() < 0.1 ? 'question' : 'post';

    // The body: opening, core, detail, closing, hashtags.
    const mentions = new Map<string, MentionTarget>();
    const mentionIds: number[] = [];
    const person = (mentionRate: number) => {
      let who = reader();
      if (who === author) who = reader();
      if (who === author) return this.people[who]!.first;
      const p = this.people[who]!;
      if (this.rand() >= mentionRate) return p.name;
      if (!mentions.has(p.handle)) {
        mentions.set(p.handle, { id: p.id, name: p.name });
        mentionIds.push(who);
      }
      return `@${p.handle}`;
    };
    const vars = { p: () => person(0.7) };
    const parts: string[] = [];
    if (kind === 'announcement') parts.push(this.fill(this.pick(D.ANNOUNCEMENTS), vars));
    else {
      const opening = this.fill(this.pick(D.OPENINGS), vars);
      const core = this.fill(this.pick(kind === 'question' ? D.QUESTIONS : D.CORES), vars);
      parts.push(opening ? `${opening} ${core}` : core);
      if (this.rand() < 0.35) parts.push(this.fill(this.pick(D.DETAILS), vars));
      const closing = this.fill(this.pick(D.CLOSINGS), vars);
      if (closing) parts.push(closing);
      if (this.rand() < 0.06) parts.push(`cc ${person(1)}`);
    }
    const nTags = this.tagCount();
    const tags: Tag[] = [];
    for (let k = 0; k < nTags * 3 && tags.length < nTags; k++) {
      const tag = this.tags[this.tagSampler.pick(this.rand())]!;
      if (!tags.includes(tag)) tags.push(tag);
    }
    if (tags.length) {
      const spelled = tags.map((tg) => `#${this.spelling(tg.display)}`);
      if (this.rand() < 0.25) {
        parts[parts.length - 1] += ` Mehr dazu unter ${spelled[0]}.`;
        if (spelled.length > 1) parts.push(spelled.slice(1).join(' '));
      } else parts.push(spelled.join(' '));
    }
    const body = parts.join('\n\n');
    const html = renderMarkdown(body, mentions);
    const groupId = group ? group.id : null;
    for (const tg of tags) {
      out.post_hashtags.push([tg.tag, id, groupId]);
      if (!this.tagFirstUse.has(tg.tag)) this.tagFirstUse.set(tg.tag, t);
    }
    for (const m of mentionIds) out.post_mentions.push([id, this.people[m]!.id]);
    const recent = t > this.now - NOTIFY_WINDOW;
    const authorId = this.people[author]!.id;
    if (recent) {
      for (const m of mentionIds)
        this.notification(out, this.people[m]!.id, 'mention', authorId, id, null, t, t);
      // An announcement notifies everyone who can read it, as the app does.
      if (announcement) {
        for (const p of this.people)
          if (p.id !== authorId)
            this.notification(out, p.id, 'announcement', authorId, id, null, t, t);
      }
    }

    // Comments: some replies to earlier comments, mentions now and then.
    const hot = this.rand() < 0.03 ? 8 : 1;
    const nComments = Math.min(200, this.geometric(base * hot));
    const top: { id: string; author: number; t: number }[] = [];
    let ct = t;
    for (let c = 0; c < nComments; c++) {
      // Strictly later than the comment before, so replies sort after what they answer.
      const next = ct + Math.max(MINUTE, -Math.log(1 - this.rand()) * 3 * HOUR);
      ct = Math.max(ct + 1, Math.floor(Math.min(next, this.now - 1000)));
      let commenter = reader();
      if (commenter === author && this.rand() < 0.5) commenter = reader();
      const parent = top.length && this.rand() < 0.25 ? this.pick(top) : null;
      const cm = new Map<string, MentionTarget>();
      const cmIds: number[] = [];
      const mention = (who: number) => {
        const p = this.people[who]!;
        if (who === commenter) return p.first;
        if (!cm.has(p.handle)) {
          cm.set(p.handle, { id: p.id, name: p.name });
          cmIds.push(who);
        }
        return `@${p.handle}`;
      };
      let text = this.fill(this.pick(D.COMMENTS), {
        p: () => (this.rand() < 0.5 ? mention(author) : this.people[author]!.first),
      });
      if (parent && this.rand() < 0.4) text = `${mention(parent.author)} ${text}`;
      const cid = this.id(ct);
      out.comments.push([
        cid,
        id,
        parent ? parent.id : null,
        this.people[commenter]!.id,
        text,
        this.renderComment(text, cm),
        this.iso(ct),
        this.rand() < 0.02 ? this.iso(ct + 7 * MINUTE) : null,
      ]);
      if (!parent) top.push({ id: cid, author: commenter, t: ct });
      if (ct > this.now - NOTIFY_WINDOW) {
        // As the app does: the parent's author, then the post's, then the mentioned, each once.
        const told = new Set<number>([commenter]);
        const tell = (who: number, kind: string) => {
          if (told.has(who)) return;
          told.add(who);
          this.notification(
            out,
            this.people[who]!.id,
            kind,
            this.people[commenter]!.id,
            id,
            cid,
            ct,
            ct,
          );
        };
        if (parent) tell(parent.author, 'reply');
        tell(author, 'comment');
        for (const m of cmIds) tell(m, 'mention');
      }
    }

    // Reactions: distinct people, like most common.
    const pool = readers ? readers.members.length - 1 : this.people.length - 1;
    const nReactions = Math.min(pool, 500, this.geometric(base * hot));
    const counts: Partial<Record<ReactionType, number>> = {};
    const reactors = new Set<number>();
    let rt = t;
    let lastReactor = -1;
    let batched = 0;
    let firstBatched = 0;
    for (let tries = 0; reactors.size < nReactions && tries < nReactions * 4; tries++) {
      const who = reader();
      if (who === author || reactors.has(who)) continue;
      reactors.add(who);
      const r = this.rand();
      const type: ReactionType =
        r < 0.6 ? 'like' : r < 0.75 ? 'thanks' : r < 0.9 ? 'insightful' : 'celebrate';
      counts[type] = (counts[type] ?? 0) + 1;
      rt = Math.floor(
        Math.min(rt + Math.max(1000, -Math.log(1 - this.rand()) * 2 * HOUR), this.now - 1000),
      );
      out.reactions.push([id, this.people[who]!.id, type, this.iso(rt)]);
      if (rt > this.now - NOTIFY_WINDOW) {
        if (batched === 0) firstBatched = rt;
        batched++;
        lastReactor = who;
      }
    }
    if (batched > 0) {
      this.notification(
        out,
        authorId,
        'reaction',
        this.people[lastReactor]!.id,
        id,
        null,
        firstBatched,
        rt,
        batched,
      );
    }
    const reactionCounts: Record<string, number> = {};
    for (const type of REACTION_TYPES) if (counts[type]) reactionCounts[type] = counts[type]!;
    const row: Row = [
      id,
      authorId,
      groupId,
      kind,
      body,
      html,
      this.iso(t),
      this.rand() < 0.03 ? this.iso(t + this.int(5, 120) * MINUTE) : null,
      nComments,
      reactors.size,
      JSON.stringify(reactionCounts),
      null,
    ];
    out.posts.push(row);
    return row;
  }

  private renderComment(text: string, mentions: Map<string, MentionTarget>): string {
    if (mentions.size > 0) return renderMarkdown(text, mentions);
    let html = this.commentHtml.get(text);
    if (html === undefined) {
      html = renderMarkdown(text, mentions);
      if (this.commentHtml.size < 100_000) this.commentHtml.set(text, html);
    }
    return html;
  }

  private notification(
    out: PostRows,
    userId: string,
    kind: string,
    actorId: string,
    postId: string,
    commentId: string | null,
    created: number,
    updated: number,
    count = 1,
  ): void {
    const read = updated < this.now - 2 * DAY ? this.iso(updated + this.int(1, 36) * HOUR) : null;
    out.notifications.push([
      this.id(updated),
      userId,
      kind,
      actorId,
      postId,
      commentId,
      null,
      count,
      read,
      this.iso(created),
      this.iso(updated),
    ]);
  }

  private tagCount(): number {
    const r = this.rand();
    return r < 0.25 ? 0 : r < 0.65 ? 1 : r < 0.87 ? 2 : r < 0.97 ? 3 : 4;
  }

  /** Mostly as first written; now and then in capitals or lower case (one tag all the same). */
  private spelling(display: string): string {
    const r = this.rand();
    if (r < 0.04) return display.toUpperCase();
    if (r < 0.1) return display.toLowerCase();
    return display;
  }

  /** The hashtags used, their aliases and meanings: written after the posts. */
  finish(): Rows {
    const meanings = new Map(D.TAG_MEANINGS);
    const hashtags: Row[] = [];
    for (const t of this.tags) {
      const first = this.tagFirstUse.get(t.tag);
      if (first === undefined) continue;
      hashtags.push([t.tag, t.display, meanings.get(t.tag) ?? null, this.iso(first)]);
    }
    const used = new Set(hashtags.map((h) => h[0]));
    const aliases: Row[] = D.TAG_ALIASES.filter(
      ([alias, tag]) => used.has(tag) && !used.has(alias),
    );
    return { hashtags, hashtag_aliases: aliases };
  }

  /** Replaces {placeholders}; a function value is called once per occurrence. */
  private fill(template: string, vars: Record<string, string | (() => string)> = {}): string {
    if (!template.includes('{')) return template;
    return template.replace(/\{(\w+)\}/g, (_, key: string) => {
      const v = vars[key];
      if (typeof v === 'function') return v();
      if (typeof v === 'string') return v;
      switch (key) {
        case 'kunde':
          return this.pick(D.CUSTOMERS);
        case 'produkt':
          return this.pick(D.PRODUCTS);
        case 'thema':
          return this.pick(D.TOPICS);
        case 'werkzeug':
          return this.pick(D.TOOLS);
        case 'stadt':
          return this.pick(D.LOCATIONS.filter((l) => l !== 'Homeoffice'));
        case 'tag':
          return this.pick(D.WEEKDAYS);
        case 'monat':
          return this.pick(D.MONTHS);
        case 'zahl':
          return String(this.int(2, 99));
        case 'prozent':
          return String(this.int(3, 60));
        case 'jahre':
          return String(this.int(1, 30));
        case 'station':
          return this.pick(D.STATIONS);
        case 'link':
          return `https://wiki.${D.SEED_COMPANY.domain}/seiten/${this.int(100, 9999)}`;
        case 'p':
          return this.people[this.personSampler.pick(this.rand())]!.name;
        default:
          return key;
      }
    });
  }
}

type PostRows = Required<
  Pick<
    Rows,
    'posts' | 'post_hashtags' | 'post_mentions' | 'comments' | 'reactions' | 'notifications'
  >
>;

function emptyPostRows(): PostRows {
  return {
    posts: [],
    post_hashtags: [],
    post_mentions: [],
    comments: [],
    reactions: [],
    notifications: [],
  };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** An e-mail-safe spelling of a name part: "Jürgen" → "juergen", "Şahin" → "sahin". */
function ascii(s: string): string {
  return foldGerman(s)
    .replace(/ı/g, 'i')
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]/g, '');
}
