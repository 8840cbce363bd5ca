import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  checkA11y,
  checkPhoneWidth,
  inviteLink,
  jsContext,
  launchChromium,
  noJsContext,
  openTab,
  parseMail,
  startServer,
  type Server,
} from './harness.ts';

// The checks the browser tests rely on must be able to fail; these tests break a page on purpose.

let browser: Browser;
let server: Server;

beforeAll(async () => {
  [browser, server] = await Promise.all([launchChromium(), startServer()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe.each([
  { js: true, mode: 'with JavaScript' },
  { js: false, mode: 'without JavaScript' },
])('checks, $mode', ({ js }) => {
  test('axe reports a field whose label is gone', async () => {
    const context = await (js ? jsContext : noJsContext)(browser, server);
    try {
      const { page } = await openTab(context);
      await page.goto('/setup');
      await checkA11y(page, 'setup');
      await page.evaluate(() => document.querySelector('label[for="orgName"]')?.remove());
      await expect(checkA11y(page, 'setup without a label')).rejects.toThrow(/label.*#orgName/s);
    } finally {
      await context.close();
    }
  });

  test('a page wider than a phone is reported', async () => {
    const context = await (js ? jsContext : noJsContext)(browser, server);
    try {
      const { page } = await openTab(context);
      await page.goto('/setup');
      await checkPhoneWidth(page, 'setup');
      await page.evaluate(() => {
        const wide = document.createElement('div');
        wide.id = 'too-wide';
        wide.style.width = '500px';
        wide.style.height = '1rem';
        document.querySelector('main')?.append(wide);
      });
      await expect(checkPhoneWidth(page, 'setup, widened')).rejects.toThrow(/div#too-wide/);
    } finally {
      await context.close();
    }
  });
});

test('an inline script is refused by the CSP and reported', async () => {
  const context = await jsContext(browser, server);
  try {
    const { page, problems } = await openTab(context);
    await page.goto('/setup');
    expect(problems).toEqual([]);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'document.title = "injected"';
      document.body.append(s);
    });
    await expect.poll(() => problems.join('\n')).toMatch(/Content Security Policy/);
    expect(await page.title()).not.toBe('injected');
  } finally {
    await context.close();
  }
});

test('a quoted-printable invitation mail yields its link', () => {
  const raw = [
    'From: Kantine <kantine@localhost>',
    'To: j@example.com',
    'Subject: =?UTF-8?Q?Einladung_zu_M=C3=BCller?=',
    'Content-Transfer-Encoding: quoted-printable',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hallo J=C3=BCrgen,',
    '',
    'Anna Admin l=C3=A4dt Sie zu M=C3=BCller & =',
    'S=C3=B6hne GmbH ein:',
    'http://127.0.0.1:3000/invite/_YFh-SkvycFL_0Oiop=',
    'ocMpVEhJJ2mPzgpYWEtLM7Bnc',
    '',
  ].join('\n');
  const mail = parseMail('x.eml', raw);
  expect(mail.headers.to).toBe('j@example.com');
  expect(mail.text).toContain('Anna Admin lädt Sie zu Müller & Söhne GmbH ein:');
  expect(inviteLink(mail)).toBe(
    'http://127.0.0.1:3000/invite/_YFh-SkvycFL_0OiopocMpVEhJJ2mPzgpYWEtLM7Bnc',
  );
});
