// What would fix the slow queries, measured: the app's own queries (as traced by profile.ts)
// against rewritten ones or an extra index, on the same database, with the same parameters.
// Nothing here changes the database: an index made for a trial is rolled back.
import SQLite from 'better-sqlite3';
import type { QueryTrace } from './profile.ts';
import { median } from './lib.ts';

export interface Experiment {
  name: string;
  /** What the rewrite changes, in a sentence. */
  change: string;
  beforeMs: number | null;
  afterMs: number | null;
  sameRows: boolean | null;
  note: string;
  plan: string;
}

type Params = readonly unknown[];

function timeQuery(db: SQLite.Database, sql: string, params: Params, n = 3) {
  const stmt = db.prepare(sql);
  let rows: unknown[] = [];
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    rows = stmt.all(...(params as unknown[]));
    ms.push(performance.now() - t);
  }
  return { ms: median(ms), rows };
}

function plan(db: SQLite.Database, sql: string, params: Params): string {
  const rows = db.prepare(`explain query plan ${sql}`).all(...(params as unknown[])) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows
    .map((r) => {
      const d = (depth.get(r.parent) ?? -1) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    })
    .join('\n');
}

const ids = (rows: unknown[]) => JSON.stringify(rows.map((r) => (r as { id?: unknown }).id ?? r));

function compare(
  db: SQLite.Database,
  name: string,
  change: string,
  before: { sql: string; params: Params } | undefined,
  after: ((b: { sql: string; params: Params }) => { sql: string; params: Params } | null) | null,
  note = '',
): Experiment {
  if (!before || !after) {
    return {
      name,
      change,
      beforeMs: null,
      afterMs: null,
      sameRows: null,
      note: 'the app’s query was not found in the trace (it has changed); not measured',
      plan: '',
    };
  }
  const rewritten = after(before);
  if (!rewritten) {
    return {
      name,
      change,
      beforeMs: null,
      afterMs: null,
      sameRows: null,
      note: 'the app’s query no longer has the expected shape; not measured',
      plan: '',
    };
  }
  const b = timeQuery(db, before.sql, before.params);
  const a = timeQuery(db, rewritten.sql, rewritten.params);
  return {
    name,
    change,
    beforeMs: b.ms,
    afterMs: a.ms,
    sameRows: ids(a.rows) === ids(b.rows),
    note,
    plan: plan(db, rewritten.sql, rewritten.params),
  };
}

const READABLE = '("posts"."group_id" is null or "posts"."group_id" in (select "groups"."id"';
const TAG_FOLLOWS =
  /"posts"\."id" in \(select "post_hashtags"\."post_id" from "post_hashtags" inner join "follows" on "follows"\."target_id" = "post_hashtags"\."tag" and "follows"\."target_type" = \? and "follows"\."user_id" = \?\)/;

/**
 * The home feed without the plan that reads every readable post: the readable-group filter
 * hidden from index selection (unary +) and the followed hashtags as a correlated EXISTS, so
 * SQLite walks posts newest first and stops after the page.
 */
function homeRewrite(q: { sql: string; params: Params }) {
  if (!q.sql.includes(READABLE) || !TAG_FOLLOWS.test(q.sql)) return null;
  const sql = q.sql
    .replace(
      READABLE,
      '(+"posts"."group_id" is null or +"posts"."group_id" in (select "groups"."id"',
    )
    .replace(
      TAG_FOLLOWS,
      'exists (select 1 from "post_hashtags" inner join "follows" on "follows"."target_id" = "post_hashtags"."tag" and "follows"."target_type" = ? and "follows"."user_id" = ? where "post_hashtags"."post_id" = "posts"."id")',
    );
  return { sql, params: q.params };
}

