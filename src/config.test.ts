import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const SECRET = 'x'.repeat(40);

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kantine-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The ConfigError loadConfig throws for env; fails the test when it does not throw one. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, { createSecret: false });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  test('defaults: port, host, data dir, SQLite in the data dir, derived base URL', () => {
    const c = loadConfig({ SECRET }, { createSecret: false });
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(path.isAbsolute(c.dataDir)).toBe(true);
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.dialect).toBe('sqlite');
    expect(c.databaseUrl).toBe(`sqlite:${path.join(c.dataDir, 'kantine.db')}`);
    expect(c.baseUrl).toBe('http://127.0.0.1:3000');
    expect(c.logLevel).toBe('info');
    expect(c.passwordCost).toBe(17);
    expect(c.shutdownTimeoutSeconds).toBe(10);
    expect(c.smtpUrl).toBeNull();
    expect(c.redisUrl).toBeNull();
  });

  test('a relative DATA_DIR is made absolute and the database follows it', () => {
    const c = loadConfig({ SECRET, DATA_DIR: 'some/where' }, { createSecret: false });
    expect(c.dataDir).toBe(path.resolve('some/where'));
    expect(c.databaseUrl).toBe(`sqlite:${path.resolve('some/where', 'kantine.db')}`);
  });

  test('the base URL follows HOST and PORT; a given BASE_URL loses its trailing slash', () => {
    expect(loadConfig({ SECRET, PORT: '8080' }, { createSecret: false }).baseUrl).toBe(
      'http://127.0.0.1:8080',
    );
    expect(
      loadConfig({ SECRET, HOST: '0.0.0.0', PORT: '8080' }, { createSecret: false }).baseUrl,
    ).toBe('http://localhost:8080');
    expect(
      loadConfig({ SECRET, BASE_URL: 'https://kantine.example/' }, { createSecret: false }).baseUrl,
    ).toBe('https://kantine.example');
  });

  test.each(['postgres://kantine@db:5432/kantine', 'postgresql://u:p@localhost/k'])(
    '%s selects the postgres dialect',
    (url) => {
      const c = loadConfig({ SECRET, DATABASE_URL: url }, { createSecret: false });
      expect(c.dialect).toBe('postgres');
      expect(c.databaseUrl).toBe(url);
    },
  );

  test('a relative sqlite: URL is resolved to an absolute file', () => {
    const c = loadConfig({ SECRET, DATABASE_URL: 'sqlite:db/k.db' }, { createSecret: false });
    expect(c.dialect).toBe('sqlite');
    expect(c.databaseUrl).toBe(`sqlite:${path.resolve('db/k.db')}`);
  });

  test('every bad setting is reported at once, each by name', () => {
    const err = configError({
      PORT: 'abc',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      SESSION_IDLE_HOURS: '0',
      BASE_URL: 'ftp://x',
      SECRET: 'short',
      TIME_ZONE: 'Mars/Base',
    });
    const names = [
      'PORT',
      'LOG_LEVEL',
      'DATABASE_URL',
      'SESSION_IDLE_HOURS',
      'BASE_URL',
      'SECRET',
      'TIME_ZONE',
    ];
    expect(err.problems).toHaveLength(names.length);
    for (const name of names) {
      expect(err.problems.filter((p) => p.startsWith(`${name}`))).toHaveLength(1);
      expect(err.message).toContain(name);
    }
    expect(err.problems.find((p) => p.startsWith('PORT'))).toContain('abc');
    expect(err.problems.find((p) => p.startsWith('TIME_ZONE'))).toContain('Mars/Base');
  });

  test('bad booleans, locales and URLs of the other settings are named too', () => {
    const err = configError({
      SECRET,
      TRUST_PROXY: 'maybe',
      DEFAULT_LOCALE: 'fr',
      SMTP_URL: 'http://mail',
      REDIS_URL: 'not a url',
      PHOTO_MAX_MB: '2.5',
      DATABASE_URL: 'sqlite:',
    });
    expect(err.problems.map((p) => p.split(/[=:]/)[0])).toEqual(
      expect.arrayContaining([
        'TRUST_PROXY',
        'DEFAULT_LOCALE',
        'SMTP_URL',
        'REDIS_URL',
        'PHOTO_MAX_MB',
        'DATABASE_URL',
      ]),
    );
    expect(err.problems).toHaveLength(6);
  });

  test('the secret is generated into DATA_DIR/secret (0600) once and read back afterwards', () => {
    const dataDir = path.join(tempDir(), 'not-yet-there');
    const file = path.join(dataDir, 'secret');
    expect(existsSync(file)).toBe(false);

    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.secret);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);

    const second = loadConfig({ DATA_DIR: dataDir });
    expect(second.secret).toBe(first.secret);
  });

  test('two data directories get different secrets', () => {
    const a = loadConfig({ DATA_DIR: tempDir() });
    const b = loadConfig({ DATA_DIR: tempDir() });
    expect(a.secret).not.toBe(b.secret);
  });

  test('a given SECRET is used and no secret file is written', () => {
    const dataDir = tempDir();
    const c = loadConfig({ DATA_DIR: dataDir, SECRET: `  ${SECRET}  ` });
    expect(c.secret).toBe(SECRET);
    expect(existsSync(path.join(dataDir, 'secret'))).toBe(false);
  });

  test('invalid settings write no secret file', () => {
    const dataDir = tempDir();
    expect(() => loadConfig({ DATA_DIR: dataDir, PORT: '-1' })).toThrow(ConfigError);
    expect(existsSync(path.join(dataDir, 'secret'))).toBe(false);
  });

  test('PASSWORD_COST below 14 is refused outside tests and allowed in them', () => {
    const err = configError({ SECRET, PASSWORD_COST: '12' });
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatch(/^PASSWORD_COST/);

    expect(loadConfig({ SECRET, PASSWORD_COST: '12', NODE_ENV: 'test' }).passwordCost).toBe(12);
    expect(loadConfig({ SECRET, PASSWORD_COST: '10', VITEST: 'true' }).passwordCost).toBe(10);
    expect(loadConfig({ SECRET, PASSWORD_COST: '14' }).passwordCost).toBe(14);
    expect(configError({ SECRET, PASSWORD_COST: '21', NODE_ENV: 'test' }).problems[0]).toMatch(
      /^PASSWORD_COST/,
    );
  });
});
