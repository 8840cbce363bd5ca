import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { Db } from '../../db/connect.ts';
import { newId } from '../../lib/ids.ts';
import type { User } from '../accounts/accounts.table.ts';
import { setSetting } from '../admin/settings.ts';
import { breakdownGroups } from './access.ts';
import { enqueue, runDueJobs } from '../../jobs/index.ts';
import { ANSWER_TIMES_JOB } from './analytics.jobs.ts';
import {
  contentLevel,
  contentTotal,
  nearestRank,
  warmAnswerTimes,
  type ContentLevel,
} from './content.level.ts';

/*
 * The fixture, in UTC. Working hours are the default: Monday to Friday 09:00–17:00 in
 * Europe/Berlin, which in November (CET, UTC+1) is 08:00–16:00 UTC. k = 3. Org-wide target 8 h,
 * Alpha's target 4 h, the other groups the default 24 h. Now: Monday 2026-11-30 12:00; the
 * period 2026-11-09 – 2026-11-29 by week; the cut-off is the period's end, 2026-11-30 00:00, so
 * questions asked up to 2026-11-23 00:00 are "7 days old".
 *
 *       group   asker asked (weekday)   first answer      cal / bus h   accepted      cal / bus h
 * q1    Alpha   a1    Fri 11-20 15:00    Mon 11-23 10:30   67.5 / 3.5    Mon 11:00     68 / 4
 * q2    Alpha   a2    Mon 11-16 08:00    Mon 11-16 10:00   2 / 2         Mon 17:00     9 / 8
 * q3    Alpha   a3    Tue 11-17 14:30    Tue 11-17 17:00   2.5 / 1.5
 * q4    Alpha   a1    Sat 11-21 10:00    —
 * q5    Beta    a4    Wed 11-11 09:00    Thu 11-12 09:00   24 / 8
 * q6    Beta    a5    Mon 11-23 12:00    —                                              (not 7 days old)
 * q7    org     a6    Sat 11-14 10:00    Mon 11-16 08:30   46.5 / 0.5    Mon 09:00     47 / 1
 * q8    org     a1    Thu 11-26 08:00    Thu 11-26 09:00   1 / 1                         (not 7 days old)
 * q9    org     a2    Tue 11-10 10:00    Tue 11-10 20:00   10 / 6
 * q13   org     a6    Sun 11-22 18:00    —
 * q10   Privat  a3    Wed 11-18 09:00    Wed 11-18 10:00   1 / 1
 * q11   Privat  a4    Wed 11-18 09:00    —
 * q12   Privat  a5    Thu 11-19 08:00    Thu 11-19 08:30   0.5 / 0.5     Thu 09:00     1 / 1
 * Hashtags: #onboarding on q1, q2, q7, q10; #kantine on q3, q5.
 * Reuses: week 11-09 two (u1, u2), week 11-16 u1, u4, a post by u3 and (a Privat document) u5,
 * week 11-23 one (u2).
 */
interface Fixture {
  admin: User;
  member: User;
  alpha: string;
  beta: string;
  privat: string;
  q4: string;
}

