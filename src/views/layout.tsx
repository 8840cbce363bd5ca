import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { I18n } from './i18n.ts';
import { assetUrl } from './assets.ts';

export interface Flash {
  kind: 'success' | 'error' | 'info';
  text: string;
}

/** What every page needs to know about the request. */
export interface PageContext {
  i18n: I18n;
  orgName: string;
  viewer: { id: string; name: string; role: string } | null;
  /** Unread notifications of the viewer. */
  unread: number;
  csrfToken: string;
  flash: Flash | null;
  path: string;
}

// Inline, so a page costs no extra request and browsers do not ask for a missing /favicon.ico.
const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" ' +
    'fill="#0b5cad"/><path d="M11 7v18M22 7l-9 9 9 9" stroke="#fff" stroke-width="4" fill="none"/></svg>',
)}`;

/**
 * A part of a page rendered by another feature (the group page's feed, the profile's posts):
 * loaded first, then rendered with the page's context. Passed in from app.ts, so features
 * need not import each other.
 */
export type PageSection = (
  req: import('fastify').FastifyRequest,
  viewer: { id: string; role: string },
  subjectId: string,
) => Promise<(ctx: PageContext) => preact.VNode>;

export interface PageProps {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
}

function Nav({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  const v = ctx.viewer;
  if (!v) return null;
  const items: [string, string][] = [
    ['/groups', t('nav.groups')],
    ['/questions', t('nav.questions')],
    ['/documents', t('nav.documents')],
    ['/pain-points', t('nav.pain_points')],
    ['/people', t('nav.people')],
    [`/people/${v.id}`, t('nav.profile')],
    ['/settings', t('nav.settings')],
    ...(v.role === 'admin'
      ? ([
          ['/customers', t('nav.customers')],
          ['/admin/users', t('nav.admin')],
        ] as [string, string][])
      : []),
  ];
  // The most specific matching entry is the current one (one's own profile is not "People").
  const current = items
    .map(([href]) => href)
    .filter((href) => ctx.path === href || ctx.path.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
  const link = (href: string, label: string) => (
    <li>
      <a href={href} aria-current={href === current ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav aria-label={t('nav.label')}>
      <ul class="nav">
        {items.map(([href, label]) => link(href, label))}
        <li>
          <a
            href="/notifications"
            aria-current={ctx.path === '/notifications' ? 'page' : undefined}
          >
            {t('nav.notifications')}{' '}
            <span
              id="unread-count"
              aria-live="polite"
              class={ctx.unread ? 'count-badge' : 'count-badge empty'}
            >
              {ctx.unread ? ctx.i18n.number(ctx.unread) : ''}
            </span>
          </a>
        </li>
        <li>
          <form method="post" action="/logout" class="inline">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <button type="submit" class="link">
              {t('nav.logout')}
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}

/** The search box in the header. */
function HeaderSearch({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  return (
    <form
      method="get"
      action="/search"
      role="search"
      class="header-search"
      aria-label={t('search.title')}
    >
      <label for="header-q" class="sr-only">
        {t('search.query')}
      </label>
      <input type="search" id="header-q" name="q" maxLength={200} />
      <button type="submit">{t('search.submit')}</button>
    </form>
  );
}

/** The administration's own sections, above every admin page. */
function AdminNav({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  const items = [
    ['/admin/users', t('nav.admin_people')],
    ['/admin/hashtags', t('nav.admin_hashtags')],
    ['/admin/reports', t('nav.admin_reports')],
    ['/admin/business-hours', t('nav.admin_business_hours')],
    ['/analytics', t('nav.admin_analytics')],
  ] as const;
  return (
    <nav aria-label={t('nav.admin_label')}>
      <ul class="subnav">
        {items.map(([href, label]) => (
          <li>
            <a href={href} aria-current={ctx.path.startsWith(href) ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Layout({ ctx, title, children }: PageProps) {
  const { t } = ctx.i18n;
  return (
    <html lang={ctx.i18n.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${ctx.orgName || 'Kantine'}`}</title>
        <link rel="icon" href={ICON} />
        <link rel="stylesheet" href={assetUrl('app.css')} />
        <script src={assetUrl('app.js')} defer></script>
      </head>
      <body data-live={ctx.viewer ? '1' : undefined}>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="top">
          <a class="brand" href="/">
            {ctx.orgName || 'Kantine'}
          </a>
          {ctx.viewer && !ctx.path.startsWith('/search') ? <HeaderSearch ctx={ctx} /> : null}
          <Nav ctx={ctx} />
        </header>
        <main id="main">
          {ctx.flash ? (
            <p
              class={`flash flash-${ctx.flash.kind}`}
              role={ctx.flash.kind === 'error' ? 'alert' : 'status'}
            >
              {ctx.flash.text}
            </p>
          ) : null}
          {(ctx.path.startsWith('/admin/') || ctx.path.startsWith('/analytics')) &&
          ctx.viewer?.role === 'admin' ? (
            <AdminNav ctx={ctx} />
          ) : null}
          {children}
        </main>
      </body>
    </html>
  );
}

export function renderPage(node: preact.VNode): string {
  return `<!doctype html>${renderToString(node)}`;
}
