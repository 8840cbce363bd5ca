import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
  org: 'Kantine Ärgerwerk',
  name: 'Paula Prüfer',
  email: 'paula.pruefer@example.com',
  password: 'a kettle of nettle tea',
};
// Kai reads Kantine in German: the board, "me too" and "Anonym" are checked in his words.
const KAI = {
  name: 'Kai Krüger',
  email: 'kai.krueger@example.com',
  password: 'a crate of winter pears',
  department: 'Logistik',
};
const MIA = {
  name: 'Mia Morgenstern',
  email: 'mia.morgenstern@example.com',
  password: 'a basket of blue plums',
  department: 'Einkauf',
};
const LEA = {
  name: 'Lea Lindqvist',
  email: 'lea.lindqvist@example.com',
  password: 'a sack of brown onions',
  department: 'Einkauf',
};

const KAI_POST = 'Das WLAN im Lager bricht ständig ab #ärger';
const MIA_POST = 'Die Kaffeemaschine im 3. Stock ist seit Wochen kaputt #ärger';
const ANON_TEXT = 'Die Reisekostenabrechnung dauert drei Monate.';
const NOTE = 'Ersatzteil ist bestellt, Lieferung am Freitag.';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const text = async (l: Locator) => (await l.innerText()).trim();
const texts = async (l: Locator) => (await l.allInnerTexts()).map((s) => s.trim());

/** The main navigation, in English or German. */
const mainNav = (page: Page) => page.getByRole('navigation', { name: /^(Main|Hauptnavigation)$/ });

/** An admin adds a person with a department and an initial password, through the admin pages. */
async function addMember(
  page: Page,
  person: { name: string; email: string; password: string; department: string },
): Promise<string> {
  await page.goto('/');
  await navigateBy(page, mainNav(page).getByRole('link', { name: 'Administration' }));
  await navigateBy(page, page.getByRole('link', { name: 'Add a person' }));
  await page.getByLabel('Name', { exact: true }).fill(person.name);
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByLabel('Department').fill(person.department);
  await page.getByLabel('Set an initial password now').check();
  await page.getByLabel('Initial password', { exact: true }).fill(person.password);
  await submit(page, 'Add person');
  return text(page.getByRole('status'));
}

async function signIn(
  page: Page,
  person: { email: string; password: string },
  de = false,
): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(de ? 'E-Mail-Adresse' : 'E-mail address').fill(person.email);
  await page.getByLabel(de ? 'Passwort' : 'Password').fill(person.password);
  await submit(page, de ? 'Anmelden' : 'Sign in');
  expect(pathOf(page)).toBe('/');
}

/** From wherever the page is, to the board by the main navigation. */
async function toBoard(page: Page, de = false): Promise<void> {
  await navigateBy(
    page,
    mainNav(page).getByRole('link', { name: de ? 'Ärgernisse' : 'Pain points', exact: true }),
  );
  expect(pathOf(page)).toBe('/pain-points');
}

const cards = (page: Page) => page.locator('li.pp-card');
const card = (page: Page, line: string) => cards(page).filter({ hasText: line });
const titles = (page: Page) => texts(cards(page).locator('.pp-title'));
const counts = (page: Page, de = false) =>
  texts(
    page
      .getByRole('navigation', { name: de ? 'Ärgernisse nach Status' : 'Pain points by status' })
      .getByRole('link'),
  );
/** What the board's filter form sent (a GET form sends every field). */
function filterOf(page: Page) {
  const q = new URL(page.url()).searchParams;
  return {
    status: q.getAll('status'),
    department: q.get('department'),
    ownerId: q.get('ownerId'),
    sort: q.get('sort'),
  };
}
const panel = (page: Page) => page.locator('section#pain-point');
/** The panel's facts as [term, description] pairs. */
async function facts(page: Page): Promise<string[][]> {
  const dl = panel(page).locator('dl.pp-facts');
  const terms = await texts(dl.locator('dt'));
  const descs = await texts(dl.locator('dd'));
  return terms.map((t, i) => [t, descs[i]!]);
}

