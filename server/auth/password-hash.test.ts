import { describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_HASH_PARAMS, hashPassword, verifyPassword } from './password-hash.ts';

describe('account password hashing (scrypt)', () => {
  it('uses memory-hard production parameters, a salt per hash, and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery staple');
    const [scheme, n, r, p, salt, key] = hash.split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(['scrypt', 2 ** 16, 8, 2]);
    expect(DEFAULT_PASSWORD_HASH_PARAMS).toEqual({ N: 2 ** 16, r: 8, p: 2 });
    expect(Buffer.from(salt ?? '', 'base64url')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64url')).toHaveLength(32);
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
    expect(await hashPassword('correct horse battery staple')).not.toBe(hash);
  });

  it('reads the parameters stored with each hash, so they can be raised later', async () => {
    const cheap = await hashPassword('un mot de passe', { N: 2 ** 10, r: 8, p: 1 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    expect(await verifyPassword('un mot de passe', cheap)).toBe(true);
    // Unicode forms of the same text are the same password.
    const composed = await hashPassword('été', { N: 2 ** 10, r: 8, p: 1 });
    expect(await verifyPassword('e\u0301te\u0301', composed)).toBe(true);
  });

  it.each(['', 'plain', 'scrypt$x$8$1$a$b', 'bcrypt$1$2$3$4$5'])(
    'refuses a stored value that is not a hash: %j',
    async (stored) => {
      expect(await verifyPassword('anything', stored)).toBe(false);
    },
  );
});
