import { Pager } from '../../views/pager.tsx';
import type { User } from '../accounts/accounts.table.ts';
import { Avatar } from '../accounts/people.views.tsx';
import { PASSWORD_MAX, PASSWORD_MIN } from '../accounts/passwords.ts';
import { Checkbox, Csrf, ErrorSummary, Field, Select, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import type { MessageKey } from '../../views/i18n.ts';

export const STATUS_LABEL: Record<User['status'], MessageKey> = {
  active: 'status.active',
  invited: 'status.invited',
  deactivated: 'status.deactivated',
};

function Action(props: {
  ctx: PageContext;
  userId: string;
  action: string;
  label: string;
  secondary?: boolean;
  extra?: Record<string, string>;
}) {
  return (
    <form method="post" action={`/admin/users/${props.userId}/${props.action}`} class="inline">
      <Csrf token={props.ctx.csrfToken} />
      {Object.entries(props.extra ?? {}).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class={props.secondary ? 'secondary' : undefined}>
        {props.label}
      </button>
    </form>
  );
}

export function AdminUsersPage(props: {
  ctx: PageContext;
  users: User[];
  q: string;
  status: string;
  nextUrl: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  const viewerId = ctx.viewer?.id;
  return (
    <section>
      <h1>{t('admin.users')}</h1>
      <p>
        <a class="button" href="/admin/users/new">
          {t('admin.new_person')}
        </a>
      </p>
      <form method="get" action="/admin/users" class="filters" role="search">
        <Field
          name="q"
          label={t('people.search')}
          type="search"
          value={props.q}
          errors={{}}
          maxLength={100}
        />
        <Select
          name="status"
          label={t('admin.status')}
          value={props.status}
          errors={{}}
          options={[
            { value: 'all', label: t('admin.all_statuses') },
            { value: 'active', label: t('status.active') },
            { value: 'invited', label: t('status.invited') },
            { value: 'deactivated', label: t('status.deactivated') },
          ]}
        />
        <button type="submit">{t('people.filter')}</button>
      </form>
      <table class="users">
        <caption class="sr-only">{t('admin.users')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('people.name')}</th>
            <th scope="col">{t('people.department')}</th>
            <th scope="col">{t('admin.role')}</th>
            <th scope="col">{t('admin.status')}</th>
            <th scope="col">{t('sessions.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr>
              <td>
                <Avatar user={u} size="small" /> <a href={`/people/${u.id}`}>{u.name}</a>
                <br />
                <small>{u.email}</small>
              </td>
              <td>{u.department}</td>
              <td>{u.role === 'admin' ? t('admin.role_admin') : t('admin.role_member')}</td>
              <td>{t(STATUS_LABEL[u.status])}</td>
              <td class="actions">
                {u.id === viewerId ? null : u.status === 'deactivated' ? (
                  <Action
                    ctx={ctx}
                    userId={u.id}
                    action="reactivate"
                    label={t('admin.reactivate')}
                  />
                ) : (
                  <Action
                    ctx={ctx}
                    userId={u.id}
                    action="deactivate"
                    label={t('admin.deactivate')}
                    secondary
                  />
                )}
                {u.status === 'invited' ? (
                  <Action
                    ctx={ctx}
                    userId={u.id}
                    action="reinvite"
                    label={t('admin.reinvite')}
                    secondary
                  />
                ) : null}
                {u.id === viewerId ? null : u.role === 'admin' ? (
                  <Action
                    ctx={ctx}
                    userId={u.id}
                    action="role"
                    label={t('admin.make_member')}
                    secondary
                    extra={{ role: 'member' }}
                  />
                ) : (
                  <Action
                    ctx={ctx}
                    userId={u.id}
                    action="role"
                    label={t('admin.make_admin')}
                    secondary
                    extra={{ role: 'admin' }}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager href={props.nextUrl} label={t('pager.more')} />
    </section>
  );
}

export function NewPersonPage({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: Record<string, unknown>;
  errors: Errors;
}) {
  const { t } = ctx.i18n;
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const mode = v('mode') || 'invite';
  return (
    <section class="narrow">
      <h1>{t('admin.new_person')}</h1>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action="/admin/users" class="stack" novalidate>
        <Csrf token={ctx.csrfToken} />
        <Field
          name="name"
          label={t('people.name')}
          value={v('name')}
          errors={errors}
          required
          maxLength={100}
        />
        <Field
          name="email"
          label={t('people.email')}
          type="email"
          value={v('email')}
          errors={errors}
          required
          maxLength={254}
        />
        <Field
          name="title"
          label={t('people.job_title')}
          value={v('title')}
          errors={errors}
          maxLength={100}
        />
        <Field
          name="department"
          label={t('people.department')}
          value={v('department')}
          errors={errors}
          maxLength={100}
        />
        <Field
          name="location"
          label={t('people.location')}
          value={v('location')}
          errors={errors}
          maxLength={100}
        />
        <Checkbox name="admin" label={t('admin.make_admin_now')} checked={v('admin') === '1'} />
        <fieldset>
          <legend>{t('admin.how')}</legend>
          <div class="field check">
            <input
              type="radio"
              id="mode-invite"
              name="mode"
              value="invite"
              checked={mode === 'invite'}
            />
            <label for="mode-invite">{t('admin.mode_invite')}</label>
          </div>
          <div class="field check">
            <input
              type="radio"
              id="mode-password"
              name="mode"
              value="password"
              checked={mode === 'password'}
            />
            <label for="mode-password">{t('admin.mode_password')}</label>
          </div>
          <Field
            name="password"
            label={t('admin.initial_password')}
            type="password"
            errors={errors}
            maxLength={PASSWORD_MAX}
            autocomplete="new-password"
            hint={t('password.rules', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
          />
        </fieldset>
        <button type="submit">{t('admin.create')}</button>
      </form>
    </section>
  );
}
