import { Csrf, ErrorSummary, Field, type Errors } from '../../views/form.tsx';
import type { PageContext } from '../../views/layout.tsx';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.ts';

type Values = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function SetupPage({
  ctx,
  values,
  errors,
}: {
  ctx: PageContext;
  values: Values;
  errors: Errors;
}) {
  const { t } = ctx.i18n;
  return (
    <section class="narrow">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action="/setup" novalidate>
        <Csrf token={ctx.csrfToken} />
        <Field
          name="orgName"
          label={t('setup.org_name')}
          value={str(values.orgName)}
          errors={errors}
          required
          maxLength={100}
          autocomplete="organization"
        />
        <h2>{t('setup.first_admin')}</h2>
        <Field
          name="name"
          label={t('people.name')}
          value={str(values.name)}
          errors={errors}
          required
          maxLength={100}
          autocomplete="name"
        />
        <Field
          name="email"
          label={t('people.email')}
          type="email"
          value={str(values.email)}
          errors={errors}
          required
          maxLength={254}
          autocomplete="email"
        />
        <Field
          name="password"
          label={t('password.new')}
          type="password"
          errors={errors}
          required
          maxLength={PASSWORD_MAX}
          autocomplete="new-password"
          hint={t('password.rules', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
        />
        <button type="submit">{t('setup.submit')}</button>
      </form>
    </section>
  );
}

export function LoginPage(props: {
  ctx: PageContext;
  email: string;
  next: string;
  error: string | null;
}) {
  const { ctx } = props;
  const { t } = ctx.i18n;
  return (
    <section class="narrow">
      <h1>{t('login.title')}</h1>
      {props.error ? (
        <p class="flash flash-error" role="alert">
          {props.error}
        </p>
      ) : null}
      <form method="post" action="/login" novalidate>
        <Csrf token={ctx.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <Field
          name="email"
          label={t('people.email')}
          type="email"
          value={props.email}
          errors={{}}
          required
          autocomplete="username"
          maxLength={254}
        />
        <Field
          name="password"
          label={t('password.label')}
          type="password"
          errors={{}}
          required
          autocomplete="current-password"
          maxLength={PASSWORD_MAX}
        />
        <button type="submit">{t('login.submit')}</button>
      </form>
    </section>
  );
}

export function InvitePage(props: {
  ctx: PageContext;
  token: string;
  name: string;
  email: string;
  errors: Errors;
}) {
  const { ctx, errors } = props;
  const { t } = ctx.i18n;
  return (
    <section class="narrow">
      <h1>{t('invite.title', { name: props.name })}</h1>
      <p>{t('invite.intro', { org: ctx.orgName || 'Kantine', email: props.email })}</p>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={`/invite/${props.token}`} novalidate>
        <Csrf token={ctx.csrfToken} />
        <input type="hidden" name="email" value={props.email} autocomplete="username" />
        <Field
          name="password"
          label={t('password.new')}
          type="password"
          errors={errors}
          required
          maxLength={PASSWORD_MAX}
          autocomplete="new-password"
          hint={t('password.rules', { min: PASSWORD_MIN, max: PASSWORD_MAX })}
        />
        <button type="submit">{t('invite.submit')}</button>
      </form>
    </section>
  );
}
