import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

function scrypt(
  password: string,
  salt: Buffer,
  keylen: number,
  opts: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

const R = 8;
const P = 1;
const KEYLEN = 32;

/** scrypt with N = 2^cost, r = 8, p = 1; the parameters are stored in the hash so they can change. */
export async function hashPassword(password: string, cost: number): Promise<string> {
  const salt = randomBytes(16);
  const N = 2 ** cost;
  const key = await scrypt(password.normalize('NFC'), salt, KEYLEN, {
    N,
    r: R,
    p: P,
    maxmem: 256 * N * R,
  });
  return `scrypt$${cost}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, costS, rS, pS, saltS, keyS] = parts as [string, string, string, string, string, string];
  const N = 2 ** Number(costS);
  const r = Number(rS);
  const expected = Buffer.from(keyS, 'base64');
  const key = await scrypt(
    password.normalize('NFC'),
    Buffer.from(saltS, 'base64'),
    expected.length,
    {
      N,
      r,
      p: Number(pS),
      maxmem: 256 * N * r,
    },
  );
  return timingSafeEqual(key, expected);
}

/** True when a stored hash was made with a lower cost than the current setting. */
export function needsRehash(stored: string, cost: number): boolean {
  return Number(stored.split('$')[1]) < cost;
}

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l !== '' && !l.startsWith('#')),
  );
  return common;
}

export type PasswordProblem = 'too_short' | 'too_long' | 'common' | 'contains_email';

/** The password rules of ARCHITECTURE.md "Safety defaults"; no composition rules, no rotation. */
export function checkPassword(password: string, email?: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'common';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower === local) return 'contains_email';
  return null;
}
