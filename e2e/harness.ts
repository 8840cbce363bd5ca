import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import axe from 'axe-core';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
  type Response,
} from 'playwright-core';
import { SETTINGS } from '../src/config.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// ---------------------------------------------------------------------------------------------
// A real Kantine server, as people run it: `node bin/kantine.js start` on a fresh data directory.

export interface Server {
  url: string;
  dataDir: string;
  /** Everything the process printed so far, for failure messages. */
  output(): string;
  /** Log lines at level error or fatal (pino levels 50 and 60). */
  loggedErrors(): string[];
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address() as net.AddressInfo;
  srv.close();
  await once(srv, 'close');
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startServer(settings: Record<string, string> = {}): Promise<Server> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'kantine-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: Record<string, string | undefined> = { ...process.env };
  // Only what this test says counts: no SMTP, Redis or database from the developer's shell.
  for (const s of SETTINGS) delete env[s.env];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    BASE_URL: url,
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${path.join(dataDir, 'kantine.db')}`,
    LOG_LEVEL: 'warn',
    PASSWORD_COST: '10',
    NODE_ENV: 'test',
    ...settings,
  });
  const child = spawn(process.execPath, ['bin/kantine.js', 'start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (output += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (output += s));
  const exited = once(child, 'exit');

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`Kantine exited before it was ready (${child.exitCode}):\n${output}`);
    }
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Kantine was not ready on ${url}/readyz within 30 s:\n${output}`);
    }
    await sleep(100);
  }

  return {
    url,
    dataDir,
    output: () => output,
    loggedErrors: () =>
      output.split('\n').filter((line) => {
        if (!line.startsWith('{')) return false;
        try {
          return (JSON.parse(line) as { level?: number }).level! >= 50;
        } catch {
          return false;
        }
      }),
    stop,
  };
}

// ---------------------------------------------------------------------------------------------
// Debian's Chromium, driven by playwright-core. Never downloaded; a missing browser fails the run.

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function chromiumPath(): string {
  let found = '';
  try {
    found = execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    // reported below
  }
  if (!found) {
    throw new Error(
      `The browser tests need Debian's Chromium, and \`command -v chromium\` found nothing` +
        `${process.env.CI === 'true' ? ' on this CI machine' : ''}. ` +
        'Install it with `apt-get install -y chromium`. These tests never download a browser ' +
        'and never skip.',
    );
  }
  return found;
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 700 };

export interface ContextOptions extends BrowserContextOptions {
  js: boolean;
}

/** Whether a context made here runs the pages' scripts: checkA11y needs to know. */
const scriptsEnabled = new WeakMap<BrowserContext, boolean>();

/** A fresh browser profile against the server, English unless `locale` says otherwise. */
export async function newContext(
  browser: Browser,
  server: Server,
  { js, ...options }: ContextOptions,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: server.url,
    javaScriptEnabled: js,
    locale: 'en-GB',
    viewport: DESKTOP,
    ...options,
  });
  // Pages are rendered on the server in milliseconds; a step that waits longer has gone wrong.
  context.setDefaultTimeout(10_000);
  scriptsEnabled.set(context, js);
  return context;
}

export const jsContext = (browser: Browser, server: Server, options: BrowserContextOptions = {}) =>
  newContext(browser, server, { ...options, js: true });

export const noJsContext = (
  browser: Browser,
  server: Server,
  options: BrowserContextOptions = {},
) => newContext(browser, server, { ...options, js: false });

// ---------------------------------------------------------------------------------------------
// What a page must never do: log errors, throw, break its CSP, or fail to load its own assets.

