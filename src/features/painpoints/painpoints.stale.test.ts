import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { newId } from '../../lib/ids.ts';
import { enqueue, runDueJobs } from '../../jobs/index.ts';
import type { User } from '../accounts/accounts.table.ts';
import { STALE_JOB } from './painpoints.jobs.ts';
import type { PainPointStatus } from './painpoints.table.ts';

const START = Date.parse('2026-11-20T12:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(DIALECTS)('stale pain points (%s)', (dialect) => {
  let t: TestApp;
  let now = START;
  let admin: User;
  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    admin = await createAdmin(t.deps);
  });
  afterAll(async () => t.close());

  const iso = (ms: number) => new Date(ms).toISOString();

  /** A pain point as the board would have left it: its post, status, owner and last change. */
  async function painPoint(p: {
    department?: string;
    owner?: User | null;
    status?: PainPointStatus;
    changedAt: number;
  }): Promise<string> {
    const author = await createUser(t.deps);
    const postId = newId();
    await t.deps.db
      .insertInto('posts')
      .values({
        id: postId,
        author_id: author.id,
        group_id: null,
        body: 'Ärgerlich',
        html: '<p>Ärgerlich</p>',
        created_at: iso(p.changedAt - DAY),
        edited_at: null,
        pinned_until: null,
      })
      .execute();
    const id = `pp_${postId}`;
    await t.deps.db
      .insertInto('pain_points')
      .values({
        id,
        post_id: postId,
        group_id: null,
        author_id: author.id,
        status: p.status ?? 'acknowledged',
        department: p.department ?? '',
        owner_id: p.owner?.id ?? null,
        anonymous: 0,
        resolving_post_id: null,
        vote_count: 0,
        created_at: iso(p.changedAt - DAY),
        acknowledged_at: iso(p.changedAt),
        resolved_at: null,
        status_changed_at: iso(p.changedAt),
        stale_notified_at: null,
      })
      .execute();
    return postId;
  }

  const staleNotes = async () =>
    (
      await t.deps.db
        .selectFrom('notifications')
        .select(['user_id', 'post_id', 'actor_id'])
        .where('kind', '=', 'pain_point_stale')
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    ).map((n) => [n.user_id, n.post_id] as const);

  /** Runs the hourly job as the worker would, at the test's clock. */
  const runJob = async () => {
    await enqueue(t.deps.db, STALE_JOB, {});
    await runDueJobs(t.deps);
  };
  /** Moves the clock on in steps of at most two days, running the job after each. */
  const advanceTo = async (target: number) => {
    while (now < target) {
      now = Math.min(target, now + 2 * DAY);
      await runJob();
    }
  };

  it('is stale at exactly 14 days without a change of status, not at 13 days 23 hours, and told again only 14 days later', async () => {
    const owner = await createUser(t.deps);
    const lead = await createUser(t.deps, { department: 'Einkauf' });
    await t.deps.db
      .insertInto('department_leads')
      .values({ department: 'Einkauf', user_id: lead.id, created_at: iso(START) })
      .execute();
    const almost = await painPoint({ owner, changedAt: START - 13 * DAY - 23 * HOUR });
    const stale = await painPoint({ owner, changedAt: START - 14 * DAY });
    const ofLeads = await painPoint({ department: 'Einkauf', changedAt: START - 20 * DAY });
    const ofAdmins = await painPoint({ department: 'Kantine', changedAt: START - 15 * DAY });
    const closed = await painPoint({ owner, status: 'resolved', changedAt: START - 30 * DAY });
    const wontFix = await painPoint({ owner, status: 'wont_fix', changedAt: START - 30 * DAY });
    void closed;
    void wontFix;

    await runJob();
    expect(await staleNotes()).toEqual([
      [lead.id, ofLeads],
      [admin.id, ofAdmins],
      [owner.id, stale],
    ]);
    const mark = await t.deps.db
      .selectFrom('pain_points')
      .select(['post_id', 'stale_notified_at'])
      .where('stale_notified_at', 'is not', null)
      .orderBy('post_id')
      .execute();
    expect(mark.map((m) => m.stale_notified_at)).toEqual([iso(START), iso(START), iso(START)]);
    expect(
      (
        await t.deps.db
          .selectFrom('notifications')
          .select('actor_id')
          .where('kind', '=', 'pain_point_stale')
          .execute()
      ).every((n) => n.actor_id === null),
    ).toBe(true);

    // One hour later the first reaches 14 days; nothing else is told again.
    now = START + HOUR;
    await runJob();
    expect((await staleNotes()).slice(3)).toEqual([[owner.id, almost]]);

    // Runs for almost 14 more days tell nobody again.
    await advanceTo(START + 14 * DAY - HOUR);
    expect(await staleNotes()).toHaveLength(4);

    // 14 days after being told, the three told first are told again.
    now = START + 14 * DAY;
    await runJob();
    expect((await staleNotes()).slice(4)).toEqual([
      [lead.id, ofLeads],
      [admin.id, ofAdmins],
      [owner.id, stale],
    ]);
  });

  it('a change of status starts the 14 days anew', async () => {
    const owner = await createUser(t.deps);
    const postId = await painPoint({ owner, changedAt: now - 14 * DAY });
    await t.deps.db
      .updateTable('pain_points')
      .set({ status: 'in_progress', status_changed_at: iso(now - HOUR) })
      .where('post_id', '=', postId)
      .execute();
    await runJob();
    expect((await staleNotes()).filter(([, p]) => p === postId)).toEqual([]);
    await advanceTo(now + 14 * DAY - 2 * HOUR);
    expect((await staleNotes()).filter(([, p]) => p === postId)).toEqual([]);
    await advanceTo(now + HOUR);
    expect((await staleNotes()).filter(([, p]) => p === postId)).toEqual([[owner.id, postId]]);
  });
});
