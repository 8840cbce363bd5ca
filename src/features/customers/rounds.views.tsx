import { Csrf, ErrorSummary, Field, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import { CustomersNav, Legend, MeanBadge, ScoreBadge } from './customers.layout.tsx';
import type { Customer } from './customers.table.ts';
import type { NamedDimension } from './dimensions.ts';
import type { RoundEvaluation, Scored } from './evaluations.ts';
import { ROUND_NAME_MAX, type RoundRow } from './rounds.ts';

export function RoundsListPage(p: { ctx: PageContext; rounds: RoundRow[]; canManage: boolean }) {
  const { ctx } = p;
  const { t } = ctx.i18n;
  return (
    <>
      <CustomersNav ctx={ctx} />
      <h1>{t('customers.rounds.title')}</h1>
      {p.canManage ? (
        <p>
          <a href="/customers/rounds/new" class="button">
            {t('customers.rounds.new')}
          </a>
        </p>
      ) : null}
      {p.rounds.length === 0 ? (
        <p class="empty">{t('customers.rounds.none')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="rounds-caption" tabIndex={0}>
          <table>
            <caption id="rounds-caption">{t('customers.rounds.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('customers.field.round_name')}</th>
                <th scope="col">{t('customers.field.starts_on')}</th>
                <th scope="col">{t('customers.field.ends_on')}</th>
                <th scope="col" class="num">
                  {t('customers.col.evaluations')}
                </th>
                <th scope="col">{t('customers.col.published')}</th>
                {p.canManage ? <th scope="col">{t('customers.col.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {p.rounds.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`/customers/rounds/${r.id}`}>{r.name}</a>
                  </th>
                  <td>{ctx.i18n.day(r.starts_on)}</td>
                  <td>{ctx.i18n.day(r.ends_on)}</td>
                  <td class="num">{ctx.i18n.number(r.evaluations)}</td>
                  <td>
                    {r.published_at
                      ? t('customers.rounds.published_on', { date: ctx.i18n.date(r.published_at) })
                      : t('customers.rounds.not_published')}
                  </td>
                  {p.canManage ? (
                    <td class="actions">
                      <a href={`/customers/rounds/${r.id}/edit`}>
                        {t('customers.rounds.edit', { name: r.name })}
                      </a>{' '}
                      <a href={`/customers/rounds/${r.id}/delete`}>
                        {t('customers.rounds.delete', { name: r.name })}
                      </a>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export type RoundForm = Record<'name' | 'startsOn' | 'endsOn', string>;

export function RoundFormPage(p: {
  ctx: PageContext;
  round: RoundRow | null;
  values: RoundForm;
  errors: Errors;
}) {
  const { ctx, round, values, errors } = p;
  const { t } = ctx.i18n;
  return (
    <>
      <CustomersNav ctx={ctx} />
      <section class="narrow">
        <h1>
          {round
            ? t('customers.rounds.edit_title', { name: round.name })
            : t('customers.rounds.new')}
        </h1>
        <ErrorSummary i18n={ctx.i18n} errors={errors} />
        <form
          method="post"
          action={round ? `/customers/rounds/${round.id}/edit` : '/customers/rounds'}
        >
          <Csrf token={ctx.csrfToken} />
          <Field
            name="name"
            label={t('customers.field.round_name')}
            value={values.name}
            errors={errors}
            required
            maxLength={ROUND_NAME_MAX}
            hint={t('customers.hint.round_name')}
          />
          <Field
            name="startsOn"
            type="date"
            label={t('customers.field.starts_on')}
            value={values.startsOn}
            errors={errors}
            required
          />
          <Field
            name="endsOn"
            type="date"
            label={t('customers.field.ends_on')}
            value={values.endsOn}
            errors={errors}
            required
          />
          <button type="submit">{t('form.save')}</button>{' '}
          <a href={round ? `/customers/rounds/${round.id}` : '/customers/rounds'}>
            {t('customers.cancel')}
          </a>
        </form>
      </section>
    </>
  );
}

export function RoundDeletePage({ ctx, round }: { ctx: PageContext; round: RoundRow }) {
  const { t } = ctx.i18n;
  return (
    <>
      <CustomersNav ctx={ctx} />
      <section class="narrow">
        <h1>{t('customers.rounds.delete_title', { name: round.name })}</h1>
        <p>{t('customers.rounds.delete_warning', { count: round.evaluations })}</p>
        <form method="post" action={`/customers/rounds/${round.id}/delete`}>
          <Csrf token={ctx.csrfToken} />
          <button type="submit">{t('customers.delete_confirm')}</button>{' '}
          <a href={`/customers/rounds/${round.id}`}>{t('customers.cancel')}</a>
        </form>
      </section>
    </>
  );
}

export interface GridRow {
  customer: Customer;
  evaluation: RoundEvaluation | null;
  mean: Scored | null;
  /** Whether the viewer may enter or change this customer's evaluation. */
  canEvaluate: boolean;
}

/** The round: customers × dimensions, each score rated, the means below. */
export function RoundPage(p: {
  ctx: PageContext;
  round: RoundRow;
  dims: NamedDimension[];
  rows: GridRow[];
  dimensionMeans: Map<string, Scored>;
  overall: Scored | null;
  canManage: boolean;
}) {
  const { ctx, round } = p;
  const { t } = ctx.i18n;
  return (
    <>
      <CustomersNav ctx={ctx} />
      <h1>{round.name}</h1>
      <p>
        {t('customers.rounds.dates', {
          from: ctx.i18n.day(round.starts_on),
          to: ctx.i18n.day(round.ends_on),
        })}{' '}
        {round.published_at
          ? t('customers.rounds.published_on', { date: ctx.i18n.date(round.published_at) })
          : t('customers.rounds.not_published')}
      </p>
      {p.canManage ? (
        <p>
          <a href={`/customers/rounds/${round.id}/edit`} class="button">
            {t('customers.rounds.edit', { name: round.name })}
          </a>{' '}
          <a href={`/customers/rounds/${round.id}/publish`}>
            {t('satisfaction.publish.title', { round: round.name })}
          </a>{' '}
          · <a href={`/customers/evaluations.csv?round=${round.id}`}>{t('customers.export_csv')}</a>
        </p>
      ) : null}
      <div class="table-scroll" role="region" aria-labelledby="grid-caption" tabIndex={0}>
        <table>
          <caption id="grid-caption">
            {t('customers.rounds.grid_caption', { name: round.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('customers.col.customer')}</th>
              {p.dims.map((d) => (
                <th scope="col">{d.displayName}</th>
              ))}
              <th scope="col">{t('customers.mean')}</th>
              <th scope="col">{t('customers.col.evaluation')}</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <th scope="row">
                  <a href={`/customers/${r.customer.id}`}>{r.customer.name}</a>
                </th>
                {p.dims.map((d) => (
                  <td>
                    <ScoreBadge ctx={ctx} score={r.evaluation?.scores[d.id]} standard={d} />
                  </td>
                ))}
                <td>
                  <MeanBadge ctx={ctx} scored={r.mean} />
                </td>
                <td>
                  {r.canEvaluate ? (
                    <a href={`/customers/${r.customer.id}/evaluations/${round.id}`}>
                      {r.evaluation
                        ? t('customers.rounds.edit_for', { name: r.customer.name })
                        : t('customers.rounds.enter_for', { name: r.customer.name })}
                    </a>
                  ) : r.evaluation ? (
                    ctx.i18n.day(r.evaluation.conversation_date)
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('customers.mean')}</th>
              {p.dims.map((d) => (
                <td>
                  <MeanBadge ctx={ctx} scored={p.dimensionMeans.get(d.id)} />
                </td>
              ))}
              <td>
                <MeanBadge ctx={ctx} scored={p.overall} />
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <Legend ctx={ctx} />
    </>
  );
}