/**
 * Watches a page and returns the list of problems seen so far (it keeps growing). A document that
 * answers 4xx on purpose (a form with errors, a used invitation) makes Chromium log
 * "Failed to load resource"; that line is not a problem when it names the document itself.
 */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  const documents = new Map<string, number>();
  page.on('response', (res) => {
    const req = res.request();
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) {
      documents.set(res.url(), res.status());
    } else if (res.status() >= 400) {
      problems.push(`${req.resourceType()} ${res.url()} answered ${res.status()}`);
    }
  });
  page.on('requestfailed', (req) => {
    const reason = req.failure()?.errorText ?? '';
    // A navigation replaced by the next one (a form posted while an image loads) is not a fault.
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`${req.resourceType()} ${req.url()} failed: ${reason}`);
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error' && !/Content.Security.Policy/i.test(msg.text())) return;
    const at = msg.location().url;
    const status = /status of (\d{3})/.exec(msg.text())?.[1];
    if (status && documents.get(at) === Number(status)) return;
    problems.push(`console ${msg.type()} at ${at}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Accessibility (axe-core) and layout at a phone's width.

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `[${v.impact ?? '?'}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .map(
            (n) =>
              `    ${n.target.join(' ')}\n      ${n.html}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
          )
          .join('\n'),
    )
    .join('\n');
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
    };
    const result = await w.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target,
        html: n.html,
        failureSummary: n.failureSummary,
      })),
    }));
  });
}

/**
 * axe runs on timers and promises, which never fire in a page whose scripts are disabled. So a
 * page seen without JavaScript is audited as a copy: its document, exactly as it is now, served
 * at the same address to a scripting profile with the same cookies and size, the page's own
 * scripts blocked; stylesheets and images come from the server as before.
 */
async function runAxeOnCopy(page: Page): Promise<AxeViolation[]> {
  const url = page.url().split('#')[0]!;
  const html = await page.content();
  const looks = () =>
    `${document.styleSheets.length} ${getComputedStyle(document.documentElement).font} ` +
    getComputedStyle(document.documentElement).backgroundColor;
  const original = await page.evaluate(looks);
  const browser = page.context().browser();
  if (!browser) throw new Error('checkA11y needs a page of a launched browser');
  const audit = await browser.newContext({
    javaScriptEnabled: true,
    viewport: page.viewportSize() ?? DESKTOP,
  });
  try {
    await audit.addCookies(await page.context().cookies());
    const copy = await audit.newPage();
    await copy.route('**/*', (route) => {
      const req = route.request();
      if (req.isNavigationRequest() && req.url() === url) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      if (req.resourceType() === 'script') return route.abort();
      return route.continue();
    });
    await copy.goto(url);
    const copied = await copy.evaluate(looks);
    if (copied !== original) {
      throw new Error(`The copy of ${url} for axe is styled differently: ${copied} ≠ ${original}`);
    }
    return await runAxe(copy);
  } finally {
    await audit.close();
  }
}

/**
 * Runs axe (WCAG 2.1 A and AA, and best practices) on the page as it is and fails with every
 * violation and its nodes. axe is evaluated through the DevTools protocol, which the page's CSP
 * does not govern.
 */
export async function checkA11y(page: Page, label = page.url()): Promise<void> {
  const violations =
    scriptsEnabled.get(page.context()) === false ? await runAxeOnCopy(page) : await runAxe(page);
  if (violations.length > 0) {
    throw new Error(
      `axe found ${violations.length} violation(s) on ${label}:\n${formatViolations(violations)}`,
    );
  }
}

/** Fails when the page scrolls sideways at 375 px wide, naming the elements that stick out. */
export async function checkPhoneWidth(page: Page, label = page.url()): Promise<void> {
  const before = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize(PHONE);
  try {
    const { scrollWidth, wide } = await page.evaluate((limit) => {
      const wide: string[] = [];
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > limit + 0.5) {
          const id = el.id ? `#${el.id}` : '';
          const cls = typeof el.className === 'string' && el.className ? `.${el.className}` : '';
          wide.push(`${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(r.right)})`);
        }
      }
      return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 10) };
    }, PHONE.width);
    if (scrollWidth > PHONE.width) {
      throw new Error(
        `${label} scrolls sideways at ${PHONE.width} px: scrollWidth ${scrollWidth}.\n` +
          `Wider than the screen:\n  ${wide.join('\n  ')}`,
      );
    }
  } finally {
    await page.setViewportSize(before);
  }
}

// ---------------------------------------------------------------------------------------------
// Mail: without SMTP, Kantine writes each mail as an .eml file to DATA_DIR/outbox.

