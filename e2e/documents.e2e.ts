import { readFile } from 'node:fs/promises';
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
  setUpOrganisation,
  startServer,
  submit,
  type Server,
  type Tab,
} from './harness.ts';

const ADMIN = {
  org: 'Kantine Aktenwerk',
  name: 'Doris Dokumentarin',
  email: 'doris.dokumentarin@example.com',
  password: 'a shelf of old ledgers',
};
const OUTSIDER = {
  name: 'Otto Außenstehend',
  email: 'otto.aussen@example.com',
  password: 'a kettle on the stove',
};
const GROUP = 'Vertrieb Nord';
const TITLE = 'Angebotsvorlage Nord';
const DESCRIPTION = 'Die Vorlage für Angebote an Kunden im Norden.';
const FILE_NAME = 'Angebot Größen.md';
const V1 = Buffer.from(
  '# Angebotsvorlage\n\nPreise gelten bis Jahresende. Stichwort: Kaffeemaschine.\n',
  'utf8',
);
const V2 = Buffer.from(
  '# Angebotsvorlage\n\nPreise gelten bis Jahresende. Stichwort: Kaffeemaschine.\n\n' +
    'Neu: Rabatt für Stammkunden.\n',
  'utf8',
);
const V2_NAME = 'Angebot Größen v2.md';
const NOTE = 'Rabatt für Stammkunden ergänzt';
const OWN_TITLE = 'Speiseplan Oktober';

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
/** The figure beside a term in the document page's list of figures. */
const figure = (page: Page, term: string) =>
  text(
    page.locator('dl.doc-figures dt', { hasText: term }).locator('xpath=following-sibling::dd[1]'),
  );
/** The versions table as rows of cell texts, newest first. */
const versionRows = async (page: Page) =>
  page
    .locator('table.versions tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('td')).map((c) => c.textContent!.trim())),
    );

/** Reloads the document page until its text is no longer being extracted (at most ~20 s). */
async function waitForExtraction(page: Page): Promise<string> {
  let state = '';
  for (let i = 0; i < 40; i++) {
    state = await figure(page, 'Text for search');
    if (state !== 'being extracted') return state;
    await page.waitForTimeout(500);
    await page.reload();
  }
  return state;
}

