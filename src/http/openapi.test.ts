import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/db.ts';
import { build, type TestApp } from '../../test/helpers.ts';

interface Operation {
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
}
interface OpenApi {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

/** Every `$ref` string anywhere in a JSON value. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe.each(DIALECTS)('OpenAPI document and health checks (%s)', (dialect) => {
  let t: TestApp;
  let doc: OpenApi;
  beforeAll(async () => {
    t = await build(dialect);
    const res = await t.app.inject({ url: '/api/v1/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.json();
  });
  afterAll(async () => t.close());

  it('is an OpenAPI 3 document, served without signing in', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBe('Kantine API');
  });

  it('lists the accounts resources with their methods', () => {
    const methods = (path: string) => Object.keys(doc.paths[path] ?? {}).sort();
    expect(methods('/api/v1/me')).toEqual(['get']);
    expect(methods('/api/v1/users')).toEqual(['get', 'post']);
    expect(methods('/api/v1/users/{id}')).toEqual(['get', 'patch']);
    expect(methods('/api/v1/tokens')).toEqual(['get', 'post']);
    expect(methods('/api/v1/tokens/{id}')).toEqual(['delete']);
    expect(methods('/api/v1/sessions')).toEqual(['get']);
    expect(methods('/api/v1/sessions/{id}')).toEqual(['delete']);

    const profile = doc.paths['/api/v1/users/{id}']!.get!;
    expect(profile.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path' }));
    const directory = doc.paths['/api/v1/users']!.get!;
    const query = (directory.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    expect(query).toEqual(
      expect.arrayContaining(['q', 'department', 'skill', 'available', 'cursor', 'limit']),
    );
    expect(Object.keys(doc.paths['/api/v1/tokens']!.post!.responses)).toContain('201');
  });

  it('lists no page routes and not itself', () => {
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p).toMatch(/^\/api\/v1\//);
    for (const page of ['/people', '/login', '/settings', '/admin/users', '/setup', '/healthz']) {
      expect(paths).not.toContain(page);
    }
    expect(paths).not.toContain('/api/v1/openapi.json');
  });

  it('names its shared schemas and every reference resolves', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['User', 'Problem']),
    );
    const refs = refsIn(doc.paths);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
      expect(m, ref).not.toBeNull();
      expect(doc.components.schemas, ref).toHaveProperty([m![1]!]);
    }
  });

  it('GET /healthz answers 200', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 ready when the database is migrated', async () => {
    const res = await t.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready' });
  });
});
