import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { Db } from '../../db/connect.ts';
import { newId } from '../../lib/ids.ts';
import type { User } from '../accounts/accounts.table.ts';
import { setSetting } from '../admin/settings.ts';
import type { PostKind } from '../posts/posts.table.ts';
import { defaultImpactPeriod, impactOf, median } from './impact.ts';

async function post(db: Db, author: User, at: string, kind: PostKind = 'post') {
  const id = newId();
  await db
    .insertInto('posts')
    .values({ id, author_id: author.id, kind, body: 'x', html: '<p>x</p>', created_at: at })
    .execute();
  return id;
}

async function comment(db: Db, postId: string, author: User, at: string, parentId?: string) {
  const id = newId();
  await db
    .insertInto('comments')
    .values({
      id,
      post_id: postId,
      parent_id: parentId ?? null,
      author_id: author.id,
      body: 'x',
      html: '<p>x</p>',
      created_at: at,
    })
    .execute();
  return id;
}

const react = (db: Db, postId: string, user: User, at: string) =>
  db
    .insertInto('reactions')
    .values({ post_id: postId, user_id: user.id, type: 'like', created_at: at })
    .execute();

const vote = (db: Db, commentId: string, user: User, at: string) =>
  db
    .insertInto('answer_votes')
    .values({ comment_id: commentId, user_id: user.id, created_at: at })
    .execute();

async function document(db: Db, owner: User, downloads: number) {
  const id = newId();
  await db
    .insertInto('documents')
    .values({
      id,
      group_id: null,
      owner_id: owner.id,
      title: 'Angebot',
      description: '',
      type: 'pdf',
      current_version_id: null,
      download_count: downloads,
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    })
    .execute();
  return id;
}

const reuse = (db: Db, documentId: string, source: string, at: string) =>
  db
    .insertInto('document_reuses')
    .values({ document_id: documentId, source, created_at: at })
    .execute();

const T = (day: string, time = '09:00') => `${day}T${time}:00.000Z`;

/*
 * Pia's and Quinn's content (R1 and R2 only react, answer and vote). For Pia, from 2026-09-01 to
 * 2026-11-28, per month (September, October, November), by hand:
 *   posts          p1 (Sep), announcement p2 (Oct), p3 (Nov); p0 is from August      1 1 1
 *   questions      q1 (Sep), q2 (Oct), q3 (Nov)                                        1 1 1
 *   answers        a1 on Quinn's qq1 (Sep), a2 on qq2 (Oct); a0 (Aug), a reply, a
 *                  comment on a plain post and one on her own question do not count  1 1 0
 *   accepted       a1                                                                 1 0 0
 *   helpful votes  Quinn on a1 (Sep), R1 on a1 and R2 on a2 (Oct), R1 on a0 (Nov);
 *                  her own vote does not count                                        1 2 1
 *   reactions      Quinn and R1 on p1, R1 on the older p0 (Sep), R2 on p3 (Nov); her
 *                  own and one from August do not count                               3 0 1
 *   comments       Quinn and R1 on q1, Quinn on p1 (Sep), R1 on q2 and Quinn's reply
 *                  on p1 (Oct); her own on q3 does not count                          3 2 0
 *   answered       q1 after 2 h, q2 after 24 h, q3 not yet                            1 1 0
 *   median         2 h, 24 h, none; over the period 13 h
 *   reuses of d1   Quinn's download (Sep), Quinn's post elsewhere (Oct); her own post
 *                  (Nov) and one from July do not count                               1 1 0
 *   documents 2 (d1 with 7 downloads, d2 with 3): 10 downloads.
 */