export function runExperiments(opts: {
  file: string;
  viewerId: string;
  home: QueryTrace[];
  hashtag: QueryTrace[];
  create: QueryTrace[];
  tag: string;
  /** A post to delete in a rolled-back transaction. */
  postId?: string;
}): Experiment[] {
  const db = new SQLite(opts.file);
  try {
    const out: Experiment[] = [];
    const homeQuery = opts.home
      .filter((q) => q.sql.startsWith('select "posts".* from "posts"') && q.sql.includes('limit'))
      .sort((a, b) => b.sql.length - a.sql.length)[0];
    out.push(
      compare(
        db,
        'home feed query, the benchmark’s member',
        'readable-group filter as `+"posts"."group_id"` (no MULTI-INDEX OR); followed hashtags as a correlated `exists` instead of an `in` list',
        homeQuery,
        homeRewrite,
      ),
    );
    // A newcomer: no groups, no follows. The rewritten query must walk far back to find 21
    // announcements; a union of per-source "newest 21" queries would not.
    const nobody = '0'.repeat(26);
    const asNobody = homeQuery && {
      sql: homeQuery.sql,
      params: homeQuery.params.map((p) => (p === opts.viewerId ? nobody : p)),
    };
    out.push(
      compare(
        db,
        'home feed query, a newcomer without groups or follows',
        'the same rewrite',
        asNobody,
        homeRewrite,
        'with few sources the newest-first walk reads far back: the worst case of this rewrite',
      ),
    );
    const tagFeed = opts.hashtag.find(
      (q) => q.sql.startsWith('select "posts".* from "posts"') && q.sql.includes('"post_hashtags"'),
    );
    out.push(
      compare(
        db,
        'hashtag series query',
        'driven from the `post_hashtags (tag, post_id)` primary key, newest first, visibility checked on `post_hashtags.group_id`',
        tagFeed,
        (q) => ({
          sql:
            'select "posts".* from "post_hashtags" as ph inner join "posts" on "posts"."id" = ph."post_id" ' +
            'where ph."tag" = ? and (ph."group_id" is null or ph."group_id" in (select "groups"."id" from "groups" ' +
            'where "groups"."visibility" = \'public\' or exists (select 1 from "group_members" ' +
            'where "group_members"."group_id" = "groups"."id" and "group_members"."user_id" = ?))) ' +
            'order by ph."post_id" desc limit ?',
          params: [opts.tag, opts.viewerId, q.params[q.params.length - 1]],
        }),
      ),
    );
    const count = opts.hashtag.find((q) =>
      q.sql.startsWith('select count(*) as "n" from "post_hashtags"'),
    );
    if (count) {
      const before = timeQuery(db, count.sql, count.params);
      db.exec('begin');
      try {
        db.exec('create index bench_trial_tag_group on post_hashtags (tag, group_id)');
        const after = timeQuery(db, count.sql, count.params);
        out.push({
          name: 'hashtag count visible to the viewer',
          change: 'an index on `post_hashtags (tag, group_id)` (made for the trial, rolled back)',
          beforeMs: before.ms,
          afterMs: after.ms,
          sameRows: ids(after.rows) === ids(before.rows),
          note: 'still reads every entry of the tag: a per-(tag, group) counter would make it constant',
          plan: plan(db, count.sql, count.params),
        });
      } finally {
        db.exec('rollback');
      }
    }
    // Deleting a post cascades to its notifications, and notifications.post_id has no index.
    if (opts.postId) {
      db.pragma('foreign_keys = ON');
      const del = () => {
        db.exec('begin');
        try {
          const t = performance.now();
          db.prepare('delete from posts where id = ?').run(opts.postId);
          return performance.now() - t;
        } finally {
          db.exec('rollback');
        }
      };
      const before = median([del(), del(), del()]);
      db.exec('begin');
      let after: number;
      let trialPlan = '';
      try {
        db.exec('create index bench_trial_notifications_post on notifications (post_id)');
        const t = performance.now();
        db.prepare('delete from posts where id = ?').run(opts.postId);
        after = performance.now() - t;
        trialPlan = plan(db, 'select 1 from notifications where post_id = ?', [opts.postId]);
      } finally {
        db.exec('rollback');
      }
      out.push({
        name: 'deleting a post (with its comments, reactions, hashtags, notifications)',
        change: 'an index on `notifications (post_id)` (made for the trial, rolled back)',
        beforeMs: before,
        afterMs: after,
        sameRows: null,
        note: 'the foreign-key cascade looks up the post’s notifications; without an index it reads them all, for every deleted post (notifications.comment_id likewise for comments)',
        plan: trialPlan,
      });
    }
    const mentions = opts.create.find((q) => /"email" like \?/.test(q.sql));
    out.push(
      compare(
        db,
        'resolving @mentions when a post is written',
        '`email >= ? and email < ?` (a range on the unique e-mail index) instead of `email like ?`',
        mentions,
        (q) => {
          const likes = q.params.slice(1) as string[];
          if (!likes.every((p) => typeof p === 'string' && p.endsWith('@%'))) return null;
          const sql = q.sql.replace(
            /"email" like \? escape '\\'/g,
            '("email" >= ? and "email" < ?)',
          );
          const params = [
            q.params[0],
            ...likes.flatMap((p) => {
              const prefix = p.slice(0, -1).replace(/\\(.)/g, '$1');
              return [prefix, `${prefix}\uffff`];
            }),
          ];
          return { sql, params };
        },
        'e-mail addresses are compared case-sensitively by the index: store a lower-case handle column (indexed) to keep LIKE’s case-insensitivity',
      ),
    );
    return out;
  } finally {
    db.close();
  }
}
