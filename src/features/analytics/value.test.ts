import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import type { Db } from '../../db/connect.ts';
import { AppError } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { setSetting } from '../admin/settings.ts';
import type { User } from '../accounts/accounts.table.ts';
import {
  checkValueModel,
  DEFAULT_VALUE_MODEL,
  getValueModel,
  parseDecimal,
  setValueModel,
  valueReport,
} from './value.ts';

const NOW = new Date('2026-11-28T10:00:00Z');

/** Small writers for a hand-built fixture; the app's triggers do the rest. */
const fixture = (db: Db) => ({
  async group(name: string, visibility: 'public' | 'private' | 'secret', members: User[] = []) {
    const id = newId();
    const at = '2026-01-01T00:00:00.000Z';
    await db
      .insertInto('groups')
      .values({
        id,
        name,
        name_key: name.toLowerCase(),
        description: '',
        visibility,
        kind: 'team',
        member_count: members.length,
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    for (const m of members) {
      await db
        .insertInto('group_members')
        .values({ group_id: id, user_id: m.id, role: 'member', joined_at: at })
        .execute();
    }
    return id;
  },
  async post(
    author: User,
    at: string,
    opts: { group?: string | null; kind?: 'post' | 'question'; tags?: string[] } = {},
  ) {
    const id = newId();
    await db
      .insertInto('posts')
      .values({
        id,
        author_id: author.id,
        group_id: opts.group ?? null,
        kind: opts.kind ?? 'post',
        body: 'x',
        html: '<p>x</p>',
        created_at: at,
        edited_at: null,
        pinned_until: null,
      })
      .execute();
    for (const tag of opts.tags ?? []) {
      await db
        .insertInto('hashtags')
        .values({ tag, display: tag, meaning: null, created_at: at })
        .onConflict((oc) => oc.column('tag').doNothing())
        .execute();
      await db
        .insertInto('post_hashtags')
        .values({ tag, post_id: id, group_id: opts.group ?? null })
        .execute();
    }
    return id;
  },
  async comment(postId: string, author: User, at: string) {
    const id = newId();
    await db
      .insertInto('comments')
      .values({
        id,
        post_id: postId,
        parent_id: null,
        author_id: author.id,
        body: 'y',
        html: '<p>y</p>',
        created_at: at,
        edited_at: null,
      })
      .execute();
    return id;
  },
  async question(asker: User, at: string, answer: { by: User; at: string } | null, group?: string) {
    const id = await this.post(asker, at, { kind: 'question', group: group ?? null });
    if (answer) await this.comment(id, answer.by, answer.at);
    return id;
  },
  async document(owner: User, group: string | null) {
    const id = newId();
    const at = '2026-01-01T00:00:00.000Z';
    await db
      .insertInto('documents')
      .values({
        id,
        group_id: group,
        owner_id: owner.id,
        title: 'Vorlage',
        description: '',
        type: 'pdf',
        current_version_id: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  },
  reuse: (documentId: string, source: string, at: string) =>
    db
      .insertInto('document_reuses')
      .values({ document_id: documentId, source, created_at: at })
      .execute(),
  meaning: (tag: string, meaning: 'success_story' | 'pain_point' | null) =>
    db.updateTable('hashtags').set({ meaning }).where('tag', '=', tag).execute(),
});

describe('value model checks', () => {
  it('names every bad field', () => {
    expect(checkValueModel({ ...DEFAULT_VALUE_MODEL })).toEqual(DEFAULT_VALUE_MODEL);
    try {
      checkValueModel({
        hoursPerAnswer: -0.1,
        hoursPerReuse: 'viel',
        hoursPerStory: 1000.5,
        hourCost: 0,
        currency: 'eur',
        monthlyCost: Number.NaN,
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).fields.map((f) => [f.field, f.code])).toEqual([
        ['hoursPerAnswer', 'out_of_range'],
        ['hoursPerReuse', 'not_a_number'],
        ['hoursPerStory', 'out_of_range'],
        ['hourCost', 'out_of_range'],
        ['monthlyCost', 'not_a_number'],
        ['currency', 'invalid_currency'],
      ]);
    }
    // The edges: 0 hours and no platform cost are allowed, an hour's cost of 0 is not.
    expect(
      checkValueModel({
        ...DEFAULT_VALUE_MODEL,
        hoursPerAnswer: 0,
        hoursPerReuse: 1000,
        monthlyCost: 0,
        hourCost: 10_000,
        currency: 'CHF',
      }),
    ).toMatchObject({ hoursPerAnswer: 0, hoursPerReuse: 1000, hourCost: 10_000, currency: 'CHF' });
    expect(() => checkValueModel({ ...DEFAULT_VALUE_MODEL, hoursPerAnswer: 100.01 })).toThrow();
    expect(() => checkValueModel({ ...DEFAULT_VALUE_MODEL, currency: 'XYZ' })).toThrow();
  });

  it('reads numbers as people type them', () => {
    expect(parseDecimal('0,25')).toBe(0.25);
    expect(parseDecimal(' 65 ')).toBe(65);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('-3')).toBe(-3);
    expect(parseDecimal('1.000,5')).toBeNaN();
    expect(parseDecimal('')).toBeNaN();
    expect(parseDecimal('12h')).toBeNaN();
  });
});

describe.each(DIALECTS)('value level (%s)', (dialect) => {
  let t: TestApp;
  let admin: User;
  let member: User;

  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    const db = t.deps.db;
    const f = fixture(db);
    admin = await createAdmin(t.deps, { name: 'Ada Admin' });
    member = await createUser(t.deps, { name: 'Mo Mitglied' });
    const asker = await createUser(t.deps, { name: 'Fritz Frage' });
    const helper = await createUser(t.deps, { name: 'Hanna Hilfe' });
    const open = await f.group('Vertrieb', 'public');
    const hidden = await f.group('Geschäftsführung', 'private', [asker, helper]);

    // Period 2026-09-01 … 2026-10-31. Answered (first answer) in September: q1; in October:
    // q2 (asked in September) and q3 (private group). Not counted: an asker's own comment, a
    // first answer in August or November.
    await f.question(asker, '2026-09-10T09:00:00.000Z', {
      by: helper,
      at: '2026-09-11T09:00:00.000Z',
    });
    await f.question(
      asker,
      '2026-09-30T20:00:00.000Z',
      { by: helper, at: '2026-10-01T08:00:00.000Z' },
      open,
    );
    await f.question(
      asker,
      '2026-10-05T09:00:00.000Z',
      { by: helper, at: '2026-10-06T09:00:00.000Z' },
      hidden,
    );
    await f.question(asker, '2026-10-10T09:00:00.000Z', {
      by: asker,
      at: '2026-10-10T10:00:00.000Z',
    });
    await f.question(asker, '2026-08-20T09:00:00.000Z', {
      by: helper,
      at: '2026-08-31T23:59:59.000Z',
    });
    await f.question(asker, '2026-10-20T09:00:00.000Z', {
      by: helper,
      at: '2026-11-01T00:00:00.000Z',
    });

    // Reuses: September 1, October 2 (one of a private group's document), November 1.
    const d1 = await f.document(helper, null);
    const d2 = await f.document(helper, hidden);
    await f.reuse(d1, `user:${member.id}`, '2026-09-05T12:00:00.000Z');
    await f.reuse(d1, 'post:p1', '2026-10-15T12:00:00.000Z');
    await f.reuse(d2, `user:${asker.id}`, '2026-10-20T12:00:00.000Z');
    await f.reuse(d1, `user:${admin.id}`, '2026-11-01T00:00:00.000Z');

    // Success stories. #erfolg and #intranetarbeiten mean success story.
    await f.post(helper, '2026-09-01T00:00:00.000Z', { tags: ['erfolg'] });
    await f.meaning('erfolg', 'success_story');
    await f.post(helper, '2026-08-31T23:59:59.000Z', { tags: ['intranetarbeiten'] });
    await f.meaning('intranetarbeiten', 'success_story');
    // Two such hashtags: one story (September).
    await f.post(helper, '2026-09-15T10:00:00.000Z', { tags: ['erfolg', 'intranetarbeiten'] });
    // October: in the private group; an ordinary hashtag (no); one edited away (no).
    await f.post(helper, '2026-10-03T10:00:00.000Z', { tags: ['erfolg'], group: hidden });
    await f.post(helper, '2026-10-04T10:00:00.000Z', { tags: ['kantine'], group: open });
    const edited = await f.post(helper, '2026-10-25T10:00:00.000Z', {
      tags: ['erfolg'],
      group: open,
    });
    await db.deleteFrom('post_hashtags').where('post_id', '=', edited).execute();
    // A hashtag given the meaning after its post was written counts.
    await f.post(helper, '2026-10-26T10:00:00.000Z', { tags: ['neu'] });
    await f.meaning('neu', 'success_story');
    // A deleted post does not.
    const gone = await f.post(helper, '2026-09-20T10:00:00.000Z', { tags: ['erfolg'] });
    await db.deleteFrom('posts').where('id', '=', gone).execute();
    await f.post(helper, '2026-10-28T10:00:00.000Z', { tags: ['erfolg'], group: open });
    // Posts re-filed from an alias to a success-story hashtag count (as makeAlias does it).
    await f.post(helper, '2026-10-30T10:00:00.000Z', { tags: ['erfolgalt'] });
    await db
      .updateTable('post_hashtags')
      .set({ tag: 'erfolg' })
      .where('tag', '=', 'erfolgalt')
      .execute();
    // A hashtag losing its meaning takes its stories along.
    await f.post(helper, '2026-10-29T10:00:00.000Z', { tags: ['kurz'] });
    await f.meaning('kurz', 'success_story');
    await f.meaning('kurz', 'pain_point');
  });
  afterAll(async () => t.close());

  const period = { from: '2026-09-01', to: '2026-10-31', grain: 'month' as const };

  it('counts, hours, money, cost and ROI per month and in total, for an admin', async () => {
    const r = await valueReport(t.deps.db, admin, period);
    expect(r.limited).toBe(false);
    expect(r.model).toEqual(DEFAULT_VALUE_MODEL);
    // September: 1 × 0.25 + 1 × 0.5 + 2 × 2 = 4.75 h (the story of 1 September and the one
    // with two hashtags); 4.75 × 65 = 308.75; 400 × 30 / 30.4375 = 394.2505…
    expect(r.series).toEqual([
      {
        period: '2026-09',
        days: 30,
        answered: 1,
        reused: 1,
        stories: 2,
        hours: 4.75,
        money: 308.75,
        cost: 394.25,
        roi: -0.2169,
      },
      // October: 2 × 0.25 + 2 × 0.5 + 4 × 2 = 9.5 h; 617.50; 400 × 31 / 30.4375 = 407.392…;
      // (617.5 − 407.392) / 407.392 = 0.51574
      {
        period: '2026-10',
        days: 31,
        answered: 2,
        reused: 2,
        stories: 4,
        hours: 9.5,
        money: 617.5,
        cost: 407.39,
        roi: 0.5157,
      },
    ]);
    // 3 × 0.25 + 3 × 0.5 + 6 × 2 = 14.25 h; 926.25; 400 × 61 / 30.4375 = 801.6427…
    expect(r.total).toEqual({
      days: 61,
      answered: 3,
      reused: 3,
      stories: 6,
      hours: 14.25,
      money: 926.25,
      cost: 801.64,
      roi: 0.1554,
    });
  });

  it('leaves out the content of groups a member may not see', async () => {
    await setSetting(t.deps.db, 'analytics.audience', 'members', NOW);
    const r = await valueReport(t.deps.db, member, period);
    expect(r.limited).toBe(true);
    expect(r.series.map((s) => [s.period, s.answered, s.reused, s.stories])).toEqual([
      ['2026-09', 1, 1, 2],
      ['2026-10', 1, 1, 3],
    ]);
    expect(r.total).toMatchObject({ answered: 2, reused: 2, stories: 5, hours: 11.5 });
  });

  it('clips weeks to the period and follows a changed model', async () => {
    await setValueModel(t.deps, admin, { hoursPerAnswer: 1, hourCost: 100, monthlyCost: 0 });
    expect(await getValueModel(t.deps.db)).toMatchObject({ hoursPerAnswer: 1, monthlyCost: 0 });
    // Tue 1 September to Sun 13 September: the week of Monday 31 August has 6 days in it.
    const r = await valueReport(t.deps.db, admin, {
      from: '2026-09-01',
      to: '2026-09-13',
      grain: 'week',
    });
    expect(r.series.map((s) => [s.period, s.days, s.answered, s.reused, s.stories])).toEqual([
      ['2026-08-31', 6, 0, 1, 1],
      ['2026-09-07', 7, 1, 0, 0],
    ]);
    // 1 × 1 + 1 × 0.5 + 1 × 2 = 3.5 h × 100 = 350; the platform costs nothing: no ROI.
    expect(r.total).toMatchObject({ hours: 3.5, money: 350, cost: 0, roi: null });
    await expect(setValueModel(t.deps, member, { hourCost: 1 })).rejects.toMatchObject({
      status: 403,
    });
    await setValueModel(t.deps, admin, DEFAULT_VALUE_MODEL);
  });
});
