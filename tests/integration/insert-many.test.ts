import { type DbHandle, importJobs, importRows, insertMany, organisations } from '@hpen/db';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db.js';

let database: DbHandle;
let jobId: string;

beforeAll(async () => {
  database = await createTestDb();
  const [association] = await database.db
    .insert(organisations)
    .values({ nameVi: 'Hội thử nghiệm', nameEn: 'Test association', kind: 'association', code: 'hoi-thu-nghiem' })
    .returning();
  const [job] = await database.db
    .insert(importJobs)
    .values({ associationId: association!.id, filename: 'ds.csv', format: 'csv', size: 1, sha256: 'x', status: 'parsing' })
    .returning();
  jobId = job!.id;
});
afterAll(async () => {
  await database?.close();
});

describe('insertMany (one jsonb_to_recordset parameter per batch)', () => {
  it('writes every value as the column types it: text with diacritics, integers, JSON, nulls; defaults fill the rest', async () => {
    await insertMany(database.db, importRows, [
      {
        jobId,
        rowNumber: 1,
        data: { full_name: 'Nguyễn Thị Hải Yến', nested: { list: [1, 'a'] } },
        errors: [],
        action: 'create',
        profileId: null,
      },
      {
        jobId,
        rowNumber: 2,
        data: { quote: 'a "quoted", \\ value' },
        errors: [{ column: 'email', code: 'invalid', message: 'sai' }],
        action: 'invalid',
        profileId: null,
      },
    ]);
    const rows = await database.db.select().from(importRows).where(eq(importRows.jobId, jobId)).orderBy(asc(importRows.rowNumber));
    expect(rows).toEqual([
      {
        jobId,
        rowNumber: 1,
        data: { full_name: 'Nguyễn Thị Hải Yến', nested: { list: [1, 'a'] } },
        errors: [],
        action: 'create',
        profileId: null,
      },
      {
        jobId,
        rowNumber: 2,
        data: { quote: 'a "quoted", \\ value' },
        errors: [{ column: 'email', code: 'invalid', message: 'sai' }],
        action: 'invalid',
        profileId: null,
      },
    ]);
  });

  it('refuses rows that leave out a column with a default when others set it, and writes nothing', async () => {
    await expect(
      insertMany(database.db, importRows, [
        { jobId, rowNumber: 3, data: {}, errors: [], action: 'create' },
        { jobId, rowNumber: 4, data: {}, action: 'create' },
      ]),
    ).rejects.toThrow(/errors/);
    expect(await database.db.select().from(importRows).where(eq(importRows.rowNumber, 3))).toEqual([]);
  });
});
