import { SYSTEM_USER_IDS } from '../src/features/accounts/accounts.table.ts';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { expect } from 'vitest';
import type { Deps } from '../src/http/app.ts';
import type { Client } from './factories.ts';
import type { TestApp } from './helpers.ts';

/** Hostile strings a person may type into any text field. */
export const HTML_SCRIPT = '<script>alert(1)</script>';
export const HTML_ATTR = '"><img src=x onerror=alert(1)>';
export const SQL_DROP = "'; DROP TABLE users; --";
export const SQL_DELETE = "Robert'); DELETE FROM users;--";
export const HOSTILE = [HTML_SCRIPT, HTML_ATTR, SQL_DROP, SQL_DELETE] as const;

/** Names in scripts and forms that must be kept exactly as typed. */
export const UNICODE_NAMES = [
  ['umlauts and ß', 'Jürgen Weiß-Größe'],
  ['emoji', 'Zoë 👩🏽‍💻 Ünal 🇩🇪'],
  ['Arabic (right to left)', 'مريم الحسن'],
  ['Hebrew with points', 'שָׁלוֹם כֹּהֵן'],
  ['combining characters', 'A\u030Angstro\u0308m Nin\u0303o'],
  ['CJK', '山田 太郎'],
] as const;

/** How preact writes the two HTML fragments into text and attribute values. */
export const HTML_SCRIPT_ESCAPED = '&lt;script>alert(1)&lt;/script>';
export const HTML_ATTR_ESCAPED = '&quot;>&lt;img src=x onerror=alert(1)>';

/** The raw markup that must never reach a page. */
export function expectNoRawMarkup(html: string): void {
  expect(html).not.toContain(HTML_SCRIPT);
  expect(html).not.toContain('<img src=x');
  expect(html).not.toContain('"><img');
}

/** A complete, valid profile form, with the given fields replaced. */
export function profileForm(fields: Record<string, string> = {}): Record<string, string> {
  return {
    name: 'Erika Muster',
    title: '',
    department: '',
    location: '',
    bio: '',
    skills: '',
    availability: 'available',
    capacity: '80',
    awayUntil: '',
    manager: '',
    ...fields,
  };
}

/**
 * Posts a raw urlencoded body exactly as given (bytes are not re-encoded), with the client's
 * CSRF token in front so that only the hostile part can be the reason for a refusal.
 */
export async function postRaw(
  c: Client,
  url: string,
  body: Buffer | string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  if (!c.csrf) await c.get('/login');
  const payload = Buffer.concat([
    Buffer.from(`_csrf=${encodeURIComponent(c.csrf)}&`),
    Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'),
  ]);
  return c.request({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload,
  });
}

export interface Part {
  name: string;
  data: Buffer | string;
  filename?: string;
  contentType?: string;
}

/** A multipart/form-data body and its content-type header. */
export function multipart(parts: Part[]): { payload: Buffer; contentType: string } {
  const boundary = `----kantine${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.filename
      ? `form-data; name="${p.name}"; filename="${p.filename}"`
      : `form-data; name="${p.name}"`;
    const type = p.contentType ? `\r\nContent-Type: ${p.contentType}` : '';
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}${type}\r\n\r\n`));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** A real PNG of the given size (noise makes it large when asked for, since it cannot compress). */
export async function pngImage(width = 40, height = 40, noise = false): Promise<Buffer> {
  if (!noise) {
    return sharp({
      create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } },
    })
      .png()
      .toBuffer();
  }
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 0 })
    .toBuffer();
}

/** Photo files stored for a person (none when nothing was ever stored). */
export function storedPhotoFiles(deps: Pick<Deps, 'config'>, userId: string): string[] {
  const dir = path.join(deps.config.dataDir, 'files', 'photos', userId);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name);
}

/** A PNG whose header claims the given size, with the checksum fixed so it parses. */
export function pngClaimingSize(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(zlib.crc32(out.subarray(12, 29)) >>> 0, 29);
  return out;
}

/** The users table still exists and holds this many rows. */
export async function countUserRows(deps: Pick<Deps, 'db'>): Promise<number> {
  const r = await deps.db
    .selectFrom('users')
    .where('id', 'not in', SYSTEM_USER_IDS)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Problem details of an API response, with the fields' codes by name. */
export function problem(res: LightMyRequestResponse): {
  status: number;
  code: string;
  fields: Record<string, string>;
} {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as {
    status: number;
    code: string;
    errors?: { field: string; code: string; message: string }[];
  };
  expect(body.status).toBe(res.statusCode);
  const fields: Record<string, string> = {};
  for (const e of body.errors ?? []) {
    expect(e.message).not.toBe('');
    fields[e.field] = e.code;
  }
  return { status: body.status, code: body.code, fields };
}

/** Sends a body to the API exactly as given: objects as JSON, strings and buffers untouched. */
export function apiSender(t: TestApp) {
  return (
    method: 'POST' | 'PATCH' | 'PUT',
    url: string,
    token: string,
    body: unknown,
    contentType = 'application/json',
  ): Promise<LightMyRequestResponse> =>
    t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body),
    });
}

/** GET with a bearer token. */
export async function apiGet(t: TestApp, url: string, token: string) {
  return t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });
}

/** Personal access tokens a person has (the factory's `tokenFor` makes one). */
export async function countTokens(deps: Pick<Deps, 'db'>, userId: string): Promise<number> {
  const rows = await deps.db
    .selectFrom('api_tokens')
    .select('id')
    .where('user_id', '=', userId)
    .execute();
  return rows.length;
}
