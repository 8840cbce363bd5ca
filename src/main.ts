import { parseArgs, type ParseArgsConfig } from 'node:util';
import path from 'node:path';
import pino from 'pino';
import { ConfigError, loadConfig, SETTINGS } from './config.ts';
import { connect } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import {
  createPerson,
  createToken,
  findUserByEmail,
  hasPeople,
} from './features/accounts/index.ts';
import { createDemoOrganisation, demoSignInHelp, isDemo } from './features/demo/demo.service.ts';
import { isScaleName, seedOrganisation, seedRefusal, seedReport } from './features/seed/seed.ts';
import { registerNotificationHandlers } from './features/notifications/index.ts';
import { scheduleQuestionJobs } from './features/questions/index.ts';
import { scheduleSearchJobs } from './features/search/index.ts';
import { scheduleAnalyticsJobs } from './features/analytics/index.ts';
import { schedulePainPointJobs } from './features/painpoints/index.ts';
import { buildApp, type Deps } from './http/app.ts';
import { startWorker } from './jobs/index.ts';
import { AppError } from './http/errors.ts';
import { memoryRateLimiter } from './http/rate-limit.ts';
import { systemClock } from './lib/time.ts';
import { createMailer } from './mail/mailer.ts';
import { createBus } from './realtime/bus.ts';
import { localStorage } from './storage/storage.ts';
import { i18n } from './views/i18n.ts';

/** A command-line failure: the message is printed and the process exits non-zero. */
class UsageError extends Error {}

interface Command {
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>): Promise<number>;
}

const settingsHelp = `Settings (environment variables):\n${SETTINGS.map((s) => `  ${s.env.padEnd(26)} ${s.description} (default: ${s.default})`).join('\n')}`;

const COMMANDS: Record<string, Command> = {
  start: {
    usage: 'kantine start',
    summary: 'apply migrations, then serve (the default command)',
    options: {},
    run: async () => serve(await openDeps()),
  },
  demo: {
    usage: 'kantine demo',
    summary: 'create a demo organisation in an empty data directory, then serve it',
    options: {},
    run: async () => {
      const deps = await openDeps();
      if (!(await isDemo(deps.db))) {
        if (await hasPeople(deps.db)) {
          await closeDeps(deps);
          throw new UsageError(
            deps.config.dialect === 'postgres'
              ? 'The database of DATABASE_URL already holds an organisation that is not the demo; use an empty database for the demo'
              : `${deps.config.dataDir} already holds an organisation that is not the demo; use an empty DATA_DIR for the demo`,
          );
        }
        const started = Date.now();
        // The demo's conversation notifies people like any other.
        registerNotificationHandlers(deps, deps.bus);
        const n = await createDemoOrganisation(deps);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.log(
          `Demo organisation created: ${n.people} people, ${n.groups} groups, ${n.posts} posts and ${n.documents} documents in ${seconds} s.`,
        );
      }
      console.log(await demoSignInHelp(deps));
      return serve(deps);
    },
  },
  seed: {
    usage: 'kantine seed --scale small|medium|large',
    summary:
      'generate a test organisation (people, groups, posts, comments, reactions) into an empty database',
    options: { scale: { type: 'string' } },
    run: async (v) => {
      if (typeof v.scale !== 'string' || !isScaleName(v.scale))
        throw new UsageError('--scale must be small, medium or large');
      const deps = await openDeps();
      try {
        const refusal = await seedRefusal(deps);
        if (refusal) throw new UsageError(refusal);
        const info = await seedOrganisation(deps, v.scale, (line) => console.error(line));
        console.log(seedReport(info, deps.config.baseUrl));
      } finally {
        await closeDeps(deps);
      }
      return 0;
    },
  },
  migrate: {
    usage: 'kantine migrate',
    summary: 'apply pending migrations and exit',
    options: {},
    run: async () => {
      const config = loadConfig();
      const db = connect(config);
      try {
        const applied = await migrateToLatest(db);
        console.log(
          applied.length
            ? `Applied: ${applied.join(', ')}`
            : 'Nothing to apply: the database is up to date.',
        );
      } finally {
        await db.destroy();
      }
      return 0;
    },
  },
  'user add': {
    usage: 'kantine user add --email E --name N [--password P | --invite] [--admin]',
    summary: 'create a person, with a password or by invitation mail',
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      invite: { type: 'boolean' },
      admin: { type: 'boolean' },
    },
    run: async (v) => {
      if (typeof v.email !== 'string' || v.email.trim() === '')
        throw new UsageError('--email is required');
      if (typeof v.name !== 'string' || v.name.trim() === '')
        throw new UsageError('--name is required');
      if (v.password !== undefined && v.invite)
        throw new UsageError('give either --password or --invite, not both');
      if (v.password === undefined && !v.invite)
        throw new UsageError('give --password P or --invite');
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim()))
        throw new UsageError(`--email ${v.email}: not an e-mail address`);
      const deps = await openDeps();
      try {
        const { user, inviteUrl } = await createPerson(deps, null, {
          email: v.email,
          name: v.name,
          role: v.admin ? 'admin' : 'member',
          ...(typeof v.password === 'string' ? { password: v.password } : {}),
        });
        console.log(
          `Created ${user.name} <${user.email}> (${user.role}, ${user.status}), id ${user.id}`,
        );
        if (inviteUrl) console.log(`Invitation link (also mailed): ${inviteUrl}`);
      } finally {
        await closeDeps(deps);
      }
      return 0;
    },
  },
  'token create': {
    usage: 'kantine token create --email E [--name LABEL]',
    summary: 'print a new personal access token for a person',
    options: { email: { type: 'string' }, name: { type: 'string' } },
    run: async (v) => {
      if (typeof v.email !== 'string' || v.email.trim() === '')
        throw new UsageError('--email is required');
      const deps = await openDeps();
      try {
        const user = await findUserByEmail(deps.db, v.email);
        if (!user) throw new UsageError(`no person with e-mail ${v.email}`);
        if (user.status !== 'active')
          throw new UsageError(`${v.email} is ${user.status}; only active people get tokens`);
        const label = typeof v.name === 'string' && v.name.trim() ? v.name : 'command line';
        const t = await createToken(deps.db, { userId: user.id, name: label, now: deps.clock() });
        console.log(t.token);
      } finally {
        await closeDeps(deps);
      }
      return 0;
    },
  },
};

