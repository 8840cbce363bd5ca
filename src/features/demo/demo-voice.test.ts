import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { createDemoOrganisation } from './demo.service.ts';

// A fixed day, so that the rounds (H1 2025 … H2 2026) are the same on every run.
const NOW = new Date('2026-11-27T13:00:00Z');

describe.each(DIALECTS)('demo customer voice and pain points (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    await createDemoOrganisation(t.deps);
  });
  afterAll(async () => t.close());

  it('scores a dozen customers in two years of rounds, twice a year', async () => {
    const { db } = t.deps;
    const rounds = await db
      .selectFrom('satisfaction_rounds')
      .selectAll()
      .orderBy('starts_on')
      .execute();
    expect(rounds.map((r) => r.name)).toEqual(['H1 2025', 'H2 2025', 'H1 2026', 'H2 2026']);
    const customers = await db.selectFrom('customers').selectAll().execute();
    expect(customers).toHaveLength(12);
    expect(new Set(customers.map((c) => c.industry)).size).toBeGreaterThanOrEqual(8);
    const evaluations = await db.selectFrom('evaluations').selectAll().execute();
    // The former customer was not asked in the last round.
    expect(evaluations).toHaveLength(12 * 4 - 1);
    for (const e of evaluations) {
      const round = rounds.find((r) => r.id === e.round_id)!;
      expect(e.conversation_date >= round.starts_on && e.conversation_date <= round.ends_on).toBe(
        true,
      );
      expect(e.conversation_date < '2026-11-27').toBe(true);
    }
    const scores = await db.selectFrom('evaluation_scores').select('score').execute();
    expect(scores).toHaveLength(evaluations.length * 5);
    expect(scores.every((s) => s.score >= 1 && s.score <= 10)).toBe(true);
    // Someone is below standard in the latest round: the widget has something to show.
    const latest = rounds.at(-1)!.id;
    const low = await db
      .selectFrom('evaluation_scores as s')
      .innerJoin('evaluations as e', 'e.id', 's.evaluation_id')
      .select('s.score')
      .where('e.round_id', '=', latest)
      .where('s.score', '<', 7)
      .execute();
    expect(low.length).toBeGreaterThan(0);
    // The three finished rounds were published under the customer-voice hashtag.
    const published = rounds.filter((r) => r.published_post_id !== null);
    expect(published.map((r) => r.name)).toEqual(['H1 2025', 'H2 2025', 'H1 2026']);
    const tagged = await db
      .selectFrom('post_hashtags')
      .select('post_id')
      .where('tag', '=', 'wasderkundefindet')
      .where(
        'post_id',
        'in',
        published.map((r) => r.published_post_id!),
      )
      .execute();
    expect(tagged).toHaveLength(3);
  });

  it('has a board with every status, several departments and owners, votes and a history', async () => {
    const { db } = t.deps;
    const points = await db.selectFrom('pain_points').selectAll().execute();
    expect(points.length).toBeGreaterThanOrEqual(20);
    const statuses = new Set(points.map((p) => p.status));
    expect([...statuses].sort()).toEqual([
      'acknowledged',
      'in_progress',
      'new',
      'resolved',
      'wont_fix',
    ]);
    expect(new Set(points.map((p) => p.department)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(points.map((p) => p.owner_id).filter(Boolean)).size).toBeGreaterThanOrEqual(4);
    expect(points.filter((p) => p.status === 'new').every((p) => p.owner_id === null)).toBe(true);
    for (const p of points) {
      const votes = await db
        .selectFrom('pain_point_votes')
        .select('user_id')
        .where('pain_point_id', '=', p.id)
        .execute();
      expect(votes).toHaveLength(p.vote_count);
      if (p.status !== 'new') expect(p.acknowledged_at).not.toBeNull();
      if (p.status === 'resolved' || p.status === 'wont_fix') expect(p.resolved_at).not.toBeNull();
      expect(p.status_changed_at <= NOW.toISOString()).toBe(true);
    }
    const events = await db.selectFrom('pain_point_events').selectAll().execute();
    expect(events.filter((e) => e.kind === 'status').length).toBeGreaterThanOrEqual(
      points.filter((p) => p.status !== 'new').length,
    );
    expect(points.some((p) => p.resolving_post_id !== null)).toBe(true);
    // Stale: open and unchanged for more than 14 days.
    const stale = points.filter(
      (p) =>
        !['resolved', 'wont_fix'].includes(p.status) &&
        Date.parse(p.status_changed_at) < NOW.getTime() - 14 * 86_400_000,
    );
    expect(stale.length).toBeGreaterThan(0);
  });

  it('keeps no author of an anonymous pain point once moderated, and one waits', async () => {
    const { db } = t.deps;
    const anonymous = await db
      .selectFrom('pain_points')
      .innerJoin('posts', 'posts.id', 'pain_points.post_id')
      .select(['posts.author_id', 'pain_points.department'])
      .where('pain_points.anonymous', '=', 1)
      .execute();
    expect(anonymous).toHaveLength(2);
    expect(anonymous.every((a) => a.author_id === 'anonymous' && a.department !== '')).toBe(true);
    const submissions = await db.selectFrom('pain_point_submissions').selectAll().execute();
    expect(
      submissions
        .filter((s) => s.status === 'approved')
        .every((s) => s.author_id === null && s.post_id !== null),
    ).toBe(true);
    expect(submissions.filter((s) => s.status === 'pending')).toHaveLength(1);
  });
});
