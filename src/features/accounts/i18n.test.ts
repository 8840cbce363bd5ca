import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createUser, tokenFor } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { de } from '../../views/locales/de.ts';
import { en } from '../../views/locales/en.ts';
import type { User } from './accounts.table.ts';

const NOW = new Date('2099-03-05T14:30:00Z');

describe.each(DIALECTS)('language and formats (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect, { now: () => NOW });
    await createUser(t.deps);
  });
  afterAll(async () => t.close());

  async function browser(u: User, lang: string): Promise<Client> {
    const c = new Client(t.app, lang);
    await c.signIn(u.email);
    return c;
  }

  it('the browser’s Accept-Language picks the page language', async () => {
    const cases: [string, 'de' | 'en'][] = [
      ['de', 'de'],
      ['de-AT,de;q=0.9', 'de'],
      ['en-GB', 'en'],
      ['fr, en;q=0.5, de;q=0.3', 'en'],
      ['fr', 'de'], // neither offered: the configured default
    ];
    for (const [header, locale] of cases) {
      const page = await new Client(t.app, header).get('/login');
      expect(page.statusCode).toBe(200);
      expect(page.body, header).toContain(`<html lang="${locale}">`);
      const messages = locale === 'de' ? de : en;
      expect(page.body, header).toContain(`<h1>${messages['login.title']}</h1>`);
    }
  });

  it('the person’s language setting wins over the browser’s', async () => {
    const u = await createUser(t.deps, { locale: null });
    const c = await browser(u, 'en');
    expect((await c.get('/people')).body).toContain('<h1>People</h1>');

    await c.get('/settings');
    const res = await c.post('/settings/preferences', { locale: 'de', timeZone: 'Europe/Berlin' });
    expect(res.statusCode).toBe(303);
    const settings = await c.get('/settings');
    expect(settings.body).toContain('<html lang="de">');
    expect(settings.body).toContain(de['settings.saved']);
    expect((await c.get('/people')).body).toContain('<h1>Personen</h1>');
    expect((await c.api('GET', '/api/v1/me')).json().locale).toBe('de');

    await c.post('/settings/preferences', { locale: '', timeZone: 'Europe/Berlin' });
    expect((await c.get('/people')).body).toContain('<h1>People</h1>');

    const german = await browser(await createUser(t.deps, { locale: 'en' }), 'de');
    expect((await german.get('/people')).body).toContain('<h1>People</h1>');
  });

  it('a bad preferences form is refused with the field named', async () => {
    const u = await createUser(t.deps, { locale: null });
    const c = await browser(u, 'en');
    await c.get('/settings');
    const res = await c.post('/settings/preferences', { locale: 'fr', timeZone: 'Mars/Olympus' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('id="locale-error"');
    const zone = await c.post('/settings/preferences', { locale: 'de', timeZone: 'Mars/Olympus' });
    expect(zone.statusCode).toBe(400);
    expect(zone.body).toContain('id="timeZone-error"');
    expect((await c.api('GET', '/api/v1/me')).json()).toMatchObject({
      locale: null,
      timeZone: 'Europe/Berlin',
    });
  });

  it('API problem titles and field messages are translated', async () => {
    for (const [lang, messages] of [
      ['de', de],
      ['en', en],
    ] as const) {
      const anonymous = await t.app.inject({
        url: '/api/v1/me',
        headers: { 'accept-language': lang },
      });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().title).toBe(messages['error.unauthenticated']);
    }

    const u = await createUser(t.deps, { locale: null });
    const auth = { authorization: `Bearer ${await tokenFor(t.deps, u)}` };
    const missing = await t.app.inject({
      url: '/api/v1/users/01NOBODY',
      headers: { ...auth, 'accept-language': 'de' },
    });
    expect(missing.json()).toMatchObject({ code: 'not_found', title: 'Nicht gefunden' });

    const invalid = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      headers: { ...auth, 'accept-language': 'de', 'content-type': 'application/json' },
      payload: JSON.stringify({ capacity: 150 }),
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      code: 'validation_failed',
      title: de['error.validation_failed'],
      errors: [{ field: 'capacity', code: 'out_of_range', message: de['validation.out_of_range'] }],
    });

    const english = await createUser(t.deps, { locale: 'en' });
    const res = await t.app.inject({
      url: '/api/v1/users/01NOBODY',
      headers: {
        authorization: `Bearer ${await tokenFor(t.deps, english)}`,
        'accept-language': 'de',
      },
    });
    expect(res.json().title).toBe('Not found');
  });

  it('dates on the sessions page are written the way the language and time zone expect', async () => {
    const u = await createUser(t.deps, { locale: null, time_zone: 'Europe/Berlin' });
    const german = await browser(u, 'de');
    const deSessions = await german.get('/settings/sessions');
    expect(deSessions.body).toContain('<td>05.03.2099, 15:30</td>');
    expect(deSessions.body).toContain('Diese Sitzung');

    const english = await browser(u, 'en');
    const enSessions = await english.get('/settings/sessions');
    expect(enSessions.body).toContain('<td>5 Mar 2099, 15:30</td>');
    expect(enSessions.body).toContain('This session');
    expect(enSessions.body).not.toContain('05.03.2099');

    await english.get('/settings');
    await english.post('/settings/preferences', { locale: '', timeZone: 'America/New_York' });
    expect((await english.get('/settings/sessions')).body).toContain('<td>5 Mar 2099, 09:30</td>');
  });
});
