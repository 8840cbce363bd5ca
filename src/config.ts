import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Every setting Kantine reads, with its default. The README's table is written from this list. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** `sqlite:<file>` or `postgres://…`; defaults to `<dataDir>/kantine.db`. */
  databaseUrl: string;
  dialect: 'sqlite' | 'postgres';
  baseUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Signs cookies and CSRF tokens. Generated into `<dataDir>/secret` when not given. */
  secret: string;
  sessionIdleHours: number;
  sessionAbsoluteDays: number;
  inviteValidHours: number;
  smtpUrl: string | null;
  mailFrom: string;
  redisUrl: string | null;
  trustProxy: boolean;
  defaultLocale: 'de' | 'en';
  timeZone: string;
  photoMaxMb: number;
  /** Largest file attached to a post, in MB (images before they are re-encoded). */
  attachmentMaxMb: number;
  /** Largest document uploaded to a shelf, in MB. */
  documentMaxMb: number;
  /** Whether this node runs background jobs (`JOBS=off`: another node does). */
  jobs: boolean;
  loginMaxPerAccount: number;
  loginMaxPerAddress: number;
  loginWindowMinutes: number;
  shutdownTimeoutSeconds: number;
  /** scrypt cost as a power of two (17 → N = 131072). Lower only for tests. */
  passwordCost: number;
}

export interface SettingSpec {
  env: string;
  default: string;
  description: string;
}

