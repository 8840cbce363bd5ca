import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { createAdmin, createUser, signedIn } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';

describe.each(DIALECTS)('sharing, reports, pinned announcements (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
  });
  afterAll(async () => t.close());

  it('a public post shared into a further group shows in that group’s feed; a private one cannot be shared', async () => {
    const a = await createUser(t.deps);
    const b = await createUser(t.deps);
    const ac = await signedIn(t.app, a);
    const bc = await signedIn(t.app, b);
    const target = (
      await ac.api('POST', '/api/v1/groups', { name: 'Ziel', visibility: 'public' })
    ).json();
    const priv = (
      await ac.api('POST', '/api/v1/groups', { name: 'Privat', visibility: 'private' })
    ).json();
    const post = (await bc.api('POST', '/api/v1/posts', { body: 'Lesenswert für alle' })).json();
    expect(
      (await ac.api('POST', `/api/v1/posts/${post.id}/shares`, { groupId: target.id })).statusCode,
    ).toBe(204);
    const feed = (await bc.api('GET', `/api/v1/groups/${target.id}/posts`)).json();
    expect(feed.items.map((p: { id: string }) => p.id)).toEqual([post.id]);
    // b is not a member of the target group: sharing there is refused, naming the field
    const refused = await bc.api('POST', `/api/v1/posts/${post.id}/shares`, { groupId: target.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('groupId');
    const inner = (
      await ac.api('POST', '/api/v1/posts', { body: 'Intern', groupId: priv.id })
    ).json();
    const leak = await ac.api('POST', `/api/v1/posts/${inner.id}/shares`, { groupId: target.id });
    expect(leak.statusCode).toBe(422);
    expect(leak.json().code).toBe('cannot_share_private');
    expect((await bc.api('GET', `/api/v1/groups/${target.id}/posts`)).json().items).toHaveLength(1);
  });

  it('a report reaches the admins, who remove the post or dismiss the report; private text stays hidden', async () => {
    const admin = await createAdmin(t.deps);
    const u = await createUser(t.deps);
    const uc = await signedIn(t.app, u);
    const adc = await signedIn(t.app, admin);
    const post = (await uc.api('POST', '/api/v1/posts', { body: 'Unfreundlicher Text' })).json();
    const bad = await uc.api('POST', `/api/v1/posts/${post.id}/reports`, { reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(
      (await uc.api('POST', `/api/v1/posts/${post.id}/reports`, { reason: 'Beleidigend' }))
        .statusCode,
    ).toBe(201);
    expect((await uc.api('GET', '/api/v1/admin/reports')).statusCode).toBe(403);
    const reports = (await adc.api('GET', '/api/v1/admin/reports')).json().items;
    expect(reports).toMatchObject([
      { postId: post.id, reason: 'Beleidigend', body: 'Unfreundlicher Text' },
    ]);
    const page = await adc.get('/admin/reports');
    expect(page.body).toContain('Beleidigend');
    expect(
      (
        await adc.api('POST', `/api/v1/admin/reports/${reports[0].id}/resolve`, {
          action: 'remove',
        })
      ).statusCode,
    ).toBe(204);
    expect((await uc.api('GET', `/api/v1/posts/${post.id}`)).statusCode).toBe(404);
    expect((await adc.api('GET', '/api/v1/admin/reports')).json().items).toEqual([]);

    const g = (
      await uc.api('POST', '/api/v1/groups', { name: 'Nur wir', visibility: 'private' })
    ).json();
    const inner = (
      await uc.api('POST', '/api/v1/posts', { body: 'Vertraulicher Inhalt', groupId: g.id })
    ).json();
    await uc.api('POST', `/api/v1/posts/${inner.id}/reports`, { reason: 'Spam' });
    const seen = (await adc.api('GET', '/api/v1/admin/reports')).json().items;
    expect(seen).toMatchObject([{ postId: inner.id, reason: 'Spam', body: null }]);
    expect((await adc.get('/admin/reports')).body).not.toContain('Vertraulicher Inhalt');
  });

  it('an announcement pinned until a date stands above the feed and counts who saw it', async () => {
    const admin = await createAdmin(t.deps);
    const u1 = await createUser(t.deps);
    const u2 = await createUser(t.deps);
    const adc = await signedIn(t.app, admin);
    const ann = (
      await adc.api('POST', '/api/v1/posts', {
        body: 'Sommerfest am 3. Juli',
        kind: 'announcement',
      })
    ).json();
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect(
      (await adc.api('PUT', `/api/v1/posts/${ann.id}/pin`, { until: tomorrow })).statusCode,
    ).toBe(204);
    const c1 = await signedIn(t.app, u1);
    const home = await c1.get('/');
    expect(home.body).toContain('id="pinned-h"');
    expect(home.body.indexOf('Sommerfest')).toBeGreaterThan(home.body.indexOf('id="pinned-h"'));
    expect(home.body.indexOf('Sommerfest')).toBeLessThan(home.body.indexOf('>Latest<'));
    await (await signedIn(t.app, u2)).get(`/posts/${ann.id}`);
    const page = await adc.get(`/posts/${ann.id}`);
    expect(page.body).toMatch(/Seen by 3/);
    expect((await c1.api('GET', `/api/v1/posts/${ann.id}/views`)).json()).toEqual({ seenBy: 3 });
    const plain = (await c1.api('POST', '/api/v1/posts', { body: 'Keine Ankündigung' })).json();
    expect((await c1.api('GET', `/api/v1/posts/${plain.id}/views`)).statusCode).toBe(404);
    expect((await c1.api('PUT', `/api/v1/posts/${ann.id}/pin`, { until: null })).statusCode).toBe(
      403,
    );
  });
});
