import { Pager } from '../../views/pager.tsx';
import type { User } from './accounts.table.ts';
import { Csrf, ErrorSummary, Field, Select, TextArea, type Errors } from '../../views/form.tsx';
import type { I18n } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';

export type PersonView = User & { skills: string[]; manager?: { id: string; name: string } | null };

export function photoUrl(
  u: Pick<User, 'id' | 'photo_key'>,
  size: 'small' | 'medium',
): string | null {
  return u.photo_key
    ? `/people/${u.id}/photo/${size}?v=${encodeURIComponent(u.photo_key.split('/').pop() ?? '')}`
    : null;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => [...p][0]?.toUpperCase() ?? '')
    .join('');
}

export function Avatar({
  user,
  size,
}: {
  user: Pick<User, 'id' | 'photo_key' | 'name'>;
  size: 'small' | 'medium';
}) {
  const src = photoUrl(user, size);
  const px = size === 'small' ? 48 : 160;
  return src ? (
    <img class={`avatar avatar-${size}`} src={src} alt="" width={px} height={px} />
  ) : (
    <span class={`avatar avatar-${size} avatar-initials`} aria-hidden="true">
      {initials(user.name)}
    </span>
  );
}

export function AvailabilityBadge({
  i18n,
  user,
}: {
  i18n: I18n;
  user: Pick<User, 'availability' | 'capacity' | 'away_until'>;
}) {
  const { t } = i18n;
  const label =
    user.availability === 'away'
      ? user.away_until
        ? t('availability.away_until', { date: i18n.day(user.away_until) })
        : t('availability.away')
      : user.availability === 'busy'
        ? t('availability.busy_capacity', { capacity: user.capacity })
        : t('availability.available_capacity', { capacity: user.capacity });
  const symbol = user.availability === 'available' ? '●' : user.availability === 'busy' ? '◐' : '○';
  return (
    <span class={`badge badge-${user.availability}`}>
      <span aria-hidden="true">{symbol} </span>
      {label}
    </span>
  );
}

export interface DirectoryQuery {
  q: string;
  department: string;
  skill: string;
  availability: string;
}

