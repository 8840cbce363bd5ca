import type { Browser, BrowserContext, Locator } from 'playwright-core';
import sharp from 'sharp';
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
  startServer,
  submit,
  type Server,
  type Tab,
} from './harness.ts';

const ADMIN = {
  org: 'Kantine Testwerk',
  name: 'Paula Posterin',
  email: 'paula.posterin@example.com',
  password: 'a basket of ripe plums',
};
const POST = [
  'Hallo **Team**, das Essen ist fertig:',
  '',
  '- Suppe',
  '- Salat',
  '',
  '#Mittagstisch',
];

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

describe.each([
  { js: true, mode: 'with JavaScript' },
  { js: false, mode: 'without JavaScript' },
])('posts, $mode', ({ js }) => {
  let server: Server;
  let context: BrowserContext;
  let tab: Tab;
  let postPath = '';

  beforeAll(async () => {
    server = await startServer();
    context = await (js ? jsContext : noJsContext)(browser, server);
    tab = await openTab(context);
  });

  // Pages passed on the way, not inspected one by one, must not log errors either.
  afterEach(() => {
    expect(tab.problems).toEqual([]);
  });

  afterAll(async () => {
    await context?.close();
    await server?.stop();
  });

  test('after setup, a post written in the home composer appears in the feed, formatted', async () => {
    const { page } = tab;
    await page.goto('/');
    expect(pathOf(page)).toBe('/setup');
    await page.getByLabel('Name of the organisation').fill(ADMIN.org);
    await page.getByLabel('Name', { exact: true }).fill(ADMIN.name);
    await page.getByLabel('E-mail address').fill(ADMIN.email);
    await page.getByLabel('New password').fill(ADMIN.password);
    await submit(page, 'Create organisation');
    expect(pathOf(page)).toBe('/');
    expect(await text(page.getByRole('main'))).toContain('Nothing here yet.');

    await page.getByLabel('What would you like to share?').fill(POST.join('\n'));
    const res = await submit(page, 'Publish');
    expect(res.status()).toBe(200);
    expect(pathOf(page)).toBe('/');
    expect(await text(page.getByRole('status'))).toBe('Published.');
    const card = page.locator('article.post').first();
    expect(await text(card.locator('.post-title'))).toBe(ADMIN.name);
    expect(await text(card.locator('.post-body strong'))).toBe('Team');
    expect(await card.locator('.post-body ul li').allInnerTexts()).toEqual(['Suppe', 'Salat']);
    const tag = card.getByRole('link', { name: '#Mittagstisch' });
    expect(await tag.getAttribute('href')).toBe('/hashtags/mittagstisch');
    // The composer is empty again, ready for the next post.
    expect(await page.getByLabel('What would you like to share?').inputValue()).toBe('');
    await inspect(tab, 'home with a post');
  });

  test('an empty post comes back as the composer with the error beside the field', async () => {
    const { page } = tab;
    await page.getByLabel('What would you like to share?').fill('   ');
    await page.getByLabel('Kind').selectOption('question');
    const res = await submit(page, 'Publish');
    expect(res.status()).toBe(400);
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Write a post');
    expect(await text(page.getByRole('alert'))).toBe('Please correct the 1 marked fields.');
    const field = page.getByLabel('What would you like to share?');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await text(page.locator('#body-error'))).toBe('Please fill in this field');
    expect(await page.getByLabel('Kind').inputValue()).toBe('question');
    const focused = await field.evaluate((el) => el === document.activeElement);
    expect(focused).toBe(js);
    await inspect(tab, 'composer with an error');

    // Correcting it there publishes and returns home.
    await field.fill('Doch noch eine Frage: wer kommt mit?');
    await submit(page, 'Publish');
    expect(pathOf(page)).toBe('/');
    expect(await text(page.locator('article.post').first())).toContain('wer kommt mit?');
  });

  test('on the post page one comments, replies and reacts, and the count changes', async () => {
    const { page } = tab;
    await page.goto('/');
    const card = page.locator('article.post').filter({ hasText: 'Suppe' });
    await navigateBy(page, card.locator('.meta a').first());
    postPath = pathOf(page);
    expect(postPath).toMatch(/^\/posts\/[0-9A-Z]+$/);
    expect(await text(page.locator('#comments-h'))).toBe('Comments: 0');

    await page.getByLabel('Your comment').fill('Ich nehme die _Suppe_.');
    await submit(page, 'Comment');
    expect(await text(page.getByRole('status'))).toBe('Comment published.');
    const comment = page.locator('#comments li.comment').first();
    expect(await text(comment.locator('.post-body em'))).toBe('Suppe');

    const details = comment.locator('details');
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(false);
    await details.locator('summary').click();
    expect(await details.evaluate((d: HTMLDetailsElement) => d.open)).toBe(true);
    await details.getByLabel('Your reply').fill('Ich auch!');
    await navigateBy(page, details.getByRole('button', { name: 'Reply', exact: true }));
    expect(await text(page.locator('#comments-h'))).toBe('Comments: 2');
    expect(await text(page.locator('ul.replies li.comment .post-body'))).toBe('Ich auch!');
    await inspect(tab, 'post page with comments');

    const like = page.locator('article.post').getByRole('button', { name: /^Like/ });
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    expect(await like.locator('.count').count()).toBe(0);
    await navigateBy(page, like);
    expect(pathOf(page)).toBe(postPath);
    expect(await like.getAttribute('aria-pressed')).toBe('true');
    expect(await text(like.locator('.count'))).toBe('1');
    expect(await text(page.locator('.reactors'))).toMatch(new RegExp(`Like: ${ADMIN.name}$`));
    await inspect(tab, 'post page with a reaction');
    await navigateBy(page, like);
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    expect(await like.locator('.count').count()).toBe(0);
  });

  test('the hashtag link leads to the hashtag page with its series', async () => {
    const { page } = tab;
    await page.goto(postPath);
    await navigateBy(page, page.getByRole('link', { name: '#Mittagstisch' }));
    expect(pathOf(page)).toBe('/hashtags/mittagstisch');
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('#Mittagstisch');
    expect(await text(page.getByRole('main'))).toContain('Posts: 1');
    expect(await page.locator('article.post').count()).toBe(1);
    await inspect(tab, 'hashtag page');
    await submit(page, 'Follow');
    expect(pathOf(page)).toBe('/hashtags/mittagstisch');
    expect(await page.getByRole('button', { name: 'Following' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  test('the author edits the post; it is marked edited', async () => {
    const { page } = tab;
    await page.goto(postPath);
    await navigateBy(page, page.getByRole('link', { name: 'Edit post' }));
    expect(pathOf(page)).toBe(`${postPath}/edit`);
    const field = page.getByLabel('What would you like to share?');
    expect(await field.inputValue()).toBe(POST.join('\n'));
    await inspect(tab, 'post edit page');
    await field.fill('');
    let res = await submit(page, 'Save');
    expect(res.status()).toBe(400);
    expect(await text(page.locator('#body-error'))).toBe('Please fill in this field');
    await inspect(tab, 'post edit page with an error');
    await field.fill(`${POST.join('\n')}\n\nUnd **Nachtisch**.`);
    res = await submit(page, 'Save');
    expect(res.status()).toBe(200);
    expect(pathOf(page)).toBe(postPath);
    expect(await text(page.getByRole('status'))).toBe('Post saved.');
    expect(await text(page.locator('article.post .meta'))).toContain('edited');
    expect(await text(page.locator('article.post .post-body strong').last())).toBe('Nachtisch');
  });

  test('images and files attach through the composer; a file of the wrong kind comes back named', async () => {
    const { page } = tab;
    await page.goto('/');
    const png = await sharp({
      create: { width: 900, height: 600, channels: 3, background: '#2a6' },
    })
      .png()
      .toBuffer();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    await page.getByLabel('What would you like to share?').fill('Fotos und Plan vom Sommerfest');
    await page.getByLabel('Images and files').setInputFiles([
      { name: 'sommerfest.png', mimeType: 'image/png', buffer: png },
      { name: 'Ablaufplan.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    let res = await submit(page, 'Publish');
    expect(res.status()).toBe(200);
    expect(await text(page.getByRole('status'))).toBe('Published.');
    const card = page.locator('article.post').first();
    const img = card.getByRole('img', { name: 'sommerfest.png' });
    await img.waitFor();
    // Once it has loaded (decode() waits for it, and fails for an image that cannot be shown).
    const width = await img.evaluate(async (el) => {
      await (el as HTMLImageElement).decode();
      return (el as HTMLImageElement).naturalWidth;
    });
    expect(width).toBeGreaterThan(0);
    const link = card.getByRole('link', { name: 'Ablaufplan.pdf' });
    const download = await page.request.get((await link.getAttribute('href'))!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toContain('attachment');
    await inspect(tab, 'feed with attachments');

    await page.getByLabel('What would you like to share?').fill('Das ist kein Bild');
    await page
      .getByLabel('Images and files')
      .setInputFiles([
        { name: 'notizen.png', mimeType: 'image/png', buffer: Buffer.from('nur Text') },
      ]);
    res = await submit(page, 'Publish');
    expect(res.status()).toBe(400);
    expect(await text(page.locator('#files-error'))).toContain('“notizen.png” is not an accepted');
    expect(await page.getByLabel('What would you like to share?').inputValue()).toBe(
      'Das ist kein Bild',
    );
    await inspect(tab, 'composer with a refused file');
  });

  test('the server logged no errors', () => {
    expect(server.loggedErrors()).toEqual([]);
  });
});
