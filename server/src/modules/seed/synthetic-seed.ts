import { randomUUID } from 'node:crypto';
import type { Database } from '@hpen/db';
import { systemContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import { contentToColumns } from '../profiles/profile-document.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { createProfileGenerator, type GeneratedProfile } from './synthetic-profiles.js';
import type { SeedRepository } from './seed.repository.js';

export interface SyntheticSeedDeps {
  db: Database;
  seedRepository: SeedRepository;
  profilesRepository: ProfilesRepository;
  outboxRepository: OutboxRepository;
  auditService: AuditService;
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
export async function insertSyntheticProfiles(deps: SyntheticSeedDeps, options: InsertSyntheticOptions): Promise<{ inserted: number }> {
  const { db, profilesRepository, outboxRepository, auditService } = deps;
  const fieldCodes = await deps.seedRepository.currentFieldCodes();
  const next = createProfileGenerator({ seed: options.seed, fieldCodes, visibilityVariation: options.visibilityVariation });
  const batchSize = options.batchSize ?? 500;
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
      await profilesRepository.insertMany(tx, rows);
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
  await auditService.record(db, systemContext, {
    action: 'system.synthetic_profiles_inserted',
    targetType: 'system',
    details: { count: inserted, seed: options.seed },
  });
  return { inserted };
}
