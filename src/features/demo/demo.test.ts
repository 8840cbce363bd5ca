import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { createDemoOrganisation } from './demo.service.ts';

describe.each(DIALECTS)('demo questions (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
    await createDemoOrganisation(t.deps);
  });
  afterAll(async () => t.close());

  it('some questions are answered and accepted, with helpful votes; some are still open', async () => {
    const { db } = t.deps;
    const qs = await db.selectFrom('questions').selectAll().execute();
    const accepted = qs.filter((q) => q.accepted_comment_id);
    const open = qs.filter((q) => q.first_answer_at === null);
    expect(accepted.length).toBeGreaterThanOrEqual(3);
    expect(open.length).toBeGreaterThanOrEqual(2);
    for (const q of accepted) {
      expect(q.accepted_at! >= q.first_answer_at!).toBe(true);
      expect(q.first_answer_at! > q.asked_at).toBe(true);
    }
    const votes = await db.selectFrom('answer_votes').selectAll().execute();
    expect(votes.length).toBeGreaterThanOrEqual(10);
    const notified = await db
      .selectFrom('notifications')
      .select('id')
      .where('kind', '=', 'answer_accepted')
      .execute();
    expect(notified.length).toBe(accepted.length);
  });
});