describe.each(DIALECTS)('own impact (%s)', (dialect) => {
  let t: TestApp;
  let pia: User;
  let quinn: User;
  let piaClient: Client;
  let quinnClient: Client;
  const now = new Date('2026-11-28T10:00:00Z');
  const q = 'from=2026-09-01&to=2026-11-28';

  beforeAll(async () => {
    t = await build(dialect, { now: () => now });
    const db = t.deps.db;
    pia = await createUser(t.deps, { name: 'Pia Pohl' });
    quinn = await createUser(t.deps, { name: 'Quinn Quast' });
    const r1 = await createUser(t.deps, { name: 'Rita Eins' });
    const r2 = await createUser(t.deps, { name: 'Rolf Zwei' });

    const p0 = await post(db, pia, T('2026-08-20'));
    const p1 = await post(db, pia, T('2026-09-05'));
    await post(db, pia, T('2026-10-10'), 'announcement');
    const p3 = await post(db, pia, T('2026-11-02'));
    const q1 = await post(db, pia, T('2026-09-10', '08:00'), 'question');
    const q2 = await post(db, pia, T('2026-10-15'), 'question');
    const q3 = await post(db, pia, T('2026-11-20'), 'question');
    const qq0 = await post(db, quinn, T('2026-08-05'), 'question');
    const qq1 = await post(db, quinn, T('2026-09-01'), 'question');
    const qq2 = await post(db, quinn, T('2026-10-01'), 'question');
    const qp = await post(db, quinn, T('2026-09-04'));
    const qpost = await post(db, quinn, T('2026-10-20'));

    const a0 = await comment(db, qq0, pia, T('2026-08-10'));
    const a1 = await comment(db, qq1, pia, T('2026-09-02'));
    const a2 = await comment(db, qq2, pia, T('2026-10-03'));
    await comment(db, qq2, pia, T('2026-10-04'), a2);
    await comment(db, qp, pia, T('2026-09-04', '12:00'));
    await comment(db, q1, quinn, T('2026-09-10', '10:00'));
    await comment(db, q1, r1, T('2026-09-11'));
    await comment(db, q2, r1, T('2026-10-16'));
    const cq = await comment(db, p1, quinn, T('2026-09-06'));
    await comment(db, p1, quinn, T('2026-10-01'), cq);
    await comment(db, q3, pia, T('2026-11-21'));
    await db
      .updateTable('questions')
      .set({ accepted_comment_id: a1, accepted_at: T('2026-09-03'), accepted_by: quinn.id })
      .where('post_id', '=', qq1)
      .execute();

    await react(db, p1, quinn, T('2026-09-06', '10:00'));
    await react(db, p1, r1, T('2026-09-07'));
    await react(db, p1, pia, T('2026-09-05', '10:00'));
    await react(db, p3, r2, T('2026-11-03'));
    await react(db, p0, r1, T('2026-09-01'));
    await react(db, p0, r2, T('2026-08-25'));

    await vote(db, a1, quinn, T('2026-09-03'));
    await vote(db, a1, r1, T('2026-10-01'));
    await vote(db, a2, r2, T('2026-10-05'));
    await vote(db, a2, pia, T('2026-10-06'));
    await vote(db, a0, r1, T('2026-11-01'));

    const d1 = await document(db, pia, 7);
    await document(db, pia, 3);
    const d3 = await document(db, quinn, 100);
    await reuse(db, d1, `user:${quinn.id}`, T('2026-09-20'));
    await reuse(db, d1, `post:${qpost}`, T('2026-10-20'));
    await reuse(db, d1, `post:${p3}`, T('2026-11-02'));
    await reuse(db, d1, `user:${r1.id}`, T('2026-07-01'));
    await reuse(db, d3, `user:${pia.id}`, T('2026-10-01'));

    piaClient = await signedIn(t.app, pia);
    quinnClient = await signedIn(t.app, quinn);
  });
  afterAll(async () => t.close());

  it('counts a person’s own content and what others did with it, per month', async () => {
    const res = await piaClient.api('GET', `/api/v1/me/impact?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const zero = { accepted: 0, answers: 0, reuses: 0 };
    expect(res.json()).toEqual({
      from: '2026-09-01',
      to: '2026-11-28',
      months: [
        {
          period: '2026-09',
          posts: 1,
          questions: 1,
          answers: 1,
          accepted: 1,
          helpfulVotes: 1,
          reactionsReceived: 3,
          commentsReceived: 3,
          questionsAnswered: 1,
          reuses: 1,
          medianHoursToFirstAnswer: 2,
        },
        {
          period: '2026-10',
          posts: 1,
          questions: 1,
          answers: 1,
          accepted: 0,
          helpfulVotes: 2,
          reactionsReceived: 0,
          commentsReceived: 2,
          questionsAnswered: 1,
          reuses: 1,
          medianHoursToFirstAnswer: 24,
        },
        {
          period: '2026-11',
          posts: 1,
          questions: 1,
          ...zero,
          helpfulVotes: 1,
          reactionsReceived: 1,
          commentsReceived: 0,
          questionsAnswered: 0,
          medianHoursToFirstAnswer: null,
        },
      ],
      totals: {
        posts: 3,
        questions: 3,
        answers: 2,
        accepted: 1,
        helpfulVotes: 4,
        reactionsReceived: 4,
        commentsReceived: 5,
        questionsAnswered: 2,
        reuses: 2,
        medianHoursToFirstAnswer: 13,
      },
      documents: 2,
      downloads: 10,
    });
    // Only counts: nobody who reacted, voted, commented or reused is named.
    for (const who of [quinn, pia]) {
      expect(res.body).not.toContain(who.id);
      expect(res.body).not.toContain(who.name);
    }
  });

  it('does not mix one person’s impact with another’s', async () => {
    const res = await quinnClient.api('GET', `/api/v1/me/impact?${q}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { months: Record<string, unknown>[]; totals: unknown };
    expect(body.totals).toEqual({
      posts: 2,
      questions: 2,
      answers: 1,
      accepted: 0,
      helpfulVotes: 0,
      reactionsReceived: 0,
      commentsReceived: 4,
      questionsAnswered: 2,
      reuses: 1,
      medianHoursToFirstAnswer: 36,
    });
    expect(body.months.map((m) => m.medianHoursToFirstAnswer)).toEqual([24, 48, null]);
    expect(res.json()).toMatchObject({ documents: 1, downloads: 100 });
  });

  it('defaults to the last 12 months', async () => {
    expect(defaultImpactPeriod(now)).toEqual({ from: '2025-12-01', to: '2026-11-28' });
    expect(defaultImpactPeriod(new Date('2026-01-15T00:00:00Z'))).toEqual({
      from: '2025-02-01',
      to: '2026-01-15',
    });
    const res = await piaClient.api('GET', '/api/v1/me/impact');
    const body = res.json() as { from: string; months: { period: string }[] };
    expect(body.from).toBe('2025-12-01');
    expect(body.months.map((m) => m.period)).toHaveLength(12);
    expect(body.months[0]!.period).toBe('2025-12');
    expect(body.months[11]!.period).toBe('2026-11');
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
  });

  it('is the same figures as computed directly', async () => {
    const d = await impactOf(t.deps.db, pia.id, '2026-10-01', '2026-10-31');
    expect(d.months).toHaveLength(1);
    expect(d.totals).toMatchObject({ helpfulVotes: 2, commentsReceived: 2, reuses: 1 });
  });

  it('renders the page for any member, with charts, tables and the CSV link', async () => {
    const res = await piaClient.get(`/me/impact?${q}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>Your impact</h1>');
    expect(res.body).toMatch(/<svg[^>]*role="img"/);
    expect(res.body).toContain('<caption>What you contributed</caption>');
    expect(res.body).toContain('<caption>What came back</caption>');
    expect(res.body).toContain('Median time to first answer');
    expect(res.body).toContain('13 h');
    expect(res.body).toContain('/me/impact.csv?from=2026-09-01&amp;to=2026-11-28');
    expect(res.body).not.toContain('Quinn');
    expect(res.body).not.toContain('Analytics is switched off');
  });

  it('exports the months as CSV', async () => {
    const res = await piaClient.get(`/me/impact.csv?${q}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(
      res.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
    ).toEqual([
      'month,posts,questions,answers,accepted,helpfulVotes,reactionsReceived,commentsReceived,questionsAnswered,reuses,medianHoursToFirstAnswer',
      '2026-09,1,1,1,1,1,3,3,1,1,2',
      '2026-10,1,1,1,0,2,0,2,1,1,24',
      '2026-11,1,1,0,0,1,1,0,0,0,',
    ]);
  });

  it('still works when analytics is switched off, and says so', async () => {
    await setSetting(t.deps.db, 'analytics.enabled', false, now);
    try {
      const page = await piaClient.get(`/me/impact?${q}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Analytics is switched off in this organisation.');
      const api = await piaClient.api('GET', `/api/v1/me/impact?${q}`);
      expect(api.statusCode).toBe(200);
      expect(api.json()).toMatchObject({ totals: { posts: 3 } });
    } finally {
      await setSetting(t.deps.db, 'analytics.enabled', true, now);
    }
  });

  it('names a bad date', async () => {
    const api = await piaClient.api('GET', '/api/v1/me/impact?from=1.9.2026');
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({ errors: [{ field: 'from', code: 'invalid_period' }] });
    const page = await piaClient.get('/me/impact?to=gestern');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('Enter a date as YYYY-MM-DD.');
    expect(page.body).toContain('value="gestern"');
    expect((await piaClient.get('/me/impact.csv?from=2026-11-28&to=2026-09-01')).statusCode).toBe(
      400,
    );
  });

  it('needs a signed-in person', async () => {
    const anonymous = new Client(t.app);
    expect((await anonymous.get('/api/v1/me/impact')).statusCode).toBe(401);
    const page = await anonymous.get('/me/impact');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toContain('/login');
  });
});
