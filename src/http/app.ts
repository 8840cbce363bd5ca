import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import { accountsApi, registerAccounts } from '../features/accounts/index.ts';
import { registerAdmin } from '../features/admin/index.ts';
import {
  feedApi,
  groupFeedSection,
  profileFeedSection,
  registerFeed,
} from '../features/feed/index.ts';
import { groupsApi, registerGroups } from '../features/groups/index.ts';
import { hashtagAdminApi, hashtagAdminRoutes } from '../features/hashtags/index.ts';
import { notificationsApi, registerNotifications } from '../features/notifications/index.ts';
import { liveRoutes } from '../realtime/live.routes.ts';
import { moderationApi, postsApi, registerPosts } from '../features/posts/index.ts';
import {
  answersSection,
  groupTargetSection,
  questionSettingsApi,
  questionsApi,
  registerQuestions,
  similarQuestionsPreview,
  withGroupQuestionsLink,
} from '../features/questions/index.ts';
import { registerSearch, searchApi } from '../features/search/index.ts';
import { analyticsApi, analyticsRoutes } from '../features/analytics/index.ts';
import { registerHealth } from '../features/health/health.routes.ts';
import {
  customersApi,
  registerCustomers,
  satisfactionHomeSection,
} from '../features/customers/index.ts';
import {
  painPointsApi,
  painPointSection,
  registerPainPoints,
} from '../features/painpoints/index.ts';
import {
  documentsApi,
  registerDocuments,
  withGroupDocumentsLink,
} from '../features/documents/index.ts';
import type { Clock } from '../lib/time.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Bus } from '../realtime/bus.ts';
import type { Storage } from '../storage/storage.ts';
import { ASSETS_DIR } from '../views/assets.ts';
import { registerContext } from './context.tsx';
import { frameworkErrors, registerErrorHandling } from './error-handler.tsx';
import { parseFormBody } from './form-body.ts';
import { Problem, useApiValidation } from './api.ts';
import { registerJsonBody } from './json-body.ts';
import type { RateLimiter } from './rate-limit.ts';

/** Everything a request may need, built once in main.ts and passed down. */
export interface Deps {
  config: Config;
  db: Db;
  mailer: Mailer;
  storage: Storage;
  clock: Clock;
  limiter: RateLimiter;
  bus: Bus;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const { config } = deps;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
    frameworkErrors: frameworkErrors(config),
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: true } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const https = config.baseUrl.startsWith('https:');
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    strictTransportSecurity: https ? undefined : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [(await import('node:zlib')).constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
  await app.register(fastifyCookie, { secret: config.secret });
  await app.register(fastifyCsrf, {
    cookieKey: 'kantine_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: https, signed: true },
    getToken: (req: FastifyRequest) => {
      const body = req.body as Record<string, unknown> | undefined;
      const query = req.query as Record<string, unknown> | undefined;
      const fromBody = typeof body?._csrf === 'string' ? body._csrf : undefined;
      const fromQuery = typeof query?._csrf === 'string' ? query._csrf : undefined;
      return fromBody ?? fromQuery ?? (req.headers['x-csrf-token'] as string | undefined) ?? '';
    },
  });
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: config.photoMaxMb * 1024 * 1024,
      files: 1,
      fields: 20,
      fieldSize: 64 * 1024,
    },
  });
  registerJsonBody(app);
  app.removeContentTypeParser('application/x-www-form-urlencoded');
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
    (_req, body, done) => {
      try {
        done(null, parseFormBody(body as Buffer));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );
  await app.register(fastifyStatic, {
    root: ASSETS_DIR,
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    index: false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Kantine API', version: '1' },
      servers: [{ url: config.baseUrl }],
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'a personal access token' },
          session: { type: 'apiKey', in: 'cookie', name: 'kantine_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    hideUntagged: true,
    // Shared schemas keep their $id as component name ("User", not "def-0") for client generators.
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) =>
        typeof json.$id === 'string' ? json.$id : `def-${i}`,
    },
  });

  registerErrorHandling(app, deps);
  registerContext(app, deps);

  // CSRF: every unsafe form post, and every unsafe API call made with the session cookie.
  app.addHook('preHandler', (req, reply, done) => {
    if (!UNSAFE.has(req.method) || req.auth?.kind === 'token') return done();
    const isApi = req.url.startsWith('/api/');
    if (isApi && req.auth?.kind !== 'session') return done();
    app.csrfProtection(req, reply, done);
  });

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await registerHealth(app, deps);
  // Features do not import each other's pages: the feed's sections are handed in here.
  await registerAccounts(app, deps, { posts: profileFeedSection(deps) });
  await registerGroups(app, deps, {
    feed: withGroupDocumentsLink(withGroupQuestionsLink(groupFeedSection(deps))),
    settings: groupTargetSection(deps),
  });
  await registerPosts(app, deps, {
    comments: [answersSection(deps), painPointSection(deps)],
    questionPreview: similarQuestionsPreview(deps),
  });
  await registerQuestions(app, deps);
  await registerDocuments(app, deps);
  await registerSearch(app, deps);
  await analyticsRoutes(app, deps);
  await registerCustomers(app, deps);
  await registerPainPoints(app, deps);
  await registerFeed(app, deps, { home: [satisfactionHomeSection(deps)] });
  await hashtagAdminRoutes(app, deps);
  await registerNotifications(app, deps);
  await liveRoutes(app, deps);
  await registerAdmin(app, deps);
  // The JSON API: one plugin, so validation and shared schemas are set once for every feature.
  await app.register(
    async (api) => {
      useApiValidation(api);
      api.addSchema(Problem);
      await accountsApi(api, deps);
      await groupsApi(api, deps);
      await postsApi(api, deps);
      await moderationApi(api, deps);
      await hashtagAdminApi(api, deps);
      await feedApi(api, deps);
      await notificationsApi(api, deps);
      await questionsApi(api, deps);
      await documentsApi(api, deps);
      await searchApi(api, deps);
      await analyticsApi(api, deps);
      await questionSettingsApi(api, deps);
      await customersApi(api, deps);
      await painPointsApi(api, deps);
    },
    { prefix: '/api/v1' },
  );
  return app;
}
