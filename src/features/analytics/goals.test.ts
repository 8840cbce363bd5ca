import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityRow } from '../../../test/activity.ts';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { User } from '../accounts/accounts.table.ts';
import { createDemoGoals, OFFER_STORY } from './goals.demo.ts';
import {
  checkGoal,
  createGoal,
  goalMeasurements,
  goalStatus,
  latestMeasurement,
  loadGoal,
  MANUAL,
  monthEnds,
  type GoalInput,
} from './goals.ts';
import { KPIS, kpiOf, median } from './kpis.ts';

const fieldsOf = (fn: () => unknown): [string, string][] => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err.fields.map((f) => [f.field, f.code]);
    throw err;
  }
  throw new Error('no error');
};

const GOOD: GoalInput = {
  name: 'Angebote schneller',
  description: '',
  kpi: MANUAL,
  unit: 'Tage',
  baseline: 8,
  target: 2,
  startDate: '2026-01-01',
  deadline: '2026-12-31',
};

describe('goal checks', () => {
  it('accepts a good goal and names every bad field', () => {
    expect(checkGoal(GOOD)).toMatchObject({ name: 'Angebote schneller', unit: 'Tage' });
    // A computed goal needs no unit (the KPI has one); whatever is given is dropped.
    expect(checkGoal({ ...GOOD, kpi: 'answer_rate', unit: '' }).unit).toBe('');
    expect(
      fieldsOf(() =>
        checkGoal({
          name: ' ',
          kpi: 'umsatz',
          baseline: 'acht',
          target: Number.POSITIVE_INFINITY,
          startDate: '2026-02-30',
          deadline: '31.12.2026',
        }),
      ),
    ).toEqual([
      ['name', 'required'],
      ['kpi', 'unknown_kpi'],
      ['baseline', 'not_a_number'],
      ['target', 'not_a_number'],
      ['startDate', 'invalid_date'],
      ['deadline', 'invalid_date'],
    ]);
    expect(fieldsOf(() => checkGoal({ ...GOOD, unit: '' }))).toEqual([['unit', 'required']]);
    expect(fieldsOf(() => checkGoal({ ...GOOD, target: 8 }))).toEqual([
      ['target', 'same_as_baseline'],
    ]);
    expect(fieldsOf(() => checkGoal({ ...GOOD, deadline: '2026-01-01' }))).toEqual([
      ['deadline', 'deadline_before_start'],
    ]);
    expect(fieldsOf(() => checkGoal({ ...GOOD, deadline: '2025-12-31' }))).toEqual([
      ['deadline', 'deadline_before_start'],
    ]);
    // 3,660 days from start to deadline are allowed, 3,661 are not.
    expect(checkGoal({ ...GOOD, deadline: '2036-01-09' }).deadline).toBe('2036-01-09');
    expect(fieldsOf(() => checkGoal({ ...GOOD, deadline: '2036-01-10' }))).toEqual([
      ['deadline', 'too_long'],
    ]);
    expect(fieldsOf(() => checkGoal({ ...GOOD, baseline: 2e12 }))).toEqual([
      ['baseline', 'out_of_range'],
    ]);
  });
});

