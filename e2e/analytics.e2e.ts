import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  checkA11y,
  checkPhoneWidth,
  jsContext,
  launchChromium,
  noJsContext,
  openTab,
  setUpOrganisation,
  startServer,
  submit,
  type Server,
  type Tab,
} from './harness.ts';

const ADMIN = {
  org: 'Kantine Zählwerk',
  name: 'Zora Zählerin',
  email: 'zora.zaehlerin@example.com',
  password: 'counting sheep at noon',
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  { js: true, mode: 'with JavaScript' },
  { js: false, mode: 'without JavaScript' },
])('analytics, $mode', ({ js }) => {
  let server: Server;
  let context: BrowserContext;
  let tab: Tab;

  beforeAll(async () => {
    server = await startServer();
    context = await (js ? jsContext : noJsContext)(browser, server);
    tab = await openTab(context);
    await setUpOrganisation(tab.page, ADMIN);
    await tab.page.getByLabel('What would you like to share?').fill('Erster Beitrag');
    await submit(tab.page, 'Publish');
  });
  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  test('the dashboard shows figures with their definitions, charts and tables, accessibly', async () => {
    const { page } = tab;
    await page.goto('/analytics?grain=day');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Analytics');
    // One person, so every per-day figure is below the threshold and hidden.
    expect(await page.locator('table').first().innerText()).toContain('fewer than 5');
    expect(await page.locator('svg[role="img"]').count()).toBe(3);
    await checkA11y(page, 'analytics');
    await checkPhoneWidth(page, 'analytics');
    await page.getByLabel('Per').selectOption('month');
    await submit(page, 'Show');
    expect(page.url()).toContain('grain=month');
    const href = await page
      .getByRole('link', { name: 'Download these figures as CSV' })
      .getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect((await csv.text()).split('\r\n')[0]).toContain('period,posts,comments');
    expect(tab.problems).toEqual([]);
  });
});
