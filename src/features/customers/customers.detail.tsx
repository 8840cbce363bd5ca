import type { PageContext } from '../../views/layout.tsx';
import { CustomersNav, Legend, MeanBadge, num, ScoreBadge } from './customers.layout.tsx';
import type { CustomerRow } from './customers.queries.ts';
import type { Round } from './customers.table.ts';
import { statusWord } from './customers.views.tsx';
import type { NamedDimension } from './dimensions.ts';
import { byId, evaluationMean, type CustomerEvaluation } from './evaluations.ts';

/** The dimensions an evaluation shows: the active ones, and archived ones it has a score for. */
export const shownDimensions = (dims: NamedDimension[], scores: Record<string, number>) =>
  dims.filter((d) => d.archived_at === null || scores[d.id] !== undefined);

export function StandardText({ ctx, d }: { ctx: PageContext; d: NamedDimension }) {
  return (
    <>
      {ctx.i18n.t('customers.standard_short', {
        target: num(ctx, d.target),
        tolerance: num(ctx, d.tolerance),
      })}
    </>
  );
}

function EvaluationSection(p: {
  ctx: PageContext;
  customer: CustomerRow;
  evaluation: CustomerEvaluation;
  dims: NamedDimension[];
  canEvaluate: boolean;
}) {
  const { ctx, evaluation: e } = p;
  const { t } = ctx.i18n;
  const dims = shownDimensions(p.dims, e.scores);
  const mean = evaluationMean(e, byId(p.dims));
  const id = `round-${e.round_id}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{e.round.name}</h3>
      <p>{t('customers.conversation_on', { date: ctx.i18n.day(e.conversation_date) })}</p>
      <table>
        <caption class="sr-only">
          {t('customers.evaluation_caption', { round: e.round.name, customer: p.customer.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('customers.col.dimension')}</th>
            <th scope="col">{t('customers.col.score')}</th>
            <th scope="col">{t('customers.col.standard')}</th>
          </tr>
        </thead>
        <tbody>
          {dims.map((d) => (
            <tr>
              <th scope="row">
                {d.displayName}
                {d.archived_at ? ` (${t('customers.archived')})` : ''}
              </th>
              <td>
                <ScoreBadge ctx={ctx} score={e.scores[d.id]} standard={d} />
              </td>
              <td>
                <StandardText ctx={ctx} d={d} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('customers.mean')}</th>
            <td>
              <MeanBadge ctx={ctx} scored={mean} />
            </td>
            <td>
              {mean
                ? t('customers.standard_short', {
                    target: num(ctx, mean.target),
                    tolerance: num(ctx, mean.tolerance),
                  })
                : '—'}
            </td>
          </tr>
        </tfoot>
      </table>
      {p.canEvaluate ? (
        <>
          <h4>{t('customers.comment_confidential')}</h4>
          <p class="bio">{e.comment || t('customers.no_comment')}</p>
          <p>
            <a href={`/customers/${p.customer.id}/evaluations/${e.round_id}`}>
              {t('customers.edit_evaluation')}
            </a>
          </p>
        </>
      ) : null}
    </section>
  );
}

export function CustomerPage(p: {
  ctx: PageContext;
  customer: CustomerRow;
  evaluations: CustomerEvaluation[];
  /** All dimensions, archived ones too. */
  dims: NamedDimension[];
  canEvaluate: boolean;
  canManage: boolean;
  /** Rounds the customer has no evaluation in yet. */
  openRounds: Round[];
}) {
  const { ctx, customer: c } = p;
  const { t } = ctx.i18n;
  return (
    <>
      <CustomersNav ctx={ctx} />
      <h1>{c.name}</h1>
      <dl>
        <dt>{t('customers.field.industry')}</dt>
        <dd>{c.industry || '—'}</dd>
        <dt>{t('customers.field.owner')}</dt>
        <dd>{c.owner_name ? <a href={`/people/${c.owner_id}`}>{c.owner_name}</a> : '—'}</dd>
        <dt>{t('customers.field.status')}</dt>
        <dd>{statusWord(ctx, c.status)}</dd>
      </dl>
      {p.canManage ? (
        <p>
          <a href={`/customers/${c.id}/edit`} class="button">
            {t('customers.edit')}
          </a>{' '}
          <a href={`/customers/${c.id}/delete`} class="button secondary">
            {t('customers.delete')}
          </a>
        </p>
      ) : null}
      <h2>{t('customers.evaluations')}</h2>
      {p.canEvaluate && p.openRounds.length > 0 ? (
        <ul>
          {p.openRounds.map((r) => (
            <li>
              <a href={`/customers/${c.id}/evaluations/${r.id}`}>
                {t('customers.evaluate_in', { round: r.name })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {p.evaluations.length === 0 ? (
        <p class="empty">{t('customers.no_evaluations')}</p>
      ) : (
        p.evaluations.map((e) => (
          <EvaluationSection
            ctx={ctx}
            customer={c}
            evaluation={e}
            dims={p.dims}
            canEvaluate={p.canEvaluate}
          />
        ))
      )}
      <Legend ctx={ctx} />
    </>
  );
}
