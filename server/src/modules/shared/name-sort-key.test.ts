import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProfileGenerator } from '../seed/synthetic-profiles.js';
import { nameSortKey } from './name-sort-key.js';

const vietnamese = new Intl.Collator('vi');
const byKey = (a: string, b: string) => {
  const [x, y] = [nameSortKey(a), nameSortKey(b)];
  return x < y ? -1 : x > y ? 1 : 0;
};
/** The first neighbours the collator would swap (its ties may go either way), or null. */
const outOfOrder = (sorted: string[]) => {
  for (let i = 1; i < sorted.length; i++)
    if (vietnamese.compare(sorted[i - 1]!, sorted[i]!) > 0) return `${sorted[i - 1]} before ${sorted[i]}`;
  return null;
};
const agrees = (names: string[]) => outOfOrder([...names].sort(byKey));

describe('nameSortKey', () => {
  it('orders letters, tones and case as the Vietnamese collator does', () => {
    const names = ['Ánh', 'Anh', 'anh', 'An', 'An Nguyen', 'An-b', 'An1', 'Ăn', 'Ân', 'Bảo', 'Đào', 'Dương', 'Ê', 'E', 'Ơn', 'Ôn', 'On'];
    names.push(
      'Ưng',
      'Uyên',
      'Ùng',
      'Ủng',
      'Ũng',
      'Úng',
      'Ụng',
      'Zoë',
      'Østergaard',
      'Æsa',
      'Łukasz',
      'Trần Thị Hà',
      'Trần Thị Hạ',
      'Trần Thị Hà Anh',
    );
    expect(agrees(names)).toBeNull();
    // The check itself can fail: code point order puts "Đào" after "Dương" and "Ánh" after "Bảo".
    expect(outOfOrder([...names].sort())).not.toBeNull();
  });

  it('agrees with the collator on generated names, and on arbitrary Vietnamese-looking text', () => {
    const next = createProfileGenerator({ seed: 3, fieldCodes: ['101'] });
    const generated = Array.from({ length: 2000 }, () => next().content.fullName);
    expect(new Set(generated).size).toBeGreaterThan(500);
    expect(agrees(generated)).toBeNull();
    const syllable = fc.constantFrom(
      'a',
      'ă',
      'â',
      'á',
      'ạ',
      'ầ',
      'ẫ',
      'đ',
      'd',
      'e',
      'ê',
      'ệ',
      'o',
      'ô',
      'ơ',
      'ờ',
      'u',
      'ư',
      'ữ',
      'n',
      'nh',
      'ng',
      'H',
      'Đ',
      'Ư',
      'Ế',
    );
    const word = fc.array(syllable, { minLength: 1, maxLength: 4 }).map((s) => s.join(''));
    fc.assert(
      fc.property(
        fc.array(
          fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ')),
          { minLength: 2, maxLength: 12 },
        ),
        (names) => {
          expect(agrees(names)).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is plain ASCII, so any database collation and JavaScript compare it alike', () => {
    expect(nameSortKey('Nguyễn Thị Ngọc Ánh 中文 Ж')).toMatch(/^[\x20-\x7e]*$/);
  });
});
