import { SYSTEM_USER_IDS } from '../src/features/accounts/accounts.table.ts';
// The command line without a server: help, argument errors, settings, migrate, user add, token create.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createTestDatabase, DIALECTS, type TestDatabase } from './db.ts';
import {
  cliEnv,
  decodeQuotedPrintable,
  killAll,
  runCli,
  withDb,
  type CliResult,
  type Env,
} from './cli-helpers.ts';

// Every test starts several processes; the machine may be busy.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const PASSWORD = 'Korrekt-Pferd-Batterie-7';

afterEach(killAll);

/** Exited with a failure code (not a signal) and said why on stderr. */
function expectFailure(r: CliResult, message: RegExp): void {
  expect(r.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).not.toBe(0);
  expect(r.code).not.toBeNull();
  expect(r.stderr).toMatch(message);
}

describe('kantine without a database', () => {
  let dataDir: string;
  let env: Env;
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'kantine-cli-'));
    env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', PASSWORD_COST: '10', NODE_ENV: 'test' };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('--help lists every command and the settings, and exits 0', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = await runCli([flag], env);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Usage: kantine <command>');
      for (const usage of [
        'kantine start',
        'kantine demo',
        'kantine migrate',
        'kantine user add --email E --name N',
        'kantine token create --email E',
      ]) {
        expect(r.stdout).toContain(usage);
      }
      for (const setting of ['PORT', 'DATA_DIR', 'DATABASE_URL', 'SECRET', 'PASSWORD_COST']) {
        expect(r.stdout).toMatch(new RegExp(`^  ${setting} `, 'm'));
      }
    }
    // Nothing was opened or created by asking for help.
    expect(readdirSync(dataDir)).toEqual([]);
  });

  test('<command> --help prints the usage of every listed command and exits 0', async () => {
    const help = (await runCli(['--help'], env)).stdout;
    const commands = [...help.matchAll(/^ {2}kantine ([a-z]+(?: [a-z]+)?)/gm)].map((m) => m[1]!);
    expect(commands).toEqual(
      expect.arrayContaining(['start', 'demo', 'migrate', 'user add', 'token create']),
    );
    const results = await Promise.all(
      commands.map((c) => runCli([...c.split(' '), '--help'], env)),
    );
    for (const [i, r] of results.entries()) {
      expect(r.code, `${commands[i]}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: kantine ${commands[i]}\\b`));
      expect(r.stdout).toContain('Settings (environment variables)');
      expect(r.stderr).toBe('');
    }
    expect(readdirSync(dataDir)).toEqual([]);
  });

  test('an unknown command exits non-zero and names it', async () => {
    const r = await runCli(['frobnicate'], env);
    expectFailure(r, /unknown command "frobnicate"/);
    expect(r.stderr).toContain('--help');
  });

  test('half a two-word command says which ones exist', async () => {
    expectFailure(await runCli(['user'], env), /kantine user add/);
    expectFailure(await runCli(['token'], env), /kantine token create/);
  });

  test('an unknown option, a stray argument or a missing value exits non-zero and says so', async () => {
    const [option, stray, missing] = await Promise.all([
      runCli(['migrate', '--frob'], env),
      runCli(['migrate', 'now'], env),
      runCli(['token', 'create', '--email'], env),
    ]);
    expectFailure(option, /--frob/);
    expect(option.stderr).toContain('Usage: kantine migrate');
    expectFailure(stray, /'now'/);
    expectFailure(missing, /--email/);
    expect(missing.stderr).toContain('Usage: kantine token create');
    // Refused before anything was touched.
    expect(readdirSync(dataDir)).toEqual([]);
  });

  test('bad settings: start exits non-zero and names every bad one', async () => {
    const r = await runCli(['start'], { ...env, PORT: 'abc', LOG_LEVEL: 'loud' });
    expectFailure(r, /PORT="abc"/);
    expect(r.stderr).toMatch(/LOG_LEVEL="loud"/);
    expect(r.stdout).not.toContain('listening');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  test('user add: missing --email, or both or neither of --password and --invite, is refused', async () => {
    const [noEmail, noName, both, neither, badEmail] = await Promise.all([
      runCli(['user', 'add', '--name', 'A B', '--password', PASSWORD], env),
      runCli(['user', 'add', '--email', 'a@b.example', '--password', PASSWORD], env),
      runCli(
        [
          'user',
          'add',
          '--email',
          'a@b.example',
          '--name',
          'A',
          '--password',
          PASSWORD,
          '--invite',
        ],
        env,
      ),
      runCli(['user', 'add', '--email', 'a@b.example', '--name', 'A'], env),
      runCli(['user', 'add', '--email', 'nobody', '--name', 'A', '--password', PASSWORD], env),
    ]);
    expectFailure(noEmail, /--email is required/);
    expectFailure(noName, /--name is required/);
    expectFailure(both, /either --password or --invite, not both/);
    expectFailure(neither, /--password P or --invite/);
    expectFailure(badEmail, /not an e-mail address/);
    for (const r of [noEmail, noName, both, neither, badEmail]) {
      expect(r.stderr).toContain('Usage: kantine user add');
    }
    expect(readdirSync(dataDir)).toEqual([]);
  });

  test('token create without --email is refused', async () => {
    expectFailure(await runCli(['token', 'create'], env), /--email is required/);
  });
});