describe('goal status', () => {
  // 100 days from start to deadline; on 2 March 60 have passed: expected 60 %.
  const up = { baseline: 0, target: 100, startDate: '2026-01-01', deadline: '2026-04-11' };
  const down = { ...up, baseline: 8, target: 2 };
  const at = (g: typeof up, value: number | null, today = '2026-03-02') =>
    goalStatus(g, value === null ? null : { value }, today);

  it('is on track down to expected − 10 points, at risk down to − 25, off track below', () => {
    expect(at(up, 50)).toMatchObject({ status: 'on_track', progress: 0.5, expected: 0.6 });
    expect(at(up, 49.99).status).toBe('at_risk');
    expect(at(up, 35).status).toBe('at_risk');
    expect(at(up, 34.99).status).toBe('off_track');
    expect(at(up, 120)).toMatchObject({ status: 'on_track', reached: true });
    expect(at(up, -5).status).toBe('off_track');
  });

  it('follows the direction of baseline and target (8 → 2: lower is better)', () => {
    // (5 − 8) ÷ (2 − 8) = 0.5
    expect(at(down, 5)).toMatchObject({ status: 'on_track', progress: 0.5 });
    expect(at(down, 5.0006).status).toBe('at_risk');
    // (5.9 − 8) ÷ (2 − 8) is 0.34999… in binary: the rule's tolerance keeps it on the boundary.
    expect(at(down, 5.9).status).toBe('at_risk');
    expect(at(down, 5.9).progress).toBeCloseTo(0.35, 12);
    expect(at(down, 5.9006).status).toBe('off_track');
    expect(at(down, 9).status).toBe('off_track');
    expect(at(down, 2)).toMatchObject({ status: 'on_track', reached: true });
  });

  it('before the start nothing is expected; on the deadline everything is', () => {
    expect(at(up, 0, '2025-12-01')).toMatchObject({ status: 'on_track', expected: 0 });
    expect(at(up, 90, '2026-04-11')).toMatchObject({ status: 'on_track', expected: 1 });
    expect(at(up, 89.99, '2026-04-11').status).toBe('at_risk');
  });

  it('after the deadline: achieved or off track', () => {
    expect(at(up, 100, '2026-04-12')).toMatchObject({ status: 'achieved', afterDeadline: true });
    expect(at(up, 99.99, '2026-04-12').status).toBe('off_track');
    expect(at(down, 1.5, '2026-05-01').status).toBe('achieved');
    expect(at(down, 2.1, '2026-05-01').status).toBe('off_track');
  });

  it('says when there is no measurement yet', () => {
    expect(at(up, null)).toMatchObject({ status: 'none', progress: null, expected: 0.6 });
    expect(at(up, null, '2026-06-01').status).toBe('none');
  });
});

