// First contentful paint of the signed-in home feed under Chrome's "Slow 3G" conditions.
//
// Run by bench/run.ts; alone: npx tsx bench/fcp.ts --url http://127.0.0.1:3000 --email E --password P
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { DESKTOP, launchChromium } from '../e2e/harness.ts';
import { median, signIn } from './lib.ts';

/** DevTools' "Slow 3G" preset as ARCHITECTURE.md states it: 2,000 ms added, 50,000 bytes/s each way. */
export const SLOW_3G = {
  offline: false,
  latency: 2000,
  downloadThroughput: 50_000,
  uploadThroughput: 50_000,
} as const;

export interface FcpRun {
  fcpMs: number;
  /** Bytes on the wire (headers included) and requests, until the load event. */
  bytes: number;
  requests: number;
}

export interface FcpResult {
  runs: FcpRun[];
  medianMs: number;
}

/** Loads `path` signed in, cold cache and fresh connections, `runs` times; FCP of each. */
export async function measureFcp(opts: {
  url: string;
  email: string;
  password: string;
  path?: string;
  runs?: number;
  browser?: Browser;
}): Promise<FcpResult> {
  const jar = await signIn(opts.url, opts.email, opts.password);
  const browser = opts.browser ?? (await launchChromium());
  const runs: FcpRun[] = [];
  try {
    for (let i = 0; i < (opts.runs ?? 3); i++) {
      // A fresh profile each time: empty cache, no open connections, only the session cookie.
      const context = await browser.newContext({ viewport: DESKTOP, locale: 'de-DE' });
      try {
        await context.addCookies([...jar].map(([name, value]) => ({ name, value, url: opts.url })));
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.clearBrowserCache');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
        let bytes = 0;
        let requests = 0;
        cdp.on('Network.requestWillBeSent', () => requests++);
        cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
        const res = await page.goto(`${opts.url}${opts.path ?? '/'}`, {
          waitUntil: 'load',
          timeout: 180_000,
        });
        if (res?.status() !== 200) throw new Error(`the feed answered ${res?.status()}`);
        // The paint entry arrives once the frame is presented, possibly after the load event.
        const fcp = await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              new PerformanceObserver((list) => {
                const e = list.getEntriesByName('first-contentful-paint')[0];
                if (e) resolve(e.startTime);
              }).observe({ type: 'paint', buffered: true });
              setTimeout(() => resolve(-1), 30_000);
            }),
        );
        if (fcp < 0) throw new Error('Chromium reported no first contentful paint');
        runs.push({ fcpMs: Math.round(fcp), bytes, requests });
      } finally {
        await context.close();
      }
    }
  } finally {
    if (!opts.browser) await browser.close();
  }
  return { runs, medianMs: median(runs.map((r) => r.fcpMs)) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      path: { type: 'string', default: '/' },
      runs: { type: 'string', default: '3' },
    },
  });
  if (!values.url || !values.email || !values.password) {
    console.error('Usage: npx tsx bench/fcp.ts --url URL --email E --password P [--runs 3]');
    process.exit(2);
  }
  const r = await measureFcp({
    url: values.url,
    email: values.email,
    password: values.password,
    path: values.path,
    runs: Number(values.runs),
  });
  for (const run of r.runs)
    console.log(`FCP ${run.fcpMs} ms · ${run.bytes} bytes · ${run.requests} requests`);
  console.log(`median FCP: ${r.medianMs} ms (budget 5,000 ms)`);
}
