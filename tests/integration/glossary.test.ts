import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The checked rules of web/src/i18n/GLOSSARY.md, over every message file. */
const dir = fileURLToPath(new URL('../../web/src/i18n', import.meta.url));
const files = readdirSync(dir).filter((f) => /^(vi|en)(-[a-z-]+)?\.ts$/.test(f));

/** The quoted texts of a message file (keys and code are left out), with their line numbers. */
function texts(file: string): Array<{ line: number; text: string }> {
  return readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .flatMap((line, i) => [...line.matchAll(/'((?:[^'\\]|\\.)*)'|`([^`]*)`/g)].map((m) => ({ line: i + 1, text: m[1] ?? m[2] ?? '' })))
    .filter(({ text }) => !text.startsWith('../') && !text.startsWith('./'));
}

describe('glossary', () => {
  it('reads the Vietnamese and English message files', () => {
    expect(files).toEqual(expect.arrayContaining(['vi.ts', 'en.ts', 'vi-curation.ts', 'en-search.ts']));
  });

  it('says "xác minh" for verification, never "xác thực" (kept for authentication itself)', () => {
    const found = files
      .filter((f) => f.startsWith('vi'))
      .flatMap((f) => texts(f).map((t) => ({ ...t, f })))
      .filter(({ text }) => /(?<!ứng dụng )xác thực(?! hai bước)/i.test(text));
    expect(found.map(({ f, line, text }) => `${f}:${line} ${text}`)).toEqual([]);
  });

  it('writes "e-mail", not "email", in running text', () => {
    const found = files
      .flatMap((f) => texts(f).map((t) => ({ ...t, f })))
      // {{email}} is a value, and the import template's column names are code.
      .filter(({ text }) => /(?<![{\w-])email(?![}\w])/i.test(text) && !text.includes('full_name'));
    expect(found.map(({ f, line, text }) => `${f}:${line} ${text}`)).toEqual([]);
  });
});