/** The documented settings, in the order the README lists them. */
export const SETTINGS: readonly SettingSpec[] = [
  { env: 'PORT', default: '3000', description: 'TCP port to listen on' },
  { env: 'HOST', default: '127.0.0.1', description: 'address to listen on (0.0.0.0 for all)' },
  { env: 'DATA_DIR', default: './data', description: 'database file, uploads, outbox, secret' },
  {
    env: 'DATABASE_URL',
    default: 'sqlite:<DATA_DIR>/kantine.db',
    description: '`sqlite:<file>` or `postgres://user@host:5432/db`',
  },
  {
    env: 'BASE_URL',
    default: 'http://<HOST>:<PORT>',
    description: 'public address, used in links in mails',
  },
  {
    env: 'LOG_LEVEL',
    default: 'info',
    description: 'fatal, error, warn, info, debug, trace or silent',
  },
  {
    env: 'SECRET',
    default: 'generated into <DATA_DIR>/secret',
    description: 'signs cookies and CSRF tokens; at least 32 characters',
  },
  {
    env: 'SESSION_IDLE_HOURS',
    default: '72',
    description: 'a session ends after this long without a request',
  },
  {
    env: 'SESSION_ABSOLUTE_DAYS',
    default: '30',
    description: 'a session ends this long after sign-in, whatever happens',
  },
  { env: 'INVITE_VALID_HOURS', default: '168', description: 'how long an invitation link works' },
  {
    env: 'SMTP_URL',
    default: '(none)',
    description: 'e.g. `smtp://user:pass@mail:587`; without it mails go to <DATA_DIR>/outbox',
  },
  { env: 'MAIL_FROM', default: 'Kantine <kantine@localhost>', description: 'sender of mails' },
  {
    env: 'REDIS_URL',
    default: '(none)',
    description: '`redis://host:6379`, for several app nodes: live updates over Redis pub/sub',
  },
  {
    env: 'TRUST_PROXY',
    default: 'false',
    description: 'true behind a reverse proxy: client address from X-Forwarded-For',
  },
  {
    env: 'DEFAULT_LOCALE',
    default: 'de',
    description: '`de` or `en`, when neither the person nor the browser says',
  },
  { env: 'TIME_ZONE', default: 'Europe/Berlin', description: 'IANA time zone for new people' },
  { env: 'PHOTO_MAX_MB', default: '5', description: 'largest profile photo upload, in MB' },
  {
    env: 'ATTACHMENT_MAX_MB',
    default: '20',
    description: 'largest image or file attached to a post, in MB',
  },
  {
    env: 'DOCUMENT_MAX_MB',
    default: '50',
    description: 'largest document (PDF, DOCX, …) uploaded to a shelf, in MB',
  },
  {
    env: 'JOBS',
    default: 'on',
    description: '`off` on a node that should not run background jobs (another node does)',
  },
  {
    env: 'LOGIN_MAX_PER_ACCOUNT',
    default: '5',
    description: 'failed sign-ins per account in the window',
  },
  {
    env: 'LOGIN_MAX_PER_ADDRESS',
    default: '100',
    description: 'failed sign-ins per client address in the window',
  },
  { env: 'LOGIN_WINDOW_MINUTES', default: '15', description: 'the sign-in rate-limit window' },
  {
    env: 'SHUTDOWN_TIMEOUT_SECONDS',
    default: '10',
    description: 'how long SIGTERM waits for requests in flight',
  },
  { env: 'PASSWORD_COST', default: '17', description: 'scrypt cost as a power of two (14–20)' },
];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/** Reads and validates every setting; collects all problems before failing. */
export function loadConfig(env: Env = process.env, opts: { createSecret?: boolean } = {}): Config {
  const problems: string[] = [];
  const str = (name: string, fallback: string): string => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? fallback : v.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}=${JSON.stringify(raw)}: must be a whole number from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const v = raw.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(v)) return true;
    if (['0', 'false', 'no', 'off'].includes(v)) return false;
    problems.push(`${name}=${JSON.stringify(raw)}: must be true or false`);
    return fallback;
  };
  const oneOf = <T extends string>(name: string, fallback: T, allowed: readonly T[]): T => {
    const v = str(name, fallback);
    if (!(allowed as readonly string[]).includes(v)) {
      problems.push(`${name}=${JSON.stringify(v)}: must be one of ${allowed.join(', ')}`);
      return fallback;
    }
    return v as T;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const v = env[name]?.trim();
    if (!v) return null;
    try {
      const u = new URL(v);
      if (!protocols.includes(u.protocol)) {
        problems.push(`${name}: must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
      }
    } catch {
      problems.push(`${name}: not a valid URL`);
    }
    return v;
  };

  const port = int('PORT', 3000, 0, 65535);
  const host = str('HOST', '127.0.0.1');
  const dataDir = path.resolve(str('DATA_DIR', './data'));
  const logLevel = oneOf('LOG_LEVEL', 'info', [
    'fatal',
    'error',
    'warn',
    'info',
    'debug',
    'trace',
    'silent',
  ] as const);

  let databaseUrl = str('DATABASE_URL', `sqlite:${path.join(dataDir, 'kantine.db')}`);
  let dialect: Config['dialect'] = 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    dialect = 'postgres';
    url('DATABASE_URL', ['postgres:', 'postgresql:']);
  } else if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file === '')
      problems.push('DATABASE_URL: sqlite: needs a file name, e.g. sqlite:./data/kantine.db');
    databaseUrl = `sqlite:${file === ':memory:' ? file : path.resolve(file)}`;
  } else {
    problems.push('DATABASE_URL: must be sqlite:<file> or postgres://…');
  }

  const baseUrlRaw = url('BASE_URL', ['http:', 'https:']);
  const displayHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const baseUrl = (baseUrlRaw ?? `http://${displayHost}:${port}`).replace(/\/+$/, '');

  const secretEnv = env.SECRET?.trim();
  if (secretEnv !== undefined && secretEnv !== '' && secretEnv.length < 32) {
    problems.push('SECRET: must be at least 32 characters');
  }

  const config: Config = {
    port,
    host,
    dataDir,
    databaseUrl,
    dialect,
    baseUrl,
    logLevel,
    secret: secretEnv ?? '',
    sessionIdleHours: int('SESSION_IDLE_HOURS', 72, 1, 24 * 365),
    sessionAbsoluteDays: int('SESSION_ABSOLUTE_DAYS', 30, 1, 3650),
    inviteValidHours: int('INVITE_VALID_HOURS', 168, 1, 24 * 90),
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str('MAIL_FROM', 'Kantine <kantine@localhost>'),
    redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
    trustProxy: bool('TRUST_PROXY', false),
    defaultLocale: oneOf('DEFAULT_LOCALE', 'de', ['de', 'en'] as const),
    timeZone: str('TIME_ZONE', 'Europe/Berlin'),
    photoMaxMb: int('PHOTO_MAX_MB', 5, 1, 50),
    attachmentMaxMb: int('ATTACHMENT_MAX_MB', 20, 1, 200),
    documentMaxMb: int('DOCUMENT_MAX_MB', 50, 1, 1000),
    jobs: bool('JOBS', true),
    loginMaxPerAccount: int('LOGIN_MAX_PER_ACCOUNT', 5, 1, 1000),
    loginMaxPerAddress: int('LOGIN_MAX_PER_ADDRESS', 100, 1, 100000),
    loginWindowMinutes: int('LOGIN_WINDOW_MINUTES', 15, 1, 1440),
    shutdownTimeoutSeconds: int('SHUTDOWN_TIMEOUT_SECONDS', 10, 0, 600),
    passwordCost: int('PASSWORD_COST', 17, 10, 20),
  };
  try {
    new Intl.DateTimeFormat('en', { timeZone: config.timeZone });
  } catch {
    problems.push(`TIME_ZONE=${JSON.stringify(config.timeZone)}: not a known IANA time zone`);
  }
  if (config.passwordCost < 14 && !env.VITEST && env.NODE_ENV !== 'test') {
    problems.push('PASSWORD_COST: below 14 is only allowed in tests');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  if (!config.secret) config.secret = readOrCreateSecret(dataDir, opts.createSecret ?? true);
  return config;
}

function readOrCreateSecret(dataDir: string, create: boolean): string {
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  if (create) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  }
  return secret;
}
