import { describe, expect, it } from 'vitest';
import { profileContentSchema } from '../profiles/profiles.schemas.js';
import { createProfileGenerator } from './synthetic-profiles.js';

const fieldCodes = ['101', '102', '201', '205', '301', '502'];

describe('synthetic profile generator', () => {
  it('is deterministic from its seed and differs between seeds', () => {
    const take = (seed: number) => {
      const next = createProfileGenerator({ seed, fieldCodes });
      return Array.from({ length: 50 }, next);
    };
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
  });

  it('makes profiles that pass the same validation as user input', () => {
    const next = createProfileGenerator({ seed: 42, fieldCodes });
    for (let i = 0; i < 2000; i++) {
      const { content } = next();
      const parsed = profileContentSchema.safeParse(content);
      if (!parsed.success) throw new Error(`profile ${i}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}\n${JSON.stringify(content)}`);
    }
  });

  it('writes Vietnamese names with diacritics and a plausible mix of degrees and places', () => {
    const next = createProfileGenerator({ seed: 1, fieldCodes });
    const sample = Array.from({ length: 3000 }, next).map((p) => p.content);
    expect(sample.filter((p) => /[ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ]/i.test(p.fullName)).length).toBeGreaterThan(2000);
    expect(sample.filter((p) => p.fullName.startsWith('Nguyễn ')).length / sample.length).toBeGreaterThan(0.3);
    const degrees = new Set(sample.map((p) => p.highestDegree));
    expect([...degrees]).toEqual(expect.arrayContaining(['TS', 'ThS', 'DH']));
    expect(new Set(sample.map((p) => p.location?.kind))).toEqual(new Set(['haiphong', 'vietnam', 'overseas']));
    expect(sample.every((p) => p.fields.filter((f) => f.primary).length === 1)).toBe(true);
  });
});
