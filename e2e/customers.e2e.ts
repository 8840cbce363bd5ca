import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
  org: 'Kantine Kundenstimme',
  name: 'Greta Gutachterin',
  email: 'greta.gutachterin@example.com',
  password: 'a tin of ginger biscuits',
};
// Olaf owns a customer and reads Kantine in German.
const OLAF = {
  name: 'Olaf Oberländer',
  email: 'olaf.oberlaender@example.com',
  password: 'a bag of roasted hazelnuts',
};
// Nina owns no customer: with the default audience she sees no customer satisfaction.
const NINA = {
  name: 'Nina Neumann',
  email: 'nina.neumann@example.com',
  password: 'a jar of wild heather honey',
};

const MUELLER = 'Müller Maschinenbau AG';
const BAECKEREI = 'Bäckerei Sonnenschein';
const COMMENT = 'Lieferung zweimal verspätet, Ansprechpartner schwer erreichbar.';

// Rows of the import: line 3 has a score of 11; the fixed file has 6 there.
const CSV_HEADER =
  'Round;Customer;Conversation date;Overall;Quality;Communication;Reliability;Value for money;Comment';
const CSV_MUELLER = `H2 2025;${MUELLER};14.10.2025;8;7;8;9;8;Solide, aber Angebote kommen langsam.`;
const csvWith = (quality: string) =>
  `${CSV_HEADER}\n${CSV_MUELLER}\nH2 2025;${BAECKEREI};2025-11-20;7;${quality};8;7;6;\n`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const text = async (l: Locator) => (await l.innerText()).trim();
const texts = async (l: Locator) => (await l.allInnerTexts()).map((s) => s.trim());
/** The text as read, on one line: a figure and its rating are laid out in blocks. */
const oneLine = async (l: Locator) => (await l.innerText()).replace(/\s+/g, ' ').trim();
/** Non-empty lines of the text as shown. */
const lines = async (l: Locator) =>
  (await l.innerText())
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** The main navigation, in English or German. */
const mainNav = (page: Page) => page.getByRole('navigation', { name: /^(Main|Hauptnavigation)$/ });
/** The customer voice pages' own navigation. */
const voiceNav = (page: Page) => page.getByRole('navigation', { name: 'Customer voice' });

async function signIn(page: Page, person: { email: string; password: string }, de = false) {
  await page.goto('/login');
  await page.getByLabel(de ? 'E-Mail-Adresse' : 'E-mail address').fill(person.email);
  await page.getByLabel(de ? 'Passwort' : 'Password').fill(person.password);
  await submit(page, de ? 'Anmelden' : 'Sign in');
  expect(pathOf(page)).toBe('/');
}

/** The cells (not the row header) of the grid's row of a customer, or of the means row. */
const gridRow = (page: Page, name: string) =>
  texts(page.locator('tbody tr', { has: page.getByRole('rowheader', { name }) }).locator('td'));
const gridMeans = (page: Page) => texts(page.locator('tfoot tr td'));

/** The satisfaction widget with the given id prefix ("sat", "home-sat", "kantine-sat"). */
const widget = (page: Page, id: string) => page.locator(`section.ksat:has(#${id}-h)`);
async function figures(w: Locator) {
  return {
    meta: await text(w.locator('.ksat-meta')),
    index: await oneLine(w.locator('.ksat-index-value')),
    below: await lines(w.locator('.ksat-below-block')),
  };
}

