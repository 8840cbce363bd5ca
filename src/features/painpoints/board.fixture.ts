import { expect } from 'vitest';
import type { Client } from '../../../test/factories.ts';
import type { TestApp } from '../../../test/helpers.ts';
import { ensureHashtags } from '../hashtags/index.ts';

/** Test helpers shared by the pain points' tests. */

/** Gives a hashtag the meaning "pain point", as an admin does (the API needs it to exist). */
export async function painPointMeaning(t: TestApp, admin: Client, tag: string): Promise<void> {
  await ensureHashtags(t.deps.db, [{ tag, display: tag }], new Date());
  const res = await admin.api('PUT', `/api/v1/admin/hashtags/${encodeURIComponent(tag)}`, {
    meaning: 'pain_point',
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** Publishes a post through the API; its id. */
export async function publish(c: Client, body: string, groupId?: string): Promise<string> {
  const res = await c.api('POST', '/api/v1/posts', { body, ...(groupId ? { groupId } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

export async function patch(c: Client, id: string, body: Record<string, unknown>) {
  return c.api('PATCH', `/api/v1/pain-points/${id}`, body);
}

/** Ids of a board listing, in order. */
export async function boardIds(c: Client, query = ''): Promise<string[]> {
  const res = await c.api('GET', `/api/v1/pain-points${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
}
