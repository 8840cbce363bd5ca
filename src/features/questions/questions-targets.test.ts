import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { OVERDUE_EVERY_MS, scheduleQuestionJobs } from './questions.jobs.ts';
import { newlyOverdue, notifyOverdue } from './questions.overdue.ts';

const HOUR = 3_600_000;
const mainOf = (html: string) => /<main id="main">([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
type Item = { id: string; overdue: boolean };
type Note = { kind: string; postId: string | null; groupId: string | null };

describe.each(DIALECTS)('answer times, working hours, targets and overdue (%s)', (dialect) => {
  let t: TestApp;
  // Friday 6 November 2026, 16:00 in Berlin.
  let now = Date.parse('2026-11-06T15:00:00.000Z');
  const at = (iso: string) => (now = Date.parse(iso));
  let asker: User;
  let owner: User;
  let ac: Client;
  let annc: Client;
  let oc: Client;
  let mc: Client;
  let adminc: Client;
  let admin2c: Client;

  beforeAll(async () => {
    // The clock jumps days ahead: sessions must outlive it.
    t = await build(dialect, {
      now: () => new Date(now),
      env: { SESSION_IDLE_HOURS: '8760', SESSION_ABSOLUTE_DAYS: '3650' },
    });
    asker = await createUser(t.deps, { name: 'Frieda Fragend' });
    owner = await createUser(t.deps, { name: 'Olga Owner' });
    [ac, annc, oc, mc, adminc, admin2c] = await Promise.all([
      signedIn(t.app, asker),
      createUser(t.deps, { name: 'Ann Antwort' }).then((u) => signedIn(t.app, u)),
      signedIn(t.app, owner),
      createUser(t.deps, { name: 'Mia Member' }).then((u) => signedIn(t.app, u)),
      createAdmin(t.deps, { name: 'Ada Admin' }).then((u) => signedIn(t.app, u)),
      createAdmin(t.deps, { name: 'Abe Admin' }).then((u) => signedIn(t.app, u)),
    ]);
  });
  afterAll(async () => t.close());

  const ask = async (c: Client, body: string, groupId?: string) => {
    const res = await c.api('POST', '/api/v1/posts', {
      body,
      kind: 'question',
      ...(groupId ? { groupId } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const answer = async (c: Client, postId: string, body: string) => {
    const res = await c.api('POST', `/api/v1/posts/${postId}/comments`, { body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const group = async (name: string, visibility = 'public') => {
    const g = (await oc.api('POST', '/api/v1/groups', { name, visibility })).json();
    for (const c of [ac, mc])
      if (visibility === 'public') await c.api('POST', `/api/v1/groups/${g.id}/members`, {});
    return g.id as string;
  };
  const notes = async (c: Client): Promise<Note[]> =>
    (await c.api('GET', '/api/v1/notifications?limit=100')).json().items;
  let mine: string[] = [];
  const overdueNotes = async (c: Client) =>
    (await notes(c)).filter((n) => n.kind === 'question_overdue' && mine.includes(n.postId ?? ''));

  it('working hours: admins read and set them by API, checked field by field', async () => {
    expect((await annc.api('GET', '/api/v1/admin/business-hours')).statusCode).toBe(403);
    expect((await adminc.api('GET', '/api/v1/admin/business-hours')).json()).toEqual({
      timeZone: 'Europe/Berlin',
      workingDays: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '17:00',
      holidays: [],
    });
    const body = {
      timeZone: 'Europe/Berlin',
      workingDays: [5, 1, 2, 3, 4],
      start: '08:00',
      end: '16:00',
      holidays: ['2026-12-25', '2026-12-24'],
    };
    const refused = await annc.api('PUT', '/api/v1/admin/business-hours', body);
    expect(refused.statusCode).toBe(403);
    for (const [field, bad] of [
      ['timeZone', { timeZone: 'Europe/Atlantis' }],
      ['end', { end: '07:00' }],
      ['holidays', { holidays: ['2026-13-01'] }],
    ] as const) {
      const res = await adminc.api('PUT', '/api/v1/admin/business-hours', { ...body, ...bad });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    const ok = await adminc.api('PUT', '/api/v1/admin/business-hours', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      ...body,
      workingDays: [1, 2, 3, 4, 5],
      holidays: ['2026-12-24', '2026-12-25'],
    });
    // Back to the defaults for the tests below.
    await adminc.api('PUT', '/api/v1/admin/business-hours', {
      ...body,
      start: '09:00',
      end: '17:00',
      holidays: [],
    });
  });

  it('working hours: the admin page is a form that keeps what was typed when it is wrong', async () => {
    expect((await annc.get('/admin/business-hours')).statusCode).toBe(403);
    const page = mainOf((await adminc.get('/admin/business-hours')).body);
    expect(page).toContain('action="/admin/business-hours"');
    expect(page).toContain('value="Europe/Berlin"');
    expect(page).toMatch(/id="day-1" name="days" type="checkbox" value="1" checked/);
    expect(page).not.toMatch(/id="day-6" name="days" type="checkbox" value="6" checked/);

    const bad = await adminc.post('/admin/business-hours', {
      timeZone: 'Mars/Olympus',
      days: ['1', '2'],
      start: '09:00',
      end: '17:00',
      holidays: '2026-12-24',
    });
    expect(bad.statusCode).toBe(400);
    expect(mainOf(bad.body)).toContain('Enter a known time zone');
    expect(mainOf(bad.body)).toContain('value="Mars/Olympus"');

    const saved = await adminc.post('/admin/business-hours', {
      timeZone: 'Europe/Berlin',
      days: ['1', '2', '3', '4', '5', '6'],
      start: '09:00',
      end: '17:00',
      holidays: '2026-12-24\n2026-12-31',
    });
    expect(saved.statusCode).toBe(303);
    expect((await adminc.api('GET', '/api/v1/admin/business-hours')).json()).toMatchObject({
      workingDays: [1, 2, 3, 4, 5, 6],
      holidays: ['2026-12-24', '2026-12-31'],
    });
    expect(mainOf((await adminc.get('/admin/business-hours')).body)).toContain(
      'Working hours saved.',
    );
    await adminc.api('PUT', '/api/v1/admin/business-hours', {
      timeZone: 'Europe/Berlin',
      workingDays: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '17:00',
      holidays: [],
    });
  });

  it('answer times in calendar and working hours: on the question’s page, its API and the list', async () => {
    at('2026-11-06T15:00:00.000Z'); // Friday 16:00 in Berlin
    const q = await ask(ac, 'Wer hat den Schlüssel zum Archiv? #zeiten');
    at('2026-11-09T09:00:00.000Z'); // Monday 10:00
    const a = await answer(annc, q, 'Die Poststelle.');
    at('2026-11-09T11:30:00.000Z'); // Monday 12:30
    expect(
      (await ac.api('PUT', `/api/v1/posts/${q}/accepted-answer`, { commentId: a })).statusCode,
    ).toBe(200);

    const state = (await ac.api('GET', `/api/v1/posts/${q}/question`)).json();
    expect(state).toMatchObject({
      timeToFirstAnswer: { calendarHours: 66, businessHours: 2 },
      timeToAcceptedAnswer: { calendarHours: 68.5, businessHours: 4.5 },
      targetHours: 24,
      overdue: false,
    });
    const list = (await ac.api('GET', '/api/v1/questions?status=all&tag=zeiten')).json();
    expect(list.items[0]).toMatchObject({
      id: q,
      timeToFirstAnswer: { calendarHours: 66, businessHours: 2 },
      timeToAcceptedAnswer: { calendarHours: 68.5, businessHours: 4.5 },
      overdue: false,
    });
    const page = mainOf((await annc.get(`/posts/${q}`)).body);
    expect(page).toContain('First answer after 66 h (2 h in working hours)');
    expect(page).toContain('Answer accepted after 68.5 h (4.5 h in working hours)');

    // The working hours are the admin's: every day, all day, and working time is calendar time.
    await adminc.api('PUT', '/api/v1/admin/business-hours', {
      timeZone: 'Europe/Berlin',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      start: '00:00',
      end: '24:00',
      holidays: [],
    });
    expect((await ac.api('GET', `/api/v1/posts/${q}/question`)).json()).toMatchObject({
      timeToFirstAnswer: { calendarHours: 66, businessHours: 66 },
    });
    await adminc.api('PUT', '/api/v1/admin/business-hours', {
      timeZone: 'Europe/Berlin',
      workingDays: [1, 2, 3, 4, 5],
      start: '09:00',
      end: '17:00',
      holidays: [],
    });
    // Unanswered: no times yet.
    const open = await ask(ac, 'Noch offen?');
    expect((await ac.api('GET', `/api/v1/posts/${open}/question`)).json()).toMatchObject({
      timeToFirstAnswer: null,
      timeToAcceptedAnswer: null,
    });
  });

  it('a group’s target: owners and admins set it by API, members read it, others find no secret group', async () => {
    const g = await group('Zielgruppe');
    const secret = await group('Geheimzirkel', 'secret');
    expect((await mc.api('GET', `/api/v1/groups/${g}/question-target`)).json()).toEqual({
      groupId: g,
      hours: 24,
      own: false,
    });
    const put = await oc.api('PUT', `/api/v1/groups/${g}/question-target`, { hours: 4 });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ groupId: g, hours: 4, own: true });
    expect((await mc.api('GET', `/api/v1/groups/${g}/question-target`)).json().hours).toBe(4);
    expect(
      (await mc.api('PUT', `/api/v1/groups/${g}/question-target`, { hours: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await adminc.api('PUT', `/api/v1/groups/${g}/question-target`, { hours: 6 })).json().hours,
    ).toBe(6);
    expect(
      (await oc.api('PUT', `/api/v1/groups/${g}/question-target`, { hours: 0 })).statusCode,
    ).toBe(400);
    const reset = await oc.api('PUT', `/api/v1/groups/${g}/question-target`, { hours: null });
    expect(reset.json()).toEqual({ groupId: g, hours: 24, own: false });
    for (const method of ['GET', 'PUT'] as const) {
      const res = await mc.api(
        method,
        `/api/v1/groups/${secret}/question-target`,
        method === 'PUT' ? { hours: 2 } : undefined,
      );
      expect(res.statusCode, method).toBe(404);
    }
    // The org-wide target is the admin's.
    expect((await adminc.api('GET', '/api/v1/admin/question-target')).json()).toEqual({
      hours: 24,
    });
    expect((await oc.api('PUT', '/api/v1/admin/question-target', { hours: 2 })).statusCode).toBe(
      403,
    );
  });

  it('a group’s target: the group’s settings page has the form; a wrong value says why', async () => {
    const g = await group('Formulargruppe');
    const edit = mainOf((await oc.get(`/groups/${g}/edit`)).body);
    expect(edit).toContain(`action="/groups/${g}/question-target"`);
    expect(edit).toContain('name="hours" type="number" value="24"');
    const saved = await oc.post(`/groups/${g}/question-target`, { hours: '8' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/groups/${g}/edit`);
    const after = mainOf((await oc.get(`/groups/${g}/edit`)).body);
    expect(after).toContain('Target saved: 8 h.');
    expect(after).toContain('name="hours" type="number" value="8"');
    const wrong = await oc.post(`/groups/${g}/question-target`, { hours: 'viele' });
    expect(wrong.statusCode).toBe(303);
    expect(mainOf((await oc.get(`/groups/${g}/edit`)).body)).toContain(
      'Enter a whole number of hours from 1 to 720.',
    );
    // A member may not: the settings do not exist for them.
    expect((await mc.post(`/groups/${g}/question-target`, { hours: '1' })).statusCode).toBe(404);
    const reset = await oc.post(`/groups/${g}/question-target`, { reset: '1' });
    expect(reset.statusCode).toBe(303);
    expect((await oc.api('GET', `/api/v1/groups/${g}/question-target`)).json().own).toBe(false);
    // The admin's page sets the org-wide target.
    expect((await adminc.post('/admin/business-hours/target', { hours: '36' })).statusCode).toBe(
      303,
    );
    expect((await adminc.api('GET', '/api/v1/admin/question-target')).json()).toEqual({
      hours: 36,
    });
    expect((await adminc.post('/admin/business-hours/target', { hours: '0' })).statusCode).toBe(
      400,
    );
  });

  it('overdue: flagged past the target, filtered, and the owners (org-wide: admins) are told once', async () => {
    const fast = await group('Schnellgruppe');
    const slow = await group('Normalgruppe');
    const closed = await group('Vertraulich', 'private');
    // Mia is added to the private group by its owner.
    const mia = (await mc.api('GET', '/api/v1/me')).json();
    const added = await oc.api('POST', `/api/v1/groups/${closed}/members`, { userId: mia.id });
    expect(added.statusCode, added.body).toBeLessThan(300);
    await oc.api('PUT', `/api/v1/groups/${fast}/question-target`, { hours: 4 });
    await adminc.api('PUT', '/api/v1/admin/question-target', { hours: 2 });

    at('2026-11-10T08:00:00.000Z');
    // Questions of the tests above that are overdue by now are told first, out of the way.
    await notifyOverdue(t.deps);
    const qFast = await ask(ac, 'Schnelle Frage', fast);
    const qSlow = await ask(ac, 'Langsame Frage', slow);
    const qOrg = await ask(ac, 'Organisationsweite Frage');
    const qClosed = await ask(mc, 'Vertrauliche Frage', closed);
    const qAnswered = await ask(ac, 'Beantwortete Frage', fast);
    await answer(annc, qAnswered, 'Erledigt.');
    const ownersOwn = await ask(oc, 'Frage der Verantwortlichen', fast);
    mine = [qFast, qSlow, qOrg, qClosed, qAnswered, ownersOwn];
    const openIds = async (c: Client, query = '') => {
      const res = await c.api('GET', `/api/v1/questions?status=open&limit=100${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as Item[]).filter((i) => mine.includes(i.id));
    };
    const deadline = (iso: string) => ({
      now: new Date(iso),
      orgTargetHours: 2,
    });

    // 2 h 30 later: only the org-wide question (2 h) is past its target.
    at('2026-11-10T10:30:00.000Z');
    const open = await openIds(oc);
    expect(open.filter((i) => i.overdue).map((i) => i.id)).toEqual([qOrg]);
    expect((await openIds(oc, '&overdue=true')).map((i) => i.id)).toEqual([qOrg]);
    expect(
      (await newlyOverdue(t.deps.db, deadline('2026-11-10T10:30:00.000Z'))).map((q) => q.postId),
    ).toEqual([qOrg]);
    expect(await notifyOverdue(t.deps)).toEqual([qOrg]);
    for (const c of [adminc, admin2c])
      expect(await overdueNotes(c)).toEqual([
        expect.objectContaining({ kind: 'question_overdue', postId: qOrg, groupId: null }),
      ]);
    expect(await overdueNotes(oc)).toEqual([]);
    expect(mainOf((await adminc.get('/notifications')).body)).toContain(
      'Frieda Fragend’s question has no answer within its target',
    );
    // Told once.
    expect(await notifyOverdue(t.deps)).toEqual([]);
    expect(await overdueNotes(adminc)).toHaveLength(1);

    // Just before 4 h the fast group's question is not yet overdue; at 4 h it is.
    at(new Date(Date.parse('2026-11-10T08:00:00.000Z') + 4 * HOUR - 1000).toISOString());
    expect(await notifyOverdue(t.deps)).toEqual([]);
    at('2026-11-10T12:00:00.000Z');
    expect((await notifyOverdue(t.deps)).sort()).toEqual([qFast, ownersOwn].sort());
    // The owner hears of the asker's question, not of their own; members hear nothing.
    expect(await overdueNotes(oc)).toEqual([
      expect.objectContaining({ postId: qFast, groupId: fast }),
    ]);
    expect(await overdueNotes(mc)).toEqual([]);
    expect(await overdueNotes(ac)).toEqual([]);
    expect(mainOf((await oc.get('/notifications')).body)).toContain(
      'Frieda Fragend’s question in Schnellgruppe has no answer within its target',
    );
    // The open list shows the mark in words.
    const page = mainOf((await oc.get(`/groups/${fast}/questions?status=open&overdue=true`)).body);
    expect(page).toContain('overdue');
    expect(page).toContain('Schnelle Frage');
    expect(page).not.toContain('Beantwortete Frage');
    expect(page).toContain('aria-current="page">Overdue');

    // A day later the default (24 h) groups' questions follow; the answered one never does.
    at('2026-11-11T08:00:00.000Z');
    expect((await notifyOverdue(t.deps)).sort()).toEqual([qSlow, qClosed].sort());
    expect((await overdueNotes(oc)).map((n) => n.postId).sort()).toEqual(
      [qFast, qSlow, qClosed].sort(),
    );
    // Non-members never see the private group's question, overdue or not.
    const outsider = (
      await annc.api('GET', '/api/v1/questions?status=open&overdue=true&limit=100')
    ).json();
    expect(outsider.items.map((i: Item) => i.id)).not.toContain(qClosed);
    expect((await openIds(oc, '&overdue=true')).map((i) => i.id).sort()).toEqual(
      [qFast, qSlow, qOrg, qClosed, ownersOwn].sort(),
    );

    // Answering ends it: no longer overdue, nor listed as such.
    await answer(annc, qFast, 'Jetzt ja.');
    expect((await ac.api('GET', `/api/v1/posts/${qFast}/question`)).json().overdue).toBe(false);
    expect((await openIds(oc, '&overdue=true')).map((i) => i.id)).not.toContain(qFast);
    expect((await ac.api('GET', `/api/v1/posts/${qSlow}/question`)).json()).toMatchObject({
      overdue: true,
      targetHours: 24,
    });
    expect(mainOf((await ac.get(`/posts/${qSlow}`)).body)).toContain(
      '(no answer within the target of 24 h)',
    );
    await adminc.api('PUT', '/api/v1/admin/question-target', { hours: 24 });
  });

  it('the recurring job tells the owners: due at once, then every five minutes, once per question', async () => {
    scheduleQuestionJobs();
    const g = await group('Jobgruppe');
    await oc.api('PUT', `/api/v1/groups/${g}/question-target`, { hours: 1 });
    at('2026-11-12T08:00:00.000Z');
    await runDueJobs(t.deps); // earlier tests' questions out of the way
    const q = await ask(ac, 'Frage für den Job', g);
    mine = [q];
    at('2026-11-12T08:30:00.000Z');
    expect(await runDueJobs(t.deps)).toBe(1); // ran: nothing past its target yet
    expect(await overdueNotes(oc)).toEqual([]);
    expect(await runDueJobs(t.deps)).toBe(0); // not due again for five minutes
    at('2026-11-12T09:00:00.000Z');
    expect(await runDueJobs(t.deps)).toBe(1);
    expect(await overdueNotes(oc)).toEqual([expect.objectContaining({ postId: q, groupId: g })]);
    expect(await runDueJobs(t.deps)).toBe(0);
    at(new Date(Date.parse('2026-11-12T09:00:00.000Z') + OVERDUE_EVERY_MS).toISOString());
    expect(await runDueJobs(t.deps)).toBe(1);
    expect(await overdueNotes(oc)).toHaveLength(1);
  });

  it('the new routes are in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/admin/business-hours',
        '/api/v1/admin/question-target',
        '/api/v1/groups/{id}/question-target',
        '/api/v1/questions/similar',
      ]),
    );
    expect(Object.keys(doc.paths['/api/v1/groups/{id}/question-target'])).toEqual(
      expect.arrayContaining(['get', 'put']),
    );
  });
});
