import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  addPerson,
  checkA11y,
  checkPhoneWidth,
  jsContext,
  launchChromium,
  navigateBy,
  noJsContext,
  openTab,
  pathOf,
  type Server,
  setUpOrganisation,
  startServer,
  submit,
  type Tab,
} from './harness.ts';

const OWNER = {
  org: 'Kantinenwerk AG',
  name: 'Olivia Owner',
  email: 'olivia.owner@example.com',
  password: 'a basket of ripe plums',
};
const SECOND = {
  name: 'Sven Second',
  email: 'sven.second@example.com',
  password: 'nine paper boats drifting',
};
const PUBLIC = 'Kantine-Fans';
const PRIVATE = 'Vertrieb Nord';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** No errors or CSP reports so far, no axe violations, no sideways scrolling on a phone. */
async function inspect(tab: Tab, label: string): Promise<void> {
  expect(tab.problems, `console, CSP or loading problems on ${label}`).toEqual([]);
  await checkA11y(tab.page, label);
  await checkPhoneWidth(tab.page, label);
  expect(tab.problems, `console, CSP or loading problems on ${label}`).toEqual([]);
}

const text = async (l: Locator) => (await l.innerText()).trim();
const status = (page: Page) => text(page.getByRole('status'));
/** The names in the group page's member list (not the waiting list). */
const memberNames = async (page: Page) =>
  (await page.locator('section[aria-labelledby="members-h"] li.member a').allTextContents())
    .map((s) => s.trim())
    .sort();
const cardNames = async (page: Page) =>
  (await page.locator('.group-card h2 a').allTextContents()).map((s) => s.trim()).sort();

