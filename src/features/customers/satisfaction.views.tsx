import { CustomersNav } from './customers.layout.tsx';
import type { Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import type { Satisfaction, SatisfactionFilter } from './satisfaction.ts';
import { filterQueryString, type FilterOptions } from './satisfaction.filters.ts';
import { SatisfactionWidget, WIDGET_CSS } from './widget.tsx';

function FilterSelect(p: {
  id: string;
  name: string;
  label: string;
  value: string | null;
  all: string;
  options: { value: string; label: string }[];
  error?: string;
}) {
  return (
    <p class={p.error ? 'field has-error' : 'field'}>
      <label for={p.id}>{p.label}</label>
      {p.error ? (
        <span class="error" id={`${p.id}-error`}>
          {p.error}
        </span>
      ) : null}
      <select
        id={p.id}
        name={p.name}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? `${p.id}-error` : undefined}
      >
        <option value="" selected={!p.value}>
          {p.all}
        </option>
        {p.options.map((o) => (
          <option value={o.value} selected={p.value === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </p>
  );
}

export function SatisfactionPage(p: {
  ctx: PageContext;
  data: Satisfaction;
  filter: SatisfactionFilter;
  options: FilterOptions;
  errors: Errors;
  isAdmin: boolean;
}) {
  const { ctx, data, filter, options, errors } = p;
  const { t } = ctx.i18n;
  // The CSV names the round shown, so that it stays the same when a newer round is added.
  const csv = `/satisfaction.csv${filterQueryString({ ...filter, roundId: data.round?.id ?? filter.roundId })}`;
  return (
    <section>
      <CustomersNav ctx={ctx} />
      <h1>{t('satisfaction.page_title')}</h1>
      <form
        method="get"
        action="/satisfaction"
        class="filters"
        aria-label={t('satisfaction.filters')}
      >
        <FilterSelect
          id="s-round"
          name="roundId"
          label={t('satisfaction.round')}
          value={filter.roundId ?? null}
          all={t('satisfaction.latest_round')}
          options={options.rounds.map((r) => ({ value: r.id, label: r.name }))}
          error={errors.roundId}
        />
        <FilterSelect
          id="s-industry"
          name="industry"
          label={t('satisfaction.industry')}
          value={filter.industry ?? null}
          all={t('satisfaction.all_industries')}
          options={options.industries.map((i) => ({ value: i, label: i }))}
        />
        <FilterSelect
          id="s-owner"
          name="ownerId"
          label={t('satisfaction.owner')}
          value={filter.ownerId ?? null}
          all={t('satisfaction.all_owners')}
          options={options.owners.map((o) => ({ value: o.id, label: o.name }))}
          error={errors.ownerId}
        />
        <button type="submit">{t('satisfaction.apply')}</button>
      </form>
      <SatisfactionWidget
        i18n={ctx.i18n}
        data={data}
        variant="full"
        id="sat"
        customers="links"
        stylesheet={WIDGET_CSS()}
      />
      <p>
        <a href={csv} download>
          {t('satisfaction.csv')}
        </a>
      </p>
      {p.isAdmin ? (
        <ul class="actions">
          {data.round ? (
            <li>
              <a href={`/customers/rounds/${data.round.id}/publish`}>
                {t('satisfaction.publish_link', { round: data.round.name })}
              </a>
            </li>
          ) : null}
          <li>
            <a href="/satisfaction/widget-tokens">{t('satisfaction.tokens.link')}</a>
          </li>
        </ul>
      ) : null}
    </section>
  );
}
