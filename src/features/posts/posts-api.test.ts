import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { Client, createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

interface PostJson {
  id: string;
  kind: string;
  body: string;
  html: string;
  groupId: string | null;
  hashtags: string[];
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  counts: { comments: number; reactions: number; byType: Record<string, number> };
  myReactions: string[];
}

describe.each(DIALECTS)('posts API (%s)', (dialect) => {
  let t: TestApp;
  let author: User;
  let other: User;
  let owner: User;
  let mentioned: User;
  let ac: Client;
  let oc: Client;
  let ownerC: Client;
  let adminC: Client;
  const groups = { public: '', private: '', secret: '' };

  beforeAll(async () => {
    t = await build(dialect);
    author = await createUser(t.deps, { name: 'Alma Autorin', email: 'alma.autorin@example.com' });
    other = await createUser(t.deps, { name: 'Olaf Other' });
    owner = await createUser(t.deps, { name: 'Greta Gruppe' });
    mentioned = await createUser(t.deps, { name: 'Mia Meyer', email: 'mia.meyer@example.com' });
    [ac, oc, ownerC, adminC] = await Promise.all([
      signedIn(t.app, author),
      signedIn(t.app, other),
      signedIn(t.app, owner),
      createAdmin(t.deps).then((a) => signedIn(t.app, a)),
    ]);
    for (const visibility of ['public', 'private', 'secret'] as const) {
      const g = await ownerC.api('POST', '/api/v1/groups', {
        name: `Gruppe ${visibility}`,
        visibility,
      });
      groups[visibility] = g.json().id;
    }
    // The author belongs to the public and the private group; "other" to none.
    for (const id of [groups.public, groups.private]) {
      await ownerC.api('POST', `/api/v1/groups/${id}/members`, { userId: author.id });
    }
  });
  afterAll(async () => t.close());

  const write = async (c: Client, payload: Record<string, unknown>): Promise<PostJson> => {
    const res = await c.api('POST', '/api/v1/posts', payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const fieldErrors = (res: { json(): unknown }) =>
    (res.json() as { errors?: { field: string; code: string }[] }).errors?.map((e) => ({
      field: e.field,
      code: e.code,
    }));

  it('creates an org-wide post and a post in a group the author belongs to', async () => {
    const orgWide = await write(ac, { body: 'Guten Morgen allerseits' });
    expect(orgWide).toMatchObject({
      kind: 'post',
      body: 'Guten Morgen allerseits',
      groupId: null,
      author: { id: author.id, name: 'Alma Autorin' },
      editedAt: null,
      counts: { comments: 0, reactions: 0 },
      myReactions: [],
    });
    expect(new Date(orgWide.createdAt).toISOString()).toBe(orgWide.createdAt);
    const inGroup = await write(ac, { body: 'Nur für die Gruppe', groupId: groups.public });
    expect(inGroup.groupId).toBe(groups.public);
    const read = await oc.api('GET', `/api/v1/posts/${inGroup.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: inGroup.id, groupId: groups.public });
  });

  it('refuses a post into a group the author is not in, naming groupId, without revealing secret groups', async () => {
    const notMember = await oc.api('POST', '/api/v1/posts', { body: 'x', groupId: groups.public });
    expect(notMember.statusCode).toBe(400);
    expect(fieldErrors(notMember)).toEqual([{ field: 'groupId', code: 'not_member' }]);
    const unknown = await ac.api('POST', '/api/v1/posts', { body: 'x', groupId: 'no-such-group' });
    expect(unknown.statusCode).toBe(400);
    expect(fieldErrors(unknown)).toEqual([{ field: 'groupId', code: 'unknown_group' }]);
    // A secret group one is not in answers exactly like one that does not exist.
    const secret = await ac.api('POST', '/api/v1/posts', { body: 'x', groupId: groups.secret });
    expect(secret.statusCode).toBe(400);
    expect(fieldErrors(secret)).toEqual([{ field: 'groupId', code: 'unknown_group' }]);
    expect(secret.body).not.toContain('Gruppe secret');
    const profile = await ac.api('GET', `/api/v1/users/${other.id}/posts`);
    expect(profile.json().items).toEqual([]);
  });

  it('takes questions from anyone and announcements only from admins (403 otherwise)', async () => {
    expect((await write(ac, { body: 'Wer weiß das?', kind: 'question' })).kind).toBe('question');
    const refused = await ac.api('POST', '/api/v1/posts', {
      body: 'Achtung',
      kind: 'announcement',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ status: 403, code: 'forbidden' });
    const announced = await write(adminC, { body: 'Betriebsausflug!', kind: 'announcement' });
    expect(announced.kind).toBe('announcement');
  });

  it('names the field and the rule for an empty, a too long or a wrongly typed post', async () => {
    for (const payload of [{ body: '' }, { body: '  \n ' }, {}]) {
      const res = await ac.api('POST', '/api/v1/posts', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(fieldErrors(res)).toEqual([{ field: 'body', code: 'required' }]);
    }
    const long = await ac.api('POST', '/api/v1/posts', { body: 'x'.repeat(10_001) });
    expect(long.statusCode).toBe(400);
    expect(fieldErrors(long)).toEqual([{ field: 'body', code: 'too_long' }]);
    expect((await write(ac, { body: 'y'.repeat(10_000) })).body).toHaveLength(10_000);
    const wrong = await ac.api('POST', '/api/v1/posts', { body: 42, groupId: 7 });
    expect(wrong.statusCode).toBe(400);
    expect(fieldErrors(wrong)).toEqual(
      expect.arrayContaining([
        { field: 'body', code: 'invalid_type' },
        { field: 'groupId', code: 'invalid_type' },
      ]),
    );
    const kind = await ac.api('POST', '/api/v1/posts', { body: 'x', kind: 'memo' });
    expect(kind.statusCode).toBe(400);
    expect(fieldErrors(kind)?.[0]?.field).toBe('kind');
  });

  it('lets only the author edit; the post is marked edited and its tags and mentions follow', async () => {
    const post = await write(ac, { body: 'Thema #altesthema', groupId: groups.public });
    expect(post.hashtags).toEqual(['altesthema']);
    const patched = await ac.api('PATCH', `/api/v1/posts/${post.id}`, {
      body: 'Neu: #NeuesThema mit @mia.meyer',
    });
    expect(patched.statusCode).toBe(200);
    const p = patched.json() as PostJson;
    expect(p.body).toBe('Neu: #NeuesThema mit @mia.meyer');
    expect(p.html).toContain('href="/hashtags/neuesthema"');
    expect(p.html).toContain(`href="/people/${mentioned.id}"`);
    expect(p.hashtags).toEqual(['neuesthema']);
    expect(p.mentions).toEqual([mentioned.id]);
    expect(p.editedAt).not.toBeNull();
    expect(Date.parse(p.editedAt!)).toBeGreaterThanOrEqual(Date.parse(post.createdAt));
    expect((await ac.api('GET', `/api/v1/posts/${post.id}`)).json()).toMatchObject({
      body: p.body,
      editedAt: p.editedAt,
    });
    expect((await ac.api('GET', '/api/v1/hashtags/altesthema')).statusCode).toBe(404);
    expect((await ac.api('GET', '/api/v1/hashtags/neuesthema')).json().count).toBe(1);
    // Only the author: not another member, not the group owner, not an admin.
    for (const c of [oc, ownerC, adminC]) {
      const res = await c.api('PATCH', `/api/v1/posts/${post.id}`, { body: 'übernommen' });
      expect(res.statusCode).toBe(403);
    }
    const empty = await ac.api('PATCH', `/api/v1/posts/${post.id}`, { body: ' ' });
    expect(fieldErrors(empty)).toEqual([{ field: 'body', code: 'required' }]);
    expect((await ac.api('GET', `/api/v1/posts/${post.id}`)).json().body).toBe(p.body);
  });

  it('lets the author, the group owner and an admin delete; others get 403, outsiders 404', async () => {
    const byAuthor = await write(ac, { body: 'eins', groupId: groups.public });
    const byOwner = await write(ac, { body: 'zwei', groupId: groups.public });
    const byAdmin = await write(ac, { body: 'drei' });
    const hidden = await write(ac, { body: 'vier', groupId: groups.private });
    // A conversation goes with its post.
    const c1 = (
      await oc.api('POST', `/api/v1/posts/${byAuthor.id}/comments`, { body: 'a' })
    ).json();
    await ac.api('POST', `/api/v1/posts/${byAuthor.id}/comments`, { body: 'b', parentId: c1.id });
    await oc.api('POST', `/api/v1/posts/${byAuthor.id}/reactions`, { type: 'thanks' });
    expect((await oc.api('DELETE', `/api/v1/posts/${byAuthor.id}`)).statusCode).toBe(403);
    expect((await oc.api('DELETE', `/api/v1/posts/${byAdmin.id}`)).statusCode).toBe(403);
    const outsider = await oc.api('DELETE', `/api/v1/posts/${hidden.id}`);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.body).not.toContain('vier');
    expect((await ac.api('GET', `/api/v1/posts/${hidden.id}`)).statusCode).toBe(200);
    for (const [c, post] of [
      [ac, byAuthor],
      [ownerC, byOwner],
      [adminC, byAdmin],
    ] as const) {
      expect((await c.api('DELETE', `/api/v1/posts/${post.id}`)).statusCode).toBe(204);
      expect((await ac.api('GET', `/api/v1/posts/${post.id}`)).statusCode).toBe(404);
      expect((await ac.api('GET', `/api/v1/posts/${post.id}/comments`)).statusCode).toBe(404);
    }
    expect((await ac.api('DELETE', `/api/v1/posts/${byAuthor.id}`)).statusCode).toBe(404);
    expect((await oc.api('DELETE', `/api/v1/comments/${c1.id}`)).statusCode).toBe(404);
    const left = await t.deps.db
      .selectFrom('comments')
      .select('id')
      .where('post_id', '=', byAuthor.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('attaches a reply to a reply to the top-level comment and refuses a parent from elsewhere', async () => {
    const post = await write(ac, { body: 'Diskussion' });
    const elsewhere = await write(ac, { body: 'Anderswo' });
    const say = (c: Client, id: string, payload: object) =>
      c.api('POST', `/api/v1/posts/${id}/comments`, payload);
    const c1 = await say(oc, post.id, { body: 'Erster **Kommentar**' });
    expect(c1.statusCode).toBe(201);
    expect(c1.json()).toMatchObject({ parentId: null, author: { id: other.id } });
    expect(c1.json().html).toContain('<strong>Kommentar</strong>');
    const r1 = (await say(ac, post.id, { body: 'Antwort', parentId: c1.json().id })).json();
    const r2 = (await say(oc, post.id, { body: 'Antwort auf Antwort', parentId: r1.id })).json();
    expect(r1.parentId).toBe(c1.json().id);
    expect(r2.parentId).toBe(c1.json().id);
    const foreign = (await say(oc, elsewhere.id, { body: 'dort' })).json();
    const cross = await say(ac, post.id, { body: 'quer', parentId: foreign.id });
    expect(cross.statusCode).toBe(400);
    expect(fieldErrors(cross)).toEqual([{ field: 'parentId', code: 'unknown_comment' }]);
    const empty = await say(ac, post.id, { body: '' });
    expect(fieldErrors(empty)).toEqual([{ field: 'body', code: 'required' }]);
    expect((await say(ac, 'no-such-post', { body: 'hallo' })).statusCode).toBe(404);

    const list = (await ac.api('GET', `/api/v1/posts/${post.id}/comments`)).json();
    expect(list.items.map((c: { body: string; parentId: string | null }) => c.body)).toEqual([
      'Erster **Kommentar**',
      'Antwort',
      'Antwort auf Antwort',
    ]);
    expect(list.nextCursor).toBeNull();
    expect((await ac.api('GET', `/api/v1/posts/${post.id}`)).json().counts.comments).toBe(3);
    expect((await ac.api('GET', `/api/v1/posts/${elsewhere.id}`)).json().counts.comments).toBe(1);
  });

  it('counts reactions per type, shows each person their own, and adding twice changes nothing', async () => {
    const post = await write(ac, { body: 'Reagiert mal' });
    const react = (c: Client, type: string) =>
      c.api('POST', `/api/v1/posts/${post.id}/reactions`, { type });
    const unreact = (c: Client, type: string) =>
      c.api('DELETE', `/api/v1/posts/${post.id}/reactions/${type}`);

    let r = (await react(oc, 'like')).json() as PostJson;
    expect(r.counts).toEqual({
      comments: 0,
      reactions: 1,
      byType: { like: 1, thanks: 0, insightful: 0, celebrate: 0 },
    });
    expect(r.myReactions).toEqual(['like']);
    r = (await react(oc, 'like')).json();
    expect(r.counts.reactions).toBe(1);
    expect(r.counts.byType.like).toBe(1);
    r = (await react(oc, 'thanks')).json();
    expect(r.myReactions.sort()).toEqual(['like', 'thanks']);
    r = (await react(ac, 'like')).json();
    expect(r.counts).toMatchObject({ reactions: 3, byType: { like: 2, thanks: 1 } });
    expect(r.myReactions).toEqual(['like']);
    const who = (await adminC.api('GET', `/api/v1/posts/${post.id}/reactions`)).json();
    expect(
      who.items.map((i: { type: string; user: { id: string } }) => `${i.type}:${i.user.id}`),
    ).toEqual([`like:${other.id}`, `thanks:${other.id}`, `like:${author.id}`]);
    expect((await adminC.api('GET', `/api/v1/posts/${post.id}`)).json().myReactions).toEqual([]);

    r = (await unreact(oc, 'like')).json();
    expect(r.counts).toMatchObject({ reactions: 2, byType: { like: 1, thanks: 1 } });
    expect(r.myReactions).toEqual(['thanks']);
    r = (await unreact(oc, 'like')).json();
    expect(r.counts.reactions).toBe(2);
    expect((await react(oc, 'love')).statusCode).toBe(400);
    expect((await unreact(oc, 'love')).statusCode).toBe(400);
    const ghost = await oc.api('POST', '/api/v1/posts/no-such-post/reactions', { type: 'like' });
    expect(ghost.statusCode).toBe(404);
  });
});
