// The feed page's weight, as ARCHITECTURE.md budgets it: everything transferred for HTML, CSS and
// script, compressed as sent over the wire, without user images, at most 50 KB in at most 6
// requests, on a cold cache. Byte and request counts are deterministic; time is never asserted
// here (first contentful paint under Slow 3G is measured by bench/fcp.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SETTINGS } from '../src/config.ts';
import { SEED_PASSWORD } from '../src/features/seed/seed.ts';
import {
  jsContext,
  launchChromium,
  noJsContext,
  openTab,
  startServer,
  submit,
  type Server,
} from './harness.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUDGET_BYTES = 50 * 1024;
const BUDGET_REQUESTS = 6;
/** Profile photos are people's pictures, not the page's weight. */
const USER_IMAGE = /\/people\/[^/]+\/photo\//;

interface Transfer {
  url: string;
  type: string;
  bytes: number;
  finished: boolean;
  encoding: string;
}

let browser: Browser;
let server: Server;
let dataDir: string;
let member = '';

beforeAll(async () => {
  // A small seeded organisation: a feed full of posts with hashtags, mentions and reactions.
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kantine-weight-'));
  const env: Record<string, string | undefined> = { ...process.env };
  for (const s of SETTINGS) delete env[s.env];
  const out = execFileSync(process.execPath, ['bin/kantine.js', 'seed', '--scale', 'small'], {
    cwd: ROOT,
    env: { ...env, DATA_DIR: dataDir, PASSWORD_COST: '10', LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  member = /a typical member[^:]*: (\S+@\S+)/.exec(out)?.[1] ?? '';
  expect(member, out).not.toBe('');
  server = await startServer({
    DATA_DIR: dataDir,
    DATABASE_URL: `sqlite:${path.join(dataDir, 'kantine.db')}`,
  });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Signs in through the form in one profile; returns a second, cold profile with its cookies. */
async function coldSignedInContext(js: boolean): Promise<BrowserContext> {
  const warm = await jsContext(browser, server);
  try {
    const { page } = await openTab(warm);
    await page.goto('/login');
    await page.getByLabel('E-mail address').fill(member);
    await page.getByLabel('Password').fill(SEED_PASSWORD);
    await submit(page, 'Sign in');
    expect(new URL(page.url()).pathname).toBe('/');
    const state = await warm.storageState();
    return (js ? jsContext : noJsContext)(browser, server, { storageState: state });
  } finally {
    await warm.close();
  }
}

/** Loads the home feed with the cache off and lists every request with its bytes on the wire. */
async function loadFeed(context: BrowserContext, js: boolean): Promise<Transfer[]> {
  const { page, problems } = await openTab(context);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const byId = new Map<string, Transfer>();
  cdp.on('Network.requestWillBeSent', (e) => {
    byId.set(e.requestId, {
      url: e.request.url,
      type: e.type ?? '',
      bytes: 0,
      finished: false,
      encoding: '',
    });
  });
  // A response still streaming (the live updates) counts what has arrived: headers and data.
  cdp.on('Network.responseReceived', (e) => {
    const t = byId.get(e.requestId);
    if (!t) return;
    t.bytes = e.response.encodedDataLength;
    const headers = Object.entries(e.response.headers);
    t.encoding = headers.find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? 'identity';
  });
  cdp.on('Network.dataReceived', (e) => {
    const t = byId.get(e.requestId);
    if (t && !t.finished) t.bytes += e.encodedDataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const t = byId.get(e.requestId);
    if (t) {
      t.bytes = e.encodedDataLength;
      t.finished = true;
    }
  });
  const live = js ? page.waitForRequest((r) => new URL(r.url()).pathname === '/events') : null;
  const res = await page.goto('/', { waitUntil: 'load' });
  expect(res?.status()).toBe(200);
  await live;
  await expect.poll(() => page.locator('article').count()).toBeGreaterThanOrEqual(20);
  expect(problems).toEqual([]);
  return [...byId.values()];
}

function summary(transfers: Transfer[]): string {
  return transfers
    .map(
      (t) =>
        `  ${t.type.padEnd(11)} ${String(t.bytes).padStart(7)} B  ${t.encoding.padEnd(8)} ${new URL(t.url).pathname}`,
    )
    .join('\n');
}

describe.each([
  { js: true, mode: 'with JavaScript' },
  { js: false, mode: 'without JavaScript' },
])('the signed-in home feed, $mode, cold cache', ({ js }) => {
  test(`transfers at most 50 KB of HTML, CSS and script in at most ${BUDGET_REQUESTS} requests`, async () => {
    const context = await coldSignedInContext(js);
    try {
      const transfers = (await loadFeed(context, js)).filter(
        (t) => !(t.type === 'Image' && USER_IMAGE.test(new URL(t.url).pathname)),
      );
      const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
      console.log(
        `home feed ${js ? 'with' : 'without'} JavaScript: ${total} bytes in ${transfers.length} requests\n${summary(transfers)}`,
      );
      // Compressed as sent: the page, its stylesheet and its script each came with an encoding.
      const types = transfers.map((t) => t.type);
      expect(types).toContain('Document');
      expect(types).toContain('Stylesheet');
      if (js) expect(types).toContain('Script');
      expect(transfers.length, summary(transfers)).toBeLessThanOrEqual(BUDGET_REQUESTS);
      expect(total, summary(transfers)).toBeLessThanOrEqual(BUDGET_BYTES);
    } finally {
      await context.close();
    }
  });
});
