// `kantine start`: serving, health, tokens from the command line, and a graceful SIGTERM.
import { existsSync, statSync } from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
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
  type Env,
} from './cli-helpers.ts';

const PASSWORD = 'Korrekt-Pferd-Batterie-7';

// Every test starts several processes; the machine may be busy.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** A request whose headers the server has read (it answered 100 Continue) but whose body is not sent yet. */
async function openRequest(
  env: Env,
  opts: { method: string; path: string; headers: Record<string, string>; body: string },
) {
  const agent = new http.Agent({ keepAlive: true });
  const req = http.request({
    host: '127.0.0.1',
    port: Number(env.PORT),
    method: opts.method,
    path: opts.path,
    agent,
    headers: {
      ...opts.headers,
      'content-length': String(Buffer.byteLength(opts.body)),
      expect: '100-continue',
    },
  });
  const response = new Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }>(
    (resolve, reject) => {
      req.on('error', reject);
      req.on('response', (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
        res.on('error', reject);
      });
    },
  );
  response.catch(() => {}); // observed by the caller when it matters
  const continued = once(req, 'continue');
  req.flushHeaders();
  await continued;
  return { req, response, finish: () => req.end(opts.body), destroy: () => agent.destroy() };
}

/** Whether a new TCP connection to the port is refused. */
async function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

async function waitUntilRefused(port: number, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await refused(port))) {
    if (Date.now() > deadline) throw new Error(`port ${port} still accepts connections`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.each(DIALECTS)('kantine start on %s', (dialect) => {
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

  async function adminWithToken(): Promise<string> {
    const add = await runCli(
      ['user', 'add', '--email', 'a@b.example', '--name', 'A B', '--password', PASSWORD, '--admin'],
      env,
    );
    expect(add.code, add.stderr).toBe(0);
    const token = await runCli(['token', 'create', '--email', 'a@b.example'], env);
    expect(token.code, token.stderr).toBe(0);
    return token.stdout.trim();
  }

  test('on an empty database: migrates, serves health and readiness, and stops on SIGINT', async () => {
    const server = spawnCli(['start'], env);
    await waitReady(server, env);
    expect(server.stdout).toContain(`listening on http://127.0.0.1:${env.PORT}`);

    const health = await fetch(`${baseUrl(env)}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${baseUrl(env)}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    // The first start leads to the setup of the organisation.
    const home = await fetch(`${baseUrl(env)}/`, { redirect: 'manual' });
    expect(home.status).toBeGreaterThanOrEqual(300);
    expect(home.status).toBeLessThan(400);
    expect(home.headers.get('location')).toMatch(/\/setup$/);

    server.child.kill('SIGINT');
    const exit = await server.exited;
    expect(exit.code, exit.stderr).toBe(0);
    expect(exit.signal).toBeNull();
  });

  test('a token from token create works as Bearer against /api/v1/me', async () => {
    const token = await adminWithToken();
    expect(token).toMatch(/^kt_/);
    const server = spawnCli(['start'], env);
    await waitReady(server, env);

    const me = await fetch(`${baseUrl(env)}/api/v1/me`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      email: 'a@b.example',
      name: 'A B',
      role: 'admin',
      status: 'active',
    });

    const wrong = await fetch(`${baseUrl(env)}/api/v1/me`, {
      headers: { authorization: `Bearer ${token.slice(0, -2)}xx` },
    });
    expect(wrong.status).toBe(401);
    const none = await fetch(`${baseUrl(env)}/api/v1/me`);
    expect(none.status).toBe(401);
  });

  test('SIGTERM: refuses new connections, finishes the request in flight, exits 0 promptly', async () => {
    const token = await adminWithToken();
    const server = spawnCli(['start'], { ...env, SHUTDOWN_TIMEOUT_SECONDS: '20' });
    await waitReady(server, env);
    const me = (await (
      await fetch(`${baseUrl(env)}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { id: string };

    // The server has read the headers of this request; its body follows after SIGTERM.
    const inFlight = await openRequest(env, {
      method: 'PATCH',
      path: `/api/v1/users/${me.id}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ bio: 'Sent while the server was stopping.' }),
    });
    try {
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      await waitUntilRefused(Number(env.PORT));
      expect(server.child.exitCode).toBeNull(); // still finishing the request in flight

      inFlight.finish();
      const res = await inFlight.response;
      expect(res.status, res.text).toBe(200);
      expect(JSON.parse(res.text)).toMatchObject({ bio: 'Sent while the server was stopping.' });

      const exit = await server.exited;
      expect(exit.code, exit.stderr).toBe(0);
      // Nothing was left in flight: the shutdown did not sit out its 20 s timeout.
      expect(Date.now() - signalled).toBeLessThan(12_000);
      expect(exit.stdout).not.toContain('shutdown timeout');
    } finally {
      inFlight.destroy();
    }

    // The change was committed, and SQLite was closed cleanly: its WAL checkpointed away.
    const bio = await withDb(database, (db) =>
      db.selectFrom('users').select('bio').where('id', '=', me.id).executeTakeFirstOrThrow(),
    );
    expect(bio).toEqual({ bio: 'Sent while the server was stopping.' });
    if (dialect === 'sqlite') {
      const wal = `${database.url.slice('sqlite:'.length)}-wal`;
      expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    }
  });

  test('SIGTERM: a request that never completes is cut off at the shutdown timeout', async () => {
    const token = await adminWithToken();
    const server = spawnCli(['start'], { ...env, SHUTDOWN_TIMEOUT_SECONDS: '1' });
    await waitReady(server, env);
    const stuck = await openRequest(env, {
      method: 'PATCH',
      path: '/api/v1/users/nobody',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"bio":"never sent"}',
    });
    try {
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      const exit = await server.exited;
      const took = Date.now() - signalled;
      expect(exit.code, exit.stderr).toBe(0);
      expect(took).toBeGreaterThanOrEqual(900);
      expect(took).toBeLessThan(8_000);
      expect(exit.stdout).toContain('shutdown timeout');
      await expect(stuck.response).rejects.toThrow();
    } finally {
      stuck.destroy();
    }
  });

  test('a port already in use: start exits non-zero and says so', async () => {
    const blocker = net.createServer();
    blocker.listen(Number(env.PORT), '127.0.0.1');
    await once(blocker, 'listening');
    try {
      const server = spawnCli(['start'], env);
      let said = 0;
      const saying = setInterval(() => {
        if (!said && server.stderr.includes('address is in use')) said = Date.now();
      }, 20);
      const r = await server.exited;
      clearInterval(saying);
      expect(r.code).not.toBe(0);
      expect(r.code).not.toBeNull();
      expect(r.stderr).toMatch(/address is in use/);
      expect(r.stderr).toMatch(/PORT/);
      // Once it has said so it exits: no open database connection keeps it alive.
      expect(Date.now() - (said || Date.now())).toBeLessThan(4_000);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
