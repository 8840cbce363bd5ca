import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { newId } from '../../lib/ids.ts';
import type { User } from '../accounts/accounts.table.ts';
import { setSetting } from '../admin/settings.ts';

/*
 * A small organisation, k = 3, default working hours (Mon–Fri 09:00–17:00 Europe/Berlin, that is
 * 08:00–16:00 UTC in November), org-wide target 24 h. Now: Monday 2026-11-30 10:00 UTC; the
 * period 2026-11-16 – 2026-11-29 by week.
 *
 *      group    asker  asked              first answer        cal / bus h   accepted
 * q1   —        p1     Fri 11-20 14:00    Mon 11-23 09:00     67 / 3        Mon 11-23 10:00 (68 / 4)
 * q2   —        p2     Mon 11-16 09:00    Mon 11-16 12:00     3 / 3         —
 * q3   —        p3     Tue 11-17 10:00    —
 * q4   Geheim   p4     Wed 11-18 10:00    Wed 11-18 11:00     1 / 1         (private; Mo is not a member)
 * #kantine on q1, q2, q3, q4.
 */
describe.each(DIALECTS)('content analytics pages (%s)', (dialect) => {
  let t: TestApp;
  const now = new Date('2026-11-30T10:00:00Z');
  let admin: Client;
  let member: Client;
  let mo: User;
  let secret: string;
  const period = 'from=2026-11-16&to=2026-11-29&grain=week';

  beforeAll(async () => {
    t = await build(dialect, { now: () => now });
    const db = t.deps.db;
    await setSetting(db, 'analytics.k', 3, now);
    const ada = await createAdmin(t.deps, { name: 'Ada Admin' });
    mo = await createUser(t.deps, { name: 'Mo Mitglied' });
    admin = await signedIn(t.app, ada);
    member = await signedIn(t.app, mo);
    const helper = await createUser(t.deps, { name: 'Hella Helferin' });
    const p: User[] = [];
    for (let i = 1; i <= 4; i++) p.push(await createUser(t.deps, { name: `Person ${i}` }));
    secret = newId();
    await db
      .insertInto('groups')
      .values({
        id: secret,
        name: 'Geheim',
        name_key: 'geheim',
        description: '',
        visibility: 'private',
        kind: 'team',
        member_count: 1,
        created_by: ada.id,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await db
      .insertInto('hashtags')
      .values({ tag: 'kantine', display: 'Kantine', meaning: null, created_at: now.toISOString() })
      .execute();
    const ask = async (
      asker: User,
      groupId: string | null,
      asked: string,
      first: string | null,
      accepted: string | null,
    ) => {
      const id = newId();
      await db
        .insertInto('posts')
        .values({
          id,
          author_id: asker.id,
          group_id: groupId,
          kind: 'question',
          body: 'Wo gibt es Kaffee? #Kantine',
          html: '<p>Wo gibt es Kaffee?</p>',
          created_at: `2026-${asked}:00.000Z`,
          edited_at: null,
          pinned_until: null,
        })
        .execute();
      await db
        .insertInto('post_hashtags')
        .values({ tag: 'kantine', post_id: id, group_id: groupId })
        .execute();
      if (!first) return;
      const commentId = newId();
      await db
        .insertInto('comments')
        .values({
          id: commentId,
          post_id: id,
          parent_id: null,
          author_id: helper.id,
          body: 'Im dritten Stock',
          html: '<p>Im dritten Stock</p>',
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
    };
    const [p1, p2, p3, p4] = p as [User, User, User, User];
    await ask(p1, null, '11-20T14:00', '11-23T09:00', '11-23T10:00');
    await ask(p2, null, '11-16T09:00', '11-16T12:00', null);
    await ask(p3, null, '11-17T10:00', null, null);
    await ask(p4, secret, '11-18T10:00', '11-18T11:00', null);
  });
  afterAll(async () => t.close());

  interface Row {
    asked: number | null;
    answerRate: number | null;
    acceptedRate: number | null;
    firstAnswerP50Hours: number | null;
    firstAnswerP50BusinessHours: number | null;
    acceptedP50Hours: number | null;
    unansweredAfter7Days: number | null;
    privacy: { row: boolean; firstAnswer: boolean; acceptedAnswer: boolean };
  }
  interface Body {
    k: number;
    percentile: string;
    total: Row;
    series: (Row & { period: string })[];
    groups: (Row & { groupId: string | null; name: string | null })[];
    hashtags: (Row & { tag: string })[];
    targets: Record<string, number>;
  }

  it('is for admins unless the audience is every member', async () => {
    expect((await member.get(`/analytics/content?${period}`)).statusCode).toBe(403);
    expect((await member.api('GET', `/api/v1/analytics/content?${period}`)).statusCode).toBe(403);
    expect((await member.get(`/analytics/content.csv?${period}`)).statusCode).toBe(403);
  });

  it('answers the API with the figures, null where fewer than k askers stand behind them', async () => {
    const res = await admin.api('GET', `/api/v1/analytics/content?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Body;
    expect(body.k).toBe(3);
    expect(body.percentile).toBe('nearest-rank');
    // Four questions by four askers; answered q1 (67 h), q2 (3 h), q4 (1 h): p50 is 3 h.
    // Business: q1 3 h (Fri 14–16 and Mon 08–09 UTC), q2 3 h, q4 1 h: p50 3 h.
    expect(body.total).toMatchObject({
      asked: 4,
      answerRate: 0.75,
      acceptedRate: 0.25,
      firstAnswerP50Hours: 3,
      firstAnswerP50BusinessHours: 3,
      // One accepted answer: one asker, below k.
      acceptedP50Hours: null,
      unansweredAfter7Days: 1,
      privacy: { row: false, firstAnswer: false, acceptedAnswer: true },
    });
    // Org-wide (3 askers, exactly k) is shown; Geheim (1 asker) is not, nor (to protect it)
    // anything that would give it back: with only two rows, the org-wide row goes too.
    expect(body.groups.map((g) => [g.name, g.asked])).toEqual([
      [null, null],
      ['Geheim', null],
    ]);
    expect(body.hashtags.map((h) => [h.tag, h.asked])).toEqual([['kantine', 4]]);
    expect(body.series.map((s) => [s.period, s.asked])).toEqual([
      ['2026-11-16', 4],
      ['2026-11-23', 0],
    ]);
    const bad = await admin.api('GET', '/api/v1/analytics/content?from=2026-11-30&to=2026-11-01');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ field: 'to', code: 'invalid_period' }] });
    const unknown = await admin.api('GET', `/api/v1/analytics/content?groupId=${newId()}`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ field: 'groupId' }] });
  });

  it('renders the page with definitions, targets with status words, charts and tables', async () => {
    const res = await admin.get(`/analytics/content?${period}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('aria-current="page"');
    expect(html).toContain('<h1>Content</h1>');
    expect(html).toContain('nearest-rank method');
    expect(html).toContain('Only the organisation’s working time counts');
    // Answer rate 75 % against 90 %: below target, with a symbol and a word.
    expect(html).toMatch(/75\s*%[\s\S]*?90\s*%[\s\S]*?✗ below target/);
    expect(html).toContain('3 h · 3 business h');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain(
      '<caption>Answer rate, accepted-answer rate and answered within 24 h</caption>',
    );
    expect(html).toContain('fewer than 3');
    expect(html).toContain('#Kantine');
    expect(html).toContain('Org-wide (no group)');
    expect(html).toContain('name="_csrf"');
    expect(html).toContain('action="/analytics/content/targets"');
    expect(html).toContain(
      `/analytics/content.csv?${period.replace(/&/g, '&amp;')}&amp;part=groups`,
    );
    // A bad date is named beside its field, and the default period shown.
    const bad = await admin.get('/analytics/content?from=30.11.2026');
    expect(bad.statusCode).toBe(200);
    expect(bad.body).toContain('Enter a date as YYYY-MM-DD.');
  });

  it('exports each table as CSV, "<k" where hidden and empty where there is no figure', async () => {
    const csv = async (part: string) => {
      const res = await admin.get(`/analytics/content.csv?${period}&part=${part}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      return res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
    };
    const summary = await csv('summary');
    expect(summary[0]).toMatch(
      /^from,to,group_id,asked,answered,answer_rate,accepted,accepted_rate,first_answer_p50_hours,/,
    );
    expect(summary[0]).toContain(',unanswered_after_7_days,unanswered_after_7_days_rate,');
    const cells = summary[1]!.split(',');
    const col = (name: string) => cells[summary[0]!.split(',').indexOf(name)];
    expect(col('asked')).toBe('4');
    expect(col('answer_rate')).toBe('0.75');
    expect(col('first_answer_p50_hours')).toBe('3');
    expect(col('accepted_p50_hours')).toBe('<3');
    const series = await csv('series');
    const header = series[0]!.split(',');
    const week2 = series[2]!.split(',');
    expect(week2[0]).toBe('2026-11-23');
    // No questions that week: 0 asked, and no rate at all (empty, not "<3").
    expect(week2[header.indexOf('asked')]).toBe('0');
    expect(week2[header.indexOf('answer_rate')]).toBe('');
    const groups = await csv('groups');
    expect(groups.slice(1).map((l) => l.split(',').slice(1, 4))).toEqual([
      ['org-wide', '<3', '<3'],
      ['Geheim', '<3', '<3'],
    ]);
    expect(await csv('documents')).toEqual([
      'period,reuses,reusers',
      '2026-11-16,0,0',
      '2026-11-23,0,0',
      'total,0,0',
    ]);
    const bad = await admin.get(`/analytics/content.csv?${period}&part=everything`);
    expect(bad.statusCode).toBe(400);
  });

  it('lets admins change the rate targets, naming each bad field', async () => {
    const page = await admin.get('/analytics/content');
    expect(page.body).toContain('value="90"');
    const bad = await admin.post('/analytics/content/targets', {
      answerRate: '120',
      acceptedRate: 'viel',
      answeredWithin24h: '75',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('id="answerRate-error"');
    expect(bad.body).toContain('id="acceptedRate-error"');
    expect(bad.body).not.toContain('id="answeredWithin24h-error"');
    expect(bad.body).toContain('Enter a percentage from 0 to 100.');
    expect(bad.body).toContain('value="viel"');
    // Nothing was saved.
    expect((await admin.api('GET', '/api/v1/analytics/content-targets')).json()).toEqual({
      answerRate: 0.9,
      acceptedRate: 0.5,
      answeredWithin24h: 0.8,
    });
    const ok = await admin.post('/analytics/content/targets', {
      answerRate: '70',
      acceptedRate: '20',
      answeredWithin24h: '75',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/analytics/content');
    const after = await admin.api('GET', `/api/v1/analytics/content?${period}`);
    const body = after.json() as Body & { total: { status: Record<string, string> } };
    expect(body.targets).toEqual({ answerRate: 0.7, acceptedRate: 0.2, answeredWithin24h: 0.75 });
    // 75 % ≥ 70 %, 25 % ≥ 20 %; answered within 24 h: q2 and q4, 50 % < 75 %.
    expect(body.total.status).toEqual({
      answerRate: 'met',
      acceptedRate: 'met',
      answeredWithin24h: 'missed',
    });
    // Without a CSRF token the form is refused.
    const forged = await admin.post('/analytics/content/targets', {
      _csrf: 'nope',
      answerRate: '10',
    });
    expect(forged.statusCode).toBe(403);
    // The API: shares from 0 to 1, each bad field named; members may not.
    const put = await admin.api('PUT', '/api/v1/analytics/content-targets', {
      answerRate: 1.5,
      acceptedRate: -0.1,
    });
    expect(put.statusCode).toBe(400);
    expect(put.json()).toMatchObject({
      errors: [
        { field: 'answerRate', code: 'out_of_range' },
        { field: 'acceptedRate', code: 'out_of_range' },
      ],
    });
    const typed = await admin.api('PUT', '/api/v1/analytics/content-targets', {
      answerRate: '0.5',
    });
    expect(typed.statusCode).toBe(400);
    const good = await admin.api('PUT', '/api/v1/analytics/content-targets', { answerRate: 0.85 });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ answerRate: 0.85, acceptedRate: 0.2, answeredWithin24h: 0.75 });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'analytics.content_targets')
      .execute();
    expect(audit).toHaveLength(2);
    expect(
      (await member.api('PUT', '/api/v1/analytics/content-targets', { answerRate: 0.5 }))
        .statusCode,
    ).toBe(403);
  });

  it('shows members, when allowed, no questions of groups they may not see', async () => {
    await setSetting(t.deps.db, 'analytics.audience', 'members', now);
    const res = await member.api('GET', `/api/v1/analytics/content?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Body;
    // Geheim's question is left out everywhere: 3 questions, p50 of 3 h and 67 h (rank 1) = 3.
    expect(body.total).toMatchObject({ asked: 3, answerRate: 2 / 3 });
    expect(body.groups.map((g) => [g.name, g.asked])).toEqual([[null, 3]]);
    expect(body.hashtags.map((h) => [h.tag, h.asked])).toEqual([['kantine', 3]]);
    const hidden = await member.api('GET', `/api/v1/analytics/content?${period}&groupId=${secret}`);
    expect(hidden.statusCode).toBe(400);
    const page = await member.get(`/analytics/content?${period}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Geheim');
    expect(page.body).not.toContain('action="/analytics/content/targets"');
    expect((await member.post('/analytics/content/targets', { answerRate: '10' })).statusCode).toBe(
      403,
    );
    await setSetting(t.deps.db, 'analytics.audience', 'admins', now);
    expect(mo.role).toBe('member');
  });
});
