import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';

/** The analytics pages, in the order of the five levels; shown above each of them. */
export const ANALYTICS_PAGES = [
  ['/analytics', 'analytics.nav_overview'],
  ['/analytics/users', 'analytics.nav_users'],
  ['/analytics/teams', 'analytics.nav_teams'],
  ['/analytics/activity', 'analytics.nav_activity'],
  ['/analytics/content', 'analytics.nav_content'],
  ['/analytics/value', 'analytics.nav_value'],
  ['/analytics/goals', 'analytics.nav_goals'],
  ['/analytics/hashtags', 'analytics.nav_hashtags'],
  ['/analytics/about', 'analytics.nav_about'],
] as const satisfies readonly (readonly [string, MessageKey])[];

export function AnalyticsNav({ ctx }: { ctx: PageContext }) {
  const { t } = ctx.i18n;
  return (
    <nav aria-label={t('analytics.nav_label')}>
      <ul class="subnav">
        {[
          ...ANALYTICS_PAGES,
          ...(ctx.viewer?.role === 'admin'
            ? ([['/analytics/settings', 'analytics.nav_settings']] as const)
            : []),
        ].map(([href, label]) => (
          <li>
            <a href={href} aria-current={ctx.path === href ? 'page' : undefined}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "How is this counted": a figure's definition, in a disclosure that works without script. */
export function HowCounted({
  ctx,
  children,
}: {
  ctx: PageContext;
  children: preact.ComponentChildren;
}) {
  return (
    <details class="how-counted">
      <summary>{ctx.i18n.t('analytics.how_counted')}</summary>
      {children}
    </details>
  );
}

export interface PeriodFormProps {
  ctx: PageContext;
  /** The page the form shows again. */
  action: string;
  form: { from: string; to: string; grain: string; groupId?: string };
  errors: Record<string, string>;
  /** Groups to filter by (only those the viewer may see); omitted: no group filter. */
  groups?: readonly { id: string; name: string }[];
  /** Whether the page has a time series (and so a grain). */
  grain?: boolean;
}

/** Period (and group) filters: a plain GET form, so every filtered view has its own address. */
export function PeriodForm({ ctx, action, form, errors, groups, grain = true }: PeriodFormProps) {
  const { t } = ctx.i18n;
  const err = (f: string) =>
    errors[f] ? (
      <span class="error" id={`a-${f}-error`}>
        {errors[f]}
      </span>
    ) : null;
  return (
    <form method="get" action={action} class="filters">
      <p class="field">
        <label for="a-from">{t('analytics.from')}</label>
        <input
          type="date"
          id="a-from"
          name="from"
          value={form.from}
          aria-invalid={errors.from ? 'true' : undefined}
          aria-describedby={errors.from ? 'a-from-error' : undefined}
        />
        {err('from')}
      </p>
      <p class="field">
        <label for="a-to">{t('analytics.to')}</label>
        <input
          type="date"
          id="a-to"
          name="to"
          value={form.to}
          aria-invalid={errors.to ? 'true' : undefined}
          aria-describedby={errors.to ? 'a-to-error' : undefined}
        />
        {err('to')}
      </p>
      {grain ? (
        <p class="field">
          <label for="a-grain">{t('analytics.grain')}</label>
          <select id="a-grain" name="grain">
            {(['day', 'week', 'month'] as const).map((g) => (
              <option value={g} selected={form.grain === g}>
                {t(`analytics.grain_${g}` as MessageKey)}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {groups ? (
        <p class="field">
          <label for="a-group">{t('analytics.group')}</label>
          <select id="a-group" name="groupId">
            <option value="">{t('analytics.all_groups')}</option>
            {groups.map((g) => (
              <option value={g.id} selected={form.groupId === g.id}>
                {g.name}
              </option>
            ))}
          </select>
          {err('groupId')}
        </p>
      ) : null}
      <p>
        <button type="submit">{t('analytics.show')}</button>
      </p>
    </form>
  );
}

/**
 * One figure of a dashboard: its name (a link to its page where given), the value, and what it
 * rests on or how it is counted. Inside a `<dl class="figures">`.
 */
export function Figure(p: { label: string; value: string; how: string; href?: string }) {
  return (
    <div class="figure">
      <dt>{p.href ? <a href={p.href}>{p.label}</a> : p.label}</dt>
      <dd>
        <strong>{p.value}</strong>
        <span class="how">{p.how}</span>
      </dd>
    </div>
  );
}
