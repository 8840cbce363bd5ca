import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/db.ts';
import { build, type TestApp } from '../../../test/helpers.ts';
import { Client } from '../../../test/factories.ts';
import { findUserByEmail } from '../accounts/index.ts';
import { DEMO_PEOPLE } from './demo.data.ts';
import { createDemoOrganisation, DEMO_PASSWORD } from './demo.service.ts';

describe.each(DIALECTS)('demo documents (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await build(dialect);
    await createDemoOrganisation(t.deps);
  });
  afterAll(async () => t.close());

  it('has a shelf of offers, templates and how-tos: real files, versions, extracted text, some reused', async () => {
    const { db } = t.deps;
    const docs = await db.selectFrom('documents').selectAll().execute();
    expect(docs.length).toBeGreaterThanOrEqual(8);
    expect(new Set(docs.map((d) => d.type))).toEqual(new Set(['docx', 'pdf', 'md', 'txt']));
    expect(docs.filter((d) => d.version_count > 1).length).toBeGreaterThanOrEqual(3);
    expect(docs.filter((d) => d.reuse_count > 0).length).toBeGreaterThanOrEqual(3);
    const versions = await db.selectFrom('document_versions').selectAll().execute();
    expect(versions.every((v) => v.extraction_status === 'done')).toBe(true);
    const offer = docs.find((d) => d.title === 'Angebotsvorlage Wartungsvertrag')!;
    const current = versions.find((v) => v.id === offer.current_version_id)!;
    expect(current.extracted_text).toContain('Reaktionszeiten');
    expect(
      await db.selectFrom('jobs').selectAll().where('kind', '=', 'documents.extract').execute(),
    ).toEqual([]);
    const attached = await db.selectFrom('post_documents').selectAll().execute();
    expect(attached.length).toBeGreaterThanOrEqual(3);

    // A salesperson sees the shelf, downloads the PDF; the confidential one is not there.
    const sales = (await findUserByEmail(
      db,
      DEMO_PEOPLE.find((p) => p.key === 'jpetersen')!.email,
    ))!;
    const c = new Client(t.app);
    await c.signIn(sales.email, DEMO_PASSWORD);
    const shelf = await c.get('/documents?sort=reused');
    expect(shelf.statusCode).toBe(200);
    expect(shelf.body).toContain('Angebotsvorlage Wartungsvertrag');
    expect(shelf.body).not.toContain('Budgetplanung');
    const prices = docs.find((d) => d.type === 'pdf' && d.title.startsWith('Preisliste'))!;
    const file = await c.get(`/documents/${prices.id}/versions/2/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
