import { Pager } from '../../views/pager.tsx';
import { Avatar } from '../accounts/people.views.tsx';
import { Csrf, ErrorSummary, Field, Select, TextArea, type Errors } from '../../views/form.tsx';
import type { I18n, MessageKey } from '../../views/i18n.ts';
import type { PageContext } from '../../views/layout.tsx';
import type { Relation } from './groups.policy.ts';
import type { Group, GroupKind, Visibility } from './groups.table.ts';

export const VISIBILITY_LABEL: Record<Visibility, MessageKey> = {
  public: 'groups.public',
  private: 'groups.private',
  secret: 'groups.secret',
};
export const KIND_LABEL: Record<GroupKind, MessageKey> = {
  team: 'groups.team',
  community: 'groups.community',
};

function Badges({
  i18n,
  group,
}: {
  i18n: I18n;
  group: Pick<Group, 'visibility' | 'kind' | 'member_count'>;
}) {
  const { t } = i18n;
  return (
    <p class="meta">
      <span class={`badge badge-${group.visibility}`}>{t(VISIBILITY_LABEL[group.visibility])}</span>{' '}
      <span class="badge">{t(KIND_LABEL[group.kind])}</span>{' '}
      {t('groups.member_count', { count: group.member_count })}
    </p>
  );
}