function help(): string {
  return [
    'Kantine: an enterprise social network that measures its own value.',
    '',
    'Usage: kantine <command> [options]   (npm run kantine -- <command> …)',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Every command has --help.',
    '',
    settingsHelp,
  ].join('\n');
}

/** Builds everything a running Kantine needs: config → db (migrated) → mail, storage → app deps. */
async function openDeps(): Promise<Deps> {
  const config = loadConfig();
  const db = connect(config);
  try {
    await migrateToLatest(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  const log = pino({ level: config.logLevel === 'silent' ? 'silent' : config.logLevel });
  return {
    config,
    db,
    clock: systemClock,
    limiter: memoryRateLimiter(),
    mailer: createMailer({
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      outboxDir: path.join(config.dataDir, 'outbox'),
      log,
    }),
    storage: localStorage(path.join(config.dataDir, 'files')),
    bus: createBus({ redisUrl: config.redisUrl, log }),
  };
}

/** Closes what openDeps opened: the database and the event bus's connections. */
async function closeDeps(deps: Deps): Promise<void> {
  await deps.bus.close();
  await deps.db.destroy();
}

/** Serves until SIGTERM or SIGINT: then stops accepting, finishes requests in flight, closes the database. */
async function serve(deps: Deps): Promise<number> {
  const app = await buildApp(deps);
  let stopping = false;
  // Answers given while stopping close their connection; a keep-alive connection would
  // otherwise hold the shutdown open until its timeout.
  app.addHook('onSend', (_req, reply, payload, done) => {
    if (stopping) reply.header('connection', 'close');
    done(null, payload);
  });
  try {
    await app.listen({ port: deps.config.port, host: deps.config.host });
  } catch (err) {
    // Close the database too: an open PostgreSQL pool would keep the failed process alive.
    await app.close();
    await closeDeps(deps);
    throw err;
  }
  // Background jobs (text extraction, …): every node polls unless told not to (JOBS=off).
  if (deps.config.jobs) {
    scheduleQuestionJobs();
    scheduleSearchJobs();
    scheduleAnalyticsJobs();
    schedulePainPointJobs();
  }
  const worker = deps.config.jobs ? startWorker(deps) : null;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : deps.config.port;
  console.log(
    `Kantine is listening on http://${deps.config.host}:${port} (public address ${deps.config.baseUrl}).`,
  );
  return new Promise<number>((resolve) => {
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.log.info({ signal }, 'shutting down');
      const timer = setTimeout(() => {
        app.log.warn('requests still in flight at the shutdown timeout; closing anyway');
        app.server.closeAllConnections();
      }, deps.config.shutdownTimeoutSeconds * 1000);
      timer.unref();
      try {
        await app.close();
        await worker?.stop();
        await closeDeps(deps);
      } finally {
        clearTimeout(timer);
        resolve(0);
      }
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, second] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    if (first === undefined) return run(COMMANDS.start!, []);
    console.log(help());
    return 0;
  }
  const twoWords = second !== undefined ? `${first} ${second}` : '';
  const name = COMMANDS[twoWords] ? twoWords : first;
  const command = COMMANDS[name];
  if (!command) {
    const group = Object.keys(COMMANDS).filter((k) => k.startsWith(`${first} `));
    console.error(
      group.length
        ? `kantine ${first}: say which: ${group.map((g) => `kantine ${g}`).join(', ')}`
        : `kantine: unknown command "${first}". Run kantine --help.`,
    );
    return 2;
  }
  return run(command, argv.slice(name.split(' ').length));
}

async function run(command: Command, args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\nUsage: ${command.usage}`);
    return 2;
  }
  if (values.help) {
    console.log(`Usage: ${command.usage}\n\n${command.summary}\n\n${settingsHelp}`);
    return 0;
  }
  try {
    return await command.run(values);
  } catch (err) {
    if (err instanceof ConfigError) console.error(err.message);
    else if (err instanceof UsageError) console.error(`${err.message}\nUsage: ${command.usage}`);
    else if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(
        `The address is in use: another program listens there. Set PORT or HOST to another value.`,
      );
    } else if (err instanceof AppError) {
      const t = i18n('en', 'UTC').t;
      const fields = err.fields.map((f) => `  ${f.field}: ${t(f.message, f.params)}`).join('\n');
      console.error(`${t(err.title, err.params)}${fields ? `\n${fields}` : ''}`);
    } else console.error(err);
    return 1;
  }
}
