import { type DbOrTx, reportAggregates } from '@hpen/db';
import { eq, sql } from 'drizzle-orm';

export interface StoredAggregate {
  key: string;
  figures: Record<string, unknown>;
  stamp: string;
  asOf: Date;
  computeMs: number;
}

/** The dashboard figures the scheduler keeps, one row per audience. */
export function createReportAggregatesRepository({ db }: { db: DbOrTx }) {
  return {
    async find(key: string): Promise<StoredAggregate | undefined> {
      const [row] = await db.select().from(reportAggregates).where(eq(reportAggregates.key, key));
      return row;
    },
    /** Replaces the stored figures unless newer ones (a later asOf) were stored meanwhile. */
    async store(row: StoredAggregate) {
      await db
        .insert(reportAggregates)
        .values(row)
        .onConflictDoUpdate({
          target: reportAggregates.key,
          set: { figures: row.figures, stamp: row.stamp, asOf: row.asOf, computeMs: row.computeMs, updatedAt: sql`now()` },
          setWhere: sql`${reportAggregates.asOf} <= ${row.asOf.toISOString()}`,
        });
    },
  };
}
export type ReportAggregatesRepository = ReturnType<typeof createReportAggregatesRepository>;