export interface Mail {
  file: string;
  headers: Record<string, string>;
  text: string;
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case 'quoted-printable': {
      const unwrapped = body.replace(/=\r?\n/g, '');
      const bytes: number[] = [];
      for (let i = 0; i < unwrapped.length; i++) {
        const hex = /^=([0-9A-Fa-f]{2})/.exec(unwrapped.slice(i, i + 3));
        if (hex) {
          bytes.push(parseInt(hex[1]!, 16));
          i += 2;
        } else {
          bytes.push(...Buffer.from(unwrapped[i]!, 'utf8'));
        }
      }
      return Buffer.from(bytes).toString('utf8');
    }
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    default:
      return body;
  }
}

/** Parses a single-part text mail as Kantine's outbox writes it. */
export function parseMail(file: string, raw: string): Mail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { file, headers, text: decodeBody(body, headers['content-transfer-encoding'] ?? '7bit') };
}

/**
 * The newest mail in the outbox (to `to`, when given), waiting up to 10 s for it: mail is sent
 * after the transaction commits, possibly after the response.
 */
export async function newestMail(server: Server, to?: string): Promise<Mail> {
  const dir = path.join(server.dataDir, 'outbox');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const files = (await readdir(dir).catch(() => [] as string[]))
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .reverse();
    for (const f of files) {
      const mail = parseMail(f, await readFile(path.join(dir, f), 'utf8'));
      if (!to || (mail.headers.to ?? '').includes(to)) return mail;
    }
    if (Date.now() > deadline) {
      throw new Error(`No mail${to ? ` to ${to}` : ''} in ${dir} (files: ${files.join(', ')})`);
    }
    await sleep(100);
  }
}

/** The invitation link in a mail, as an absolute URL. */
export function inviteLink(mail: Mail): string {
  const m = /https?:\/\/[^\s<>"]+\/invite\/[A-Za-z0-9_-]+/.exec(mail.text);
  if (!m) throw new Error(`No /invite/… link in the mail ${mail.file}:\n${mail.text}`);
  return m[0];
}

// ---------------------------------------------------------------------------------------------
// Pages and forms.

export interface Tab {
  page: Page;
  /** Problems seen on this tab so far; see watchPage. */
  problems: string[];
}

export async function openTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  return { page, problems: watchPage(page) };
}

/**
 * Clicks something that loads a new document (a submit button, a link) and waits until that
 * document has loaded; returns the response that produced it, after any redirects.
 */
export async function navigateBy(page: Page, target: Locator): Promise<Response> {
  let last: Response | null = null;
  const onResponse = (res: Response) => {
    const req = res.request();
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) last = res;
  };
  page.on('response', onResponse);
  try {
    await Promise.all([
      page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() }),
      target.click(),
    ]);
    await page.waitForLoadState('load');
  } finally {
    page.off('response', onResponse);
  }
  if (!last) throw new Error(`No document response after clicking ${String(target)}`);
  return last;
}

/** Presses the named submit button and waits for the page that answers. */
export function submit(page: Page, button: string): Promise<Response> {
  return navigateBy(page, page.getByRole('button', { name: button, exact: true }));
}

/** The path (and query) of the page's current address. */
export function pathOf(page: Page): string {
  const u = new URL(page.url());
  return `${u.pathname}${u.search}`;
}

/** Fills the set-up form of an empty organisation; its first admin ends on the home page. */
export async function setUpOrganisation(
  page: Page,
  admin: { org: string; name: string; email: string; password: string },
): Promise<void> {
  await page.goto('/setup');
  await page.getByLabel('Name of the organisation').fill(admin.org);
  await page.getByLabel('Name', { exact: true }).fill(admin.name);
  await page.getByLabel('E-mail address').fill(admin.email);
  await page.getByLabel('New password').fill(admin.password);
  await submit(page, 'Create organisation');
  if (pathOf(page) !== '/') throw new Error(`set-up ended on ${pathOf(page)}`);
}

/** An admin adds a person with an initial password; returns the confirmation shown. */
export async function addPerson(
  page: Page,
  person: { name: string; email: string; password: string },
): Promise<string> {
  await page.goto('/admin/users/new');
  await page.getByLabel('Name', { exact: true }).fill(person.name);
  await page.getByLabel('E-mail address').fill(person.email);
  await page.getByLabel('Set an initial password now').check();
  await page.getByLabel('Initial password', { exact: true }).fill(person.password);
  await submit(page, 'Add person');
  return (await page.getByRole('status').innerText()).trim();
}