describe.each([
  { js: true, mode: 'with JavaScript' },
  { js: false, mode: 'without JavaScript' },
])('pain points, $mode', ({ js }) => {
  let server: Server;
  const contexts: BrowserContext[] = [];
  let admin: Tab;
  let kai: Tab;
  let mia: Tab;
  let lea: Tab;
  /** Mia's pain point: its post's address and its id. */
  let miaPost = '';
  let miaPp = '';
  let kaiPost = '';
  let anonPost = '';

  beforeAll(async () => {
    server = await startServer();
    const open = async (locale = 'en-GB') => {
      const c = await (js ? jsContext : noJsContext)(browser, server, { locale });
      contexts.push(c);
      return openTab(c);
    };
    admin = await open();
    kai = await open('de-DE');
    mia = await open();
    lea = await open();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await server?.stop();
  });

  test('a hashtag given the meaning "pain point" fills the board; a lead takes one on; "me too" counts; filters and sorting work', async () => {
    await setUpOrganisation(admin.page, ADMIN);
    for (const p of [KAI, MIA, LEA]) {
      expect(await addMember(admin.page, p)).toBe(`${p.email} has been added.`);
    }

    // Kai posts with #ärger before the hashtag means anything: no pain point yet.
    await signIn(kai.page, KAI, true);
    await kai.page.getByLabel('Was möchten Sie teilen?').fill(KAI_POST);
    await submit(kai.page, 'Veröffentlichen');
    expect(await text(kai.page.getByRole('status'))).toBe('Veröffentlicht.');
    kaiPost = (await kai.page
      .locator('article.post')
      .first()
      .locator('.meta a')
      .first()
      .getAttribute('href'))!;
    await toBoard(kai.page, true);
    expect(await text(kai.page.getByRole('heading', { level: 1 }))).toBe('Ärgernisse');
    expect(await cards(kai.page).count()).toBe(0);
    expect(await text(kai.page.locator('.pain-points .empty'))).toBe(
      'Keine Ärgernisse passen zu diesen Filtern.',
    );

    // The admin gives #ärger the meaning "pain point": Kai's post becomes one.
    const { page } = admin;
    await navigateBy(page, mainNav(page).getByRole('link', { name: 'Administration' }));
    await navigateBy(
      page,
      page
        .getByRole('navigation', { name: 'Administration' })
        .getByRole('link', { name: 'Hashtags' }),
    );
    const meaning = page.getByLabel('Meaning of #ärger');
    await meaning.selectOption({ label: 'Pain point' });
    await navigateBy(
      page,
      page.locator('form', { has: meaning }).getByRole('button', { name: 'Save' }),
    );
    expect(await text(page.getByRole('status'))).toBe('Meaning of #ärger saved.');
    expect(await page.getByLabel('Meaning of #ärger').inputValue()).toBe('pain_point');

    // Mia posts one from the home composer; it is on the board at once.
    await signIn(mia.page, MIA);
    await mia.page.getByLabel('What would you like to share?').fill(MIA_POST);
    await submit(mia.page, 'Publish');
    expect(await text(mia.page.getByRole('status'))).toBe('Published.');
    await toBoard(mia.page);
    expect(await text(mia.page.getByRole('heading', { level: 1 }))).toBe('Pain points');
    // Most votes first, equal ones oldest first.
    expect(await titles(mia.page)).toEqual([KAI_POST, MIA_POST]);
    expect(await texts(cards(mia.page).locator('.pp-status'))).toEqual(['○ New', '○ New']);
    expect(await text(card(mia.page, MIA_POST).locator('.meta'))).toMatch(
      /^○ New · Department: Einkauf · Owner: No owner · Age: \d+ minutes?$/,
    );
    expect(await text(card(mia.page, KAI_POST).locator('.meta'))).toMatch(
      /^○ New · Department: Logistik · Owner: No owner · Age: \d+ minutes?$/,
    );
    expect(await counts(mia.page)).toEqual([
      'Open: 2',
      'New: 2',
      'Acknowledged: 0',
      'In progress: 0',
      'Resolved: 0',
      'Won’t fix: 0',
      'All: 2',
    ]);
    // One's own pain point counts already: no "me too" button on it.
    expect(await card(mia.page, MIA_POST).getByRole('button').count()).toBe(0);
    expect(await text(card(mia.page, MIA_POST).locator('.pp-votes'))).toBe('“Me too”: 0');
    miaPost = (await card(mia.page, MIA_POST).locator('.pp-title a').getAttribute('href'))!;
    expect(miaPost).toMatch(/^\/posts\/[A-Za-z0-9_-]+$/);
    miaPp = `pp_${miaPost.slice('/posts/'.length)}`;
    expect((await card(mia.page, KAI_POST).locator('.pp-title a').getAttribute('href'))!).toBe(
      kaiPost,
    );

    // The admin makes Lea the lead of Einkauf, from the board's link to the leads page.
    await toBoard(page);
    await navigateBy(page, page.getByRole('link', { name: 'Department leads' }));
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Department leads');
    expect(await text(page.locator('p.empty'))).toBe('No department leads yet.');
    await page.getByLabel('Department').fill('Einkauf');
    await page.getByLabel('Lead', { exact: true }).selectOption({ label: LEA.name });
    await submit(page, 'Add a lead');
    expect(pathOf(page)).toBe('/pain-points/leads');
    expect(await text(page.getByRole('status'))).toBe('Lea Lindqvist now leads Einkauf.');
    const leadRows = page.locator('table tbody tr');
    expect(await leadRows.count()).toBe(1);
    expect(await text(leadRows.locator('th'))).toBe('Einkauf');
    expect(await text(leadRows.locator('td').first())).toBe(LEA.name);

    // Lea, lead of Einkauf: from the board to Mia's post, where the panel has her forms.
    await signIn(lea.page, LEA);
    await toBoard(lea.page);
    // Kai's is Logistik's: Lea may not change it.
    await navigateBy(lea.page, card(lea.page, KAI_POST).getByRole('link', { name: KAI_POST }));
    expect(pathOf(lea.page)).toBe(kaiPost);
    expect(await panel(lea.page).getByRole('button', { name: 'Change status' }).count()).toBe(0);
    expect(await panel(lea.page).getByRole('button', { name: 'Assign' }).count()).toBe(0);
    await navigateBy(lea.page, panel(lea.page).getByRole('link', { name: 'All pain points' }));
    await navigateBy(lea.page, card(lea.page, MIA_POST).getByRole('link', { name: MIA_POST }));
    expect(pathOf(lea.page)).toBe(miaPost);
    expect(await text(panel(lea.page).getByRole('heading', { level: 3 }))).toBe('Pain point');
    expect(await facts(lea.page)).toEqual([
      ['Status', '○ New'],
      ['Owner', 'No owner'],
      ['Department', 'Einkauf'],
      ['Votes', '✋ Me too 0'],
      ['Resolving post', 'none yet'],
    ]);
    await panel(lea.page).getByLabel('Owner').selectOption({ label: LEA.name });
    await submit(lea.page, 'Assign');
    expect(pathOf(lea.page)).toBe(miaPost);
    expect(await text(lea.page.getByRole('status'))).toBe('Owner assigned.');
    const next = panel(lea.page).getByLabel('New status');
    expect(await texts(next.locator('option'))).toEqual([
      'Acknowledged',
      'In progress',
      'Resolved',
      'Won’t fix',
    ]);
    await next.selectOption({ label: 'Acknowledged' });
    await panel(lea.page).getByLabel('Note (optional)').fill(NOTE);
    await submit(lea.page, 'Change status');
    expect(pathOf(lea.page)).toBe(miaPost);
    expect(await text(lea.page.getByRole('status'))).toBe('Status changed.');
    const leaFacts = await facts(lea.page);
    expect(leaFacts.slice(0, 3)).toEqual([
      ['Status', '◔ Acknowledged'],
      ['Owner', LEA.name],
      ['Department', 'Einkauf'],
    ]);
    // Both changes are in the post's conversation, in order, with their time.
    const events = lea.page.locator('#comments .pp-event');
    // Each entry ends with " · " and its time; the words before it are exact.
    expect((await texts(events)).map((e) => e.replace(/ · [^·]+$/, ''))).toEqual([
      '⚑ Lea Lindqvist assigned Lea Lindqvist',
      `⚑ Lea Lindqvist changed the status from New to Acknowledged: ${NOTE}`,
    ]);
    expect(await events.locator('time').count()).toBe(2);

    // Kai, in German: the board in his words; "Ich auch" on Mia's counts him.
    await toBoard(kai.page, true);
    const miaCard = card(kai.page, MIA_POST);
    expect(await text(miaCard.locator('.pp-status'))).toBe('◔ Bestätigt');
    expect(await text(miaCard.locator('.meta'))).toMatch(
      /^◔ Bestätigt · Abteilung: Einkauf · Verantwortlich: Lea Lindqvist · Alter: \d+ Minuten?$/,
    );
    const meToo = miaCard.getByRole('button', { name: 'Ich auch 0' });
    expect(await meToo.getAttribute('aria-pressed')).toBe('false');
    await navigateBy(kai.page, meToo);
    expect(pathOf(kai.page)).toBe('/pain-points');
    expect(new URL(kai.page.url()).hash).toBe(`#pp-${miaPp}`);
    const voted = card(kai.page, MIA_POST).getByRole('button', { name: 'Ich auch 1' });
    expect(await voted.getAttribute('aria-pressed')).toBe('true');
    expect(await text(card(kai.page, KAI_POST).locator('.pp-votes'))).toBe('„Ich auch“: 0');
    expect(await counts(kai.page, true)).toEqual([
      'Offen: 2',
      'Neu: 1',
      'Bestätigt: 1',
      'In Arbeit: 0',
      'Gelöst: 0',
      'Wird nicht behoben: 0',
      'Alle: 2',
    ]);

    // Mia filters and sorts the board.
    await mia.page.reload();
    // Most votes first: Mia's (1) before Kai's older one (0).
    expect(await titles(mia.page)).toEqual([MIA_POST, KAI_POST]);
    await mia.page.getByLabel('Sort by').selectOption({ label: 'Oldest first' });
    await submit(mia.page, 'Show');
    expect(filterOf(mia.page)).toEqual({
      status: ['new', 'acknowledged', 'in_progress'],
      department: '',
      ownerId: '',
      sort: 'oldest',
    });
    expect(await titles(mia.page)).toEqual([KAI_POST, MIA_POST]);
    await mia.page.getByLabel('Sort by').selectOption({ label: 'Most votes' });
    await mia.page.getByLabel('New', { exact: true }).uncheck();
    await mia.page.getByLabel('In progress', { exact: true }).uncheck();
    await submit(mia.page, 'Show');
    expect(filterOf(mia.page)).toEqual({
      status: ['acknowledged'],
      department: '',
      ownerId: '',
      sort: 'votes',
    });
    expect(await titles(mia.page)).toEqual([MIA_POST]);
    expect(
      await mia.page.getByRole('link', { name: 'Acknowledged: 1' }).getAttribute('aria-current'),
    ).toBe('page');
    await navigateBy(mia.page, mia.page.getByRole('link', { name: 'All: 2' }));
    expect(pathOf(mia.page)).toBe('/pain-points?status=all');
    expect(await titles(mia.page)).toEqual([MIA_POST, KAI_POST]);
    const department = mia.page.getByLabel('Department');
    expect(await texts(department.locator('option'))).toEqual(['Any', 'Einkauf', 'Logistik']);
    await department.selectOption('Logistik');
    await submit(mia.page, 'Show');
    expect(filterOf(mia.page)).toEqual({
      status: ['new', 'acknowledged', 'in_progress', 'resolved', 'wont_fix'],
      department: 'Logistik',
      ownerId: '',
      sort: 'votes',
    });
    expect(await titles(mia.page)).toEqual([KAI_POST]);
    await mia.page.getByLabel('Department').selectOption('');
    await mia.page.getByLabel('Owner').selectOption({ label: LEA.name });
    await submit(mia.page, 'Show');
    expect(await titles(mia.page)).toEqual([MIA_POST]);
    await mia.page.getByLabel('Owner').selectOption({ label: 'No owner' });
    await submit(mia.page, 'Show');
    expect(await titles(mia.page)).toEqual([KAI_POST]);

    for (const t of [admin, kai, mia, lea]) expect(t.problems).toEqual([]);
  });

  test('an anonymous pain point is moderated, then shown by "Anonymous" and never by its author', async () => {
    // Mia files one anonymously, from the board's link.
    await toBoard(mia.page);
    await navigateBy(
      mia.page,
      mia.page.getByRole('link', { name: 'Report a pain point anonymously' }),
    );
    expect(pathOf(mia.page)).toBe('/pain-points/anonymous');
    expect(await text(mia.page.getByRole('heading', { level: 1 }))).toBe(
      'Report a pain point anonymously',
    );
    await mia.page.getByLabel('What is the pain point?').fill(ANON_TEXT);
    const dept = mia.page.getByLabel('Department it concerns');
    expect(await texts(dept.locator('option'))).toEqual(['No department', 'Einkauf', 'Logistik']);
    await dept.selectOption('Logistik');
    await submit(mia.page, 'Send for moderation');
    expect(pathOf(mia.page)).toBe('/pain-points/anonymous/mine');
    expect(await text(mia.page.getByRole('status'))).toBe(
      'Sent. It waits for a moderator; until then you can see and withdraw it here.',
    );
    const mine = mia.page.locator('li.notification');
    expect(await mine.count()).toBe(1);
    expect(await text(mine.locator('blockquote'))).toBe(ANON_TEXT);
    expect(await text(mine.locator('.meta'))).toMatch(
      /^Sent .+ · Logistik · Everyone \(whole organisation\)$/,
    );

    // Not on the board before a moderator publishes it.
    await navigateBy(mia.page, mia.page.getByRole('link', { name: 'Board' }));
    expect(await cards(mia.page).count()).toBe(2);

    // The admin follows the board's link with the waiting count and publishes it.
    const { page } = admin;
    await toBoard(page);
    await navigateBy(
      page,
      page.getByRole('link', { name: 'Moderation of anonymous pain points (1 waiting)' }),
    );
    expect(pathOf(page)).toBe('/pain-points/moderation');
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe(
      'Moderation of anonymous pain points',
    );
    const waiting = page.locator('li.notification');
    expect(await waiting.count()).toBe(1);
    expect(await text(waiting.locator('blockquote'))).toBe(ANON_TEXT);
    for (const trace of [MIA.name, MIA.email]) expect(await page.content()).not.toContain(trace);
    await navigateBy(page, waiting.getByRole('button', { name: 'Publish' }));
    expect(pathOf(page)).toBe('/pain-points/moderation');
    expect(await text(page.getByRole('status'))).toBe('Published as a pain point by “Anonymous”.');
    expect(await text(page.locator('p.empty'))).toBe('Nothing waiting for moderation.');

    // Decided: it has left Mia's list.
    await navigateBy(
      mia.page,
      mia.page.getByRole('link', { name: 'Report a pain point anonymously' }),
    );
    await navigateBy(mia.page, mia.page.getByRole('link', { name: 'My waiting reports' }));
    expect(await text(mia.page.locator('p.empty'))).toBe('Nothing waiting.');

    // The admin's board: three, the new one "Anonymous", and Mia's name nowhere.
    await toBoard(page);
    expect(
      await text(page.getByRole('link', { name: /^Moderation of anonymous pain points/ })),
    ).toBe('Moderation of anonymous pain points (0 waiting)');
    expect(await titles(page)).toEqual([MIA_POST, KAI_POST, ANON_TEXT]);
    expect(await text(card(page, ANON_TEXT).locator('.meta'))).toMatch(
      /^○ New · Department: Logistik · Owner: No owner · Age: \d+ minutes? · Anonymous$/,
    );
    for (const trace of [MIA.name, MIA.email]) expect(await page.content()).not.toContain(trace);

    // Kai, in German: "Anonym" on the board and on the post, Mia's name on neither.
    await toBoard(kai.page, true);
    const anonCard = card(kai.page, ANON_TEXT);
    expect(await text(anonCard.locator('.meta'))).toMatch(
      /^○ Neu · Abteilung: Logistik · Verantwortlich: Niemand verantwortlich · Alter: \d+ Minuten? · Anonym$/,
    );
    for (const trace of [MIA.name, MIA.email]) {
      expect(await kai.page.content()).not.toContain(trace);
    }
    await navigateBy(kai.page, anonCard.getByRole('link', { name: ANON_TEXT }));
    anonPost = pathOf(kai.page);
    expect(anonPost).toMatch(/^\/posts\/[A-Za-z0-9_-]+$/);
    expect(await text(kai.page.getByRole('heading', { level: 1 }))).toBe('Anonym');
    expect(await kai.page.locator('article.post .post-title a').count()).toBe(0);
    // The pain-point hashtag was added to a text without one.
    expect(await text(kai.page.locator('article.post .post-body').first())).toContain('#ärger');
    expect(await facts(kai.page)).toEqual([
      ['Status', '○ Neu'],
      ['Verantwortlich', 'Niemand verantwortlich'],
      ['Abteilung', 'Logistik'],
      ['Stimmen', '✋ Ich auch 0'],
      ['Lösender Beitrag', 'noch keiner'],
      ['Eingereicht', 'Anonym'],
    ]);
    for (const trace of [MIA.name, MIA.email]) {
      expect(await kai.page.content()).not.toContain(trace);
    }

    for (const t of [admin, kai, mia]) expect(t.problems).toEqual([]);
  });

  test('the content level of analytics counts the pain points', async () => {
    const { page } = admin;
    await navigateBy(page, mainNav(page).getByRole('link', { name: 'Administration' }));
    await navigateBy(
      page,
      page
        .getByRole('navigation', { name: 'Administration' })
        .getByRole('link', { name: 'Analytics' }),
    );
    const nav = page.getByRole('navigation', { name: 'Analytics' });
    // Three reporters (Kai, Mia, one anonymous): a threshold of 3 shows the open count.
    await navigateBy(page, nav.getByRole('link', { name: 'Settings', exact: true }));
    await page.getByLabel('Privacy threshold (people)').fill('3');
    await submit(page, 'Save');
    expect(await text(page.getByRole('status'))).toBe('The analytics settings were saved.');
    await navigateBy(page, nav.getByRole('link', { name: 'Content', exact: true }));
    const section = page.locator('section[aria-labelledby="content-painpoints"]');
    expect(await text(section.getByRole('heading', { level: 2 }))).toBe('Pain points');
    const figure = (label: string) =>
      section.locator('.figure').filter({ has: page.getByText(label, { exact: true }) });
    expect(await text(figure('Open pain points').locator('strong'))).toBe('3');
    // Acknowledged: one, resting on one reporter (Mia): below the threshold.
    expect(await text(figure('Acknowledged').locator('strong'))).toBe('fewer than 3');
    expect(admin.problems).toEqual([]);
  });

  test('a refused form keeps what was typed and names the problem beside its field', async () => {
    // Lea has Mia's post open (acknowledged); in a second tab she resolves it.
    const { page } = lea;
    await page.goto('/');
    await toBoard(page);
    await navigateBy(page, card(page, MIA_POST).getByRole('link', { name: MIA_POST }));
    const other = await openTab(page.context());
    await other.page.goto('/');
    await toBoard(other.page);
    await navigateBy(other.page, card(other.page, MIA_POST).getByRole('link', { name: MIA_POST }));
    await panel(other.page).getByLabel('New status').selectOption({ label: 'Resolved' });
    await submit(other.page, 'Change status');
    expect(await text(other.page.getByRole('status'))).toBe('Status changed.');
    expect(other.problems).toEqual([]);
    await other.page.close();

    // The first tab still offers "Won’t fix", which a resolved one cannot go to directly.
    await panel(page).getByLabel('New status').selectOption({ label: 'Won’t fix' });
    await panel(page).getByLabel('Note (optional)').fill('Zu teuer.');
    const res = await submit(page, 'Change status');
    expect(res.status()).toBe(422);
    expect(pathOf(page)).toBe(`/pain-points/${miaPp}/status`);
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Pain point');
    const field = page.locator('.field.has-error');
    expect(await field.count()).toBe(1);
    expect(await field.locator('select').getAttribute('name')).toBe('status');
    expect(await text(page.locator('#status-error'))).toBe(
      'This status cannot be chosen from the current one.',
    );
    expect(await page.getByLabel('New status').getAttribute('aria-describedby')).toBe(
      'status-error',
    );
    expect(await page.getByLabel('Note (optional)').inputValue()).toBe('Zu teuer.');
    expect(await text(page.getByRole('alert'))).toBe('Please correct the 1 marked fields.');
    expect((await facts(page))[0]).toEqual(['Status', '● Resolved']);
    expect(await texts(page.getByLabel('New status').locator('option'))).toEqual([
      'Acknowledged',
      'In progress',
    ]);
    await checkA11y(page, 'pain point with a refused status change');

    // The anonymous form sent without a text: the department chosen is kept.
    await navigateBy(mia.page, mainNav(mia.page).getByRole('link', { name: 'Pain points' }));
    await navigateBy(
      mia.page,
      mia.page.getByRole('link', { name: 'Report a pain point anonymously' }),
    );
    await mia.page.getByLabel('What is the pain point?').fill('   ');
    await mia.page.getByLabel('Department it concerns').selectOption('Einkauf');
    const refused = await submit(mia.page, 'Send for moderation');
    expect(refused.status()).toBe(400);
    expect(pathOf(mia.page)).toBe('/pain-points/anonymous');
    expect(await text(mia.page.locator('#body-error'))).toBe('Please fill in this field');
    expect(await mia.page.getByLabel('Department it concerns').inputValue()).toBe('Einkauf');
    expect(await mia.page.locator('.field.has-error').count()).toBe(1);
    await checkA11y(mia.page, 'anonymous form with an error');
    expect(await mia.page.locator('li.notification').count()).toBe(0);
    await navigateBy(mia.page, mia.page.getByRole('link', { name: 'My waiting reports' }));
    expect(await text(mia.page.locator('p.empty'))).toBe('Nothing waiting.');

    for (const t of [lea, mia]) expect(t.problems).toEqual([]);
  });

  test('the board, a pain point, the leads, the anonymous form and moderation are accessible and fit a phone', async () => {
    // Something waiting, so that the queue shows an item with its forms.
    await navigateBy(mia.page, mia.page.getByRole('link', { name: 'Report anonymously' }));
    await mia.page
      .getByLabel('What is the pain point?')
      .fill('Der Drucker im Einkauf druckt nur noch leere Seiten.');
    await submit(mia.page, 'Send for moderation');
    await checkA11y(mia.page, 'my waiting reports');

    const { page } = admin;
    await toBoard(page);
    await checkA11y(page, 'board');
    await checkPhoneWidth(page, 'board');
    await navigateBy(page, card(page, KAI_POST).getByRole('link', { name: KAI_POST }));
    expect(pathOf(page)).toBe(kaiPost);
    // The admin's panel, with every form.
    for (const button of ['Change status', 'Assign', 'Link the post']) {
      expect(await panel(page).getByRole('button', { name: button }).count()).toBe(1);
    }
    await checkA11y(page, 'post with the pain-point panel');
    await checkPhoneWidth(page, 'post with the pain-point panel');
    await navigateBy(page, panel(page).getByRole('link', { name: 'All pain points' }));
    await navigateBy(page, page.getByRole('link', { name: 'Department leads' }));
    await checkA11y(page, 'department leads');
    await checkPhoneWidth(page, 'department leads');
    await navigateBy(page, page.getByRole('link', { name: 'All pain points' }));
    await navigateBy(page, page.getByRole('link', { name: 'Report a pain point anonymously' }));
    await checkA11y(page, 'anonymous form');
    await checkPhoneWidth(page, 'anonymous form');
    await navigateBy(page, page.getByRole('link', { name: 'Board' }));
    await navigateBy(
      page,
      page.getByRole('link', { name: 'Moderation of anonymous pain points (1 waiting)' }),
    );
    expect(await page.locator('li.notification').count()).toBe(1);
    await checkA11y(page, 'moderation');
    await checkPhoneWidth(page, 'moderation');

    // In German too.
    await toBoard(kai.page, true);
    await checkA11y(kai.page, 'board (de)');
    await navigateBy(kai.page, card(kai.page, ANON_TEXT).getByRole('link', { name: ANON_TEXT }));
    expect(pathOf(kai.page)).toBe(anonPost);
    await checkA11y(kai.page, 'anonymous pain point (de)');
    await checkPhoneWidth(kai.page, 'anonymous pain point (de)');

    for (const t of [admin, kai, mia]) expect(t.problems).toEqual([]);
  });

  test('the server logged no errors', () => {
    expect(server.loggedErrors()).toEqual([]);
  });
});