export function DirectoryPage(props: {
  ctx: PageContext;
  query: DirectoryQuery;
  people: PersonView[];
  departments: string[];
  skills: string[];
  nextUrl: string | null;
}) {
  const { ctx, query } = props;
  const { t } = ctx.i18n;
  const errors: Errors = {};
  return (
    <section>
      <h1>{t('people.title')}</h1>
      <form method="get" action="/people" class="filters" role="search">
        <Field
          name="q"
          label={t('people.search')}
          type="search"
          value={query.q}
          errors={errors}
          maxLength={100}
        />
        <Select
          name="department"
          label={t('people.department')}
          value={query.department}
          errors={errors}
          options={[
            { value: '', label: t('people.all_departments') },
            ...props.departments.map((d) => ({ value: d, label: d })),
          ]}
        />
        <Field
          name="skill"
          label={t('people.skill')}
          value={query.skill}
          errors={errors}
          list="skill-list"
          maxLength={60}
        />
        <datalist id="skill-list">
          {props.skills.map((s) => (
            <option value={s} />
          ))}
        </datalist>
        <Select
          name="availability"
          label={t('people.availability')}
          value={query.availability}
          errors={errors}
          options={[
            { value: '', label: t('people.any_availability') },
            { value: 'available', label: t('availability.available') },
            { value: 'busy', label: t('availability.busy') },
            { value: 'away', label: t('availability.away') },
          ]}
        />
        <button type="submit">{t('people.filter')}</button>
      </form>
      {props.people.length === 0 ? (
        <p class="empty">{t('people.none_found')}</p>
      ) : (
        <ul class="people">
          {props.people.map((p) => (
            <li class="person">
              <Avatar user={p} size="small" />
              <div>
                <h2>
                  <a href={`/people/${p.id}`}>{p.name}</a>
                </h2>
                <p class="meta">
                  {[p.title, p.department, p.location].filter(Boolean).join(' · ')}
                </p>
                <AvailabilityBadge i18n={ctx.i18n} user={p} />
                {p.skills.length ? (
                  <ul class="tags" aria-label={t('profile.skills')}>
                    {p.skills.map((s) => (
                      <li>
                        <a href={`/people?skill=${encodeURIComponent(s)}`}>{s}</a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager href={props.nextUrl} label={t('pager.more')} />
    </section>
  );
}

export function ProfilePage({
  ctx,
  person,
  canEdit,
  posts,
}: {
  ctx: PageContext;
  person: PersonView;
  canEdit: boolean;
  posts?: preact.VNode | null;
}) {
  const { t } = ctx.i18n;
  return (
    <article class="profile">
      <header class="profile-head">
        <Avatar user={person} size="medium" />
        <div>
          <h1>{person.name}</h1>
          <p class="meta">
            {[person.title, person.department, person.location].filter(Boolean).join(' · ')}
          </p>
          <AvailabilityBadge i18n={ctx.i18n} user={person} />
          {person.status !== 'active' ? <p class="badge">{t(`status.${person.status}`)}</p> : null}
        </div>
      </header>
      {person.bio ? (
        <section>
          <h2>{t('profile.about')}</h2>
          {person.bio.split(/\n{2,}/).map((para) => (
            <p class="bio">{para}</p>
          ))}
        </section>
      ) : null}
      <section>
        <h2>{t('profile.skills')}</h2>
        {person.skills.length ? (
          <ul class="tags">
            {person.skills.map((s) => (
              <li>
                <a href={`/people?skill=${encodeURIComponent(s)}`}>{s}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="empty">{t('profile.no_skills')}</p>
        )}
      </section>
      <section>
        <h2>{t('profile.contact')}</h2>
        <dl>
          <dt>{t('people.email')}</dt>
          <dd>
            <a href={`mailto:${person.email}`}>{person.email}</a>
          </dd>
          {person.manager ? (
            <>
              <dt>{t('profile.manager')}</dt>
              <dd>
                <a href={`/people/${person.manager.id}`}>{person.manager.name}</a>
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      {canEdit ? (
        <p>
          <a class="button" href={`/people/${person.id}/edit`}>
            {t('profile.edit')}
          </a>
          {ctx.viewer?.id === person.id ? (
            <>
              {' '}
              <a href="/me/impact">{t('analytics.impact.title')}</a>
            </>
          ) : null}
        </p>
      ) : null}
      {posts}
    </article>
  );
}

export type ProfileValues = Record<string, string | number | undefined>;

export function profileValues(p: PersonView, managerEmail: string): ProfileValues {
  return {
    name: p.name,
    title: p.title,
    department: p.department,
    location: p.location,
    bio: p.bio,
    skills: p.skills.join(', '),
    availability: p.availability,
    capacity: p.capacity,
    awayUntil: p.away_until ?? '',
    manager: managerEmail,
  };
}

export function ProfileEditPage(props: {
  ctx: PageContext;
  person: PersonView;
  values: ProfileValues;
  errors: Errors;
  photoErrors: Errors;
  maxPhotoMb: number;
}) {
  const { ctx, person, values, errors } = props;
  const { t } = ctx.i18n;
  const v = (k: string) => values[k];
  return (
    <section>
      <h1>{t('profile.edit_title', { name: person.name })}</h1>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={`/people/${person.id}`} novalidate class="stack">
        <Csrf token={ctx.csrfToken} />
        <Field
          name="name"
          label={t('people.name')}
          value={v('name')}
          errors={errors}
          required
          maxLength={100}
          autocomplete="name"
        />
        <Field
          name="title"
          label={t('people.job_title')}
          value={v('title')}
          errors={errors}
          maxLength={100}
          autocomplete="organization-title"
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
        <TextArea
          name="bio"
          label={t('profile.about')}
          value={v('bio')}
          errors={errors}
          maxLength={2000}
          rows={5}
        />
        <Field
          name="skills"
          label={t('profile.skills')}
          value={v('skills')}
          errors={errors}
          maxLength={1500}
          hint={t('profile.skills_hint')}
        />
        <fieldset>
          <legend>{t('people.availability')}</legend>
          <Select
            name="availability"
            label={t('profile.status')}
            value={v('availability')}
            errors={errors}
            options={[
              { value: 'available', label: t('availability.available') },
              { value: 'busy', label: t('availability.busy') },
              { value: 'away', label: t('availability.away') },
            ]}
          />
          <Field
            name="capacity"
            label={t('profile.capacity')}
            type="number"
            min={0}
            max={100}
            value={v('capacity')}
            errors={errors}
            hint={t('profile.capacity_hint')}
          />
          <Field
            name="awayUntil"
            label={t('profile.away_until')}
            type="date"
            value={v('awayUntil')}
            errors={errors}
            hint={t('profile.away_until_hint')}
          />
        </fieldset>
        <Field
          name="manager"
          label={t('profile.manager_email')}
          type="email"
          value={v('manager')}
          errors={errors}
          maxLength={254}
          hint={t('profile.manager_hint')}
        />
        <button type="submit">{t('form.save')}</button>
      </form>

      <h2>{t('profile.photo')}</h2>
      <div class="photo-edit">
        <Avatar user={person} size="medium" />
        <form
          method="post"
          action={`/people/${person.id}/photo?_csrf=${encodeURIComponent(ctx.csrfToken)}`}
          enctype="multipart/form-data"
          class="stack"
        >
          <div class={props.photoErrors.photo ? 'field has-error' : 'field'}>
            <label for="photo">{t('profile.photo_choose')}</label>
            <p class="hint" id="photo-hint">
              {t('profile.photo_hint', { max: props.maxPhotoMb })}
            </p>
            {props.photoErrors.photo ? (
              <p class="error" id="photo-error">
                {props.photoErrors.photo}
              </p>
            ) : null}
            <input
              id="photo"
              name="photo"
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif"
              aria-describedby={props.photoErrors.photo ? 'photo-hint photo-error' : 'photo-hint'}
            />
          </div>
          <button type="submit">{t('profile.photo_upload')}</button>
        </form>
        {person.photo_key ? (
          <form method="post" action={`/people/${person.id}/photo/delete`}>
            <Csrf token={ctx.csrfToken} />
            <button type="submit" class="secondary">
              {t('profile.photo_remove')}
            </button>
          </form>
        ) : null}
      </div>
    </section>
  );
}
