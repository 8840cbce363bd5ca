import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  checkA11y,
  checkPhoneWidth,
  inviteLink,
  jsContext,
  launchChromium,
  navigateBy,
  newestMail,
  noJsContext,
  openTab,
  pathOf,
  startServer,
  submit,
  type Server,
  type Tab,
} from './harness.ts';

const ADMIN = {
  org: 'Stadtwerke Musterstadt',
  name: 'Anna Admin',
  email: 'anna.admin@example.com',
  password: 'a kettle of green teapots',
};
const MEMBER = {
  name: 'Clara Consultant',
  email: 'clara.consultant@example.com',
  password: 'seven blue lanterns at dusk',
};
const BUYER = {
  name: 'Bernd Buyer',
  email: 'bernd.buyer@example.com',
  password: 'an orchard of quiet pears',
  department: 'Einkauf',
};

let browser: Browser;
let photoDir: string;
let photoFile: string;

beforeAll(async () => {
  browser = await launchChromium();
  photoDir = await mkdtemp(path.join(os.tmpdir(), 'kantine-e2e-photo-'));
  photoFile = path.join(photoDir, 'portrait.png');
  await sharp({
    create: { width: 400, height: 300, channels: 3, background: { r: 200, g: 90, b: 40 } },
  })
    .png()
    .toFile(photoFile);
});

afterAll(async () => {
  await browser?.close();
  if (photoDir) await rm(photoDir, { recursive: true, force: true });
});

/** No errors or CSP reports so far, no axe violations, no sideways scrolling on a phone. */
async function inspect(tab: Tab, label: string): Promise<void> {
  expect(tab.problems, `console, CSP or loading problems on ${label}`).toEqual([]);
  await checkA11y(tab.page, label);
  await checkPhoneWidth(tab.page, label);
  expect(tab.problems, `console, CSP or loading problems on ${label}`).toEqual([]);
}

const text = async (l: Locator) => (await l.innerText()).trim();
const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
const names = (page: Page) => page.locator('.people .person h2').allTextContents();

