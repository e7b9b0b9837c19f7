import { type AnyColumn, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';

/** A value as it goes into the JSON batch: JSON columns as themselves, the rest through the column's own encoder. */
function toJson(column: AnyColumn, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (column.columnType === 'PgJsonb' || column.columnType === 'PgJson') return value;
  const encoded = column.mapToDriverValue(value);
  return encoded instanceof Date ? encoded.toISOString() : encoded;
}

/**
 * Inserts many rows with one JSON parameter unpacked by jsonb_to_recordset, instead of one
 * bind parameter per value. Drizzle builds a 1 000-row insert value by value; the member-list
 * import profiled with that as its largest single cost. Columns no row sets take their SQL
 * defaults.
 */
export async function insertMany<T extends PgTable>(db: DbOrTx, table: T, rows: ReadonlyArray<T['$inferInsert']>): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, AnyColumn>;
  // The columns any row sets; a row that leaves one out gets NULL, which is only right without a default.
  const keys = [
    ...new Set(
      rows.flatMap((row) =>
        Object.entries(row as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .map(([k]) => k),
      ),
    ),
  ];
  for (const key of keys) if (!columns[key]) throw new Error(`insertMany: ${key} is not a column`);
  const payload = rows.map((row) => {
    const record = row as Record<string, unknown>;
    return Object.fromEntries(
      keys.map((key) => {
        const column = columns[key]!;
        if (record[key] === undefined && column.hasDefault) throw new Error(`insertMany: some rows leave out ${key}, which has a default`);
        return [column.name, toJson(column, record[key])];
      }),
    );
  });
  const names = sql.join(
    keys.map((key) => sql.identifier(columns[key]!.name)),
    sql`, `,
  );
  const types = sql.join(
    keys.map((key) => sql`${sql.identifier(columns[key]!.name)} ${sql.raw(columns[key]!.getSQLType())}`),
    sql`, `,
  );
  await db.execute(
    sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as batch(${types})`,
  );
}
