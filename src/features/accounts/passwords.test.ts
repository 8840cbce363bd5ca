import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, needsRehash, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('enforces length, the common-password list and not-the-e-mail, nothing else', () => {
    expect(checkPassword('short')).toBe('too_short');
    expect(checkPassword('x'.repeat(129))).toBe('too_long');
    expect(checkPassword('password123')).toBe('common');
    expect(checkPassword('Passwort1')).toBe('common');
    expect(checkPassword('erika.muster', 'erika.muster@example.com')).toBe('contains_email');
    expect(checkPassword('lunch in the canteen')).toBeNull();
    expect(checkPassword('äöüßäöüß')).toBeNull();
  });

  it('hashes with scrypt, verifies, and knows when a hash is weaker than the setting', async () => {
    const hash = await hashPassword('lunch in the canteen', 10);
    expect(hash).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(await verifyPassword('lunch in the canteen', hash)).toBe(true);
    expect(await verifyPassword('lunch in the canteen!', hash)).toBe(false);
    expect(needsRehash(hash, 17)).toBe(true);
    expect(needsRehash(hash, 10)).toBe(false);
  });

  it('treats composed and decomposed umlauts as the same password', async () => {
    const hash = await hashPassword('Grüße aus Köln', 10);
    expect(await verifyPassword('Gru\u0308ße aus Ko\u0308ln', hash)).toBe(true);
  });
});