describe.each([
  { js: true, mode: 'with JavaScript' },
  { js: false, mode: 'without JavaScript' },
])('documents, $mode', ({ js }) => {
  let server: Server;
  const contexts: BrowserContext[] = [];
  const tabs: Tab[] = [];
  let admin: Tab;
  let groupPath = '';
  let docPath = '';
  let ownPath = '';

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

  test('the admin sets up, adds a colleague and creates a private group', async () => {
    admin = await newTab();
    const { page } = admin;
    await setUpOrganisation(page, ADMIN);
    expect(await addPerson(page, OUTSIDER)).toBe(`${OUTSIDER.email} has been added.`);
    await page.goto('/groups/new');
    await page.getByLabel('Name', { exact: true }).fill(GROUP);
    await page.getByLabel('Visibility').selectOption('private');
    await submit(page, 'Save');
    groupPath = pathOf(page);
    expect(groupPath).toMatch(/^\/groups\/[^/]+$/);
    expect(await text(page.locator('.group header .meta'))).toContain('Private');
  });

  test('a document is uploaded into the group from its page and its text is extracted', async () => {
    const { page } = admin;
    await page.goto(groupPath);
    await navigateBy(page, page.getByRole('link', { name: 'Documents of this group' }));
    expect(pathOf(page)).toBe(`${groupPath}/documents`);
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe(`Documents of ${GROUP}`);
    expect(await text(page.locator('main'))).toContain('No documents here yet.');

    await navigateBy(page, page.getByRole('link', { name: 'Upload a document' }));
    expect(pathOf(page)).toBe(`/documents/new?groupId=${groupPath.split('/')[2]}`);
    // The group's shelf is chosen already.
    expect(await page.getByLabel('Shelf').locator('option:checked').innerText()).toBe(GROUP);
    await inspect(admin, 'upload form');

    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Description').fill(DESCRIPTION);
    await page.getByLabel('Hashtags').fill('#Angebot Vorlage');
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: FILE_NAME, mimeType: 'text/markdown', buffer: V1 });
    const res = await submit(page, 'Upload');
    expect(res.status()).toBe(200);
    docPath = pathOf(page);
    expect(docPath).toMatch(/^\/documents\/[0-9A-Za-z]+$/);
    expect(await status(page)).toBe(
      'The document is on the shelf. Its text is being extracted for search.',
    );
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe(TITLE);
    expect(await text(page.locator('article.document-page > p.meta'))).toBe(
      `Uploaded by ${ADMIN.name} › ${GROUP}`,
    );
    expect(await text(page.locator('.doc-description'))).toBe(DESCRIPTION);
    const tags = page.locator('article.document-page p.tags a');
    expect((await tags.allInnerTexts()).map((t) => t.trim().toLowerCase())).toEqual([
      '#angebot',
      '#vorlage',
    ]);
    expect(await tags.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      '/documents?tag=angebot',
      '/documents?tag=vorlage',
    ]);

    // The server's worker extracts the text in the background.
    expect(await waitForExtraction(page)).toBe('extracted');
    expect(await page.locator('dl.doc-figures dd.text-done').count()).toBe(1);
    await inspect(admin, 'document page');

    // The extracted text is searchable: the word is only inside the file.
    await page.goto('/search?q=Kaffeemaschine');
    const hits = page.locator('.search-results .hit');
    expect(await hits.count()).toBe(1);
    expect(await text(hits.first().locator('h3'))).toContain(TITLE);
    expect(await text(hits.first().locator('mark').first())).toBe('Kaffeemaschine');
  });

  test('the document page lists the version; downloading gives the file and counts', async () => {
    const { page } = admin;
    await page.goto(docPath);
    const rows = await versionRows(page);
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toBe('1');
    expect(rows[0]![2]).toBe(ADMIN.name);
    expect(rows[0]![3]).toBe('');
    expect(rows[0]![5]).toBe('0');
    expect(rows[0]![6]).toBe(FILE_NAME);
    expect(await figure(page, 'Downloads')).toBe('0');

    const button = page.getByRole('link', { name: `Download “${FILE_NAME}”` });
    const href = (await button.getAttribute('href'))!;
    expect(href).toBe(`${docPath}/versions/1/file`);

    // As a person would: the browser saves it under its name.
    const [saved] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(saved.suggestedFilename()).toBe(FILE_NAME);
    expect(await readFile((await saved.path())!)).toEqual(V1);

    const file = await page.request.get(href);
    expect(file.status()).toBe(200);
    expect(Buffer.from(await file.body())).toEqual(V1);
    expect(file.headers()['content-type']).toBe('text/markdown; charset=utf-8');
    const disposition = file.headers()['content-disposition']!;
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`);

    await page.reload();
    expect(await figure(page, 'Downloads')).toBe('2');
    expect((await versionRows(page))[0]![5]).toBe('2');
  });

  test('a new version with a change note is listed above the old one, which stays downloadable', async () => {
    const { page } = admin;
    await page.goto(docPath);
    await page.getByLabel('What changed').fill(NOTE);
    await page
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: V2_NAME, mimeType: 'text/markdown', buffer: V2 });
    const res = await submit(page, 'Add version');
    expect(res.status()).toBe(200);
    expect(pathOf(page)).toBe(docPath);
    expect(await status(page)).toBe('Version 2 added');

    const rows = await versionRows(page);
    expect(rows.map((r) => [r[0], r[3], r[6]])).toEqual([
      ['2', NOTE, V2_NAME],
      ['1', '', FILE_NAME],
    ]);
    expect(
      await page.getByRole('link', { name: `Download “${V2_NAME}”` }).getAttribute('href'),
    ).toBe(`${docPath}/versions/2/file`);
    expect(await waitForExtraction(page)).toBe('extracted');

    const links = page.locator('table.versions tbody tr td:last-child a');
    const [newHref, oldHref] = await links.evaluateAll((as) =>
      as.map((a) => a.getAttribute('href')!),
    );
    const newer = await page.request.get(newHref!);
    expect(Buffer.from(await newer.body())).toEqual(V2);
    const older = await page.request.get(oldHref!);
    expect(older.status()).toBe(200);
    expect(Buffer.from(await older.body())).toEqual(V1);
    expect(older.headers()['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`,
    );
    await page.reload();
    expect(await figure(page, 'Downloads')).toBe('4');
    expect((await versionRows(page)).map((r) => r[5])).toEqual(['1', '3']);
    await inspect(admin, 'document page with two versions');
  });

  test('a refused file or an empty title comes back named, with what was typed', async () => {
    const { page } = admin;
    await page.goto('/documents/new');
    await page.getByLabel('Title').fill(OWN_TITLE);
    await page.getByLabel('Description').fill('Was es in der Kantine gibt.');
    const exe = Buffer.concat([
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
      Buffer.alloc(64),
    ]);
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'speiseplan.exe',
      mimeType: 'application/x-msdownload',
      buffer: exe,
    });
    let res = await submit(page, 'Upload');
    expect(res.status()).toBe(400);
    expect(pathOf(page)).toBe('/documents');
    expect(await text(page.getByRole('alert'))).toBe('Please correct the 1 marked fields.');
    expect(await text(page.locator('#file-error'))).toContain(
      '“speiseplan.exe” is not an accepted kind of document',
    );
    expect(await page.getByLabel('File', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(await page.getByLabel('Title').inputValue()).toBe(OWN_TITLE);
    expect(await page.getByLabel('Description').inputValue()).toBe('Was es in der Kantine gibt.');
    await inspect(admin, 'upload form with a refused file');

    await page.getByLabel('Title').fill('   ');
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'speiseplan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Montag: Linsensuppe\nDienstag: Kartoffelsalat\n'),
    });
    res = await submit(page, 'Upload');
    expect(res.status()).toBe(400);
    expect(await text(page.locator('#title-error'))).toBe('Please fill in this field');
    expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#file-error').count()).toBe(0);
    expect(await page.getByLabel('Description').inputValue()).toBe('Was es in der Kantine gibt.');

    // Corrected, it lands on the person's own shelf (the form's default).
    await page.getByLabel('Title').fill(OWN_TITLE);
    await page.getByLabel('File', { exact: true }).setInputFiles({
      name: 'speiseplan.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Montag: Linsensuppe\nDienstag: Kartoffelsalat\n'),
    });
    res = await submit(page, 'Upload');
    expect(res.status()).toBe(200);
    ownPath = pathOf(page);
    expect(ownPath).toMatch(/^\/documents\/[0-9A-Za-z]+$/);
    expect(await text(page.locator('article.document-page > p.meta'))).toBe(
      `Uploaded by ${ADMIN.name} › own shelf of ${ADMIN.name}`,
    );
  });

  test('the shelf lists both documents and filters by hashtag', async () => {
    const { page } = admin;
    const nav = page.getByRole('navigation', { name: 'Main' });
    await navigateBy(page, nav.getByRole('link', { name: 'Documents' }));
    expect(pathOf(page)).toBe('/documents');
    const titles = async () =>
      (await page.locator('ul.documents li.document strong').allInnerTexts()).map((t) => t.trim());
    expect(await titles()).toEqual([OWN_TITLE, TITLE]);
    const item = page.locator('ul.documents li.document', { hasText: TITLE });
    expect(await text(item.locator('.meta'))).toMatch(/Versions: 2 · Downloads: 4 · Reused: 0$/);
    await inspect(admin, 'shelf');

    await navigateBy(page, item.getByRole('link', { name: /^#angebot$/i }));
    expect(pathOf(page)).toBe('/documents?tag=angebot');
    expect(await titles()).toEqual([TITLE]);
    expect(await text(page.locator('.tag-count'))).toBe('Documents with #angebot: 1');
    await navigateBy(page, page.getByRole('link', { name: TITLE }));
    expect(pathOf(page)).toBe(docPath);
  });

  test("the private group's document is not found for a colleague outside it", async () => {
    const outsider = await newTab();
    const { page } = outsider;
    await page.goto('/login');
    await page.getByLabel('E-mail address').fill(OUTSIDER.email);
    await page.getByLabel('Password').fill(OUTSIDER.password);
    await submit(page, 'Sign in');

    await page.goto('/documents');
    const titles = (await page.locator('ul.documents li.document strong').allInnerTexts()).map(
      (t) => t.trim(),
    );
    expect(titles).toEqual([OWN_TITLE]);
    expect(await text(page.locator('main'))).not.toContain(TITLE);
    await inspect(outsider, 'shelf of a colleague outside the group');

    const res = await page.goto(docPath);
    expect(res?.status()).toBe(404);
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Not found');
    expect(await text(page.locator('main'))).not.toContain(TITLE);
    const file = await page.request.get(`${docPath}/versions/1/file`);
    expect(file.status()).toBe(404);
    expect((await file.body()).includes(V1)).toBe(false);
    expect((await page.goto(`${groupPath}/documents`))?.status()).toBe(404);
    const groupId = groupPath.split('/')[2]!;
    expect((await page.goto(`/documents?groupId=${groupId}`))?.status()).toBe(404);
    await page.goto('/search?q=Kaffeemaschine');
    expect(await page.locator('.search-results .hit').count()).toBe(0);
    expect(await text(page.locator('main'))).not.toContain(TITLE);

    // The own shelf's document is readable by everyone.
    expect((await page.goto(ownPath))?.status()).toBe(200);
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe(OWN_TITLE);
  });

  test('the server logged no errors', () => {
    expect(server.loggedErrors()).toEqual([]);
  });
});
