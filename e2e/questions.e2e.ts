import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  addPerson,
  checkA11y,
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
  org: 'Kantine Fragewerk',
  name: 'Frida Fragerin',
  email: 'frida.fragerin@example.com',
  password: 'a jar of quince jelly',
};
const BEA = {
  name: 'Bea Beantworter',
  email: 'bea.beantworter@example.com',
  password: 'a loaf of rye bread',
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
])('similar questions before asking, $mode', ({ js }) => {
  let server: Server;
  let context: BrowserContext;
  let beaContext: BrowserContext;
  let tab: Tab;
  let first = '';

  beforeAll(async () => {
    server = await startServer();
    context = await (js ? jsContext : noJsContext)(browser, server);
    beaContext = await (js ? jsContext : noJsContext)(browser, server);
    tab = await openTab(context);
  });
  afterAll(async () => {
    await beaContext?.close();
    await context?.close();
    await server?.stop();
  });

  test('a question is asked and answered by someone else', async () => {
    const { page } = tab;
    await setUpOrganisation(page, ADMIN);
    await addPerson(page, BEA);
    await page.goto('/');
    await page
      .getByLabel('What would you like to share?')
      .fill('Wie beantrage ich Urlaub im Personalportal?');
    await page.getByLabel('Kind').selectOption('question');
    await submit(page, 'Publish');
    expect(pathOf(page)).toBe('/');
    expect(await text(page.getByRole('status'))).toBe('Published.');
    const card = page.locator('article.post').first();
    expect(await text(card.locator('.q-status'))).toBe('? Open: no answer yet');
    first = (await card.locator('.meta a').first().getAttribute('href'))!;

    const bea = await openTab(beaContext);
    await bea.page.goto('/login');
    await bea.page.getByLabel('E-mail address').fill(BEA.email);
    await bea.page.getByLabel('Password').fill(BEA.password);
    await submit(bea.page, 'Sign in');
    await bea.page.goto(first);
    await bea.page.getByLabel('Your comment').fill('Unter „Abwesenheit“ im Portal.');
    await submit(bea.page, 'Comment');
    expect(bea.problems).toEqual([]);
  });

  test('asking a similar question shows the answered one first', async () => {
    const { page } = tab;
    await page.goto('/');
    await page.getByLabel('Kind').selectOption('question');
    await page.getByLabel('What would you like to share?').fill('Urlaub beantragen: wie geht das?');
    if (js) {
      // Live, as one types: a labelled region lists the answered question.
      const region = page.getByRole('region', { name: 'Answered questions like yours' });
      const link = region.getByRole('link', { name: /Personalportal/ });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`${first}#comments`);
      await checkA11y(page, 'composer with similar questions');
      // Seen already: publishing needs no extra step.
      await submit(page, 'Publish');
    } else {
      const res = await submit(page, 'Publish');
      expect(res.status()).toBe(200);
      expect(await text(page.getByRole('heading', { level: 1 }))).toBe(
        'Has this been answered already?',
      );
      const link = page.getByRole('link', { name: /Personalportal/ });
      expect(await link.getAttribute('href')).toBe(`${first}#comments`);
      expect(await text(page.locator('.your-question'))).toBe('Urlaub beantragen: wie geht das?');
      await checkA11y(page, 'similar questions before asking');
      await navigateBy(page, page.getByRole('button', { name: 'Post my question anyway' }));
    }
    expect(pathOf(page)).toBe('/');
    expect(await text(page.getByRole('status'))).toBe('Published.');
    const cards = page.locator('article.post');
    expect(await text(cards.first().locator('.q-status'))).toBe('? Open: no answer yet');
    expect(await text(cards.nth(1).locator('.q-status'))).toBe('💬 Answered · answers: 1');
    expect(tab.problems).toEqual([]);
  });
});
