import { describe, expect, it } from 'vitest';
import { validateImportRow } from './import-rows.js';

const known = new Set(['102', '201', '502']);
const errorsOf = (values: Record<string, string>) => validateImportRow({ full_name: 'Nguyễn Văn A', ...values }, known).errors;

describe('the import row report (issue 17.7): which column, what value, what is expected', () => {
  it('reports an unknown field code even when other cells are wrong too', () => {
    const errors = errorsOf({ full_name: '', birth_year: '3000', fields: '999;102' });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ column: 'fields', code: 'unknown_code', value: '999' }),
        expect.objectContaining({ column: 'full_name', code: 'name_missing' }),
        expect.objectContaining({ column: 'birth_year', code: 'birth_year_range', value: '3000' }),
      ]),
    );
  });

  it('says what a missing name and a birth year of 3000 need, not "too small" or "too big"', () => {
    const [name] = errorsOf({ full_name: '' });
    expect(name?.message).toMatch(/full_name is empty.*at least 2 characters/);
    const [year] = errorsOf({ birth_year: '3000' });
    expect(year).toMatchObject({ column: 'birth_year', code: 'birth_year_range', params: { min: 1920 } });
    expect(year?.message).toMatch(/"3000" is not a birth year; expected a year from 1920 to \d{4}/);
  });

  it('names the value and the allowed list for codes, and the address format for e-mails', () => {
    const errors = errorsOf({ highest_degree: 'PhD', email: 'not-an-email' });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          column: 'highest_degree',
          code: 'not_in_list',
          value: 'PhD',
          params: { expected: expect.stringContaining('TS') },
        }),
        expect.objectContaining({ column: 'email', code: 'email_invalid', value: 'not-an-email' }),
      ]),
    );
  });

  it('refuses control characters in a cell instead of storing them', () => {
    expect(errorsOf({ position: 'Giảng\uFFFDviên' })).toEqual([
      expect.objectContaining({ column: 'position', code: 'control_characters' }),
    ]);
  });

  it('accepts a clean row', () => {
    expect(validateImportRow({ full_name: 'Nguyễn Văn A', birth_year: '1980', fields: '102' }, known)).toMatchObject({ errors: [] });
  });
});