export function GroupsPage(props: {
  ctx: PageContext;
  groups: (Group & { my_role: string | null })[];
  invitations: Group[];
  query: { q: string; kind: string; mine: string };
  nextUrl: string | null;
}) {
  const { ctx, query } = props;
  const { t } = ctx.i18n;
  return (
    <section>
      <h1>{t('groups.title')}</h1>
      <p>
        <a class="button" href="/groups/new">
          {t('groups.new')}
        </a>
      </p>
      {props.invitations.length ? (
        <section aria-labelledby="invitations-h">
          <h2 id="invitations-h">{t('groups.your_invitations')}</h2>
          <ul class="groups">
            {props.invitations.map((g) => (
              <li class="group-card">
                <h3>
                  <a href={`/groups/${g.id}`}>{g.name}</a>
                </h3>
                <Badges i18n={ctx.i18n} group={g} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <form method="get" action="/groups" class="filters" role="search">
        <Field
          name="q"
          label={t('groups.search')}
          type="search"
          value={query.q}
          errors={{}}
          maxLength={100}
        />
        <Select
          name="kind"
          label={t('groups.kind')}
          value={query.kind}
          errors={{}}
          options={[
            { value: '', label: t('groups.all_kinds') },
            { value: 'team', label: t('groups.team') },
            { value: 'community', label: t('groups.community') },
          ]}
        />
        <Select
          name="mine"
          label={t('groups.which')}
          value={query.mine}
          errors={{}}
          options={[
            { value: '', label: t('groups.all_groups') },
            { value: '1', label: t('groups.my_groups') },
          ]}
        />
        <button type="submit">{t('people.filter')}</button>
      </form>
      {props.groups.length === 0 ? (
        <p class="empty">{t('groups.none_found')}</p>
      ) : (
        <ul class="groups">
          {props.groups.map((g) => (
            <li class="group-card">
              <h2>
                <a href={`/groups/${g.id}`}>{g.name}</a>
              </h2>
              <Badges i18n={ctx.i18n} group={g} />
              {g.my_role ? (
                <p class="meta">
                  {t(g.my_role === 'owner' ? 'groups.you_own' : 'groups.you_member')}
                </p>
              ) : null}
              {g.description ? <p class="excerpt">{g.description.slice(0, 200)}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <Pager href={props.nextUrl} label={t('pager.more')} />
    </section>
  );
}

export function GroupForm(props: {
  ctx: PageContext;
  action: string;
  title: string;
  values: Record<string, unknown>;
  errors: Errors;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx.i18n;
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  return (
    <section class="narrow">
      <h1>{props.title}</h1>
      <ErrorSummary i18n={ctx.i18n} errors={errors} />
      <form method="post" action={props.action} class="stack" novalidate>
        <Csrf token={ctx.csrfToken} />
        <Field
          name="name"
          label={t('groups.name')}
          value={v('name')}
          errors={errors}
          required
          maxLength={100}
        />
        <TextArea
          name="description"
          label={t('groups.description')}
          value={v('description')}
          errors={errors}
          maxLength={2000}
        />
        <Select
          name="visibility"
          label={t('groups.visibility')}
          value={v('visibility') || 'public'}
          errors={errors}
          hint={t('groups.visibility_hint')}
          options={(['public', 'private', 'secret'] as const).map((x) => ({
            value: x,
            label: t(VISIBILITY_LABEL[x]),
          }))}
        />
        <Select
          name="kind"
          label={t('groups.kind')}
          value={v('kind') || 'community'}
          errors={errors}
          hint={t('groups.kind_hint')}
          options={(['team', 'community'] as const).map((x) => ({
            value: x,
            label: t(KIND_LABEL[x]),
          }))}
        />
        <button type="submit">{t('form.save')}</button>
      </form>
    </section>
  );
}

export interface MemberRow {
  id: string;
  name: string;
  title: string;
  department: string;
  photo_key: string | null;
  role: string;
}

export interface PendingRow extends Omit<MemberRow, 'role'> {
  kind: string;
  message: string;
}

function PostButton(props: {
  ctx: PageContext;
  action: string;
  label: string;
  secondary?: boolean;
  extra?: Record<string, string>;
}) {
  return (
    <form method="post" action={props.action} class="inline">
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

export function MemberList(props: {
  ctx: PageContext;
  groupId: string;
  members: MemberRow[];
  manage: boolean;
}) {
  const { ctx, groupId } = props;
  const { t } = ctx.i18n;
  return (
    <ul class="members">
      {props.members.map((m) => (
        <li class="member">
          <Avatar user={m} size="small" />
          <div>
            <a href={`/people/${m.id}`}>{m.name}</a>
            <p class="meta">
              {[m.title, m.department].filter(Boolean).join(' · ')}
              {m.role === 'owner' ? ` · ${t('groups.owner')}` : ''}
            </p>
            {props.manage && m.id !== ctx.viewer?.id ? (
              <p>
                <PostButton
                  ctx={ctx}
                  action={`/groups/${groupId}/members/${m.id}/role`}
                  label={t(m.role === 'owner' ? 'groups.make_member' : 'groups.make_owner')}
                  secondary
                  extra={{ role: m.role === 'owner' ? 'member' : 'owner' }}
                />{' '}
                <PostButton
                  ctx={ctx}
                  action={`/groups/${groupId}/members/${m.id}/remove`}
                  label={t('groups.remove')}
                  secondary
                />
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

export function GroupPage(props: {
  ctx: PageContext;
  group: Group;
  rel: Relation;
  canSeeContent: boolean;
  manage: boolean;
  members: MemberRow[];
  moreMembers: boolean;
  pending: PendingRow[];
  inviteErrors: Errors;
  inviteEmail: string;
  feed: preact.VNode | null;
}) {
  const { ctx, group, rel } = props;
  const { t } = ctx.i18n;
  const base = `/groups/${group.id}`;
  return (
    <article class="group">
      <header>
        <h1>{group.name}</h1>
        <Badges i18n={ctx.i18n} group={group} />
        <div class="actions">
          {rel.role ? (
            <PostButton ctx={ctx} action={`${base}/leave`} label={t('groups.leave')} secondary />
          ) : rel.pending === 'invitation' ? (
            <>
              <p>{t('groups.invited_you')}</p>
              <PostButton ctx={ctx} action={`${base}/join`} label={t('groups.accept')} />{' '}
              <PostButton
                ctx={ctx}
                action={`${base}/decline`}
                label={t('groups.decline')}
                secondary
              />
            </>
          ) : rel.pending === 'request' ? (
            <>
              <p>{t('groups.request_waiting')}</p>
              <PostButton
                ctx={ctx}
                action={`${base}/decline`}
                label={t('groups.withdraw')}
                secondary
              />
            </>
          ) : group.visibility === 'public' ? (
            <PostButton ctx={ctx} action={`${base}/join`} label={t('groups.join')} />
          ) : group.visibility === 'private' ? (
            <PostButton ctx={ctx} action={`${base}/join`} label={t('groups.ask_to_join')} />
          ) : null}
          {props.manage ? (
            <>
              {' '}
              <a class="button secondary" href={`${base}/edit`}>
                {t('groups.settings')}
              </a>
            </>
          ) : null}
        </div>
      </header>
      <section aria-labelledby="about-h">
        <h2 id="about-h">{t('groups.about')}</h2>
        {group.description ? (
          group.description.split(/\n{2,}/).map((p) => <p class="bio">{p}</p>)
        ) : (
          <p class="empty">{t('groups.no_description')}</p>
        )}
      </section>
      {props.manage && props.pending.length ? (
        <section aria-labelledby="pending-h">
          <h2 id="pending-h">{t('groups.pending')}</h2>
          <ul class="members">
            {props.pending.map((p) => (
              <li class="member">
                <Avatar user={p} size="small" />
                <div>
                  <a href={`/people/${p.id}`}>{p.name}</a>
                  <p class="meta">
                    {t(p.kind === 'request' ? 'groups.asks_to_join' : 'groups.is_invited')}
                  </p>
                  {p.message ? <p class="bio">{p.message}</p> : null}
                  <p>
                    {p.kind === 'request' ? (
                      <PostButton
                        ctx={ctx}
                        action={`${base}/requests/${p.id}/approve`}
                        label={t('groups.approve')}
                      />
                    ) : null}{' '}
                    <PostButton
                      ctx={ctx}
                      action={`${base}/requests/${p.id}/decline`}
                      label={t(p.kind === 'request' ? 'groups.decline' : 'groups.withdraw')}
                      secondary
                    />
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.manage ? (
        <section aria-labelledby="invite-h">
          <h2 id="invite-h">{t('groups.invite')}</h2>
          <form method="post" action={`${base}/invite`} class="stack" novalidate>
            <Csrf token={ctx.csrfToken} />
            <Field
              name="email"
              label={t('people.email')}
              type="email"
              value={props.inviteEmail}
              errors={props.inviteErrors}
              maxLength={254}
              hint={t('groups.invite_hint')}
            />
            <button type="submit">{t('groups.invite')}</button>
          </form>
        </section>
      ) : null}
      {props.feed}
      <section aria-labelledby="members-h">
        <h2 id="members-h">{t('groups.members')}</h2>
        {props.canSeeContent ? (
          <>
            <MemberList
              ctx={ctx}
              groupId={group.id}
              members={props.members}
              manage={props.manage}
            />
            {props.moreMembers ? (
              <p>
                <a href={`${base}/members`}>{t('groups.all_members')}</a>
              </p>
            ) : null}
          </>
        ) : (
          <p class="empty">{t('groups.members_only')}</p>
        )}
      </section>
    </article>
  );
}
