import { SYSTEM_USER_IDS } from '../src/features/accounts/accounts.table.ts';
// `kantine demo`: the demo organisation, signing in with the printed credentials, and re-runs.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from './db.ts';
import {
  baseUrl,
  cliEnv,
  killAll,
  runCli,
  spawnCli,
  waitReady,
  withDb,
  type CliProcess,
  type Env,
} from './cli-helpers.ts';

// Every test starts several processes; the machine may be busy.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

interface ApiUser {
  id: string;
  email: string;
  department: string;
  status: string;
}

/** `name=value` pairs of the Set-Cookie headers of a response. */
function cookies(res: Response): Record<string, string> {
  const jar: Record<string, string> = {};
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    jar[pair!.slice(0, eq)] = pair!.slice(eq + 1);
  }
  return jar;
}

const cookieHeader = (jar: Record<string, string>): string =>
  Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** Signs in through the login form, as a browser does; returns the response to the POST. */
async function signIn(env: Env, email: string, password: string): Promise<Response> {
  const page = await fetch(`${baseUrl(env)}/login`);
  expect(page.status).toBe(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  expect(csrf).toBeDefined();
  const jar = cookies(page);
  expect(jar.kantine_csrf).toBeDefined();
  return fetch(`${baseUrl(env)}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: cookieHeader(jar),
    },
    body: new URLSearchParams({ _csrf: csrf!, email, password }).toString(),
  });
}

/** Everyone the directory API lists, following the pages. */
async function directory(env: Env, session: string): Promise<ApiUser[]> {
  const all: ApiUser[] = [];
  let cursor: string | null = null;
  do {
    const url = new URL(`${baseUrl(env)}/api/v1/users`);
    url.searchParams.set('limit', '100');
    if (cursor) url.searchParams.set('cursor', cursor);
    const res = await fetch(url, { headers: { cookie: `kantine_session=${session}` } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: ApiUser[]; nextCursor: string | null };
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

async function stop(server: CliProcess): Promise<void> {
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  expect(exit.code, exit.stderr).toBe(0);
}

describe.each(DIALECTS)('kantine demo on %s', (dialect) => {
  let database: TestDatabase;
  let env: Env;
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    env = await cliEnv(database);
  });
  afterEach(async () => {
    await killAll();
    await database.drop();
  });

  test('creates the organisation, prints working sign-in help, and a re-run adds no one', async () => {
    const first = spawnCli(['demo'], env);
    await waitReady(first, env, 60_000);
    expect(first.stdout).toMatch(/Demo organisation created: \d+ people/);
    const email = /\b([a-z.]+@[a-z.]+\.example)\b/.exec(first.stdout)?.[1];
    const password = /password[^:\n]*:\s*(\S+)/i.exec(first.stdout)?.[1];
    expect(email, first.stdout).toBeDefined();
    expect(password, first.stdout).toBeDefined();
    expect(first.stdout).toContain(`Open http://127.0.0.1:${env.PORT}`);

    // A wrong password is turned away; the printed one signs in.
    const wrong = await signIn(env, email!, `${password}-wrong`);
    expect(wrong.status).toBe(401);
    expect(cookies(wrong).kantine_session).toBeUndefined();
    const ok = await signIn(env, email!, password!);
    expect(ok.status).toBe(303);
    const session = cookies(ok).kantine_session;
    expect(session).toBeTruthy();

    const me = await fetch(`${baseUrl(env)}/api/v1/me`, {
      headers: { cookie: `kantine_session=${session}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email, role: 'admin', status: 'active' });

    const people = await directory(env, session!);
    expect(people.length).toBeGreaterThanOrEqual(40);
    expect(people.length).toBeLessThanOrEqual(60);
    expect(first.stdout).toContain(`created: ${people.length} people`);
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    expect(people.every((p) => p.status === 'active')).toBe(true);
    const departments = new Set(people.map((p) => p.department));
    for (const d of ['Vertrieb', 'Projekte', 'Support', 'HR', 'Geschäftsführung']) {
      expect(departments).toContain(d);
    }
    expect(people.filter((p) => p.department === 'Vertrieb').length).toBeGreaterThan(1);

    // The token route works for the demo people too.
    const token = await runCli(['token', 'create', '--email', email!], env);
    expect(token.code, token.stderr).toBe(0);
    const byToken = await fetch(`${baseUrl(env)}/api/v1/users?limit=100`, {
      headers: { authorization: `Bearer ${token.stdout.trim()}` },
    });
    expect(byToken.status).toBe(200);
    expect(((await byToken.json()) as { items: unknown[] }).items).toHaveLength(people.length);

    await stop(first);

    // Again on the same data: it serves the same organisation, with no one added.
    const second = spawnCli(['demo'], env);
    await waitReady(second, env, 60_000);
    expect(second.stdout).not.toContain('Demo organisation created');
    expect(second.stdout).toContain(email);
    expect(second.stdout).toContain(password);
    const again = await signIn(env, email!, password!);
    expect(again.status).toBe(303);
    const peopleAgain = await directory(env, cookies(again).kantine_session!);
    expect(peopleAgain.map((p) => p.id).sort()).toEqual(people.map((p) => p.id).sort());
    await stop(second);

    const count = await withDb(database, (db) =>
      db
        .selectFrom('users')
        .where('id', 'not in', SYSTEM_USER_IDS)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(count.n)).toBe(people.length);
  });

  test('refuses a data directory that holds an organisation other than the demo', async () => {
    const add = await runCli(
      ['user', 'add', '--email', 'a@b.example', '--name', 'A B', '--password', 'Korrekt-Pferd-7'],
      env,
    );
    expect(add.code, add.stderr).toBe(0);

    const r = await runCli(['demo'], env);
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stderr).toMatch(/already holds an organisation that is not the demo/);
    // It names what holds the other organisation: the data directory, or the PostgreSQL database.
    if (dialect === 'sqlite') expect(r.stderr).toContain(`${env.DATA_DIR} already holds`);
    else expect(r.stderr).toMatch(/DATABASE_URL already holds .*use an empty database/);
    expect(r.stdout).not.toContain('listening');
    const emails = await withDb(database, (db) =>
      db.selectFrom('users').where('id', 'not in', SYSTEM_USER_IDS).select('email').execute(),
    );
    expect(emails).toEqual([{ email: 'a@b.example' }]);
  });
});
