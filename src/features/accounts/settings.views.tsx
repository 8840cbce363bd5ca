import { Csrf, ErrorSummary, Field, Select, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.ts';

function SettingsNav({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  const items = [
    ['/settings', t('settings.general')],
    ['/settings/sessions', t('settings.sessions')],
    ['/settings/tokens', t('settings.tokens')],
  ] as const;
  return (
    <nav aria-label={t('settings.title')}>
      <ul class="subnav">
        {items.map(([href, label]) => (
          <li>
            <a href={href} aria-current={ctx.path === href ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export const TIME_ZONES = [
  'Europe/Berlin',
  'Europe/Vienna',
  'Europe/Zurich',
  'Europe/London',
  'Europe/Paris',
  'Europe/Warsaw',
  'Europe/Istanbul',
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
];

export function SettingsPage(props: {
  ctx: PageContext;
  locale: string;
  timeZone: string;
  prefErrors: Errors;
  pwErrors: Errors;
}) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const zones = TIME_ZONES.includes(props.timeZone) ? TIME_ZONES : [props.timeZone, ...TIME_ZONES];
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <SettingsNav ctx={ctx} />
      <h2>{t('settings.preferences')}</h2>
      <ErrorSummary i18n={ctx.i18n} errors={props.prefErrors} />
      <form method="post" action="/settings/preferences" class="stack">
        <Csrf token={ctx.csrfToken} />
        <Select
          name="locale"
          label={t('settings.language')}
          value={props.locale}
          errors={props.prefErrors}
          options={[
            { value: '', label: t('settings.language_browser') },
            { value: 'de', label: 'Deutsch' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Select
          name="timeZone"
          label={t('settings.time_zone')}
          value={props.timeZone}
          errors={props.prefErrors}
          options={zones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
        />
        <button type="submit">{t('form.save')}</button>
      </form>
      <h2>{t('password.change')}</h2>
      <ErrorSummary i18n={ctx.i18n} errors={props.pwErrors} />
      <form method="post" action="/settings/password" class="stack" novalidate>
        <Csrf token={ctx.csrfToken} />
        <Field
          name="current"
          label={t('password.current')}
          type="password"
          errors={props.pwErrors}
          autocomplete="current-password"
          maxLength={PASSWORD_MAX}
          required
        />
        <Field
          name="password"
          label={t('password.new')}
          type="password"
          errors={props.pwErrors}
          autocomplete="new-password"
          maxLength={PASSWORD_MAX}
          required
          hint={t('password.rules', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
        />
        <button type="submit">{t('password.change')}</button>
      </form>
    </section>
  );
}

export interface SessionRow {
  id: string;
  created_at: string;
  last_seen_at: string;
  ip: string;
  user_agent: string;
}

/**
 * A short, readable name of a browser from its user agent. Hand-written because the one
 * well-kept parser (ua-parser-js 2) is AGPL, and a session list needs only this rough label.
 */
export function describeAgent(ua: string): string {
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : /Trident|MSIE/.test(ua)
            ? 'Internet Explorer'
            : '';
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Mac OS X/.test(ua)
        ? 'macOS'
        : /Android/.test(ua)
          ? 'Android'
          : /Linux/.test(ua)
            ? 'Linux'
            : '';
  return [browser, os].filter(Boolean).join(' · ') || ua.slice(0, 60) || '?';
}

export function SessionsPage({
  ctx,
  sessions,
  currentId,
}: {
  ctx: PageContext;
  sessions: SessionRow[];
  currentId: string | null;
}) {
  const { t, dateTime } = ctx.i18n;
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <SettingsNav ctx={ctx} />
      <h2>{t('settings.sessions')}</h2>
      <p>{t('sessions.intro')}</p>
      <div class="table-scroll" role="region" aria-label={t('settings.sessions')} tabIndex={0}>
        <table>
          <caption class="sr-only">{t('settings.sessions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.device')}</th>
              <th scope="col">{t('sessions.address')}</th>
              <th scope="col">{t('sessions.signed_in')}</th>
              <th scope="col">{t('sessions.last_seen')}</th>
              <th scope="col">
                <span class="sr-only">{t('sessions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr>
                <td>{describeAgent(s.user_agent)}</td>
                <td>{s.ip}</td>
                <td>{dateTime(s.created_at)}</td>
                <td>{dateTime(s.last_seen_at)}</td>
                <td>
                  {s.id === currentId ? (
                    <strong>{t('sessions.this_one')}</strong>
                  ) : (
                    <form method="post" action={`/settings/sessions/${s.id}/end`} class="inline">
                      <Csrf token={ctx.csrfToken} />
                      <button type="submit" class="secondary">
                        {t('sessions.end')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sessions.length > 1 ? (
        <form method="post" action="/settings/sessions/end-others">
          <Csrf token={ctx.csrfToken} />
          <button type="submit">{t('sessions.end_others')}</button>
        </form>
      ) : null}
    </section>
  );
}

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
}

export function TokensPage(props: {
  ctx: PageContext;
  tokens: TokenRow[];
  created: { name: string; token: string } | null;
  errors: Errors;
  name: string;
}) {
  const { ctx } = props;
  const { t, dateTime } = ctx.i18n;
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <SettingsNav ctx={ctx} />
      <h2>{t('settings.tokens')}</h2>
      <p>{t('tokens.intro')}</p>
      {props.created ? (
        <div class="flash flash-success" role="status">
          <p>{t('tokens.created', { name: props.created.name })}</p>
          <p>
            <label for="new-token">{t('tokens.copy_now')}</label>
            <input id="new-token" class="token" type="text" readOnly value={props.created.token} />
          </p>
        </div>
      ) : null}
      {props.tokens.length ? (
        <div class="table-scroll" role="region" aria-label={t('settings.tokens')} tabIndex={0}>
          <table>
            <caption class="sr-only">{t('settings.tokens')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.starts_with')}</th>
                <th scope="col">{t('tokens.created_at')}</th>
                <th scope="col">{t('tokens.last_used')}</th>
                <th scope="col">
                  <span class="sr-only">{t('sessions.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.tokens.map((tk) => (
                <tr>
                  <td>{tk.name}</td>
                  <td>
                    <code>{tk.prefix}…</code>
                  </td>
                  <td>{dateTime(tk.created_at)}</td>
                  <td>{tk.last_used_at ? dateTime(tk.last_used_at) : t('tokens.never')}</td>
                  <td>
                    <form method="post" action={`/settings/tokens/${tk.id}/revoke`} class="inline">
                      <Csrf token={ctx.csrfToken} />
                      <button type="submit" class="secondary">
                        {t('tokens.revoke')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="empty">{t('tokens.none')}</p>
      )}
      <h3>{t('tokens.new')}</h3>
      <form method="post" action="/settings/tokens" class="stack" novalidate>
        <Csrf token={ctx.csrfToken} />
        <Field
          name="name"
          label={t('tokens.name')}
          value={props.name}
          errors={props.errors}
          maxLength={100}
          required
          hint={t('tokens.name_hint')}
        />
        <button type="submit">{t('tokens.create')}</button>
      </form>
    </section>
  );
}
