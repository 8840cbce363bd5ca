import { Csrf, ErrorSummary, Field, Select, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import { DEPARTMENT_MAX, type LeadRow } from './leads.ts';

/** Department leads: everyone sees who they are; admins add and remove them. */
export function LeadsPage(props: {
  ctx: PageContext;
  leads: readonly LeadRow[];
  canManage: boolean;
  departments: readonly string[];
  people: readonly { id: string; name: string }[];
  values: Record<string, string>;
  errors: Errors;
}) {
  const { ctx, leads, errors } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <h1>{t('painpoints.leads_title')}</h1>
      <p>{t('painpoints.leads_intro')}</p>
      <p>
        <a href="/pain-points">{t('painpoints.to_board')}</a>
      </p>
      {leads.length === 0 ? (
        <p class="empty">{t('painpoints.leads_none')}</p>
      ) : (
        <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="leads-caption">
          <table>
            <caption id="leads-caption">{t('painpoints.leads_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('painpoints.col_department')}</th>
                <th scope="col">{t('painpoints.col_lead')}</th>
                {props.canManage ? <th scope="col">{t('painpoints.col_actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {leads.map((l) => (
                <tr>
                  <th scope="row">{l.department}</th>
                  <td>
                    <a href={`/people/${l.user_id}`}>{l.name}</a>
                    {l.status !== 'active' ? ` (${t('painpoints.lead_inactive')})` : ''}
                  </td>
                  {props.canManage ? (
                    <td class="actions">
                      <form method="post" action="/pain-points/leads/delete" class="inline">
                        <Csrf token={ctx.csrfToken} />
                        <input type="hidden" name="department" value={l.department} />
                        <input type="hidden" name="userId" value={l.user_id} />
                        <button type="submit" class="secondary">
                          {t('painpoints.lead_remove', { name: l.name, department: l.department })}
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.canManage ? (
        <section aria-labelledby="lead-add-h">
          <h2 id="lead-add-h">{t('painpoints.lead_add')}</h2>
          <ErrorSummary i18n={ctx.i18n} errors={errors} />
          <form method="post" action="/pain-points/leads" class="stack" novalidate>
            <Csrf token={ctx.csrfToken} />
            <Field
              name="department"
              label={t('painpoints.col_department')}
              hint={t('painpoints.lead_department_hint')}
              value={props.values.department ?? ''}
              errors={errors}
              maxLength={DEPARTMENT_MAX}
              list="departments"
            />
            <datalist id="departments">
              {props.departments.map((d) => (
                <option value={d} />
              ))}
            </datalist>
            <Select
              name="userId"
              label={t('painpoints.col_lead')}
              value={props.values.userId ?? ''}
              errors={errors}
              options={[
                { value: '', label: t('painpoints.choose_person') },
                ...props.people.map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
            <button type="submit">{t('painpoints.lead_add')}</button>
          </form>
        </section>
      ) : null}
    </section>
  );
}