describe.each([
  { js: true, mode: 'with JavaScript' },
  { js: false, mode: 'without JavaScript' },
])('accounts, $mode', ({ js }) => {
  let server: Server;
  const contexts: BrowserContext[] = [];
  const tabs: Tab[] = [];
  let admin: Tab;
  let member: Tab;
  let memberId = '';

  /** A tab in a fresh browser profile (no cookies), watched for problems. */
  const newTab = async (locale = 'en-GB') => {
    const c = await (js ? jsContext : noJsContext)(browser, server, { locale });
    contexts.push(c);
    const tab = await openTab(c);
    tabs.push(tab);
    return tab;
  };

  beforeAll(async () => {
    server = await startServer();
  });

  // Pages passed on the way, not inspected one by one, must not log errors either.
  afterEach(() => {
    expect(tabs.flatMap((t) => t.problems)).toEqual([]);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await server?.stop();
  });

  test('the setup page on an empty database creates the organisation and its first admin', async () => {
    admin = await newTab();
    const { page } = admin;
    await page.goto('/');
    expect(pathOf(page)).toBe('/setup');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await inspect(admin, 'setup');

    await page.getByLabel('Name of the organisation').fill(ADMIN.org);
    await page.getByLabel('Name', { exact: true }).fill(ADMIN.name);
    await page.getByLabel('E-mail address').fill(ADMIN.email);
    await page.getByLabel('New password').fill('short');
    let res = await submit(page, 'Create organisation');
    expect(res.status()).toBe(400);
    expect(await page.getByLabel('Name of the organisation').inputValue()).toBe(ADMIN.org);
    expect(await text(page.locator('#password-error'))).toContain('at least 8 characters');
    await inspect(admin, 'setup with errors');

    await page.getByLabel('New password').fill(ADMIN.password);
    res = await submit(page, 'Create organisation');
    expect(res.status()).toBe(200);
    expect(pathOf(page)).toBe('/');
    expect(await text(page.getByRole('status'))).toContain('Your organisation is ready');
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe(`Hello, ${ADMIN.name}`);
    expect(await text(page.locator('header .brand'))).toBe(ADMIN.org);
    await inspect(admin, 'home');
  });

  test('signing out, a wrong password is refused with a message, the right one signs in', async () => {
    const { page } = admin;
    await submit(page, 'Sign out');
    expect(pathOf(page)).toBe('/login');
    expect(await text(page.getByRole('status'))).toBe('You are signed out.');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await inspect(admin, 'login');

    // A page that needs a session leads to sign-in and, after it, back to that page.
    await page.goto('/people');
    expect(pathOf(page)).toBe(`/login?next=${encodeURIComponent('/people')}`);

    await page.getByLabel('E-mail address').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    let res = await submit(page, 'Sign in');
    expect(res.status()).toBe(401);
    expect(await text(page.getByRole('alert'))).toBe('E-mail address or password is wrong.');
    expect(await page.getByLabel('E-mail address').inputValue()).toBe(ADMIN.email);
    expect(await page.getByLabel('Password').inputValue()).toBe('');
    await inspect(admin, 'login with error');

    await page.getByLabel('Password').fill(ADMIN.password);
    res = await submit(page, 'Sign in');
    expect(res.status()).toBe(200);
    expect(pathOf(page)).toBe('/people');
    expect(await page.getByRole('button', { name: 'Sign out' }).isVisible()).toBe(true);
  });

  test('an invited person follows the mailed link, sets a password and is signed in', async () => {
    const { page } = admin;
    await page.goto('/admin/users');
    await inspect(admin, 'admin users');
    await navigateBy(page, page.getByRole('link', { name: 'Add a person' }));
    expect(pathOf(page)).toBe('/admin/users/new');
    await inspect(admin, 'admin new person');

    await page.getByLabel('Name', { exact: true }).fill(MEMBER.name);
    await page.getByLabel('E-mail address').fill(MEMBER.email);
    expect(await page.getByLabel('Send an invitation by e-mail').isChecked()).toBe(true);
    const res = await submit(page, 'Add person');
    expect(res.status()).toBe(200);
    expect(pathOf(page)).toBe('/admin/users');
    expect(await text(page.getByRole('status'))).toContain(`Invitation sent to ${MEMBER.email}`);
    const row = page.getByRole('row').filter({ hasText: MEMBER.email });
    expect(await text(row)).toContain('Invited');
    await inspect(admin, 'admin users with flash');

    const mail = await newestMail(server, MEMBER.email);
    const link = inviteLink(mail);
    expect(link.startsWith(`${server.url}/invite/`)).toBe(true);

    member = await newTab();
    const mp = member.page;
    await mp.goto(link);
    expect(await text(mp.getByRole('heading', { level: 1 }))).toBe(`Welcome, ${MEMBER.name}`);
    expect(await text(mp.locator('main'))).toContain(MEMBER.email);
    await inspect(member, 'invite');

    await mp.getByLabel('New password').fill(MEMBER.password);
    await submit(mp, 'Set password and sign in');
    const edit = /^\/people\/([^/]+)\/edit$/.exec(pathOf(mp));
    expect(edit, `landed on ${pathOf(mp)}`).not.toBeNull();
    memberId = edit![1]!;
    expect(await text(mp.getByRole('status'))).toContain('Welcome!');
    expect(await text(mp.getByRole('heading', { level: 1 }))).toBe(`Edit profile: ${MEMBER.name}`);
    expect(await mp.getByRole('link', { name: 'My profile' }).getAttribute('href')).toBe(
      `/people/${memberId}`,
    );
    expect(await mp.getByRole('link', { name: 'Administration' }).count()).toBe(0);

    // The link works once.
    const again = await newTab();
    const used = await again.page.goto(link);
    expect(used?.status()).toBe(404);
    expect(await text(again.page.locator('main'))).toContain('This invitation link is invalid');
    await inspect(again, 'invalid invitation');
  });

  test('a person edits their profile, gets their input back with an error, and adds a photo', async () => {
    const { page } = member;
    await inspect(member, 'profile edit');
    await page.getByLabel('Job title').fill('Consultant');
    await page.getByLabel('Department').fill('Vertrieb');
    await page.getByLabel('Ask me about').fill('SAP, Ausschreibungen');
    await page.getByLabel('Status').selectOption('busy');
    await page.getByLabel('Free capacity (%)').fill('40');
    let res = await submit(page, 'Save');
    expect(res.status()).toBe(200);
    expect(pathOf(page)).toBe(`/people/${memberId}`);
    expect(await text(page.getByRole('status'))).toBe('Profile saved.');
    expect(await text(page.locator('.profile-head .meta'))).toBe('Consultant · Vertrieb');
    expect(await text(page.locator('.profile-head .badge-busy'))).toContain('Busy · 40 % free');
    const skills = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Ask me about' }) });
    expect(await skills.getByRole('link').allTextContents()).toEqual(['SAP', 'Ausschreibungen']);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await inspect(member, 'profile');

    // An out-of-range number: the form has novalidate, so the browser sends it and the server answers.
    await navigateBy(page, page.getByRole('link', { name: 'Edit profile' }));
    await page.getByLabel('Job title').fill('Senior Consultant');
    await page.getByLabel('Free capacity (%)').fill('150');
    res = await submit(page, 'Save');
    expect(res.status()).toBe(400);
    expect(await text(page.getByRole('alert'))).toBe('Please correct the 1 marked fields.');
    const capacity = page.getByLabel('Free capacity (%)');
    expect(await capacity.inputValue()).toBe('150');
    expect(await page.getByLabel('Job title').inputValue()).toBe('Senior Consultant');
    expect(await capacity.getAttribute('aria-invalid')).toBe('true');
    expect(await text(page.locator('#capacity-error'))).toBe(
      'This number is outside the allowed range',
    );
    expect((await capacity.getAttribute('aria-describedby'))?.split(' ')).toContain(
      'capacity-error',
    );
    // The script brings the wrong field into focus; without it the page still says what is wrong.
    if (js) expect(await isFocused(capacity)).toBe(true);
    else expect(await isFocused(capacity)).toBe(false);
    await inspect(member, 'profile edit with errors');

    await page.goto(`/people/${memberId}`);
    expect(await text(page.locator('.profile-head .meta'))).toBe('Consultant · Vertrieb');
    expect(await page.locator('.profile-head img').count()).toBe(0);

    await page.goto(`/people/${memberId}/edit`);
    await page.getByLabel('Choose a photo').setInputFiles(photoFile);
    res = await submit(page, 'Upload photo');
    expect(res.status()).toBe(200);
    expect(pathOf(page)).toBe(`/people/${memberId}/edit`);
    expect(await text(page.getByRole('status'))).toBe('Photo saved.');
    expect(await page.getByRole('button', { name: 'Remove photo' }).isVisible()).toBe(true);
    await inspect(member, 'profile edit with photo');

    await page.goto(`/people/${memberId}`);
    const avatar = page.locator('.profile-head img.avatar');
    expect(await avatar.getAttribute('src')).toMatch(
      new RegExp(`^/people/${memberId}/photo/medium`),
    );
    await expect
      .poll(() => avatar.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    await inspect(member, 'profile with photo');
  });

  test('the directory narrows by name, department, skill and availability', async () => {
    const { page } = admin;
    // A third person, created with a password this time.
    await page.goto('/admin/users/new');
    await page.getByLabel('Name', { exact: true }).fill(BUYER.name);
    await page.getByLabel('E-mail address').fill(BUYER.email);
    await page.getByLabel('Department').fill(BUYER.department);
    await page.getByLabel('Set an initial password now').check();
    await page.getByLabel('Initial password', { exact: true }).fill(BUYER.password);
    await submit(page, 'Add person');
    expect(await text(page.getByRole('status'))).toBe(`${BUYER.email} has been added.`);

    const everyone = [ADMIN.name, BUYER.name, MEMBER.name].sort();
    await page.goto('/people');
    expect((await names(page)).sort()).toEqual(everyone);
    await inspect(admin, 'people');

    const search = async (fill: (p: Page) => Promise<void>) => {
      await page.goto('/people');
      await fill(page);
      // The directory's own button, not the header's search box.
      const button = page.getByRole('main').getByRole('button', { name: 'Search', exact: true });
      await navigateBy(page, button);
      return (await names(page)).sort();
    };
    expect(await search((p) => p.getByLabel('Name').fill('Clara'))).toEqual([MEMBER.name]);
    expect(pathOf(page)).toContain('q=Clara');
    expect(await page.getByLabel('Name').inputValue()).toBe('Clara');
    await inspect(admin, 'people searched');

    expect(
      await search(async (p) => {
        await p.getByLabel('Department').selectOption('Einkauf');
      }),
    ).toEqual([BUYER.name]);
    expect(await search((p) => p.getByLabel('Skill').fill('SAP'))).toEqual([MEMBER.name]);
    expect(
      await search(async (p) => {
        await p.getByLabel('Availability').selectOption('busy');
      }),
    ).toEqual([MEMBER.name]);
    expect(
      await search(async (p) => {
        await p.getByLabel('Availability').selectOption('available');
      }),
    ).toEqual([ADMIN.name, BUYER.name]);
    expect(
      await search(async (p) => {
        await p.getByLabel('Department').selectOption('Vertrieb');
        await p.getByLabel('Availability').selectOption('available');
      }),
    ).toEqual([]);
    expect(await text(page.locator('main'))).toContain('Nobody matches this search.');
    await inspect(admin, 'people, none found');

    // A skill on a card is a link to everyone with it.
    await page.goto('/people');
    await navigateBy(page, page.getByRole('link', { name: 'Ausschreibungen', exact: true }));
    expect(pathOf(page)).toBe('/people?skill=Ausschreibungen');
    expect(await names(page)).toEqual([MEMBER.name]);
  });

  test('settings list the current session and show a new token exactly once', async () => {
    const { page } = admin;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await navigateBy(page, nav.getByRole('link', { name: 'Settings' }));
    expect(pathOf(page)).toBe('/settings');
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Settings');
    await inspect(admin, 'settings');

    await navigateBy(page, page.getByRole('link', { name: 'Sessions' }));
    expect(pathOf(page)).toBe('/settings/sessions');
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await text(rows.first())).toContain('This session');
    expect(await text(rows.first())).toContain('Chrome');
    expect(await text(rows.first())).toContain('127.0.0.1');
    await inspect(admin, 'sessions');

    await navigateBy(page, page.getByRole('link', { name: 'Access tokens' }));
    expect(pathOf(page)).toBe('/settings/tokens');
    expect(await text(page.locator('main'))).toContain('You have no access tokens.');
    await inspect(admin, 'tokens');

    await page.getByLabel('Name').fill('CRM import');
    const res = await submit(page, 'Create token');
    expect(res.status()).toBe(201);
    expect(await text(page.getByRole('status'))).toContain('Token "CRM import" created.');
    const token = await page.getByLabel('Copy it now: it will not be shown again.').inputValue();
    expect(token.length).toBeGreaterThan(20);
    await inspect(admin, 'tokens with a new token');

    // The token shown is real: the API knows its owner by it.
    const me = await page.request.get('/api/v1/me', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(ADMIN.email);

    await page.goto('/settings/tokens');
    expect(await page.locator('#new-token').count()).toBe(0);
    expect(await page.content()).not.toContain(token);
    const row = page.getByRole('row').filter({ hasText: 'CRM import' });
    expect(await row.count()).toBe(1);
    const prefix = (await row.locator('code').textContent())!.replace('…', '');
    expect(prefix.length).toBeGreaterThan(0);
    expect(token.startsWith(prefix)).toBe(true);
  });

  test('the sign-in and profile pages are accessible in German too', async () => {
    const de = await newTab('de-DE');
    const { page } = de;
    await page.goto('/login');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Anmelden');
    await inspect(de, 'login (de)');

    await page.getByLabel('E-Mail-Adresse').fill(MEMBER.email);
    await page.getByLabel('Passwort').fill('falsches Passwort');
    await submit(page, 'Anmelden');
    expect(await text(page.getByRole('alert'))).toBe('E-Mail-Adresse oder Passwort ist falsch.');
    await inspect(de, 'login with error (de)');

    await page.getByLabel('Passwort').fill(MEMBER.password);
    await submit(page, 'Anmelden');
    expect(pathOf(page)).toBe('/');
    await navigateBy(page, page.getByRole('link', { name: 'Mein Profil' }));
    expect(pathOf(page)).toBe(`/people/${memberId}`);
    expect(await page.getByRole('heading', { name: 'Fragen Sie mich zu' }).isVisible()).toBe(true);
    await inspect(de, 'profile (de)');

    await page.goto(`/people/${memberId}/edit`);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await inspect(de, 'profile edit (de)');
  });

  test('the server logged no errors', () => {
    expect(server.loggedErrors()).toEqual([]);
  });
});
