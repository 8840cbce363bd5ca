import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../accounts/accounts.table.ts';
import { DIALECTS } from '../../../test/db.ts';
import { createUser, signedIn, tokenFor, type Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { MULTIPART, multipart, type FilePart } from '../../../test/multipart.ts';
import { runDueJobs } from '../../jobs/index.ts';

describe.each(DIALECTS)('search in documents (%s)', (dialect) => {
  let t: TestApp;
  let now = Date.parse('2026-11-20T08:00:00Z');
  let owner: User;
  let outsider: User;
  let oc: Client;
  let xc: Client;
  let group: string;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await build(dialect, { now: () => new Date(now) });
    owner = await createUser(t.deps, { name: 'Olga Ordner' });
    outsider = await createUser(t.deps, { name: 'Xaver Außen' });
    [oc, xc] = await Promise.all([signedIn(t.app, owner), signedIn(t.app, outsider)]);
    for (const u of [owner, outsider]) tokens.set(u.id, await tokenFor(t.deps, u));
    const g = await oc.api('POST', '/api/v1/groups', {
      name: 'Angebotsteam',
      visibility: 'private',
    });
    expect(g.statusCode, g.body).toBe(201);
    group = (g.json() as { id: string }).id;
  });
  afterAll(async () => t.close());

  const send = async (owner: User, url: string, fields: Record<string, string>, file: FilePart) => {
    now += 60_000;
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...MULTIPART, authorization: `Bearer ${tokens.get(owner.id)}` },
      payload: multipart(fields, file),
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const ids = async (c: Client, q: string) => {
    const res = await c.api('GET', `/api/v1/search?q=${encodeURIComponent(q)}&type=document`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: { id: string; snippet: string }[] }).items;
  };
  const text = (s: string) => ({ filename: 'notiz.md', data: Buffer.from(s) });

  it('finds a document by title at once and by its extracted text once the job ran', async () => {
    const id = await send(
      owner,
      '/api/v1/documents',
      { title: 'Rahmenvertrag Hafenbetrieb', description: 'Vorlage für #angebote' },
      text('# Leistungsverzeichnis\n\nDie Kaimauersanierung wird in drei Losen ausgeschrieben.'),
    );
    expect((await ids(oc, 'Rahmenvertrag')).map((i) => i.id)).toEqual([id]);
    expect(await ids(oc, 'Kaimauersanierung')).toEqual([]);
    await runDueJobs(t.deps);
    const found = await ids(oc, 'sanierung');
    expect(found.map((i) => i.id)).toEqual([id]);
    expect(found[0]!.snippet).toContain('Kaimauersanierung');
    // Own-shelf documents are readable by everyone, like org-wide posts.
    expect((await ids(xc, 'Hafenbetrieb')).map((i) => i.id)).toEqual([id]);
  });

  it('follows a new version: the old text is gone, the new one found', async () => {
    const id = await send(
      owner,
      '/api/v1/documents',
      { title: 'Checkliste Messe', description: '' },
      text('Standaufbau am Montag, Prospekte aus dem Lager holen.'),
    );
    await runDueJobs(t.deps);
    expect((await ids(oc, 'Prospekte')).map((i) => i.id)).toEqual([id]);
    await send(
      owner,
      `/api/v1/documents/${id}/versions`,
      { changeNote: 'Digital statt Papier' },
      text('Standaufbau am Montag, Tablets mit der Broschüre vorbereiten.'),
    );
    await runDueJobs(t.deps);
    expect(await ids(oc, 'Prospekte')).toEqual([]);
    expect((await ids(oc, 'Broschüre')).map((i) => i.id)).toEqual([id]);
    const del = await oc.api('DELETE', `/api/v1/documents/${id}`);
    expect(del.statusCode, del.body).toBe(204);
    expect(await ids(oc, 'Broschüre')).toEqual([]);
  });

  it('never shows a private group’s document to a non-member, by title or by text', async () => {
    const id = await send(
      owner,
      '/api/v1/documents',
      { title: 'Preisliste Zollfreilager', description: 'intern', groupId: group },
      text('Sonderkonditionen für Reedereien'),
    );
    await runDueJobs(t.deps);
    expect((await ids(oc, 'Zollfreilager')).map((i) => i.id)).toEqual([id]);
    expect((await ids(oc, 'Reedereien')).map((i) => i.id)).toEqual([id]);
    expect(await ids(xc, 'Zollfreilager')).toEqual([]);
    expect(await ids(xc, 'Reedereien')).toEqual([]);
  });
});
