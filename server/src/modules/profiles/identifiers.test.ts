import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidDoi, isValidOrcid, normaliseDoi, normaliseOrcid, orcidCheckDigit } from './identifiers.js';

describe('ORCID iD', () => {
  it('accepts real iDs, including an X check character', () => {
    expect(isValidOrcid('0000-0002-1825-0097')).toBe(true); // ORCID's documentation example
    expect(isValidOrcid('0000-0001-5109-3700')).toBe(true);
    expect(isValidOrcid('0000-0002-1694-233X')).toBe(true);
  });

  it('rejects a wrong checksum, a wrong shape and a lower-case x', () => {
    expect(isValidOrcid('0000-0002-1825-0096')).toBe(false);
    expect(isValidOrcid('0000-0002-1825-009')).toBe(false);
    expect(isValidOrcid('0000000218250097')).toBe(false);
    expect(isValidOrcid('0000-0002-1694-233x')).toBe(false);
  });

  it('normalises a pasted URL', () => {
    expect(normaliseOrcid(' https://orcid.org/0000-0002-1694-233x ')).toBe('0000-0002-1694-233X');
  });

  it('detects every single-digit typo (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{15}$/), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        const id = base + orcidCheckDigit(base);
        const fmt = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 8)}-${d.slice(8, 12)}-${d.slice(12)}`;
        expect(isValidOrcid(fmt(id))).toBe(true);
        const typo = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        expect(isValidOrcid(fmt(typo))).toBe(false);
      }),
    );
  });
});

describe('DOI', () => {
  it('accepts DOIs and strips resolver prefixes', () => {
    expect(isValidDoi('10.1038/nphys1170')).toBe(true);
    expect(isValidDoi(normaliseDoi('https://doi.org/10.1016/j.oceaneng.2020.107123'))).toBe(true);
    expect(normaliseDoi('doi: 10.1000/182')).toBe('10.1000/182');
  });

  it('rejects what is not a DOI', () => {
    for (const bad of ['10.12/abc', '11.1000/182', '10.1000/ has space', 'doi.org', '']) expect(isValidDoi(bad)).toBe(false);
  });
});
