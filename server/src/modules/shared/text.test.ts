import { describe, expect, it } from 'vitest';
import { cleanFileName } from './text.js';

describe('an uploaded file name', () => {
  it('drops control characters and broken UTF-16, replaces path separators, keeps Vietnamese', () => {
    expect(cleanFileName('a\u0000\u0001\u001fb<script>.pdf')).toBe('ab<script>.pdf');
    expect(cleanFileName('../../etc/passwd')).toBe('.._.._etc_passwd');
    expect(cleanFileName('C:\\hồ sơ\\Bằng tiến sĩ.pdf')).toBe('C:_hồ sơ_Bằng tiến sĩ.pdf');
    expect(cleanFileName('x\uD800y.pdf')).toBe('xy.pdf');
    expect(cleanFileName('  tab\there  .pdf ')).toBe('tab here .pdf');
  });

  it('is bounded without splitting a character, and never empty', () => {
    expect(Array.from(cleanFileName('a'.repeat(3000) + '.pdf'))).toHaveLength(200);
    expect(Array.from(cleanFileName('😀'.repeat(300)))).toHaveLength(200);
    expect(cleanFileName('😀'.repeat(300)).endsWith('😀')).toBe(true);
    expect(cleanFileName('\u0000\u0001 ')).toBe('document');
    expect(cleanFileName('')).toBe('document');
  });
});
