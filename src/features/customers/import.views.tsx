import { Csrf, ErrorSummary, TextArea, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import { CustomersNav } from './customers.layout.tsx';
import type { RowProblem } from './import.columns.ts';
import { IMPORT_MAX_ROWS, type ImportAction, type ImportPlan } from './import.ts';

export const problemText = (ctx: PageContext, p: RowProblem): string => {
  const message = ctx.i18n.t(p.message, p.params);
  return p.field ? `${p.field}: ${message}` : message;
};

export const actionWord = (ctx: PageContext, a: ImportAction): string =>
  ctx.i18n.t(`customers.import.action_${a}`);

/** The upload: a CSV file, or its text pasted. */
function UploadForm({ ctx, csv, errors }: { ctx: PageContext; csv: string; errors: Errors }) {
  const { t } = ctx.i18n;
  return (
    <form method="post" action="/customers/import" enctype="multipart/form-data">
      <Csrf token={ctx.csrfToken} />
      <div class={errors.file ? 'field has-error' : 'field'}>
        <label for="file">{t('customers.import.file')}</label>
        {errors.file ? (
          <p class="error" id="file-error">
            {errors.file}
          </p>
        ) : null}
        <input
          id="file"
          name="file"
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-describedby={errors.file ? 'file-error' : undefined}
        />
      </div>
      <TextArea
        name="csv"
        label={t('customers.import.paste')}
        hint={t('customers.import.paste_hint')}
        value={csv}
        errors={errors}
        rows={10}
      />
      <button type="submit">{t('customers.import.preview_button')}</button>
    </form>
  );
}

export function ImportPage(p: { ctx: PageContext; csv: string; errors: Errors }) {
  const { ctx } = p;
  const { t } = ctx.i18n;
  return (
    <>
      <CustomersNav ctx={ctx} />
      <h1>{t('customers.import.title')}</h1>
      <p>{t('customers.import.intro')}</p>
      <ul>
        <li>{t('customers.import.rule_columns')}</li>
        <li>{t('customers.import.rule_format')}</li>
        <li>{t('customers.import.rule_scores')}</li>
        <li>{t('customers.import.rule_limits', { rows: IMPORT_MAX_ROWS })}</li>
      </ul>
      <p>
        <a href="/customers/evaluations.csv">{t('customers.import.example')}</a>
      </p>
      <ErrorSummary i18n={ctx.i18n} errors={p.errors} />
      <UploadForm ctx={ctx} csv={p.csv} errors={p.errors} />
    </>
  );
}

/** The preview: every row with what would happen, every bad row with its problems. */
export function ImportPreviewPage(p: { ctx: PageContext; csv: string; plan: ImportPlan }) {
  const { ctx, plan } = p;
  const { t } = ctx.i18n;
  const count = (a: ImportAction) => plan.rows.filter((r) => r.action === a).length;
  const bad = plan.rows.filter((r) => r.action === 'invalid');
  return (
    <>
      <CustomersNav ctx={ctx} />
      <h1>{t('customers.import.preview_title')}</h1>
      <p>
        {t('customers.import.summary', {
          create: count('create'),
          update: count('update'),
          unchanged: count('unchanged'),
          invalid: bad.length,
        })}
      </p>
      {plan.ok ? (
        <form method="post" action="/customers/import/confirm">
          <Csrf token={ctx.csrfToken} />
          <input type="hidden" name="csv" value={p.csv} />
          <button type="submit">{t('customers.import.confirm')}</button>{' '}
          <a href="/customers/import">{t('customers.cancel')}</a>
        </form>
      ) : (
        <div class="error-summary" role="alert" tabIndex={-1}>
          <p>{t('customers.import.nothing_written', { count: bad.length })}</p>
          <ul>
            {bad.map((r) => (
              <li>
                {t('customers.import.line', { line: r.line })}:{' '}
                {r.errors.map((e) => problemText(ctx, e)).join(' · ')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="table-scroll" role="region" aria-labelledby="import-caption" tabIndex={0}>
        <table>
          <caption id="import-caption">{t('customers.import.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('customers.import.col_line')}
              </th>
              <th scope="col">{t('customers.col.round')}</th>
              <th scope="col">{t('customers.col.customer')}</th>
              <th scope="col">{t('customers.import.col_action')}</th>
              <th scope="col">{t('customers.import.col_problems')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.rows.map((r) => (
              <tr class={r.action === 'invalid' ? 'has-error' : undefined}>
                <th scope="row" class="num">
                  {r.line}
                </th>
                <td>{r.round}</td>
                <td>{r.customer}</td>
                <td>{actionWord(ctx, r.action)}</td>
                <td>
                  {r.errors.length > 0 ? (
                    <ul>
                      {r.errors.map((e) => (
                        <li class="error">{problemText(ctx, e)}</li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.ok ? null : (
        <section aria-labelledby="again">
          <h2 id="again">{t('customers.import.again')}</h2>
          <UploadForm ctx={ctx} csv={p.csv} errors={{}} />
        </section>
      )}
    </>
  );
}
