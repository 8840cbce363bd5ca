import { createHash, randomBytes } from 'node:crypto';
import { monotonicFactory } from 'ulid';

const ulid = monotonicFactory();

/** Sortable unique id (ULID): text, so both dialects and cursors agree. */
export function newId(): string {
  return ulid();
}

/** A secret for a cookie, link or token: 32 random bytes, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store instead of a secret: its SHA-256 (secrets are random, so no salt or stretching is needed). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
