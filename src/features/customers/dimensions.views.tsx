import { Csrf, ErrorSummary, Field, Select, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import { CustomersNav, Legend, num, standardRule } from './customers.layout.tsx';
import type { SatisfactionAudience } from './customers.policy.ts';
import { AUDIENCES } from './customers.settings.ts';
import { DIMENSION_NAME_MAX, type NamedDimension } from './dimensions.ts';

export type DimensionForm = Record<'name' | 'target' | 'tolerance', string>;

/** A small form with one button (move, archive, restore). */
function ButtonForm(p: {
  ctx: PageContext;
  action: string;
  label: string;
  name?: string;
  value?: string;
}) {
  return (
    <form method="post" action={p.action} class="inline">
      <Csrf token={p.ctx.csrfToken} />
      {p.name ? <input type="hidden" name={p.name} value={p.value} /> : null}
      <button type="submit" class="link">
        {p.label}
      </button>
    </form>
  );
}

export function StandardsPage(p: {
  ctx: PageContext;
  dims: NamedDimension[];
  archived: NamedDimension[];
  audience: SatisfactionAudience;
  add: { values: DimensionForm; errors: Errors };
  audienceErrors: Errors;
}) {
  const { ctx, dims } = p;
  const { t } = ctx.i18n;
  const errors = { ...p.add.errors, ...p.audienceErrors };
  return (
    <>
      <CustomersNav ctx={ctx} />
      <h1>{t('customers.standards.title')}</h1>
      <p>{t('customers.standards.intro')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <Legend ctx={ctx} />
      <div class="table-scroll" role="region" aria-labelledby="dims-caption" tabIndex={0}>
        <table>
          <caption id="dims-caption">{t('customers.standards.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('customers.col.position')}
              </th>
              <th scope="col">{t('customers.col.dimension')}</th>
              <th scope="col" class="num">
                {t('customers.field.target')}
              </th>
              <th scope="col" class="num">
                {t('customers.field.tolerance')}
              </th>
              <th scope="col">{t('customers.col.rule')}</th>
              <th scope="col">{t('customers.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {dims.map((d, i) => (
              <tr>
                <td class="num">{i + 1}</td>
                <th scope="row">{d.displayName}</th>
                <td class="num">{num(ctx, d.target)}</td>
                <td class="num">{num(ctx, d.tolerance)}</td>
                <td>{standardRule(ctx, d)}</td>
                <td class="actions">
                  <a href={`/customers/standards/${d.id}/edit`}>
                    {t('customers.standards.edit', { name: d.displayName })}
                  </a>{' '}
                  {i > 0 ? (
                    <ButtonForm
                      ctx={ctx}
                      action={`/customers/standards/${d.id}/move`}
                      name="direction"
                      value="up"
                      label={t('customers.standards.up', { name: d.displayName })}
                    />
                  ) : null}{' '}
                  {i < dims.length - 1 ? (
                    <ButtonForm
                      ctx={ctx}
                      action={`/customers/standards/${d.id}/move`}
                      name="direction"
                      value="down"
                      label={t('customers.standards.down', { name: d.displayName })}
                    />
                  ) : null}{' '}
                  {dims.length > 1 ? (
                    <ButtonForm
                      ctx={ctx}
                      action={`/customers/standards/${d.id}/archive`}
                      label={t('customers.standards.archive', { name: d.displayName })}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.archived.length > 0 ? (
        <section aria-labelledby="archived-dims">
          <h2 id="archived-dims">{t('customers.standards.archived_title')}</h2>
          <p>{t('customers.standards.archived_intro')}</p>
          <ul>
            {p.archived.map((d) => (
              <li>
                {d.displayName}{' '}
                <ButtonForm
                  ctx={ctx}
                  action={`/customers/standards/${d.id}/restore`}
                  label={t('customers.standards.restore', { name: d.displayName })}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="narrow" aria-labelledby="add-dim">
        <h2 id="add-dim">{t('customers.standards.add')}</h2>
        <form method="post" action="/customers/standards">
          <Csrf token={ctx.csrfToken} />
          <DimensionFields ctx={ctx} values={p.add.values} errors={p.add.errors} nameRequired />
          <button type="submit">{t('customers.standards.add_button')}</button>
        </form>
      </section>
      <section class="narrow" aria-labelledby="audience">
        <h2 id="audience">{t('customers.audience.title')}</h2>
        <form method="post" action="/customers/standards/audience">
          <Csrf token={ctx.csrfToken} />
          <Select
            name="audience"
            label={t('customers.audience.label')}
            value={p.audience}
            errors={p.audienceErrors}
            options={AUDIENCES.map((a) => ({ value: a, label: t(`customers.audience.${a}`) }))}
          />
          <button type="submit">{t('form.save')}</button>
        </form>
      </section>
    </>
  );
}

function DimensionFields(p: {
  ctx: PageContext;
  values: DimensionForm;
  errors: Errors;
  nameRequired: boolean;
  nameHint?: string;
}) {
  const { t } = p.ctx.i18n;
  return (
    <>
      <Field
        name="name"
        label={t('customers.field.dimension_name')}
        value={p.values.name}
        errors={p.errors}
        required={p.nameRequired}
        maxLength={DIMENSION_NAME_MAX}
        hint={p.nameHint}
      />
      <Field
        name="target"
        label={t('customers.field.target')}
        value={p.values.target}
        errors={p.errors}
        required
        hint={t('customers.hint.target')}
      />
      <Field
        name="tolerance"
        label={t('customers.field.tolerance')}
        value={p.values.tolerance}
        errors={p.errors}
        required
        hint={t('customers.hint.tolerance')}
      />
    </>
  );
}

export function DimensionEditPage(p: {
  ctx: PageContext;
  dim: NamedDimension;
  /** The name it has when its own is empty (defaults only). */
  defaultName: string | null;
  values: DimensionForm & { position: string };
  errors: Errors;
  /** Positions to choose from among the active dimensions; 0 for an archived one. */
  positions: number;
}) {
  const { ctx, dim } = p;
  const { t } = ctx.i18n;
  return (
    <>
      <CustomersNav ctx={ctx} />
      <section class="narrow">
        <h1>{t('customers.standards.edit_title', { name: dim.displayName })}</h1>
        <ErrorSummary i18n={ctx.i18n} errors={p.errors} />
        <form method="post" action={`/customers/standards/${dim.id}/edit`}>
          <Csrf token={ctx.csrfToken} />
          <DimensionFields
            ctx={ctx}
            values={p.values}
            errors={p.errors}
            nameRequired={p.defaultName === null}
            nameHint={
              p.defaultName === null
                ? undefined
                : t('customers.hint.default_name', { name: p.defaultName })
            }
          />
          {p.positions > 0 ? (
            <Select
              name="position"
              label={t('customers.col.position')}
              value={p.values.position}
              errors={p.errors}
              options={Array.from({ length: p.positions }, (_, i) => ({
                value: String(i + 1),
                label: String(i + 1),
              }))}
            />
          ) : null}
          <button type="submit">{t('form.save')}</button>{' '}
          <a href="/customers/standards">{t('customers.cancel')}</a>
        </form>
      </section>
    </>
  );
}
