import { describe, expect, it } from 'vitest';
import { estimatePasswordStrength } from './password-strength.js';

describe('estimatePasswordStrength', () => {
  it('refuses repeated, sequential, common and Vietnamese-common passwords', () => {
    for (const weak of ['aaaaaaaaaa', '1234567890', 'password12', ' '.repeat(10), 'matkhau123', 'vietnam2026', 'anhyeuem123']) {
      expect(estimatePasswordStrength(weak).acceptable, weak).toBe(false);
    }
  });

  it('accepts passphrases, and stays fast once the dictionaries are loaded', () => {
    estimatePasswordStrength('warm up');
    const started = performance.now();
    for (const strong of ['correct horse battery', 'mật khẩu thật dài 2026', 'officer passphrase 1']) {
      expect(estimatePasswordStrength(strong).acceptable, strong).toBe(true);
    }
    // Generous for a loaded CI machine; on an idle one each check takes a few milliseconds.
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('counts the long tail of a 128-character password only up to its start', () => {
    const started = performance.now();
    expect(estimatePasswordStrength('x'.repeat(128)).acceptable).toBe(false);
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