async function contentFixture(t: TestApp): Promise<Fixture> {
  const db = t.deps.db;
  const now = new Date('2026-11-30T12:00:00Z');
  await setSetting(db, 'analytics.k', 3, now);
  await setSetting(db, 'questions.org_target_hours', 8, now);
  const admin = await createAdmin(t.deps, { name: 'Ada Admin' });
  const member = await createUser(t.deps, { name: 'Mo Mitglied' });
  const a: User[] = [];
  for (let i = 1; i <= 6; i++) a.push(await createUser(t.deps, { name: `Asker ${i}` }));
  const helper = await createUser(t.deps, { name: 'Hella Helferin' });
  const u: User[] = [];
  for (let i = 1; i <= 5; i++) u.push(await createUser(t.deps, { name: `Reuser ${i}` }));
  const group = async (name: string, visibility: 'public' | 'private') => {
    const id = newId();
    await db
      .insertInto('groups')
      .values({
        id,
        name,
        name_key: name.toLowerCase(),
        description: '',
        visibility,
        kind: 'community',
        member_count: 0,
        created_by: admin.id,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    return id;
  };
  const alpha = await group('Alpha', 'public');
  const beta = await group('Beta', 'public');
  const privat = await group('Privat', 'private');
  await db
    .insertInto('question_targets')
    .values({ group_id: alpha, target_hours: 4, updated_by: null, updated_at: now.toISOString() })
    .execute();
  for (const tag of ['onboarding', 'kantine'])
    await db
      .insertInto('hashtags')
      .values({
        tag,
        display: tag === 'kantine' ? 'Kantine' : tag,
        meaning: null,
        created_at: now.toISOString(),
      })
      .execute();

  const ask = async (
    asker: User,
    groupId: string | null,
    asked: string,
    first: string | null,
    accepted: string | null,
    tags: string[] = [],
  ) => {
    const id = newId();
    await db
      .insertInto('posts')
      .values({
        id,
        author_id: asker.id,
        group_id: groupId,
        kind: 'question',
        body: 'Frage?',
        html: '<p>Frage?</p>',
        created_at: `2026-${asked}:00.000Z`,
        edited_at: null,
        pinned_until: null,
      })
      .execute();
    // The asker's own comment is never an answer.
    await db
      .insertInto('comments')
      .values({
        id: newId(),
        post_id: id,
        parent_id: null,
        author_id: asker.id,
        body: 'Nachtrag',
        html: '<p>Nachtrag</p>',
        created_at: `2026-${asked}:01.000Z`,
        edited_at: null,
      })
      .execute();
    if (first) {
      const commentId = newId();
      await db
        .insertInto('comments')
        .values({
          id: commentId,
          post_id: id,
          parent_id: null,
          author_id: helper.id,
          body: 'Antwort',
          html: '<p>Antwort</p>',
          created_at: `2026-${first}:00.000Z`,
          edited_at: null,
        })
        .execute();
      if (accepted)
        await db
          .updateTable('questions')
          .set({
            accepted_comment_id: commentId,
            accepted_at: `2026-${accepted}:00.000Z`,
            accepted_by: asker.id,
          })
          .where('post_id', '=', id)
          .execute();
    }
    for (const tag of tags)
      await db
        .insertInto('post_hashtags')
        .values({ tag, post_id: id, group_id: groupId })
        .execute();
    return id;
  };
  const [a1, a2, a3, a4, a5, a6] = a as [User, User, User, User, User, User];
  await ask(a1, alpha, '11-20T15:00', '11-23T10:30', '11-23T11:00', ['onboarding']);
  await ask(a2, alpha, '11-16T08:00', '11-16T10:00', '11-16T17:00', ['onboarding']);
  await ask(a3, alpha, '11-17T14:30', '11-17T17:00', null, ['kantine']);
  const q4 = await ask(a1, alpha, '11-21T10:00', null, null);
  await ask(a4, beta, '11-11T09:00', '11-12T09:00', null, ['kantine']);
  await ask(a5, beta, '11-23T12:00', null, null);
  await ask(a6, null, '11-14T10:00', '11-16T08:30', '11-16T09:00', ['onboarding']);
  await ask(a1, null, '11-26T08:00', '11-26T09:00', null);
  await ask(a2, null, '11-10T10:00', '11-10T20:00', null);
  await ask(a6, null, '11-22T18:00', null, null);
  await ask(a3, privat, '11-18T09:00', '11-18T10:00', null, ['onboarding']);
  await ask(a4, privat, '11-18T09:00', null, null);
  await ask(a5, privat, '11-19T08:00', '11-19T08:30', '11-19T09:00');
  // Outside the period: counted nowhere.
  await ask(a1, alpha, '11-08T23:59', '11-09T01:00', null);
  await ask(a2, alpha, '11-30T00:00', null, null);

  const doc = async (groupId: string | null) => {
    const id = newId();
    await db
      .insertInto('documents')
      .values({
        id,
        group_id: groupId,
        owner_id: admin.id,
        title: 'Handbuch',
        description: '',
        type: 'pdf',
        current_version_id: null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    return id;
  };
  const d1 = await doc(null);
  const d2 = await doc(alpha);
  const dp = await doc(privat);
  const post = newId();
  await db
    .insertInto('posts')
    .values({
      id: post,
      author_id: u[2]!.id,
      group_id: beta,
      body: 'Siehe Handbuch',
      html: '<p>Siehe Handbuch</p>',
      created_at: '2026-11-17T10:00:00.000Z',
      edited_at: null,
      pinned_until: null,
    })
    .execute();
  const reuse = (document_id: string, source: string, created_at: string) =>
    db.insertInto('document_reuses').values({ document_id, source, created_at }).execute();
  await reuse(d1, `user:${u[0]!.id}`, '2026-11-10T09:00:00.000Z');
  await reuse(d2, `user:${u[1]!.id}`, '2026-11-12T09:00:00.000Z');
  await reuse(d1, `user:${u[3]!.id}`, '2026-11-16T09:00:00.000Z');
  await reuse(d2, `user:${u[0]!.id}`, '2026-11-18T09:00:00.000Z');
  await reuse(d2, `post:${post}`, '2026-11-17T10:00:00.000Z');
  await reuse(dp, `user:${u[4]!.id}`, '2026-11-19T09:00:00.000Z');
  await reuse(d1, `user:${u[1]!.id}`, '2026-11-24T09:00:00.000Z');
  await reuse(d2, `user:${u[2]!.id}`, '2026-11-30T09:00:00.000Z');
  return { admin, member, alpha, beta, privat, q4 };
}

const PERIOD = { from: '2026-11-09', to: '2026-11-29', grain: 'week' as const };

describe('nearestRank', () => {
  it('takes the value at rank ⌈p·n/100⌉', () => {
    expect(nearestRank([], 50)).toBeNull();
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4], 90)).toBe(4);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5], 50)).toBe(3);
  });
});

