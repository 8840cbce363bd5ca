import { Csrf, ErrorSummary, Field, TextArea, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import { CustomersNav, Legend, num, ScoreBadge, standardRule } from './customers.layout.tsx';
import type { CustomerRow } from './customers.queries.ts';
import type { Round } from './customers.table.ts';
import type { NamedDimension } from './dimensions.ts';
import type { EvaluationRecord } from './evaluations.ts';
import { COMMENT_MAX } from './evaluations.save.ts';

/** The form as typed: date, comment, and `scores.<dimension id>` per active dimension. */
export type EvaluationForm = { conversationDate: string; comment: string } & Record<
  `scores.${string}`,
  string
>;

export const evaluationUrl = (customerId: string, roundId: string) =>
  `/customers/${customerId}/evaluations/${roundId}`;

export function EvaluationFormPage(p: {
  ctx: PageContext;
  customer: CustomerRow;
  round: Round;
  /** Active dimensions (in the form) and archived ones the evaluation has scores for. */
  dims: NamedDimension[];
  existing: EvaluationRecord | null;
  values: EvaluationForm;
  errors: Errors;
}) {
  const { ctx, customer, round, errors } = p;
  const { t } = ctx.i18n;
  const url = evaluationUrl(customer.id, round.id);
  const active = p.dims.filter((d) => d.archived_at === null);
  const archived = p.dims.filter((d) => d.archived_at !== null);
  return (
    <>
      <CustomersNav ctx={ctx} />
      <section class="narrow">
        <p>
          <a href={`/customers/${customer.id}`}>{customer.name}</a> ·{' '}
          <a href={`/customers/rounds/${round.id}`}>{round.name}</a>
        </p>
        <h1>{t('customers.evaluation.title', { customer: customer.name, round: round.name })}</h1>
        <ErrorSummary i18n={ctx.i18n} errors={errors} />
        <form method="post" action={url}>
          <Csrf token={ctx.csrfToken} />
          <Field
            name="conversationDate"
            type="date"
            label={t('customers.field.conversation_date')}
            value={p.values.conversationDate}
            errors={errors}
            required
          />
          <fieldset>
            <legend>{t('customers.evaluation.scores')}</legend>
            <p class="hint">{t('customers.evaluation.scores_hint')}</p>
            {errors.scores ? (
              <p class="error" id="scores-error">
                {errors.scores}
              </p>
            ) : null}
            {active.map((d) => (
              <Field
                name={`scores.${d.id}`}
                type="number"
                min={1}
                max={10}
                label={d.displayName}
                hint={standardRule(ctx, d)}
                value={p.values[`scores.${d.id}`] ?? ''}
                errors={errors}
              />
            ))}
          </fieldset>
          {archived.length > 0 ? (
            <section>
              <h2>{t('customers.evaluation.archived_scores')}</h2>
              <ul>
                {archived.map((d) => (
                  <li>
                    {d.displayName}:{' '}
                    <ScoreBadge ctx={ctx} score={p.existing?.scores[d.id]} standard={d} />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <TextArea
            name="comment"
            label={t('customers.field.comment')}
            hint={t('customers.hint.comment', { max: num(ctx, COMMENT_MAX) })}
            value={p.values.comment}
            errors={errors}
            rows={6}
            maxLength={COMMENT_MAX}
          />
          <button type="submit">{t('form.save')}</button>{' '}
          <a href={`/customers/${customer.id}`}>{t('customers.cancel')}</a>
        </form>
        {p.existing ? (
          <p>
            <a href={`${url}/delete`}>{t('customers.evaluation.delete')}</a>
          </p>
        ) : null}
      </section>
      <Legend ctx={ctx} />
    </>
  );
}

export function EvaluationDeletePage(p: { ctx: PageContext; customer: CustomerRow; round: Round }) {
  const { ctx, customer, round } = p;
  const { t } = ctx.i18n;
  const url = evaluationUrl(customer.id, round.id);
  return (
    <>
      <CustomersNav ctx={ctx} />
      <section class="narrow">
        <h1>
          {t('customers.evaluation.delete_title', { customer: customer.name, round: round.name })}
        </h1>
        <p>{t('customers.evaluation.delete_warning')}</p>
        <form method="post" action={`${url}/delete`}>
          <Csrf token={ctx.csrfToken} />
          <button type="submit">{t('customers.delete_confirm')}</button>{' '}
          <a href={url}>{t('customers.cancel')}</a>
        </form>
      </section>
    </>
  );
}
