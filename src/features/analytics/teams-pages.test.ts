import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { newId } from '../../lib/ids.ts';
import { searchKey } from '../../lib/text.ts';
import type { User } from '../accounts/accounts.table.ts';
import { setSetting } from '../admin/settings.ts';
import { addMember } from '../groups/groups.queries.ts';

const csvLines = (body: string) =>
  body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');

describe.each(DIALECTS)('teams dashboard pages, CSV and API (%s)', (dialect) => {
  let t: TestApp;
  const now = Date.parse('2026-11-28T10:00:00Z');
  let admin: Client;
  let member: Client;
  let kitchen = '';
  let council = '';

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    const db = t.deps.db;
    admin = await signedIn(t.app, await createAdmin(t.deps, { name: 'Ada Admin' }));
    member = await signedIn(t.app, await createUser(t.deps, { name: 'Mo Mitglied' }));
    const p: User[] = [];
    for (let i = 1; i <= 6; i++) {
      p.push(
        await createUser(t.deps, { name: `P${i}`, department: i <= 3 ? 'Vertrieb' : 'Technik' }),
      );
    }
    const group = async (name: string, visibility: 'public' | 'private', members: User[]) => {
      const id = newId();
      await db
        .insertInto('groups')
        .values({
          id,
          name,
          name_key: searchKey(name),
          description: '',
          visibility,
          kind: visibility === 'public' ? 'team' : 'community',
          member_count: 0,
          created_by: null,
          created_at: '2026-01-01T00:00:00.000Z',
          updated_at: '2026-01-01T00:00:00.000Z',
        })
        .execute();
      for (const m of members) await addMember(db, id, m.id, 'member', new Date(now));
      return id;
    };
    kitchen = await group('Küche', 'public', p);
    council = await group('Geheimrat', 'private', p.slice(0, 2));
    const at = (day: string) => `${day}T09:00:00.000Z`;
    const post = async (who: User, groupId: string, day: string) => {
      const id = newId();
      await db
        .insertInto('posts')
        .values({
          id,
          author_id: who.id,
          group_id: groupId,
          body: 'Vertraulich',
          html: '<p>Vertraulich</p>',
          created_at: at(day),
          edited_at: null,
          pinned_until: null,
        })
        .execute();
      return id;
    };
    const comment = (postId: string, who: User, day: string) =>
      db
        .insertInto('comments')
        .values({
          id: newId(),
          post_id: postId,
          parent_id: null,
          author_id: who.id,
          body: 'ja',
          html: '<p>ja</p>',
          created_at: at(day),
          edited_at: null,
        })
        .execute();
    // Küche: five posts by five people (shown at k = 5); p6 (Technik) comments on p1's post
    // (Vertrieb): across departments; p2 on p3's: not; one reaction.
    const ids: string[] = [];
    for (const who of p.slice(0, 5)) ids.push(await post(who, kitchen, '2026-11-10'));
    await comment(ids[0]!, p[5]!, '2026-11-10');
    await comment(ids[2]!, p[1]!, '2026-11-11');
    await db
      .insertInto('reactions')
      .values({ post_id: ids[0]!, user_id: p[3]!.id, type: 'like', created_at: at('2026-11-12') })
      .execute();
    // Geheimrat (private): one post, one comment.
    await comment(await post(p[0]!, council, '2026-11-11'), p[1]!, '2026-11-11');
  });
  afterAll(async () => t.close());

  const period = 'from=2026-11-09&to=2026-11-22&grain=week';

  it('is for admins unless the organisation opens dashboards to members', async () => {
    expect((await member.get(`/analytics/teams?${period}`)).statusCode).toBe(403);
    expect((await member.get(`/analytics/teams.csv?${period}`)).statusCode).toBe(403);
    expect((await member.api('GET', `/api/v1/analytics/teams?${period}`)).statusCode).toBe(403);
  });

  it('renders the page with its chart, table, definitions and breakdown, without script', async () => {
    const res = await admin.get(`/analytics/teams?${period}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toMatch(/<a href="\/analytics\/teams" aria-current="page">Teams<\/a>/);
    expect(html).toContain('<h1>Teams</h1>');
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain('<caption>Conversations, and those across departments</caption>');
    expect(html).toContain('How is this counted?');
    expect(html).toContain('at least 5 % of the members');
    expect(html).toContain('Geheimrat');
    expect(html).toContain('Küche');
    expect(html).toContain('fewer than 5');
    expect(html).not.toContain('Vertraulich');
    expect(html).toContain(`/analytics/teams.csv?${period.replace(/&/g, '&amp;')}&amp;part=series`);
    // The group filter offers the groups; choosing one narrows the page.
    expect(html).toContain(`<option value="${council}">Geheimrat</option>`);
    const one = await admin.get(`/analytics/teams?${period}&groupId=${kitchen}`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('Only the group “Küche”.');
    expect(one.body).not.toContain('>Geheimrat</a>');
  });

  it('speaks German', async () => {
    const de = await signedIn(
      t.app,
      await createAdmin(t.deps, { name: 'Dora Deutsch', locale: 'de' }),
    );
    const res = await de.get(`/analytics/teams?${period}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Gespräche, davon abteilungsübergreifend');
    expect(res.body).toContain('weniger als 5');
  });

  it('names a bad date beside its field and keeps what was typed', async () => {
    const res = await admin.get('/analytics/teams?from=9.11.2026&to=2026-11-22');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('value="9.11.2026"');
    expect(res.body).toMatch(
      /<span class="error" id="a-from-error">Enter a date as YYYY-MM-DD.<\/span>/,
    );
    expect(res.body).toContain('Correct the filters to see the figures.');
    const api = await admin.api('GET', '/api/v1/analytics/teams?from=2026-11-22&to=2026-11-01');
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({ errors: [{ field: 'to', code: 'invalid_period' }] });
    const csv = await admin.get('/analytics/teams.csv?from=nope');
    expect(csv.statusCode).toBe(400);
    expect(csv.body).toBe('from: Enter a date as YYYY-MM-DD.\n');
    expect((await admin.get(`/analytics/teams.csv?${period}&part=people`)).statusCode).toBe(400);
    const unknown = await admin.api('GET', `/api/v1/analytics/teams?groupId=${newId()}`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errors: [{ field: 'groupId', code: 'unknown_group' }] });
  });

  it('exports the breakdown, the series and the figures as CSV, hidden cells as <k', async () => {
    const groups = await admin.get(`/analytics/teams.csv?${period}`);
    expect(groups.statusCode).toBe(200);
    expect(groups.headers['content-type']).toContain('text/csv');
    expect(groups.headers['content-disposition']).toBe(
      'attachment; filename="kantine-teams-groups-2026-11-09-2026-11-22.csv"',
    );
    // Küche: six engaged members of six (active), five posts by five people; two comments,
    // one reaction: fewer than 5 people. Geheimrat: everything over one or two people.
    expect(csvLines(groups.body)).toEqual([
      'group,kind,visibility,members,engaged_members_28_days,posts,comments,reactions,active',
      'Geheimrat,community,private,2,<5,<5,<5,0,<5',
      'Küche,team,public,6,6,5,<5,<5,1',
    ]);
    const series = await admin.get(`/analytics/teams.csv?${period}&part=series`);
    expect(csvLines(series.body)).toEqual([
      'period,conversations,cross_department',
      '2026-11-09,6,<5',
      '2026-11-16,0,0',
    ]);
    const figures = await admin.get(`/analytics/teams.csv?${period}&part=figures`);
    expect(csvLines(figures.body)).toEqual([
      'figure,value',
      'groups,2',
      'groups_team,1',
      'groups_community,1',
      'groups_public,1',
      'groups_private,1',
      'groups_secret,0',
      // Geheimrat's "active" is hidden, and the count of active groups would give it away.
      'active_groups_2026-11-22,<5',
      'active_share_2026-11-22,<5',
      'members_median,4',
      'members_mean,4',
      'groups_0_4_members,1',
      'groups_5_19_members,1',
      'groups_20_99_members,0',
      'groups_100_plus_members,0',
      'conversations,6',
      'cross_department_conversations,<5',
      'cross_department_share,<5',
    ]);
  });

  it('answers the API with the same figures, null where hidden', async () => {
    const res = await admin.api('GET', `/api/v1/analytics/teams?${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      k: 5,
      from: '2026-11-09',
      to: '2026-11-22',
      grain: 'week',
      groupId: null,
      day: '2026-11-22',
      groups: { total: 2, team: 1, community: 1, public: 1, private: 1, secret: 0 },
      activeGroups: null,
      activeShare: null,
      members: { median: 4, mean: 4 },
      conversations: 6,
      crossDepartment: null,
      crossShare: null,
      series: [
        { period: '2026-11-09', conversations: 6, crossDepartment: null, share: null },
        { period: '2026-11-16', conversations: 0, crossDepartment: 0, share: null },
      ],
    });
    expect(body.breakdown).toEqual([
      {
        id: council,
        name: 'Geheimrat',
        kind: 'community',
        visibility: 'private',
        members: 2,
        engaged: null,
        posts: null,
        comments: null,
        reactions: 0,
        active: null,
      },
      {
        id: kitchen,
        name: 'Küche',
        kind: 'team',
        visibility: 'public',
        members: 6,
        engaged: 6,
        posts: 5,
        comments: null,
        reactions: null,
        active: true,
      },
    ]);
    const one = await admin.api('GET', `/api/v1/analytics/teams?${period}&groupId=${kitchen}`);
    expect(one.json()).toMatchObject({
      groupId: kitchen,
      groups: { total: 1 },
      activeGroups: 1,
      activeShare: 1,
      conversations: 5,
    });
  });

  it('shows members public groups only, never the name of a private group they are not in', async () => {
    await setSetting(t.deps.db, 'analytics.audience', 'members', new Date(now));
    const page = await member.get(`/analytics/teams?${period}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Küche');
    expect(page.body).not.toContain('Geheimrat');
    expect(page.body).toContain('Included are public groups and the groups you belong to.');
    const csv = await member.get(`/analytics/teams.csv?${period}`);
    expect(csvLines(csv.body)).toEqual([
      'group,kind,visibility,members,engaged_members_28_days,posts,comments,reactions,active',
      'Küche,team,public,6,6,5,<5,<5,1',
    ]);
    const api = await member.api('GET', `/api/v1/analytics/teams?${period}`);
    expect(api.statusCode).toBe(200);
    expect(api.body).not.toContain('Geheimrat');
    // Geheimrat's post is not among the conversations they are shown.
    expect(api.json()).toMatchObject({
      groups: { total: 1, private: 0 },
      activeGroups: 1,
      conversations: 5,
    });
    const hidden = await member.api('GET', `/api/v1/analytics/teams?${period}&groupId=${council}`);
    expect(hidden.statusCode).toBe(400);
    expect(hidden.body).not.toContain('Geheimrat');
    await setSetting(t.deps.db, 'analytics.audience', 'admins', new Date(now));
  });
});