describe.each(DIALECTS)('content level (%s)', (dialect) => {
  let t: TestApp;
  let f: Fixture;
  const now = new Date('2026-11-30T12:00:00Z');
  const all = { visible: null, groupId: null };
  let level: ContentLevel;

  beforeAll(async () => {
    t = await build(dialect, { now: () => now });
    f = await contentFixture(t);
    level = await contentLevel(t.deps.db, PERIOD, now, all);
  });
  afterAll(async () => t.close());

  it('computes the org-wide figures', () => {
    expect(level.k).toBe(3);
    expect(level.cutoff).toBe('2026-11-30T00:00:00.000Z');
    expect(level.targets).toEqual({ answerRate: 0.9, acceptedRate: 0.5, answeredWithin24h: 0.8 });
    expect(level.orgTargetHours).toBe(8);
    expect(level.total).toEqual({
      asked: 13,
      answered: 9,
      answerRate: 9 / 13,
      accepted: 4,
      acceptedRate: 4 / 13,
      firstAnswerP50Hours: 2.5,
      firstAnswerP90Hours: 67.5,
      firstAnswerP50BusinessHours: 1.5,
      firstAnswerP90BusinessHours: 8,
      acceptedP50Hours: 9,
      acceptedP90Hours: 68,
      acceptedP50BusinessHours: 1,
      acceptedP90BusinessHours: 8,
      answeredWithin24h: 7,
      answeredWithin24hRate: 7 / 13,
      answeredWithinTarget: 6,
      answeredWithinTargetRate: 6 / 13,
      targetHours: null,
      unansweredAfter7Days: 3,
      unansweredAfter7DaysRate: 3 / 11,
      p50MeetsTarget: true,
      status: { answerRate: 'missed', acceptedRate: 'missed', answeredWithin24h: 'missed' },
      privacy: { row: false, firstAnswer: false, acceptedAnswer: false },
    });
  });

  it('gives each group a row; below k askers hidden, and one more so none can be worked out', () => {
    const rows = level.groups.map((g) => [g.name, g.asked, g.privacy.row]);
    // Beta has 2 askers (< k = 3). Privat (3 askers, 3 questions, the fewest) is hidden too,
    // or Beta would be the total minus the others.
    expect(rows).toEqual([
      [null, 4, false],
      ['Alpha', 4, false],
      ['Beta', null, true],
      ['Privat', null, true],
    ]);
    const [org, alpha] = level.groups;
    expect(alpha).toMatchObject({
      groupId: f.alpha,
      asked: 4,
      answered: 3,
      answerRate: 0.75,
      accepted: 2,
      acceptedRate: 0.5,
      firstAnswerP50Hours: 2.5,
      firstAnswerP90Hours: 67.5,
      firstAnswerP50BusinessHours: 2,
      firstAnswerP90BusinessHours: 3.5,
      // Two accepted answers, by two askers: below k, so their times are hidden.
      acceptedP50Hours: null,
      acceptedP90Hours: null,
      acceptedP50BusinessHours: null,
      acceptedP90BusinessHours: null,
      answeredWithin24h: 2,
      answeredWithin24hRate: 0.5,
      answeredWithinTarget: 2,
      answeredWithinTargetRate: 0.5,
      targetHours: 4,
      p50MeetsTarget: true,
      unansweredAfter7Days: 1,
      unansweredAfter7DaysRate: 0.25,
      status: { answerRate: 'missed', acceptedRate: 'met', answeredWithin24h: 'missed' },
      privacy: { row: false, firstAnswer: false, acceptedAnswer: true },
    });
    // Org-wide: one accepted answer (one asker) hides the accepted times, not the rest.
    expect(org).toMatchObject({
      groupId: null,
      asked: 4,
      answered: 3,
      answerRate: 0.75,
      accepted: 1,
      acceptedRate: 0.25,
      firstAnswerP50Hours: 10,
      firstAnswerP90Hours: 46.5,
      firstAnswerP50BusinessHours: 1,
      firstAnswerP90BusinessHours: 6,
      acceptedP50Hours: null,
      acceptedP90BusinessHours: null,
      answeredWithin24hRate: 0.5,
      answeredWithinTarget: 1,
      targetHours: 8,
      p50MeetsTarget: false,
      unansweredAfter7Days: 1,
      unansweredAfter7DaysRate: 1 / 3,
      privacy: { row: false, firstAnswer: false, acceptedAnswer: true },
    });
  });

  it('gives the series per week, with the same threshold', () => {
    expect(level.series.map((s) => [s.period, s.asked])).toEqual([
      // 3 askers, but hidden so that the last week (2 askers) cannot be worked out.
      ['2026-11-09', null],
      ['2026-11-16', 8],
      ['2026-11-23', null],
    ]);
    expect(level.series[1]).toMatchObject({
      answered: 5,
      answerRate: 0.625,
      accepted: 3,
      acceptedRate: 0.375,
      firstAnswerP50Hours: 2,
      firstAnswerP90Hours: 67.5,
      firstAnswerP50BusinessHours: 1.5,
      firstAnswerP90BusinessHours: 3.5,
      acceptedP50Hours: 9,
      acceptedP90Hours: 68,
      acceptedP50BusinessHours: 4,
      acceptedP90BusinessHours: 8,
      answeredWithin24hRate: 0.5,
    });
  });

  it('gives each hashtag a row', () => {
    expect(level.hashtags.map((h) => [h.display, h.asked])).toEqual([
      ['onboarding', 4],
      ['Kantine', null],
    ]);
    expect(level.hashtags[0]).toMatchObject({
      answered: 4,
      answerRate: 1,
      accepted: 3,
      acceptedRate: 0.75,
      firstAnswerP50Hours: 2,
      firstAnswerP90Hours: 67.5,
      firstAnswerP50BusinessHours: 1,
      firstAnswerP90BusinessHours: 3.5,
      acceptedP50Hours: 47,
      acceptedP90Hours: 68,
      acceptedP50BusinessHours: 4,
      acceptedP90BusinessHours: 8,
      answeredWithin24hRate: 0.5,
      answeredWithinTargetRate: 0.5,
      targetHours: null,
      p50MeetsTarget: true,
      unansweredAfter7Days: 0,
      unansweredAfter7DaysRate: 0,
      status: { answerRate: 'met', acceptedRate: 'met', answeredWithin24h: 'missed' },
    });
    expect(level.hashtagsNotShown).toBe(0);
  });

  it('counts documents reused per week, hidden below k reusers', () => {
    // Weeks 11-09 (2 reusers) and 11-23 (1) are hidden; both hidden, neither follows from the
    // total. Week 11-16: u4, u1, the post's author u3 and u5 (Privat's document).
    expect(level.documents).toEqual({
      items: [
        { period: '2026-11-09', reuses: null, reusers: null },
        { period: '2026-11-16', reuses: 4, reusers: 4 },
        { period: '2026-11-23', reuses: null, reusers: null },
      ],
      total: { reuses: 7, reusers: 5 },
    });
  });

  it('shows a row at k askers and hides it below', async () => {
    await setSetting(t.deps.db, 'analytics.k', 4, now);
    const at4 = await contentLevel(t.deps.db, PERIOD, now, all);
    expect(at4.k).toBe(4);
    // Alpha's 3 askers are now below k; the total's 6 are not.
    expect(at4.groups.find((g) => g.groupId === f.alpha)?.privacy.row).toBe(true);
    expect(at4.total.asked).toBe(13);
    // #onboarding: 4 askers, exactly k.
    expect(at4.hashtags[0]).toMatchObject({ display: 'onboarding', asked: 4 });
    await setSetting(t.deps.db, 'analytics.k', 3, now);
  });

  it('gives the overview the same total as the level, for everyone and for a member', async () => {
    const headline = await contentTotal(t.deps.db, PERIOD, now, null);
    expect(headline).toEqual({ total: level.total, targets: level.targets });
    const visible = await breakdownGroups(t.deps.db, f.member);
    const m = await contentLevel(t.deps.db, PERIOD, now, { visible, groupId: null });
    expect((await contentTotal(t.deps.db, PERIOD, now, visible)).total).toEqual(m.total);
    expect(m.total.asked).toBe(10);
  });

  it('leaves out the questions of groups the viewer may not see', async () => {
    const visible = await breakdownGroups(t.deps.db, f.member);
    const m = await contentLevel(t.deps.db, PERIOD, now, { visible, groupId: null });
    // Privat's q10, q11, q12 are not counted: 10 questions; #onboarding loses q10.
    expect(m.total).toMatchObject({ asked: 10, answered: 7, accepted: 3 });
    expect(m.groups.map((g) => g.name)).toEqual([null, 'Alpha', 'Beta']);
    expect(m.hashtags[0]).toMatchObject({ display: 'onboarding', asked: 3, accepted: 3 });
    expect(m.documents.total).toEqual({ reuses: 6, reusers: 4 });
  });

  it('filters by group; a group hidden in the table of groups is hidden as a whole', async () => {
    const alpha = await contentLevel(t.deps.db, PERIOD, now, { visible: null, groupId: f.alpha });
    expect(alpha.total).toMatchObject({ asked: 4, answerRate: 0.75, targetHours: 4 });
    expect(alpha.groups.map((g) => g.groupId)).toEqual([f.alpha]);
    // Both below k askers: by name, so their order says nothing about what they hide.
    expect(alpha.hashtags.map((h) => [h.tag, h.asked])).toEqual([
      ['kantine', null],
      ['onboarding', null],
    ]);
    const privat = await contentLevel(t.deps.db, PERIOD, now, { visible: null, groupId: f.privat });
    expect(privat.total.privacy.row).toBe(true);
    expect(privat.total.asked).toBeNull();
    expect(privat.series.every((s) => s.asked === null || s.asked === 0)).toBe(true);
  });

  it('computes business hours again when the working hours change, and new answers', async () => {
    const db: Db = t.deps.db;
    // Every hour of every day is working time: business hours equal calendar hours.
    await setSetting(
      db,
      'org.business_hours',
      { timeZone: 'UTC', days: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00', holidays: [] },
      now,
    );
    const round = await contentLevel(db, PERIOD, now, all);
    expect(round.total.firstAnswerP50BusinessHours).toBe(2.5);
    expect(round.total.firstAnswerP90BusinessHours).toBe(67.5);
    await setSetting(
      db,
      'org.business_hours',
      {
        timeZone: 'Europe/Berlin',
        days: [1, 2, 3, 4, 5],
        start: '09:00',
        end: '17:00',
        holidays: [],
      },
      now,
    );
    // q4 (Sat 11-21 10:00) is answered on Mon 11-23 08:15: 46.25 h, 0.25 business hours.
    await db
      .insertInto('comments')
      .values({
        id: newId(),
        post_id: f.q4,
        parent_id: null,
        author_id: f.admin.id,
        body: 'Spät',
        html: '<p>Spät</p>',
        created_at: '2026-11-23T08:15:00.000Z',
        edited_at: null,
      })
      .execute();
    const later = await contentLevel(db, PERIOD, now, all);
    // first answers: 0.5, 1, 1, 2, 2.5, 10, 24, 46.25, 46.5, 67.5 → p50 rank 5, p90 rank 9.
    expect(later.total).toMatchObject({
      answered: 10,
      firstAnswerP50Hours: 2.5,
      firstAnswerP90Hours: 46.5,
      // 0.25, 0.5, 0.5, 1, 1, 1.5, 2, 3.5, 6, 8
      firstAnswerP50BusinessHours: 1,
      firstAnswerP90BusinessHours: 6,
      unansweredAfter7Days: 2,
    });
    const cached = await db
      .selectFrom('content_questions')
      .select(['first_answer_hours', 'first_answer_business_hours', 'times_first_answer_at'])
      .where('post_id', '=', f.q4)
      .executeTakeFirstOrThrow();
    expect(cached).toEqual({
      first_answer_hours: 46.25,
      first_answer_business_hours: 0.25,
      times_first_answer_at: '2026-11-23T08:15:00.000Z',
    });

    // The answer deleted: the question is open again and its times go.
    await db
      .deleteFrom('comments')
      .where('post_id', '=', f.q4)
      .where('author_id', '=', f.admin.id)
      .execute();
    const open = await contentLevel(db, PERIOD, now, all);
    expect(open.total).toMatchObject({
      answered: 9,
      firstAnswerP50Hours: 2.5,
      firstAnswerP90Hours: 67.5,
      unansweredAfter7Days: 3,
    });
    expect(
      await db
        .selectFrom('content_questions')
        .select(['first_answer_hours', 'times_first_answer_at'])
        .where('post_id', '=', f.q4)
        .executeTakeFirstOrThrow(),
    ).toEqual({ first_answer_hours: null, times_first_answer_at: null });
  });

  it('follows hashtags added, removed and re-filed', async () => {
    const db: Db = t.deps.db;
    await db.deleteFrom('post_hashtags').where('tag', '=', 'kantine').execute();
    await db
      .insertInto('hashtags')
      .values({ tag: 'neu', display: 'neu', meaning: null, created_at: now.toISOString() })
      .execute();
    await db
      .insertInto('post_hashtags')
      .values({ tag: 'neu', post_id: f.q4, group_id: f.alpha })
      .execute();
    const added = await contentLevel(db, PERIOD, now, all);
    expect(added.hashtags.map((h) => [h.tag, h.asked])).toEqual([
      ['onboarding', 4],
      ['neu', null],
    ]);
    // An alias re-files the post under another tag.
    await db
      .updateTable('post_hashtags')
      .set({ tag: 'onboarding' })
      .where('tag', '=', 'neu')
      .execute();
    const refiled = await contentLevel(db, PERIOD, now, all);
    expect(refiled.hashtags.map((h) => [h.tag, h.asked])).toEqual([['onboarding', 5]]);
  });

  it('has its answer times computed by the job before anyone asks', async () => {
    const db: Db = t.deps.db;
    // Saturdays become working days (08:00–16:00 UTC in November): every cached time is stale.
    await setSetting(
      db,
      'org.business_hours',
      {
        timeZone: 'Europe/Berlin',
        days: [1, 2, 3, 4, 5, 6],
        start: '09:00',
        end: '17:00',
        holidays: [],
      },
      now,
    );
    const q1 = () =>
      db
        .selectFrom('content_questions')
        .select(['first_answer_business_hours', 'times_key'])
        .where('first_answer_hours', '=', 67.5)
        .executeTakeFirstOrThrow();
    const before = await q1();
    await enqueue(db, ANSWER_TIMES_JOB, {});
    expect(await runDueJobs(t.deps)).toBeGreaterThanOrEqual(1);
    const after = await q1();
    expect(after.times_key).not.toBe(before.times_key);
    // q1: Fri 15:00–16:00, all of Saturday 08:00–16:00, Mon 08:00–10:30 UTC.
    expect(after.first_answer_business_hours).toBe(11.5);
    // Nothing is left for a request to compute.
    expect(await warmAnswerTimes(db)).toBe(0);
  });
});
