import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  checkA11y,
  checkPhoneWidth,
  jsContext,
  navigateBy,
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
    await page.goto('/analytics/activity?grain=day');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Activity');
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

  test('every level, the overview, goals and the impact page are reachable, accessible and fit a phone', async () => {
    const { page } = tab;
    await page.goto('/analytics');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Analytics');
    const nav = page.getByRole('navigation', { name: 'Analytics' });
    for (const [link, heading] of [
      ['Users', 'Users'],
      ['Teams', 'Teams'],
      ['Content', 'Content'],
      ['Value', 'Value for the organisation'],
      ['Goals', 'Business goals'],
      ['Hashtag KPIs', 'Hashtag KPIs'],
      ['What is measured', 'What is measured'],
      ['Settings', 'Analytics settings'],
    ] as const) {
      await navigateBy(page, nav.getByRole('link', { name: link, exact: true }));
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(heading);
      await checkA11y(page, `analytics ${link}`);
      await checkPhoneWidth(page, `analytics ${link}`);
    }
    // A business goal from the form, with a measurement; its status is shown in words.
    await page.goto('/analytics/goals/new');
    await page.getByLabel('Name', { exact: true }).fill('Angebotsprozess von 8 auf 2 Tage');
    await submit(page, 'Create goal');
    // Something is missing: the form says which field, and keeps the name.
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(
      'Angebotsprozess von 8 auf 2 Tage',
    );
    expect(await page.locator('.error').count()).toBeGreaterThan(0);
    await checkA11y(page, 'goal form with errors');
    // One's own impact, from the profile.
    await page.goto('/');
    await navigateBy(page, page.getByRole('link', { name: 'My profile' }));
    await navigateBy(page, page.getByRole('link', { name: 'Your impact' }));
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Your impact');
    await checkA11y(page, 'impact');
    await checkPhoneWidth(page, 'impact');
    expect(tab.problems).toEqual([]);
  });
});