describe.each([
  { js: true, mode: 'with JavaScript' },
  { js: false, mode: 'without JavaScript' },
])('groups, $mode', ({ js }) => {
  let server: Server;
  const contexts: BrowserContext[] = [];
  const tabs: Tab[] = [];
  let owner: Tab;
  let second: Tab;
  const groupPath = { public: '', private: '' };

  const newTab = async () => {
    const c = await (js ? jsContext : noJsContext)(browser, server);
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

  test('the organisation is set up and its admin adds a second person', async () => {
    owner = await newTab();
    const { page } = owner;
    await setUpOrganisation(page, OWNER);
    expect(await addPerson(page, SECOND)).toBe(`${SECOND.email} has been added.`);
  });

  test('an owner creates a public and a private group through the form', async () => {
    const { page } = owner;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await navigateBy(page, nav.getByRole('link', { name: 'Groups' }));
    expect(pathOf(page)).toBe('/groups');
    expect(await text(page.locator('main'))).toContain('No group matches.');
    await inspect(owner, 'groups, empty');

    await navigateBy(page, page.getByRole('link', { name: 'New group' }));
    expect(pathOf(page)).toBe('/groups/new');
    await inspect(owner, 'new group');
    await page.getByLabel('Description').fill('Alles rund ums Mittagessen');
    let res = await submit(page, 'Save');
    expect(res.status()).toBe(400);
    expect(await text(page.getByRole('alert'))).toBe('Please correct the 1 marked fields.');
    expect(await text(page.locator('#name-error'))).toBe('Please fill in this field');
    expect(await page.getByLabel('Description').inputValue()).toBe('Alles rund ums Mittagessen');
    expect(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await inspect(owner, 'new group with errors');

    await page.getByLabel('Name', { exact: true }).fill(PUBLIC);
    res = await submit(page, 'Save');
    expect(res.status()).toBe(200);
    expect(pathOf(page)).toMatch(/^\/groups\/[^/]+$/);
    groupPath.public = pathOf(page);
    expect(await status(page)).toBe('Group created. Invite colleagues or tell them about it.');
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe(PUBLIC);
    expect(await text(page.locator('.group header .meta'))).toContain('Public');
    expect(await memberNames(page)).toEqual([OWNER.name]);

    await page.goto('/groups/new');
    await page.getByLabel('Name', { exact: true }).fill(PRIVATE);
    await page.getByLabel('Visibility').selectOption('private');
    await page.getByLabel('Kind').selectOption('team');
    await submit(page, 'Save');
    groupPath.private = pathOf(page);
    expect(groupPath.private).not.toBe(groupPath.public);
    expect(await text(page.locator('.group header .meta'))).toMatch(/Private.*Team/s);

    await page.goto('/groups');
    expect(await cardNames(page)).toEqual([PUBLIC, PRIVATE].sort());
    await inspect(owner, 'groups');
  });

  test('the second person joins the public group and asks to join the private one', async () => {
    second = await newTab();
    const { page } = second;
    await page.goto('/login');
    await page.getByLabel('E-mail address').fill(SECOND.email);
    await page.getByLabel('Password').fill(SECOND.password);
    await submit(page, 'Sign in');
    expect(pathOf(page)).toBe('/');

    await page.goto('/groups');
    expect(await cardNames(page)).toEqual([PUBLIC, PRIVATE].sort());
    await navigateBy(page, page.getByRole('link', { name: PUBLIC }));
    expect(pathOf(page)).toBe(groupPath.public);
    await inspect(second, 'public group, not a member');
    await submit(page, 'Join');
    expect(pathOf(page)).toBe(groupPath.public);
    expect(await status(page)).toBe('You are now a member.');
    expect(await page.getByRole('button', { name: 'Leave group' }).isVisible()).toBe(true);
    expect(await memberNames(page)).toEqual([OWNER.name, SECOND.name].sort());
    await inspect(second, 'public group, member view');

    await page.goto(groupPath.private);
    expect(await text(page.locator('main'))).toContain('Only members see who belongs');
    await submit(page, 'Ask to join');
    expect(await status(page)).toBe('Your request has been sent to the owners.');
    expect(await text(page.locator('.group .actions'))).toContain(
      'Your request to join is waiting for an owner.',
    );
    expect(await page.getByRole('button', { name: 'Withdraw' }).isVisible()).toBe(true);
    await inspect(second, 'private group, request waiting');
  });

  test('the owner sees the request, is told about an unknown e-mail, and approves', async () => {
    const { page } = owner;
    await page.goto(groupPath.private);
    const waiting = page.locator('section[aria-labelledby="pending-h"]');
    const request = waiting.locator('li.member');
    expect(await request.count()).toBe(1);
    expect(await text(request.getByRole('link'))).toBe(SECOND.name);
    expect(await text(request.locator('.meta'))).toBe('asks to join');
    expect(await page.getByLabel('E-mail address').isVisible()).toBe(true);
    await inspect(owner, 'private group, owner view with a request and the invite form');

    await page.getByLabel('E-mail address').fill('nobody@example.com');
    const res = await submit(page, 'Invite a colleague');
    expect(res.status()).toBe(400);
    expect(await text(page.locator('#email-error'))).toBe('Nobody active has this e-mail address');
    expect(await page.getByLabel('E-mail address').inputValue()).toBe('nobody@example.com');
    await inspect(owner, 'private group, invite with an unknown e-mail');

    await page.goto(groupPath.private);
    await submit(page, 'Approve');
    expect(pathOf(page)).toBe(groupPath.private);
    expect(await status(page)).toBe('Request approved.');
    expect(await waiting.count()).toBe(0);
    expect(await memberNames(page)).toEqual([OWNER.name, SECOND.name].sort());
    expect(await text(page.locator('.group header .meta'))).toContain('Members: 2');
    await inspect(owner, 'private group, owner view after approving');
  });

  test('the new member sees the private group with both members', async () => {
    const { page } = second;
    await page.goto(groupPath.private);
    expect(await page.getByRole('button', { name: 'Leave group' }).isVisible()).toBe(true);
    expect(await memberNames(page)).toEqual([OWNER.name, SECOND.name].sort());
    expect(await page.locator('section[aria-labelledby="invite-h"]').count()).toBe(0);
    await inspect(second, 'private group, member view');

    await page.goto('/groups?mine=1');
    expect(await cardNames(page)).toEqual([PUBLIC, PRIVATE].sort());
    expect(await page.locator('.group-card').filter({ hasText: 'You are a member' }).count()).toBe(
      2,
    );
    await inspect(second, 'my groups');
  });

  test('the server logged no errors', () => {
    expect(server.loggedErrors()).toEqual([]);
  });
});
