import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  checkA11y,
  checkPhoneWidth,
  jsContext,
  launchChromium,
  navigateBy,
  noJsContext,
  openTab,
  pathOf,
  setUpOrganisation,
  startServer,
  submit,
  type Server,
  type Tab,
} from './harness.ts';

const ADMIN = {
  org: 'Kantine Suchwerk',
  name: 'Sina Sucherin',
  email: 'sina.sucherin@example.com',
  password: 'a lantern in the fog',
};

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const text = async (l: Locator) => (await l.innerText()).trim();

describe.each([
  { js: true, mode: 'with JavaScript' },
  { js: false, mode: 'without JavaScript' },
])('search, $mode', ({ js }) => {
  let server: Server;
  let context: BrowserContext;
  let tab: Tab;

  beforeAll(async () => {
    server = await startServer();
    context = await (js ? jsContext : noJsContext)(browser, server);
    tab = await openTab(context);
    await setUpOrganisation(tab.page, ADMIN);
    for (const body of [
      'Schon wieder Ärger mit dem Drucker im zweiten Stock #ärger',
      'Die Kundenzufriedenheit ist im Herbst gestiegen',
      'Zwei neue Angebote für die Stadtwerke warten auf Freigabe',
    ]) {
      await tab.page.getByLabel('What would you like to share?').fill(body);
      await submit(tab.page, 'Publish');
    }
  });

  afterEach(() => {
    expect(tab.problems).toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  test('the header box finds a post by a word without its umlaut, with the match marked', async () => {
    const { page } = tab;
    await page.goto('/');
    await page.getByRole('searchbox', { name: 'Search for' }).fill('aerger');
    await navigateBy(page, page.getByRole('search').getByRole('button', { name: 'Search' }));
    expect(pathOf(page)).toBe('/search?q=aerger');
    const results = page.locator('.search-results .hit');
    expect(await results.count()).toBe(1);
    expect(await text(results.first().locator('h3'))).toContain('Ärger mit dem Drucker');
    expect(await results.first().locator('mark').first().innerText()).toBe('Ärger');
    // The query stays in the page's own box.
    expect(await page.locator('#s-q').inputValue()).toBe('aerger');
    await checkA11y(page, 'search results');
    await checkPhoneWidth(page, 'search results');
    await navigateBy(page, results.first().locator('h3 a'));
    expect(pathOf(page)).toMatch(/^\/posts\//);
  });

  test('compounds, inflections and filters from the search page', async () => {
    const { page } = tab;
    await page.goto('/search');
    await page.locator('#s-q').fill('zufriedenheit');
    await submit(page, 'Search');
    expect(await text(page.locator('.search-results'))).toContain('Kundenzufriedenheit');
    await page.locator('#s-q').fill('Angebot');
    await page.getByLabel('Type').selectOption('person');
    await submit(page, 'Search');
    expect(await text(page.getByRole('status'))).toContain('Nothing found for “Angebot”');
    await page.getByLabel('Type').selectOption('post');
    await submit(page, 'Search');
    expect(await text(page.locator('.search-results'))).toContain('Angebote für die Stadtwerke');
  });

  test('a bad date is named beside its field and what was typed stays', async () => {
    const { page } = tab;
    await page.goto('/search?q=Drucker&from=31.12.2026');
    expect(await text(page.locator('#s-from-error'))).toBe('Enter a date as YYYY-MM-DD.');
    expect(await page.locator('#s-q').inputValue()).toBe('Drucker');
    expect(await page.locator('.search-results').count()).toBe(0);
    await checkA11y(page, 'search with a bad date');
  });
});