describe.each([
  { js: true, mode: 'with JavaScript' },
  { js: false, mode: 'without JavaScript' },
])('customer voice, $mode', ({ js }) => {
  let server: Server;
  const contexts: BrowserContext[] = [];
  let adminContext: BrowserContext;
  let admin: Tab;
  let olaf: Tab;
  let nina: Tab;
  /** Addresses found on the way: the round H1 2026 and the bakery (Olaf's customer). */
  let roundH1 = '';
  let baeckerei = '';

  const open = async (locale = 'en-GB') => {
    const c = await (js ? jsContext : noJsContext)(browser, server, { locale });
    contexts.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startServer();
    adminContext = await open();
    admin = await openTab(adminContext);
    olaf = await openTab(await open('de-DE'));
    nina = await openTab(await open());
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await server?.stop();
  });

  test('an admin sets a standard, adds two customers and a round, and enters an evaluation for each', async () => {
    const { page } = admin;
    await setUpOrganisation(page, ADMIN);
    expect(await addPerson(page, OLAF)).toBe(`${OLAF.email} has been added.`);
    expect(await addPerson(page, NINA)).toBe(`${NINA.email} has been added.`);

    // The standards page, from the main navigation: Quality gets target 7.5, tolerance 1.5.
    await page.goto('/');
    await navigateBy(page, mainNav(page).getByRole('link', { name: 'Customers', exact: true }));
    expect(pathOf(page)).toBe('/customers');
    expect(await text(page.locator('main .empty'))).toBe('No customers match.');
    await navigateBy(page, voiceNav(page).getByRole('link', { name: 'Standards' }));
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Dimensions and standards');
    await navigateBy(page, page.getByRole('link', { name: 'Edit Quality', exact: true }));
    expect(await page.getByLabel('Target').inputValue()).toBe('8');
    expect(await page.getByLabel('Tolerance').inputValue()).toBe('1');
    // Out of range: named beside the field, the other input kept.
    await page.getByLabel('Target').fill('11');
    await page.getByLabel('Tolerance').fill('1.5');
    expect((await submit(page, 'Save')).status()).toBe(400);
    expect(await text(page.locator('#target-error'))).toBe('Enter a number from 1 to 10.');
    expect(await page.getByLabel('Target').inputValue()).toBe('11');
    expect(await page.getByLabel('Tolerance').inputValue()).toBe('1.5');
    await page.getByLabel('Target').fill('7.5');
    await submit(page, 'Save');
    expect(pathOf(page)).toBe('/customers/standards');
    expect(await text(page.getByRole('status'))).toBe('The dimension is saved.');
    const rules = page.locator('table tbody tr');
    expect(await texts(rules.locator('th'))).toEqual([
      'Overall satisfaction',
      'Quality',
      'Communication',
      'Reliability',
      'Value for money',
    ]);
    expect(await texts(rules.nth(1).locator('td').nth(3))).toEqual([
      'green ● from 7.5; amber ▲ from 6 to under 7.5; red ✖ under 6',
    ]);
    expect(await texts(rules.nth(0).locator('td').nth(3))).toEqual([
      'green ● from 8; amber ▲ from 7 to under 8; red ✖ under 7',
    ]);
    expect(await texts(page.locator('.rating-legend li'))).toEqual([
      '● On target (green): at or above the target',
      '▲ Within tolerance (amber): below the target by at most the tolerance',
      '✖ Below tolerance (red): further below',
    ]);
    await checkA11y(page, 'standards');

    // Two customers; the bakery's account owner is Olaf.
    for (const c of [
      { name: MUELLER, industry: 'Maschinenbau', owner: null },
      { name: BAECKEREI, industry: 'Lebensmittel', owner: `${OLAF.name} (${OLAF.email})` },
    ]) {
      await navigateBy(page, voiceNav(page).getByRole('link', { name: 'Customers' }));
      await navigateBy(page, page.getByRole('link', { name: 'New customer' }));
      await page.getByLabel('Name', { exact: true }).fill(c.name);
      await page.getByLabel('Industry').fill(c.industry);
      if (c.owner) await page.getByLabel('Account owner').selectOption({ label: c.owner });
      await submit(page, 'Save');
      expect(await text(page.getByRole('status'))).toBe(`The customer “${c.name}” is created.`);
      expect(await text(page.getByRole('heading', { level: 1 }))).toBe(c.name);
      if (c.owner) baeckerei = pathOf(page);
    }
    expect(await texts(page.locator('dl dd'))).toEqual(['Lebensmittel', OLAF.name, 'active']);

    // The round H1 2026.
    await navigateBy(page, voiceNav(page).getByRole('link', { name: 'Rounds' }));
    expect(await text(page.locator('main .empty'))).toBe('No rounds yet.');
    await navigateBy(page, page.getByRole('link', { name: 'New round' }));
    await page.getByLabel('Name').fill('H1 2026');
    await page.getByLabel('Starts on').fill('2026-01-01');
    await page.getByLabel('Ends on').fill('2026-06-30');
    await submit(page, 'Save');
    expect(await text(page.getByRole('status'))).toBe('The round “H1 2026” is created.');
    roundH1 = pathOf(page);
    expect(await gridRow(page, MUELLER)).toEqual([
      '—',
      '—',
      '—',
      '—',
      '—',
      '—',
      `Enter for ${MUELLER}`,
    ]);

    // Müller, at or above every target.
    await navigateBy(page, page.getByRole('link', { name: `Enter for ${MUELLER}` }));
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe(
      `Evaluation of ${MUELLER} in H1 2026`,
    );
    await page.getByLabel('Date of the conversation').fill('2026-03-12');
    for (const [label, score] of [
      ['Overall satisfaction', '9'],
      ['Quality', '8'],
      ['Communication', '9'],
      ['Reliability', '10'],
      ['Value for money', '8'],
    ] as const) {
      await page.getByLabel(label, { exact: true }).fill(score);
    }
    await submit(page, 'Save');
    expect(await text(page.getByRole('status'))).toBe(
      `The evaluation of ${MUELLER} in H1 2026 is saved.`,
    );

    // The bakery, from the round's grid: first nothing scored, then a score of 11.
    await page.goto(roundH1);
    await navigateBy(page, page.getByRole('link', { name: `Enter for ${BAECKEREI}` }));
    await page.getByLabel('Date of the conversation').fill('2026-04-02');
    await page.getByLabel('Comment (confidential)').fill(COMMENT);
    expect((await submit(page, 'Save')).status()).toBe(400);
    expect(await text(page.locator('#scores-error'))).toBe('Score at least one dimension.');
    expect(await page.getByLabel('Date of the conversation').inputValue()).toBe('2026-04-02');
    expect(await page.getByLabel('Comment (confidential)').inputValue()).toBe(COMMENT);
    for (const [label, score] of [
      ['Overall satisfaction', '6'],
      ['Quality', '11'],
      ['Communication', '7'],
      ['Reliability', '6'],
      ['Value for money', '5'],
    ] as const) {
      await page.getByLabel(label, { exact: true }).fill(score);
    }
    const quality = page.getByLabel('Quality', { exact: true });
    // The browser refuses 11 itself (max="10"); past it (an older browser), the server names it.
    expect(await quality.evaluate((el) => (el as HTMLInputElement).validity.rangeOverflow)).toBe(
      true,
    );
    await quality.evaluate((el) => {
      (el as HTMLInputElement).form!.noValidate = true;
    });
    expect((await submit(page, 'Save')).status()).toBe(400);
    const qualityField = page.locator('.field', { has: quality });
    expect(await text(qualityField.locator('.error'))).toBe(
      'Enter a whole number from 1 to 10, or leave it empty.',
    );
    expect(await quality.getAttribute('aria-invalid')).toBe('true');
    expect(await quality.inputValue()).toBe('11');
    expect(await page.getByLabel('Overall satisfaction', { exact: true }).inputValue()).toBe('6');
    expect(await page.getByLabel('Comment (confidential)').inputValue()).toBe(COMMENT);
    expect(await page.locator('.field.has-error').count()).toBe(1);
    await checkA11y(page, 'evaluation form with an error');
    await quality.fill('5');
    await submit(page, 'Save');
    expect(pathOf(page)).toBe(baeckerei);
    expect(await text(page.getByRole('status'))).toBe(
      `The evaluation of ${BAECKEREI} in H1 2026 is saved.`,
    );
    // The customer page: every score rated in words, the confidential comment for the admin.
    const h1 = page.locator('section', { has: page.getByRole('heading', { name: 'H1 2026' }) });
    expect(await texts(h1.locator('tbody td:nth-child(2)'))).toEqual([
      '6 ✖ Below tolerance',
      '5 ✖ Below tolerance',
      '7 ▲ Within tolerance',
      '6 ✖ Below tolerance',
      '5 ✖ Below tolerance',
    ]);
    expect(await texts(h1.locator('tfoot td'))).toEqual([
      '5.8 ✖ Below tolerance',
      'target 7.9, tolerance 1.1',
    ]);
    expect(await text(h1.locator('p.bio'))).toBe(COMMENT);
    await checkA11y(page, 'customer page');

    // The round's grid: symbol and word in every cell, the means below.
    await navigateBy(page, voiceNav(page).getByRole('link', { name: 'Rounds' }));
    await navigateBy(page, page.getByRole('link', { name: 'H1 2026', exact: true }));
    expect(pathOf(page)).toBe(roundH1);
    expect(await gridRow(page, MUELLER)).toEqual([
      '9 ● On target',
      '8 ● On target',
      '9 ● On target',
      '10 ● On target',
      '8 ● On target',
      '8.8 ● On target',
      `Edit for ${MUELLER}`,
    ]);
    expect(await gridRow(page, BAECKEREI)).toEqual([
      '6 ✖ Below tolerance',
      '5 ✖ Below tolerance',
      '7 ▲ Within tolerance',
      '6 ✖ Below tolerance',
      '5 ✖ Below tolerance',
      '5.8 ✖ Below tolerance',
      `Edit for ${BAECKEREI}`,
    ]);
    expect(await gridMeans(page)).toEqual([
      '7.5 ▲ Within tolerance',
      '6.5 ▲ Within tolerance',
      '8 ● On target',
      '8 ● On target',
      '6.5 ✖ Below tolerance',
      '7.3 ▲ Within tolerance',
      '',
    ]);
    expect(await page.locator('tbody .rating-green').count()).toBe(6);
    expect(await page.locator('tbody .rating-amber').count()).toBe(1);
    expect(await page.locator('tbody .rating-red').count()).toBe(5);
    await checkA11y(page, 'round grid');
    await checkPhoneWidth(page, 'round grid');

    // The list: each customer's latest mean, rated.
    await navigateBy(page, voiceNav(page).getByRole('link', { name: 'Customers' }));
    expect(await texts(page.locator('tbody tr td:last-child'))).toEqual([
      '5.8 ✖ Below tolerance (H1 2026)',
      '8.8 ● On target (H1 2026)',
    ]);
    await checkA11y(page, 'customers');
    expect(admin.problems).toEqual([]);
  });

  test('a CSV with a bad row is refused by line and writes nothing; corrected, it is imported', async () => {
    const { page } = admin;
    await navigateBy(page, voiceNav(page).getByRole('link', { name: 'Rounds' }));
    await navigateBy(page, page.getByRole('link', { name: 'New round' }));
    await page.getByLabel('Name').fill('H2 2025');
    await page.getByLabel('Starts on').fill('2025-07-01');
    await page.getByLabel('Ends on').fill('2025-12-31');
    await submit(page, 'Save');
    const roundH2 = pathOf(page);
    const empty = async (p: Page) => [await gridRow(p, BAECKEREI), await gridRow(p, MUELLER)];
    const before = await empty(page);
    expect(before[0]).toEqual(['—', '—', '—', '—', '—', '—', `Enter for ${BAECKEREI}`]);

    await navigateBy(page, voiceNav(page).getByRole('link', { name: 'Import' }));
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Import evaluations');
    // A file saved by a spreadsheet: UTF-8 with a byte order mark, semicolons, German dates.
    await page.getByLabel('CSV file').setInputFiles({
      name: 'bewertungen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csvWith('11')}`, 'utf8'),
    });
    expect((await submit(page, 'Show preview')).status()).toBe(422);
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Preview of the import');
    expect(await text(page.locator('main p').first())).toBe(
      'New evaluations: 1 · updates: 0 · unchanged: 0 · bad rows: 1',
    );
    const alert = page.getByRole('alert');
    expect(await text(alert.locator('p'))).toBe(
      'Nothing has been imported. Bad rows: 1. Correct them and upload the file again.',
    );
    expect(await texts(alert.locator('li'))).toEqual([
      'Line 3: Quality: “11” is not a whole number from 1 to 10.',
    ]);
    const previewRows = page.locator('#import-caption ~ tbody tr');
    expect(await texts(previewRows.nth(0).locator('th, td'))).toEqual([
      '2',
      'H2 2025',
      MUELLER,
      'new evaluation',
      '—',
    ]);
    expect(await texts(previewRows.nth(1).locator('th, td'))).toEqual([
      '3',
      'H2 2025',
      BAECKEREI,
      'bad row',
      'Quality: “11” is not a whole number from 1 to 10.',
    ]);
    expect(await previewRows.count()).toBe(2);
    expect(await page.getByRole('button', { name: 'Confirm import' }).count()).toBe(0);
    await checkA11y(page, 'import preview with a bad row');

    // Nothing was written: the round's grid, in another tab, is as it was.
    const grid = await openTab(adminContext);
    await grid.page.goto(roundH2);
    expect(await empty(grid.page)).toEqual(before);
    await grid.page.close();
    expect(grid.problems).toEqual([]);

    // Corrected in the text box below the preview, previewed again and confirmed.
    expect(await text(page.getByRole('heading', { level: 2 }))).toBe('Upload a corrected file');
    await page.getByLabel('Or paste the CSV text').fill(csvWith('6'));
    expect((await submit(page, 'Show preview')).status()).toBe(200);
    expect(await text(page.locator('main p').first())).toBe(
      'New evaluations: 2 · updates: 0 · unchanged: 0 · bad rows: 0',
    );
    expect(await page.getByRole('alert').count()).toBe(0);
    await checkA11y(page, 'import preview');
    await submit(page, 'Confirm import');
    expect(pathOf(page)).toBe('/customers/rounds');
    expect(await text(page.getByRole('status'))).toBe('Evaluations imported: 2.');
    const h2Row = page.locator('tbody tr', { has: page.getByRole('link', { name: 'H2 2025' }) });
    expect(await text(h2Row.locator('td').nth(2))).toBe('2');
    await navigateBy(page, page.getByRole('link', { name: 'H2 2025', exact: true }));
    expect(await gridRow(page, BAECKEREI)).toEqual([
      '7 ▲ Within tolerance',
      '6 ▲ Within tolerance',
      '8 ● On target',
      '7 ▲ Within tolerance',
      '6 ✖ Below tolerance',
      '6.8 ▲ Within tolerance',
      `Edit for ${BAECKEREI}`,
    ]);
    expect(admin.problems).toEqual([]);
  });

  test('the widget sits on the admin’s home page; the full page filters by round, industry and owner; its CSV downloads', async () => {
    const { page } = admin;
    await page.goto('/');
    const home = widget(page, 'home-sat');
    expect(await text(home.getByRole('heading', { level: 2 }))).toBe('Customer satisfaction');
    expect(await figures(home)).toEqual({
      meta: 'Round H1 2026 · customers evaluated: 2',
      index: '7.3 ▲ Within tolerance',
      below: ['Customers furthest below standard', 'Customers below standard: 1'],
    });
    expect(await text(home.locator('.ksat-index .ksat-note'))).toBe(
      'Standard: target 7.9, tolerance 1.1. −0.1 compared with H2 2025.',
    );
    await checkA11y(page, 'home with the widget');
    await navigateBy(
      page,
      home.getByRole('link', { name: 'All figures, the trend and the customers' }),
    );
    expect(pathOf(page)).toBe('/satisfaction');

    const sat = widget(page, 'sat');
    expect(await figures(sat)).toEqual({
      meta: 'Round H1 2026 · customers evaluated: 2',
      index: '7.3 ▲ Within tolerance',
      below: [
        'Customers furthest below standard',
        `${BAECKEREI} (total shortfall 10.5)`,
        'Overall satisfaction: 6 ✖ Below tolerance',
        'Quality: 5 ✖ Below tolerance',
        'Communication: 7 ▲ Within tolerance',
        'Reliability: 6 ✖ Below tolerance',
        'Value for money: 5 ✖ Below tolerance',
      ],
    });
    expect(await texts(sat.locator('.ksat-table tbody tr'))).toEqual([
      'Overall satisfaction\t7.5\t8.0\t1.0\t▲ Within tolerance\t2',
      'Quality\t6.5\t7.5\t1.5\t▲ Within tolerance\t2',
      'Communication\t8.0\t8.0\t1.0\t● On target\t2',
      'Reliability\t8.0\t8.0\t1.0\t● On target\t2',
      'Value for money\t6.5\t8.0\t1.0\t✖ Below tolerance\t2',
    ]);
    expect(await texts(sat.locator('.chart-table tbody tr'))).toEqual([
      'H2 2025\t7.4\t7.5\t6.5\t8.0\t8.0\t7.0',
      'H1 2026\t7.3\t7.5\t6.5\t8.0\t8.0\t6.5',
    ]);
    await checkA11y(page, 'satisfaction');
    await checkPhoneWidth(page, 'satisfaction');

    // An earlier round.
    await page.getByLabel('Round', { exact: true }).selectOption({ label: 'H2 2025' });
    await submit(page, 'Show');
    expect(await figures(sat)).toEqual({
      meta: 'Round H2 2025 · customers evaluated: 2',
      index: '7.4 ▲ Within tolerance',
      below: [
        'Customers furthest below standard',
        `${BAECKEREI} (total shortfall 5.5)`,
        'Overall satisfaction: 7 ▲ Within tolerance',
        'Quality: 6 ▲ Within tolerance',
        'Reliability: 7 ▲ Within tolerance',
        'Value for money: 6 ✖ Below tolerance',
        `${MUELLER} (total shortfall 0.5)`,
        'Quality: 7 ▲ Within tolerance',
      ],
    });
    // One industry, in the latest round.
    await page
      .getByLabel('Round', { exact: true })
      .selectOption({ label: 'Latest round with evaluations' });
    await page.getByLabel('Industry').selectOption('Maschinenbau');
    await submit(page, 'Show');
    expect(await figures(sat)).toEqual({
      meta: 'Round H1 2026 · customers evaluated: 1',
      index: '8.8 ● On target',
      below: ['Customers furthest below standard', 'Every customer evaluated meets the standards.'],
    });
    // One account owner.
    await page.getByLabel('Industry').selectOption({ label: 'All industries' });
    await page.getByLabel('Account owner').selectOption({ label: OLAF.name });
    await submit(page, 'Show');
    expect(await figures(sat)).toMatchObject({
      meta: 'Round H1 2026 · customers evaluated: 1',
      index: '5.8 ✖ Below tolerance',
    });
    const href = await page
      .getByRole('link', { name: 'Download these figures (CSV)' })
      .getAttribute('href');
    // The context's request API sends the session cookie but not the browser's language.
    const csv = await page.request.get(href!, { headers: { 'accept-language': 'en-GB,en' } });
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers()['content-disposition']).toMatch(
      /^attachment; filename="kantine-satisfaction-[^"]+\.csv"$/,
    );
    const lines = (await csv.text()).split('\r\n');
    expect(lines[0]).toBe('\uFEFFsection,round,name,value,n,target,tolerance,rating,details');
    expect(lines[1]).toBe('index,H1 2026,Satisfaction index,5.8,1,7.9,1.1,red,');
    expect(admin.problems).toEqual([]);
  });

  test('a widget token lets a page without a session show the widget; a wrong token is refused', async () => {
    const { page } = admin;
    await page.goto('/satisfaction');
    await navigateBy(
      page,
      page.getByRole('link', { name: 'Embed the widget: tokens and settings' }),
    );
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe(
      'Satisfaction widget: embedding',
    );
    expect(await text(page.locator('main .empty'))).toBe('No tokens yet.');
    await page.getByLabel('Name', { exact: true }).fill('Intranet-Startseite');
    expect((await submit(page, 'Create token')).status()).toBe(201);
    const created = page.getByRole('status');
    expect(await text(created.locator('p').first())).toBe('Token “Intranet-Startseite” created.');
    const token = await created
      .getByLabel(
        'Copy the token now: it is shown only this once. The embed codes below contain it.',
      )
      .inputValue();
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(await texts(page.locator('tbody tr th'))).toEqual(['Intranet-Startseite']);
    expect(admin.problems).toEqual([]);

    // Another site's page: a fresh profile that has never signed in. A wrong token first.
    const outside = await open();
    expect(await outside.cookies()).toEqual([]);
    const tab = await openTab(outside);
    const bad = await tab.page.goto('/widgets/satisfaction?format=page&lang=en&token=not-a-token');
    expect(bad!.status()).toBe(401);
    expect(await text(tab.page.getByRole('alert'))).toBe(
      'This widget’s access token is missing, unknown or revoked. Please ask an administrator for a new embed code.',
    );
    expect(await tab.page.locator('.ksat-index').count()).toBe(0);
    // Without a token and a language: refused in the organisation's language (German here).
    const none = await tab.page.goto('/widgets/satisfaction?format=page');
    expect(none!.status()).toBe(401);
    expect(await text(tab.page.getByRole('alert'))).toBe(
      'Das Zugriffstoken dieses Widgets fehlt, ist unbekannt oder wurde widerrufen. Bitte bei der Administration einen neuen Einbettungscode anfragen.',
    );

    // The token copied from the page.
    const res = await tab.page.goto(
      `/widgets/satisfaction?format=page&lang=en&token=${encodeURIComponent(token)}`,
    );
    expect(res!.status()).toBe(200);
    // Readable from any origin, framable, and setting no cookie.
    expect(res!.headers()['access-control-allow-origin']).toBe('*');
    expect(res!.headers()['content-security-policy']).toContain('frame-ancestors *');
    expect(res!.headers()['set-cookie']).toBeUndefined();
    const w = widget(tab.page, 'kantine-sat');
    expect(await figures(w)).toEqual({
      meta: 'Round H1 2026 · customers evaluated: 2',
      index: '7.3 ▲ Within tolerance',
      // Through a token, customers below standard are only counted, not named.
      below: ['Customers furthest below standard', 'Customers below standard: 1'],
    });
    expect(await tab.page.content()).not.toContain(BAECKEREI);
    expect(await tab.page.content()).not.toContain(COMMENT);
    expect(await tab.page.locator('a').count()).toBe(0);
    await checkA11y(tab.page, 'embedded widget');
    expect(tab.problems).toEqual([]);
  });

  test('publishing a round from its page posts the summary under #wasderkundefindet', async () => {
    const { page } = admin;
    await page.goto('/');
    await navigateBy(page, mainNav(page).getByRole('link', { name: 'Customers', exact: true }));
    await navigateBy(page, voiceNav(page).getByRole('link', { name: 'Rounds' }));
    await navigateBy(page, page.getByRole('link', { name: 'H1 2026', exact: true }));
    expect(await text(page.locator('main h1 + p'))).toMatch(/ Not published\.$/);
    await navigateBy(page, page.getByRole('link', { name: 'Publish round H1 2026' }));
    expect(await page.getByLabel('Post to').inputValue()).toBe('');
    expect(await text(page.getByLabel('Post to').locator('option:checked'))).toBe(
      'Whole organisation',
    );
    const preview = await text(page.locator('pre.ksat-preview'));
    expect(preview).toContain('Customer satisfaction: H1 2026');
    expect(preview).not.toContain(COMMENT);
    await submit(page, 'Publish');
    expect(pathOf(page)).toMatch(/^\/posts\/[^/]+$/);
    expect(await text(page.getByRole('status'))).toBe('Round H1 2026 published.');

    await navigateBy(
      page,
      page.locator('.post-body').getByRole('link', { name: '#wasderkundefindet' }),
    );
    expect(pathOf(page)).toBe('/hashtags/wasderkundefindet');
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('#wasderkundefindet');
    const posts = page.locator('article.post');
    expect(await posts.count()).toBe(1);
    const body = await text(posts.locator('.post-body'));
    expect(body.split('\n').filter((l) => l.trim() !== '')).toEqual([
      'Customer satisfaction: H1 2026',
      'Satisfaction index: 7.3 ▲ Within tolerance (target 7.9, tolerance 1.1)',
      'Trend: −0.1 compared with H2 2025 (7.4)',
      'Customers evaluated: 2',
      'Overall satisfaction: 7.5 ▲ Within tolerance (target 8.0)',
      'Quality: 6.5 ▲ Within tolerance (target 7.5)',
      'Communication: 8.0 ● On target (target 8.0)',
      'Reliability: 8.0 ● On target (target 8.0)',
      'Value for money: 6.5 ✖ Below tolerance (target 8.0)',
      '#wasderkundefindet',
    ]);

    await page.goto(roundH1);
    expect(await text(page.locator('main h1 + p'))).toMatch(/ Published on .+\.$/);
    expect(admin.problems).toEqual([]);
  });

  test('the account owner reads it in German; a member who owns no customer gets no widget and is refused', async () => {
    // Olaf owns the bakery: the widget on his home page, in German, leads to his customer.
    const { page } = olaf;
    await signIn(page, OLAF, true);
    const home = widget(page, 'home-sat');
    expect(await text(home.getByRole('heading', { level: 2 }))).toBe('Kundenzufriedenheit');
    expect(await figures(home)).toEqual({
      meta: 'Runde H1 2026 · bewertete Kunden: 2',
      index: '7,3 ▲ Innerhalb der Toleranz',
      below: ['Kunden am weitesten unter dem Standard', 'Kunden unter dem Standard: 1'],
    });
    await navigateBy(
      page,
      home.getByRole('link', { name: 'Alle Zahlen, der Verlauf und die Kunden' }),
    );
    expect(pathOf(page)).toBe('/satisfaction');
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Kundenzufriedenheit');
    const filters = page.getByRole('form', { name: 'Zahlen filtern' });
    expect(await texts(filters.locator('label'))).toEqual([
      'Runde',
      'Branche',
      'Kundenverantwortung',
    ]);
    // Admin links are not his.
    expect(await page.getByRole('link', { name: /veröffentlichen|einbetten/ }).count()).toBe(0);
    await navigateBy(page, widget(page, 'sat').getByRole('link', { name: BAECKEREI }));
    expect(pathOf(page)).toBe(baeckerei);
    const h1 = page.locator('section', { has: page.getByRole('heading', { name: 'H1 2026' }) });
    expect(await texts(h1.locator('thead th'))).toEqual(['Dimension', 'Note', 'Standard']);
    expect(await texts(h1.locator('tbody th'))).toEqual([
      'Gesamtzufriedenheit',
      'Qualität',
      'Kommunikation',
      'Zuverlässigkeit',
      'Preis-Leistungs-Verhältnis',
    ]);
    expect(await texts(h1.locator('tbody td:nth-child(2)'))).toEqual([
      '6 ✖ Unter der Toleranz',
      '5 ✖ Unter der Toleranz',
      '7 ▲ Innerhalb der Toleranz',
      '6 ✖ Unter der Toleranz',
      '5 ✖ Unter der Toleranz',
    ]);
    expect(await text(h1.locator('tfoot td').first())).toBe('5,8 ✖ Unter der Toleranz');
    // As the account owner he reads the confidential comment.
    expect(await text(h1.getByRole('heading', { level: 4 }))).toBe('Kommentar (vertraulich)');
    expect(await text(h1.locator('p.bio'))).toBe(COMMENT);
    expect(olaf.problems).toEqual([]);

    // Nina owns none.
    const n = nina.page;
    await signIn(n, NINA);
    expect(await n.locator('.ksat').count()).toBe(0);
    expect(await mainNav(n).getByRole('link', { name: 'Customers' }).count()).toBe(0);
    for (const path of ['/satisfaction', '/customers', roundH1, baeckerei]) {
      const res = await n.goto(path);
      expect(res!.status(), path).toBe(403);
      expect(await text(n.getByRole('heading', { level: 1 })), path).toBe(
        'You are not allowed to do this',
      );
    }
    const csv = await n.request.get('/satisfaction.csv');
    expect(csv.status()).toBe(403);
    expect(nina.problems).toEqual([]);
  });
});
