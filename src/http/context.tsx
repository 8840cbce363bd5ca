import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import {
  findUserForSession,
  findUserForToken,
  SESSION_COOKIE,
} from '../features/accounts/sessions.ts';
import type { User } from '../features/accounts/accounts.table.ts';
import { hasPeople } from '../features/accounts/users.queries.ts';
import { getOrgName } from '../features/admin/settings.ts';
// The layout shows the unread count on every page, so the page context reads it.
import { unreadCount } from '../features/notifications/index.ts';
import {
  i18n,
  isMessageKey,
  negotiateLocale,
  type I18n,
  type MessageKey,
  type Params,
} from '../views/i18n.ts';
import { Layout, renderPage, type Flash, type PageContext } from '../views/layout.tsx';
import type { Deps } from './app.ts';
import { AppError, unauthenticated } from './errors.ts';

export type Auth =
  { kind: 'session'; sessionId: string } | { kind: 'token'; tokenId: string } | null;

declare module 'fastify' {
  interface FastifyRequest {
    i18n: I18n;
    viewer: User | null;
    auth: Auth;
    flash: Flash | null;
  }
}

const FLASH_COOKIE = 'kantine_flash';
const PUBLIC_PREFIXES = ['/assets/', '/healthz', '/readyz', '/favicon.ico'];

export function isApi(req: FastifyRequest): boolean {
  return req.url.startsWith('/api/');
}

export function registerContext(app: FastifyInstance, deps: Deps): void {
  const { db, config, clock } = deps;
  let setupDone = false;

  app.decorateRequest('i18n', null as unknown as I18n);
  app.decorateRequest('viewer', null);
  app.decorateRequest('auth', null);
  app.decorateRequest('flash', null);

  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    req.i18n = i18n(
      negotiateLocale(req.headers['accept-language'], config.defaultLocale),
      config.timeZone,
    );
    if (PUBLIC_PREFIXES.some((p) => path.startsWith(p))) return;

    const authz = req.headers.authorization;
    if (authz !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(authz);
      const found = m?.[1] ? await findUserForToken(db, m[1], clock()) : null;
      if (!found) throw new AppError(401, 'invalid_token', 'error.invalid_token');
      req.viewer = found.user;
      req.auth = { kind: 'token', tokenId: found.tokenId };
    } else {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        const found = await findUserForSession(db, cookie, clock(), config);
        if (found) {
          req.viewer = found.user;
          req.auth = { kind: 'session', sessionId: found.sessionId };
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
    }
    if (req.viewer) {
      req.i18n = i18n(
        req.viewer.locale ?? req.i18n.locale,
        req.viewer.time_zone || config.timeZone,
      );
    }

    // A flash belongs to the next page; API calls in between leave it alone.
    const rawFlash = isApi(req) ? undefined : req.cookies[FLASH_COOKIE];
    if (rawFlash) {
      const unsigned = req.unsignCookie(rawFlash);
      reply.clearCookie(FLASH_COOKIE, { path: '/' });
      if (unsigned.valid && unsigned.value) {
        try {
          const f = JSON.parse(unsigned.value) as { k: Flash['kind']; m: string; p?: Params };
          if (isMessageKey(f.m)) req.flash = { kind: f.k, text: req.i18n.t(f.m, f.p) };
        } catch {
          // a broken flash cookie is dropped
        }
      }
    }

    // Until the first person exists, every page leads to the setup page.
    if (!setupDone && !isApi(req) && req.method === 'GET' && path !== '/setup') {
      setupDone = await hasPeople(db);
      if (!setupDone) return reply.redirect('/setup', 303);
    }
  });
}

/** Sets a message shown once on the next page (post → redirect → get). */
export function setFlash(
  reply: FastifyReply,
  kind: Flash['kind'],
  message: MessageKey,
  params?: Params,
): void {
  reply.setCookie(FLASH_COOKIE, JSON.stringify({ k: kind, m: message, p: params }), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    signed: true,
    maxAge: 60,
  });
}

export function redirectWithFlash(
  reply: FastifyReply,
  to: string,
  kind: Flash['kind'],
  message: MessageKey,
  params?: Params,
): FastifyReply {
  setFlash(reply, kind, message, params);
  return reply.redirect(to, 303);
}

/** The signed-in person, or a 401 (API) / a redirect to sign-in (pages). */
export function requireViewer(req: FastifyRequest): User {
  if (!req.viewer) throw unauthenticated();
  return req.viewer;
}

export function requireAdmin(req: FastifyRequest): User {
  const viewer = requireViewer(req);
  if (viewer.role !== 'admin') throw new AppError(403, 'forbidden', 'error.forbidden');
  return viewer;
}

export async function pageContext(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<Deps, 'db'>,
): Promise<PageContext> {
  return {
    i18n: req.i18n,
    orgName: await getOrgName(deps.db),
    viewer: req.viewer ? { id: req.viewer.id, name: req.viewer.name, role: req.viewer.role } : null,
    unread: req.viewer ? await unreadCount(deps.db, req.viewer.id) : 0,
    csrfToken: reply.generateCsrf(),
    flash: req.flash,
    path: req.url.split('?')[0] ?? '/',
  };
}

/** Renders a page inside the layout. */
export async function sendPage(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: Pick<Deps, 'db'>,
  title: string,
  body: (ctx: PageContext) => VNode,
  status = 200,
): Promise<FastifyReply> {
  const ctx = await pageContext(req, reply, deps);
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      renderPage(
        <Layout ctx={ctx} title={title}>
          {body(ctx)}
        </Layout>,
      ),
    );
}
