import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceData, searchQuerySchema } from '../../server/src/contracts.js';
import { emptyQuery, listFilters, parseSearchParams } from '../../web/src/pages/search/search-url.js';

/**
 * The search page reads its URL without zod (the bundle budget); this holds it to the API's
 * schema: for any link, the values it keeps are exactly those searchQuerySchema accepts, the
 * same way the page read links before (parse, drop what the schema rejects, parse again).
 */
function readWithSchema(params: URLSearchParams) {
  const raw: Record<string, unknown> = {};
  for (const key of listFilters) {
    const values = params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length) raw[key] = values;
  }
  for (const key of ['q', 'language', 'minLevel', 'verified', 'sort', 'page', 'pageSize']) {
    const value = params.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  let dropped = false;
  for (let attempt = 0; attempt < 30; attempt++) {
    const result = searchQuerySchema.safeParse(raw);
    // A list whose every value was dropped reads as no filter (it was an empty list before: the same search).
    if (result.success)
      return { query: Object.fromEntries(Object.entries(result.data).filter(([, v]) => !Array.isArray(v) || v.length)), dropped };
    dropped = true;
    const issues = [...result.error.issues].sort((a, b) => Number(b.path[1] ?? 0) - Number(a.path[1] ?? 0));
    for (const issue of issues) {
      const [key, index] = issue.path;
      const value = raw[String(key)];
      if (Array.isArray(value) && typeof index === 'number') value.splice(index, 1);
      else delete raw[String(key)];
    }
  }
  throw new Error('the schema kept rejecting');
}

const { sectorCodes, degreeCodes, availabilityKinds, academicTitles, cefrLevels } = referenceData;
// Commune (5 digits) and province (2 digits) codes, and near misses.
const placeCodes = ['11383', '10507', '31', '01', '1138', '113830', '3a'];
const known = [...sectorCodes, ...degreeCodes, ...placeCodes, ...availabilityKinds, ...academicTitles, ...cefrLevels];
const value = fc.oneof(
  fc.constantFrom(...known, 'haiphong', 'overseas', 'remote', 'in_person', 'VN', 'vn', 'en', 'true', 'false', 'name', 'updated'),
  fc.constantFrom('0', '1', '7', '50', '51', '1000', '1001', '2.5', ' 3 ', '1e2', '-1', '101', '1234', 'a-b', 'x', ' ', ''),
  fc.string({ maxLength: 4 }),
  fc.string({ minLength: 198, maxLength: 203 }),
);
const keys = [...listFilters, 'q', 'language', 'minLevel', 'verified', 'sort', 'page', 'pageSize', 'facets', 'other'];
const link = fc.array(
  fc.tuple(
    fc.constantFrom(...keys),
    fc.array(value, { maxLength: 23 }).map((vs) => vs.join(',')),
  ),
  { maxLength: 8 },
);

describe('parseSearchParams', () => {
  it('reads every link as searchQuerySchema does', () => {
    fc.assert(
      fc.property(link, (pairs) => {
        const params = new URLSearchParams(pairs);
        expect(parseSearchParams(params)).toEqual(readWithSchema(params));
      }),
      { numRuns: 3000 },
    );
  });

  it('starts from the schema defaults', () => {
    expect(emptyQuery).toEqual(searchQuerySchema.parse({}));
    expect(parseSearchParams(new URLSearchParams('page=0&sector=nope&q=gi%E1%BA%A5y'))).toEqual({
      query: { ...emptyQuery, q: 'giấy' },
      dropped: true,
    });
  });
});
