// Live updates (issue 3): with JavaScript an open home feed shows "New posts: N" and the unread
// count in the header follows, over server-sent events fed by the event bus, without a reload;
// without JavaScript a reload shows the same. Nothing here measures time: every wait polls the
// page until it shows what it should, with a generous timeout for a slow machine.
import type { Browser, BrowserContext, CDPSession, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  addPerson,
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

const A = {
  org: 'Kantine Livewerk',
  name: 'Anna Admin',
  email: 'anna.admin@example.com',
  handle: 'anna.admin',
  password: 'a kettle of green teapots',
};
const B = {
  name: 'Bruno Bote',
  email: 'bruno.bote@example.com',
  password: 'nine paper boats drifting',
};

/** How long a live update may take to show on a slow, busy machine (polled, never slept). */
const LIVE = { timeout: 10_000, interval: 50 };

let browser: Browser;
let server: Server;
const contexts: BrowserContext[] = [];
const tabs: Tab[] = [];

const text = async (l: Locator) => ((await l.textContent()) ?? '').trim();
const banner = (page: Page) => page.locator('#live-posts');
const bannerText = (page: Page) => text(banner(page).getByRole('link'));
const unread = (page: Page) => text(page.locator('#unread-count'));
const newPosts = (n: number) => `New posts: ${n}. Show them`;

async function newTab(js: boolean, options: Parameters<typeof jsContext>[2] = {}): Promise<Tab> {
  const context = await (js ? jsContext : noJsContext)(browser, server, options);
  contexts.push(context);
  const tab = await openTab(context);
  tabs.push(tab);
  return tab;
}

/** B's side: the JSON API with a personal access token. */
let tokenB = '';
async function api<T = { id: string }>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${tokenB}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as T;
  expect(res.ok, `${method} ${path} answered ${res.status}: ${JSON.stringify(json)}`).toBe(true);
  return json;
}
const postAsB = (body: string, groupId: string | null) =>
  api('POST', '/posts', { body, groupId }).then((p) => p.id);
const commentAsB = (postId: string, body: string) =>
  api('POST', `/posts/${postId}/comments`, { body }).then((c) => c.id);

/** What the page's EventSource received, read from the DevTools protocol (the page's own view). */
interface LiveMessage {
  event: string;
  data: { count?: number; postId?: string; groupId?: string | null };
}
async function recordLive(page: Page): Promise<LiveMessage[]> {
  const messages: LiveMessage[] = [];
  const cdp: CDPSession = await page.context().newCDPSession(page);
  cdp.on('Network.eventSourceMessageReceived', (e) => {
    messages.push({ event: e.eventName, data: JSON.parse(e.data) as LiveMessage['data'] });
  });
  await cdp.send('Network.enable');
  return messages;
}

/**
 * Opens the home feed and waits until its live stream is connected: the server subscribes to the
 * bus before it writes the stream's first bytes (the current unread count), so from the response
 * on, nothing published is missed. Marks the document, so that a reload would be noticed.
 */
async function openLiveHome(page: Page): Promise<void> {
  const connected = page.waitForResponse((r) => new URL(r.url()).pathname === '/events');
  const res = await page.goto('/');
  expect(res?.status()).toBe(200);
  expect((await connected).status()).toBe(200);
  await page.evaluate(() => ((window as unknown as { liveMark: string }).liveMark = 'same'));
}
const sameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { liveMark?: string }).liveMark === 'same');

let publicGroup = '';
let privateGroup = '';
let postOfA = '';
let a: Tab;

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServer();
});

