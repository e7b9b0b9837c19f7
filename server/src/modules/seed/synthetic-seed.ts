import { randomUUID } from 'node:crypto';
import { type Database, type DbOrTx, expertProfiles, insertMany, taxonomyFields, taxonomyVersions } from '@hpen/db';
import { and, eq, gt } from 'drizzle-orm';
import { systemContext } from '../../app/request-context.js';
import { createAuditRepository } from '../audit/audit.repository.js';
import { createAuditService } from '../audit/audit.service.js';
import { profileChanged } from '../outbox/outbox.events.js';
import { createOutboxRepository } from '../outbox/outbox.repository.js';
import { contentToColumns } from '../profiles/profile-document.js';
import { createProfileGenerator, type GeneratedProfile } from './synthetic-profiles.js';

/** The sub-field codes of the current taxonomy (below the six top-level areas): what experts pick. */
export async function currentFieldCodes(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ code: taxonomyFields.code })
    .from(taxonomyFields)
    .innerJoin(taxonomyVersions, eq(taxonomyVersions.code, taxonomyFields.version))
    .where(and(eq(taxonomyVersions.isCurrent, true), gt(taxonomyFields.level, 1)));
  return rows.map((r) => r.code);
}

export interface InsertSyntheticOptions {
  count: number;
  seed: number;
  batchSize?: number;
  /** Queue each profile for the search index (the demo seed); a benchmark reindexes instead. */
  enqueueForSearch?: boolean;
  onProgress?: (done: number) => void;
  /** Share of profiles whose section visibilities differ from the defaults (the generator's default when absent). */
  visibilityVariation?: number;
  /** Sees each generated profile with its database id (the relevance benchmark keeps the true topics). */
  onGenerated?: (id: string, generated: GeneratedProfile) => void;
}

/** Row values for a generated, unclaimed profile (no account, as if imported by a curator). */
export function syntheticRow({ content, visibility }: GeneratedProfile) {
  return { id: randomUUID(), ...contentToColumns(content), userId: null, visibility, createdBy: null, claimedAt: null };
}

/**
 * Inserts generated unclaimed profiles in batches, each batch in one transaction with its
 * outbox rows; one audit entry records the whole run.
 */
export async function insertSyntheticProfiles(db: Database, options: InsertSyntheticOptions): Promise<{ inserted: number }> {
  const fieldCodes = await currentFieldCodes(db);
  const next = createProfileGenerator({ seed: options.seed, fieldCodes, visibilityVariation: options.visibilityVariation });
  const batchSize = options.batchSize ?? 500;
  const outboxRepository = createOutboxRepository();
  let inserted = 0;
  while (inserted < options.count) {
    const size = Math.min(batchSize, options.count - inserted);
    const rows = Array.from({ length: size }, () => {
      const generated = next();
      const row = syntheticRow(generated);
      options.onGenerated?.(row.id, generated);
      return row;
    });
    await db.transaction(async (tx) => {
      await insertMany(tx, expertProfiles, rows);
      if (options.enqueueForSearch) {
        await outboxRepository.enqueueMany(
          tx,
          rows.map(({ id }) => profileChanged(id)),
        );
      }
    });
    inserted += size;
    options.onProgress?.(inserted);
  }
  const auditService = createAuditService({ auditRepository: createAuditRepository({ db }) });
  await auditService.record(db, systemContext, {
    action: 'system.synthetic_profiles_inserted',
    targetType: 'system',
    details: { count: inserted, seed: options.seed },
  });
  return { inserted };
}
