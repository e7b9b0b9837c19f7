import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';
import { generateToken, hashToken } from './tokens.js';

describe('passwords', () => {
  it('hashes with argon2id at no less than 19 MiB and 2 iterations', async () => {
    const hash = await hashPassword('một mật khẩu dài');
    const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
    expect(match).not.toBeNull();
    expect(Number(match![1])).toBeGreaterThanOrEqual(19_456);
    expect(Number(match![2])).toBeGreaterThanOrEqual(2);
    expect(await verifyPassword(hash, 'một mật khẩu dài')).toBe(true);
    expect(await verifyPassword(hash, 'mot mat khau dai')).toBe(false);
  });

  it('treats a corrupt hash as a failed check, not a crash', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});

describe('tokens', () => {
  it('are 256-bit URL-safe and stored only as SHA-256', () => {
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a);
  });
});