describe.each(DIALECTS)('kantine on %s', (dialect) => {
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

  const tables = (): Promise<string[]> =>
    withDb(database, async (db) => (await db.introspection.getTables()).map((t) => t.name));

  test('migrate applies the migrations, then a second run has nothing to apply', async () => {
    expect(await tables()).not.toContain('users');
    const first = await runCli(['migrate'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Applied: \S+/);
    expect(await tables()).toEqual(expect.arrayContaining(['users', 'sessions']));

    const second = await runCli(['migrate'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Nothing to apply: the database is up to date/);
    expect(second.stdout).not.toContain('Applied');
  });

  test('user add --password --admin creates an active admin; the same address again is refused', async () => {
    const r = await runCli(
      ['user', 'add', '--email', 'A@B.example', '--name', 'A B', '--password', PASSWORD, '--admin'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Created A B <a@b\.example> \(admin, active\)/);
    const users = await withDb(database, (db) =>
      db
        .selectFrom('users')
        .where('id', 'not in', SYSTEM_USER_IDS)
        .select(['email', 'name', 'role', 'status', 'password_hash'])
        .execute(),
    );
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({
      email: 'a@b.example',
      name: 'A B',
      role: 'admin',
      status: 'active',
    });
    expect(users[0]!.password_hash).toBeTruthy();
    expect(users[0]!.password_hash).not.toContain(PASSWORD);

    // The same e-mail address again, in other case, is refused.
    const again = await runCli(
      ['user', 'add', '--email', 'a@B.EXAMPLE', '--name', 'Other', '--password', PASSWORD],
      env,
    );
    expectFailure(again, /email: .*already exists/);
    expect(
      await withDb(database, (db) =>
        db.selectFrom('users').where('id', 'not in', SYSTEM_USER_IDS).select('id').execute(),
      ),
    ).toHaveLength(1);
  });

  test('user add without --admin creates a member', async () => {
    const r = await runCli(
      ['user', 'add', '--email', 'm@b.example', '--name', 'M', '--password', PASSWORD],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    const user = await withDb(database, (db) =>
      db
        .selectFrom('users')
        .where('id', 'not in', SYSTEM_USER_IDS)
        .select(['role', 'status'])
        .executeTakeFirstOrThrow(),
    );
    expect(user).toEqual({ role: 'member', status: 'active' });
  });

  test('user add --invite creates an invited person and mails the link to the outbox', async () => {
    const r = await runCli(
      ['user', 'add', '--email', 'inv@b.example', '--name', 'In Vited', '--invite'],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(member, invited\)/);
    const printed = /(http:\/\/\S+\/invite\/\S+)/.exec(r.stdout)?.[1];
    expect(printed).toBeDefined();
    expect(printed!.startsWith(`http://127.0.0.1:${env.PORT}/invite/`)).toBe(true);

    const user = await withDb(database, (db) =>
      db
        .selectFrom('users')
        .where('id', 'not in', SYSTEM_USER_IDS)
        .select(['email', 'status', 'password_hash'])
        .executeTakeFirstOrThrow(),
    );
    expect(user).toEqual({ email: 'inv@b.example', status: 'invited', password_hash: null });

    const outbox = path.join(env.DATA_DIR!, 'outbox');
    const files = readdirSync(outbox);
    expect(files).toHaveLength(1);
    const mail = decodeQuotedPrintable(readFileSync(path.join(outbox, files[0]!), 'utf8'));
    expect(mail).toMatch(/^To: inv@b\.example$/m);
    expect(mail).toContain('In Vited');
    expect(mail).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}/);
    expect(mail).toContain(printed);
  });

  test('user add with a common password is refused, naming the password problem', async () => {
    const r = await runCli(
      ['user', 'add', '--email', 'a@b.example', '--name', 'A B', '--password', 'password123'],
      env,
    );
    expectFailure(r, /password: .*common/i);
    expect(
      await withDb(database, (db) =>
        db.selectFrom('users').where('id', 'not in', SYSTEM_USER_IDS).select('id').execute(),
      ),
    ).toEqual([]);

    const short = await runCli(
      ['user', 'add', '--email', 'a@b.example', '--name', 'A B', '--password', 'k3x!'],
      env,
    );
    expectFailure(short, /password: .*at least 8 characters/);
  });

  test('token create prints a kt_ token; for an unknown or invited person it is refused', async () => {
    await runCli(
      ['user', 'add', '--email', 'a@b.example', '--name', 'A', '--password', PASSWORD],
      env,
    );
    await runCli(['user', 'add', '--email', 'i@b.example', '--name', 'I', '--invite'], env);

    const r = await runCli(['token', 'create', '--email', 'a@b.example', '--name', 'ci'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toMatch(/^kt_[A-Za-z0-9_-]{20,}$/);
    const tokens = await withDb(database, (db) =>
      db.selectFrom('api_tokens').select(['name']).execute(),
    );
    expect(tokens).toEqual([{ name: 'ci' }]);

    const unknown = await runCli(['token', 'create', '--email', 'nobody@b.example'], env);
    expectFailure(unknown, /no person with e-mail nobody@b\.example/);
    expect(unknown.stdout).not.toContain('kt_');

    const invited = await runCli(['token', 'create', '--email', 'i@b.example'], env);
    expectFailure(invited, /invited/);
    expect(invited.stdout).not.toContain('kt_');
  });

  test('a database URL that cannot be reached fails with a message, not a hang', async () => {
    const bad =
      dialect === 'sqlite'
        ? `sqlite:${path.join(env.DATA_DIR!, 'missing-dir', 'x', 'k.db')}`
        : database.url.replace(/\/[^/]+$/, '/kantine_no_such_database');
    const r = await runCli(['migrate'], { ...env, DATABASE_URL: bad });
    expect(r.code).not.toBe(0);
    expect(r.code).not.toBeNull();
    expect(r.stderr).toMatch(
      dialect === 'sqlite'
        ? /directory does not exist/
        : /database "kantine_no_such_database" does not exist/,
    );
    if (dialect === 'sqlite') expect(existsSync(path.dirname(bad.slice(7)))).toBe(false);
  });
});
