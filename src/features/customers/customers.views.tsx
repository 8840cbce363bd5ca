import { Csrf, ErrorSummary, Field, Select, type Errors } from '../../views/form.tsx';
import type { MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import { CustomersNav, MeanBadge } from './customers.layout.tsx';
import type { CustomerRow, Person } from './customers.queries.ts';
import { CUSTOMER_STATUSES, type CustomerStatus } from './customers.table.ts';
import type { Scored } from './evaluations.ts';

export const statusWord = (ctx: PageContext, s: CustomerStatus): string =>
  ctx.i18n.t(`customers.status.${s}` as MessageKey);

export interface CustomerListRow {
  customer: CustomerRow;
  /** The customer's latest evaluated round and its mean. */
  latest: { roundName: string; scored: Scored | null } | null;
}

export interface CustomerListFilter {
  status: string;
  industry: string;
  owner: string;
}

export function CustomersListPage(p: {
  ctx: PageContext;
  rows: CustomerListRow[];
  filter: CustomerListFilter;
  industries: string[];
  owners: Person[];
  canManage: boolean;
  nextUrl: string | null;
}) {
  const { ctx } = p;
  const { t } = ctx.i18n;
  return (
    <>
      <CustomersNav ctx={ctx} />
      <h1>{t('customers.title')}</h1>
      {p.canManage ? (
        <p>
          <a href="/customers/new" class="button">
            {t('customers.new')}
          </a>{' '}
          <a href="/customers/evaluations.csv">{t('customers.export_csv')}</a>
        </p>
      ) : null}
      <form method="get" action="/customers" class="filters">
        <Select
          name="status"
          label={t('customers.field.status')}
          value={p.filter.status}
          errors={{}}
          options={[
            { value: '', label: t('customers.filter.all') },
            ...CUSTOMER_STATUSES.map((s) => ({ value: s, label: statusWord(ctx, s) })),
          ]}
        />
        <Select
          name="industry"
          label={t('customers.field.industry')}
          value={p.filter.industry}
          errors={{}}
          options={[
            { value: '', label: t('customers.filter.all') },
            ...p.industries.map((i) => ({ value: i, label: i })),
          ]}
        />
        <Select
          name="owner"
          label={t('customers.field.owner')}
          value={p.filter.owner}
          errors={{}}
          options={[
            { value: '', label: t('customers.filter.all') },
            ...p.owners.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <button type="submit">{t('customers.filter.apply')}</button>
      </form>
      {p.rows.length === 0 ? (
        <p class="empty">{t('customers.none')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="customers-caption" tabIndex={0}>
          <table>
            <caption id="customers-caption">{t('customers.list_caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('customers.field.name')}</th>
                <th scope="col">{t('customers.field.industry')}</th>
                <th scope="col">{t('customers.field.owner')}</th>
                <th scope="col">{t('customers.field.status')}</th>
                <th scope="col">{t('customers.col.latest')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map(({ customer: c, latest }) => (
                <tr>
                  <th scope="row">
                    <a href={`/customers/${c.id}`}>{c.name}</a>
                  </th>
                  <td>{c.industry || '—'}</td>
                  <td>{c.owner_name ?? '—'}</td>
                  <td>{statusWord(ctx, c.status)}</td>
                  <td>
                    {latest ? (
                      <>
                        <MeanBadge ctx={ctx} scored={latest.scored} />{' '}
                        <span class="meta">({latest.roundName})</span>
                      </>
                    ) : (
                      t('customers.not_evaluated')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.nextUrl ? (
        <p>
          <a href={p.nextUrl}>{t('customers.more')}</a>
        </p>
      ) : null}
      <p class="hint">{t('customers.mean_hint')}</p>
    </>
  );
}

export type CustomerForm = Record<'name' | 'industry' | 'ownerId' | 'status', string>;

export function CustomerFormPage(p: {
  ctx: PageContext;
  customer: CustomerRow | null;
  values: CustomerForm;
  errors: Errors;
  people: Person[];
  industries: string[];
}) {
  const { ctx, customer, values, errors } = p;
  const { t } = ctx.i18n;
  // A deactivated owner stays selectable on the customer they own (see checkCustomer).
  const people =
    customer?.owner_id && !p.people.some((x) => x.id === customer.owner_id)
      ? [
          ...p.people,
          {
            id: customer.owner_id,
            name: customer.owner_name ?? '',
            email: customer.owner_email ?? '',
          },
        ]
      : p.people;
  return (
    <>
      <CustomersNav ctx={ctx} />
      <section class="narrow">
        <h1>
          {customer ? t('customers.edit_title', { name: customer.name }) : t('customers.new')}
        </h1>
        <ErrorSummary i18n={ctx.i18n} errors={errors} />
        <form method="post" action={customer ? `/customers/${customer.id}/edit` : '/customers'}>
          <Csrf token={ctx.csrfToken} />
          <Field
            name="name"
            label={t('customers.field.name')}
            value={values.name}
            errors={errors}
            required
            maxLength={200}
            hint={t('customers.hint.name')}
          />
          <Field
            name="industry"
            label={t('customers.field.industry')}
            value={values.industry}
            errors={errors}
            maxLength={100}
            list="industries"
          />
          <datalist id="industries">
            {p.industries.map((i) => (
              <option value={i} />
            ))}
          </datalist>
          <Select
            name="ownerId"
            label={t('customers.field.owner')}
            value={values.ownerId}
            errors={errors}
            hint={t('customers.hint.owner')}
            options={[
              { value: '', label: t('customers.no_owner') },
              ...people.map((x) => ({ value: x.id, label: `${x.name} (${x.email})` })),
            ]}
          />
          <Select
            name="status"
            label={t('customers.field.status')}
            value={values.status}
            errors={errors}
            options={CUSTOMER_STATUSES.map((s) => ({ value: s, label: statusWord(ctx, s) }))}
          />
          <button type="submit">{t('form.save')}</button>{' '}
          <a href={customer ? `/customers/${customer.id}` : '/customers'}>
            {t('customers.cancel')}
          </a>
        </form>
      </section>
    </>
  );
}

export function CustomerDeletePage(p: {
  ctx: PageContext;
  customer: CustomerRow;
  evaluations: number;
}) {
  const { ctx, customer } = p;
  const { t } = ctx.i18n;
  return (
    <>
      <CustomersNav ctx={ctx} />
      <section class="narrow">
        <h1>{t('customers.delete_title', { name: customer.name })}</h1>
        <p>{t('customers.delete_warning', { count: p.evaluations })}</p>
        <form method="post" action={`/customers/${customer.id}/delete`}>
          <Csrf token={ctx.csrfToken} />
          <button type="submit">{t('customers.delete_confirm')}</button>{' '}
          <a href={`/customers/${customer.id}`}>{t('customers.cancel')}</a>
        </form>
      </section>
    </>
  );
}