// Pages passed on the way, not inspected one by one, must not log errors either.
afterEach(() => {
  expect(tabs.flatMap((t) => t.problems)).toEqual([]);
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

describe('live updates', () => {
  test('A sets up, adds B; B makes a token and two groups; A joins the public one and posts', async () => {
    a = await newTab(true);
    const { page } = a;
    await setUpOrganisation(page, A);
    expect(await addPerson(page, B)).toBe(`${B.email} has been added.`);

    const b = await newTab(false);
    await b.page.goto('/login');
    await b.page.getByLabel('E-mail address').fill(B.email);
    await b.page.getByLabel('Password').fill(B.password);
    await submit(b.page, 'Sign in');
    expect(pathOf(b.page)).toBe('/');
    await b.page.goto('/settings/tokens');
    await b.page.getByLabel('Name', { exact: true }).fill('live test');
    expect((await submit(b.page, 'Create token')).status()).toBe(201);
    tokenB = await b.page.locator('#new-token').inputValue();
    expect(tokenB).not.toBe('');

    publicGroup = (await api('POST', '/groups', { name: 'Kantine-Fans', visibility: 'public' })).id;
    privateGroup = (await api('POST', '/groups', { name: 'Vertrieb Nord', visibility: 'private' }))
      .id;

    await page.goto(`/groups/${publicGroup}`);
    await submit(page, 'Join');
    expect(await text(page.getByRole('status'))).toBe('You are now a member.');

    await page.goto('/');
    await page.getByLabel('What would you like to share?').fill('Wer kommt heute mit zur Kantine?');
    await submit(page, 'Publish');
    const card = page.locator('article.post').filter({ hasText: 'Wer kommt heute mit' });
    await navigateBy(page, card.locator('.meta a').first());
    postOfA = /^\/posts\/([0-9A-Z]+)$/.exec(pathOf(page))?.[1] ?? '';
    expect(postOfA).not.toBe('');
  });

  test("B's posts make A's open feed say how many are new; the link shows them on top", async () => {
    const { page } = a;
    await openLiveHome(page);
    expect(await banner(page).isHidden()).toBe(true);

    await postAsB('Erster Beitrag von Bruno', publicGroup);
    await expect.poll(() => bannerText(page), LIVE).toBe(newPosts(1));
    expect(await banner(page).isVisible()).toBe(true);
    // It arrived by itself: same document, and the post itself is not on the page yet.
    expect(await sameDocument(page)).toBe(true);
    expect(await page.locator('article.post').filter({ hasText: 'Erster Beitrag' }).count()).toBe(
      0,
    );

    await postAsB('Zweiter Beitrag von Bruno', publicGroup);
    await expect.poll(() => bannerText(page), LIVE).toBe(newPosts(2));
    expect(await sameDocument(page)).toBe(true);

    await navigateBy(page, banner(page).getByRole('link'));
    expect(pathOf(page)).toBe('/');
    const bodies = await page.locator('article.post .post-body').allTextContents();
    expect(bodies.slice(0, 2).map((s) => s.trim())).toEqual([
      'Zweiter Beitrag von Bruno',
      'Erster Beitrag von Bruno',
    ]);
    expect(await banner(page).isHidden()).toBe(true);
  });

  test("a comment on A's post and a mention of A raise A's unread count without a reload", async () => {
    const { page } = a;
    await openLiveHome(page);
    expect(await unread(page)).toBe('');

    await commentAsB(postOfA, 'Ich komme mit!');
    await expect.poll(() => unread(page), LIVE).toBe('1');
    expect(await page.locator('#unread-count').isVisible()).toBe(true);

    await postAsB(`@${A.handle} hast du den Tisch reserviert?`, publicGroup);
    await expect.poll(() => unread(page), LIVE).toBe('2');
    await expect.poll(() => bannerText(page), LIVE).toBe(newPosts(1));
    expect(await sameDocument(page)).toBe(true);
  });

  test('a post in a private group A is not in changes neither the banner nor the count', async () => {
    const { page } = a;
    const live = await recordLive(page);
    await openLiveHome(page);
    expect(await unread(page)).toBe('2');

    // Private first (mentioning A, who may not read it), then visible events after it: each
    // stream handles the bus's events in order, so once the last one has arrived, the private
    // post has been decided on too.
    const hidden = await postAsB(`Geheim: @${A.handle} bekommt eine Überraschung`, privateGroup);
    const shown = await postAsB('Öffentlich: Kuchen in der Teeküche', publicGroup);
    await commentAsB(postOfA, 'Ich bringe Kuchen mit.');

    // The stream is done with all three once the unread count follows the public post.
    const shownAt = () => live.findIndex((m) => m.data.postId === shown);
    await expect
      .poll(
        () => shownAt() >= 0 && live.findLastIndex((m) => m.event === 'unread') > shownAt(),
        LIVE,
      )
      .toBe(true);
    expect(live.filter((m) => m.event === 'post').map((m) => m.data.postId)).toEqual([shown]);
    expect(live.map((m) => m.data.postId)).not.toContain(hidden);
    const counts = live.filter((m) => m.event === 'unread').map((m) => m.data.count);
    expect(counts.at(-1)).toBe(3);
    expect(counts.filter((c) => c !== 2 && c !== 3)).toEqual([]);
    await expect.poll(() => bannerText(page), LIVE).toBe(newPosts(1));
    await expect.poll(() => unread(page), LIVE).toBe('3');
    expect(await sameDocument(page)).toBe(true);

    // Showing the new posts shows the public one, never the private one.
    await navigateBy(page, banner(page).getByRole('link'));
    const main = await text(page.getByRole('main'));
    expect(main).toContain('Kuchen in der Teeküche');
    expect(main).not.toContain('Geheim');
    expect(await unread(page)).toBe('3');
  });

  test('in German the banner counts in German', async () => {
    const de = await newTab(true, {
      locale: 'de-DE',
      storageState: await a.page.context().storageState(),
    });
    await openLiveHome(de.page);
    await postAsB('Neuer Beitrag auf Deutsch', publicGroup);
    await expect.poll(() => bannerText(de.page), LIVE).toBe('Neue Beiträge: 1. Anzeigen');
    await de.page.close();
  });

  test('without JavaScript nothing connects, and a reload shows the new post and the count', async () => {
    const { page } = await newTab(false);
    const streams: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/events') streams.push(r.url());
    });
    await page.goto('/login');
    await page.getByLabel('E-mail address').fill(A.email);
    await page.getByLabel('Password').fill(A.password);
    await submit(page, 'Sign in');
    expect(pathOf(page)).toBe('/');
    expect(await unread(page)).toBe('3');

    await postAsB(`@${A.handle} ohne JavaScript: Essen ist fertig`, publicGroup);
    await page.reload();
    const first = page.locator('article.post').first();
    expect(await text(first.locator('.post-body'))).toContain('ohne JavaScript: Essen ist fertig');
    expect(await unread(page)).toBe('4');
    expect(await banner(page).isHidden()).toBe(true);
    expect(streams).toEqual([]);
  });

  test('the server logged no errors', () => {
    expect(server.loggedErrors()).toEqual([]);
  });
});
