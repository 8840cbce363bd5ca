import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { Client } from '../../../test/factories.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { SEED_PASSWORD, seedInfo, seedOrganisation, type Scale } from './seed.ts';

const TINY: Scale = {
  people: 40,
  groups: 6,
  posts: 500,
  interactions: 1_000,
  tags: 30,
  announcements: 2,
};

describe.each(DIALECTS)('seeded documents (%s)', (dialect) => {
  let t: TestApp;
  const progress: string[] = [];
  beforeAll(async () => {
    t = await build(dialect);
    await seedOrganisation(t.deps, TINY, (line) => progress.push(line), { thread: false });
  }, 120_000);
  afterAll(async () => t.close());

  it('writes documents with versions, hashtags, counts and extracted text, and reports them', async () => {
    const { db } = t.deps;
    const docs = await db.selectFrom('documents').selectAll().execute();
    expect(docs).toHaveLength(10);
    const versions = await db.selectFrom('document_versions').selectAll().execute();
    expect(versions.length).toBeGreaterThanOrEqual(docs.length);
    for (const d of docs) {
      const mine = versions.filter((v) => v.document_id === d.id);
      expect(mine).toHaveLength(d.version_count);
      expect(mine.some((v) => v.id === d.current_version_id)).toBe(true);
      const reuses = await db
        .selectFrom('document_reuses')
        .select('source')
        .where('document_id', '=', d.id)
        .execute();
      expect(reuses).toHaveLength(d.reuse_count);
    }
    const withText = versions.filter((v) => v.extraction_status === 'done');
    expect(withText.length).toBeGreaterThan(0);
    expect(withText.every((v) => (v.extracted_text ?? '').length > 20)).toBe(true);
    expect(progress.some((l) => l.includes('documents 100 %'))).toBe(true);
    const info = (await seedInfo(db))!;
    expect(info.rows).toMatchObject({ documents: 10 });
  });

  it('a seeded document’s page works; its download answers "not found" cleanly, uncounted', async () => {
    const { db } = t.deps;
    const info = (await seedInfo(db))!;
    const c = new Client(t.app);
    await c.signIn(info.member.email, SEED_PASSWORD);
    const shelf = await c.api('GET', '/api/v1/documents?limit=100');
    expect(shelf.statusCode).toBe(200);
    const first = shelf.json().items[0] as {
      id: string;
      currentVersion: number;
      counts: { downloads: number };
    };
    expect((await c.get(`/documents/${first.id}`)).statusCode).toBe(200);
    const file = await c.api(
      'GET',
      `/api/v1/documents/${first.id}/versions/${first.currentVersion}/file`,
    );
    expect(file.statusCode).toBe(404);
    expect(file.json()).toMatchObject({ code: 'file_missing' });
    const again = (await c.api('GET', `/api/v1/documents/${first.id}`)).json();
    expect(again.counts.downloads).toBe(first.counts.downloads);
  });
});