describe('month ends and the median', () => {
  it('takes the last day of each month and the last day asked for', () => {
    const ends = monthEnds('2026-01-15', '2026-11-27');
    expect(ends).toHaveLength(11);
    expect(ends.slice(0, 3)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(ends.at(-1)).toBe('2026-11-27');
    expect(monthEnds('2026-11-20', '2026-11-27')).toEqual(['2026-11-27']);
    expect(monthEnds('2026-12-01', '2026-11-27')).toEqual([]);
    expect(monthEnds('2028-02-01', '2028-03-31')).toEqual(['2028-02-29', '2028-03-31']);
    expect(monthEnds('2026-12-31', '2027-01-31')).toEqual(['2026-12-31', '2027-01-31']);
  });

  it('medians', () => {
    expect(median([])).toBeNull();
    expect(median([24, 6, 1.5])).toBe(6);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

const at = (day: string, time = '12:00:00') => `${day}T${time}.000Z`;

/** Writes what the KPIs count, directly; the triggers keep the measurement tables. */
function writer(db: Db) {
  const post = async (
    author: User,
    when: string,
    kind: 'post' | 'question' = 'post',
    tags: string[] = [],
  ) => {
    const id = newId();
    await db
      .insertInto('posts')
      .values({
        id,
        author_id: author.id,
        group_id: null,
        kind,
        body: 'x',
        html: '<p>x</p>',
        created_at: when,
        edited_at: null,
        pinned_until: null,
      })
      .execute();
    for (const tag of tags) {
      await db
        .insertInto('hashtags')
        .values({ tag, display: tag, meaning: 'success_story', created_at: when })
        .onConflict((oc) => oc.column('tag').doNothing())
        .execute();
      await db.insertInto('post_hashtags').values({ tag, post_id: id, group_id: null }).execute();
    }
    return id;
  };
  return {
    post,
    async question(asker: User, asked: string, answer: { by: User; at: string } | null) {
      const id = await post(asker, asked, 'question');
      if (answer) {
        await db
          .insertInto('comments')
          .values({
            id: newId(),
            post_id: id,
            parent_id: null,
            author_id: answer.by.id,
            body: 'y',
            html: '<p>y</p>',
            created_at: answer.at,
            edited_at: null,
          })
          .execute();
      }
    },
    async reuses(owner: User, times: string[]) {
      const id = newId();
      await db
        .insertInto('documents')
        .values({
          id,
          group_id: null,
          owner_id: owner.id,
          title: 'Preisliste',
          description: '',
          type: 'pdf',
          current_version_id: null,
          created_at: at('2026-01-01'),
          updated_at: at('2026-01-01'),
        })
        .execute();
      for (const [i, t] of times.entries()) {
        await db
          .insertInto('document_reuses')
          .values({ document_id: id, source: `post:${i}`, created_at: t })
          .execute();
      }
      return id;
    },
  };
}

describe.each(DIALECTS)('computed KPIs and goals (%s)', (dialect) => {
  let t: TestApp;
  const now = new Date('2026-11-28T10:00:00Z');
  const DAY = '2026-11-27';
  let admin: User;
  let documentId: string;

  beforeAll(async () => {
    t = await build(dialect, { now: () => now });
    const db = t.deps.db;
    const w = writer(db);
    const old = at('2026-01-01');
    const person = (name: string, extra: Partial<User> = {}) =>
      createUser(t.deps, { name, created_at: old, last_seen_at: null, ...extra });
    // Accounts as of 27 November: u1 visited in May; u2 was last seen that evening; u3 only
    // the next morning; u4 never; u5 was created the next day; u6 was deactivated before,
    // u7 after it (and had visited). With the asker and the helper: 7 accounts, 3 activated.
    const u1 = await person('U1');
    const u2 = await person('U2', { last_seen_at: at(DAY, '20:00:00') });
    await person('U3', { last_seen_at: at('2026-11-28', '08:00:00') });
    await person('U4');
    await person('U5', { created_at: at('2026-11-28', '01:00:00') });
    await person('U6', { status: 'deactivated', deactivated_at: at('2026-11-01') });
    const u7 = await person('U7', {
      status: 'deactivated',
      deactivated_at: at('2026-11-28', '05:00:00'),
    });
    admin = await createAdmin(t.deps, {
      name: 'Ada',
      created_at: at('2026-11-28', '02:00:00'),
    });
    const asker = await person('Asker');
    const helper = await person('Helper');
    await activityRow(db, u1, '2026-05-01', {}, 1);
    await activityRow(db, u7, '2026-03-01', {}, 1);
    // MAU (31 Oct – 27 Nov): u1, u2, the asker and the helper (who write); u7's visit is older.
    // DAU on the 27th: u1, the asker and the helper.
    await activityRow(db, u1, DAY, {}, 1);
    await activityRow(db, u2, '2026-11-10', {}, 1);

    // Questions asked 31 Oct – 27 Nov: five; answered by the end of the 27th: three, after
    // 6 h, 24 h and 1.5 h (median 6 h).
    const q = (asked: string, answered: string | null) =>
      w.question(asker, asked, answered ? { by: helper, at: answered } : null);
    await q(at('2026-10-30', '23:00:00'), at('2026-10-31', '01:00:00'));
    await q(at('2026-10-31', '00:00:00'), at('2026-10-31', '06:00:00'));
    await q(at('2026-11-10'), at('2026-11-11'));
    await q(at('2026-11-20', '08:00:00'), at('2026-11-20', '09:30:00'));
    await q(at('2026-11-25', '10:00:00'), at('2026-11-28', '08:00:00'));
    await q(at(DAY, '22:00:00'), null);
    await q(at('2026-11-28', '01:00:00'), null);

    documentId = await w.reuses(helper, [
      at('2026-10-30', '23:59:59'),
      at('2026-10-31', '00:00:00'),
      at(DAY, '23:59:59'),
      at('2026-11-28', '00:00:00'),
    ]);

    await w.post(helper, at('2026-10-30'), 'post', ['erfolg']);
    await w.post(helper, at('2026-10-31'), 'post', ['erfolg', 'intranetarbeiten']);
    await w.post(helper, at(DAY), 'post', ['erfolg']);
    await w.post(helper, at('2026-11-28', '00:30:00'), 'post', ['erfolg']);
  });
  afterAll(async () => t.close());

  it('gives each KPI its hand-computed value for 27 November', async () => {
    const values: Record<string, number | null> = {};
    for (const k of KPIS) values[k.key] = await k.value(t.deps.db, DAY, now);
    expect(values).toEqual({
      activation_rate: (3 / 7) * 100,
      mau: 4,
      dau_mau: 75,
      answer_rate: 60,
      median_hours_to_answer: 6,
      documents_reused: 2,
      success_stories: 2,
    });
    // A day with no questions asked in its 28 days has no rate.
    expect(await kpiOf('answer_rate')!.value(t.deps.db, '2026-06-30', now)).toBeNull();
    expect(await kpiOf('median_hours_to_answer')!.value(t.deps.db, '2026-06-30', now)).toBeNull();
  });

  it('measures a computed goal at each month’s end, from the cache once computed', async () => {
    const goal = await createGoal(t.deps, admin, {
      name: 'Mehr Wiederverwendung',
      kpi: 'documents_reused',
      baseline: 0,
      target: 10,
      startDate: '2026-09-15',
      deadline: '2027-03-31',
    });
    const series = await goalMeasurements(t.deps.db, goal, now);
    // 30 Sep: none in 3–30 Sep; 31 Oct: two (30 Oct 23:59, 31 Oct 0:00); 27 Nov: two.
    expect(series.map((m) => [m.day, m.value, m.computed])).toEqual([
      ['2026-09-30', 0, true],
      ['2026-10-31', 2, true],
      ['2026-11-27', 2, true],
    ]);
    expect(await latestMeasurement(t.deps.db, goal, now)).toMatchObject({
      day: '2026-11-27',
      value: 2,
    });
    // Progress 0.2; expected 74 of 197 days = 0.376: within 25 points, at risk.
    const st = goalStatus(goal, series.at(-1)!, '2026-11-28');
    expect(st.status).toBe('at_risk');
    expect(st.progress).toBe(0.2);
    expect(st.expected).toBe(74 / 197);
    const cached = await t.deps.db
      .selectFrom('goal_kpi_values')
      .select(['day', 'value'])
      .where('kpi', '=', 'documents_reused')
      .orderBy('day')
      .execute();
    expect(cached.map((c) => [c.day, Number(c.value)])).toEqual([
      ['2026-09-30', 0],
      ['2026-10-31', 2],
      ['2026-11-27', 2],
    ]);
    // A day that has ended is final: a reuse written later with an old date does not move it.
    await t.deps.db
      .insertInto('document_reuses')
      .values({ document_id: documentId, source: 'late', created_at: at('2026-10-15') })
      .execute();
    expect((await goalMeasurements(t.deps.db, goal, now)).map((m) => m.value)).toEqual([0, 2, 2]);
  });

  it('creates the demo goals with a believable story', async () => {
    const ids = await createDemoGoals(t.deps.db, admin.id, now);
    expect(ids).toHaveLength(3);
    const manual = await loadGoal(t.deps.db, ids[0]!);
    expect(manual).toMatchObject({
      name: 'Angebotsprozess von 8 auf 2 Tage',
      kpi: MANUAL,
      unit: 'Tage von Anfrage bis Angebot',
      baseline: 8,
      target: 2,
      startDate: '2025-12-01',
      deadline: '2027-02-28',
    });
    const ms = await goalMeasurements(t.deps.db, manual, now);
    expect(ms).toHaveLength(12);
    expect(ms[0]).toMatchObject({ day: '2025-12-28', value: 8 });
    expect(ms.at(-1)).toMatchObject({ day: '2026-11-28', value: 3.1 });
    expect(ms.map((m) => m.value)).toEqual(OFFER_STORY.map(([v]) => v));
    // Never worse than the month before, and every note says something.
    ms.slice(1).forEach((m, i) => expect(m.value).toBeLessThanOrEqual(ms[i]!.value));
    expect(ms.every((m) => m.note.length > 20)).toBe(true);
    // (3.1 − 8) ÷ (2 − 8) = 0.8167 against 362 of 454 days (0.797): on track.
    expect(goalStatus(manual, ms.at(-1)!, '2026-11-28')).toMatchObject({ status: 'on_track' });
    const computed = await Promise.all(ids.slice(1).map((id) => loadGoal(t.deps.db, id)));
    expect(computed.map((g) => [g.name, g.kpi, g.baseline, g.target])).toEqual([
      ['Antwortquote über 90 %', 'answer_rate', 70, 90],
      ['Aktivierungsquote 80 %', 'activation_rate', 50, 80],
    ]);
    // Both are measured from their start, the latest on the last complete day.
    for (const g of computed) {
      const series = await goalMeasurements(t.deps.db, g, now);
      expect(series.at(-1)?.day).toBe(DAY);
      expect(series[0]!.day >= g.startDate).toBe(true);
    }
  });
});
