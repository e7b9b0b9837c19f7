import { readHaiphongDistrictMapping } from '@hpen/db/reference-data';
import { legacyMaps, resolveWrittenPlace } from '../reference/legacy-location.js';
import { rowError } from './import-row-errors.js';
import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { Database } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { MembershipsService } from '../memberships/memberships.service.js';
import type { MembershipsRepository } from '../memberships/memberships.repository.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { NewProfile, ProfilesRepository } from '../profiles/profiles.repository.js';
import { contentToColumns } from '../profiles/profile-document.js';
import { defaultVisibility } from '../profiles/profiles.schemas.js';
import type { ReferenceService } from '../reference/reference.service.js';
import { foldVietnamese } from '../shared/text.js';
import { contentOf } from './import-content.js';
import { JOB_ERROR_MAX_CHARS } from './import-limits.js';
import { buildMatchIndex } from './import-match.js';
import { cleanCell, readImportFile } from './import-reader.js';
import { ImportFileError, type ImportRow, validateImportRow } from './import-rows.js';
import type { ImportJob, ImportRowValues, ImportsRepository } from './imports.repository.js';

export interface RunnerDeps {
  db: Database;
  importsRepository: ImportsRepository;
  membershipsRepository: Pick<MembershipsRepository, 'membersOf' | 'insertMany'>;
  membershipsService: Pick<MembershipsService, 'notifyProposed'>;
  profilesRepository: Pick<ProfilesRepository, 'insertMany'>;
  referenceService: ReferenceService;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
  logger: { warn(obj: object, msg?: string): void };
  clock: () => Date;
}

const BATCH = 1000;
/** A job's error as stored: short, and only characters the database takes. */
const short = (text: string) => {
  const clean = cleanCell(text.slice(0, JOB_ERROR_MAX_CHARS * 2));
  return clean.length > JOB_ERROR_MAX_CHARS ? `${clean.slice(0, JOB_ERROR_MAX_CHARS - 1)}…` : clean;
};

/** Existing profiles a row may be (see import-match.ts for what matching may use). */
async function matchIndex(deps: RunnerDeps, associationId: string) {
  const [candidates, members] = await Promise.all([
    deps.importsRepository.matchCandidates(),
    deps.membershipsRepository.membersOf(associationId),
  ]);
  return buildMatchIndex(candidates, members);
}

/** The dry run: every row validated and matched (create, update, match or invalid), stored in batches. */
export async function runDryRun(deps: RunnerDeps, job: ImportJob, path: string) {
  const repo = deps.importsRepository;
  try {
    const known = new Set((await deps.referenceService.taxonomy()).fields.map((f) => f.code));
    const places = legacyMaps(await deps.referenceService.adminUnits(), readHaiphongDistrictMapping());
    const index = await matchIndex(deps, job.associationId);
    const counts = { create: 0, update: 0, match: 0, invalid: 0 };
    const seenInFile = new Map<string, number>();
    let batch: ImportRowValues[] = [];
    let total = 0;
    const flush = async () => {
      if (!batch.length) return;
      await repo.insertRows(batch);
      batch = [];
      await repo.updateJob(job.id, { processedRows: total, totalRows: total });
    };
    await repo.deleteRows(job.id);
    for await (const { rowNumber, values } of readImportFile(path, job.format as 'csv' | 'xlsx')) {
      total += 1;
      const { data, errors } = validateImportRow(values, known);
      const written = (values.district ?? '').trim();
      if (written && !errors.some((e) => e.column === 'district')) {
        // Old districts and Hải Dương addresses are accepted; the preview says what each became.
        const place = resolveWrittenPlace(places, written);
        if (place.status === 'unknown') errors.push(rowError('district', 'unknown_place', written));
        else if (data) Object.assign(data, { location: place.location, place_note: place.note });
      }
      let action = 'invalid';
      let profileId: string | null = null;
      if (data) {
        const key = data.email ?? `${foldVietnamese(data.full_name)}|${data.birth_year ?? ''}`;
        const firstRow = seenInFile.get(key);
        if (firstRow !== undefined) {
          errors.push({
            column: data.email ? 'email' : 'full_name',
            code: 'duplicate_in_file',
            message: `The same person as row ${firstRow}`,
          });
        } else {
          seenInFile.set(key, rowNumber);
          profileId = index.find(data);
          action = !profileId ? 'create' : index.members.has(profileId) ? 'match' : 'update';
        }
      }
      if (errors.length) action = 'invalid';
      counts[action as keyof typeof counts] += 1;
      batch.push({ jobId: job.id, rowNumber, data: (data ?? values) as Record<string, unknown>, errors, action, profileId });
      if (batch.length >= BATCH) await flush();
      else if (total % 100 === 0) await yieldToLoop();
    }
    await flush();
    await repo.updateJob(job.id, {
      status: 'dry_run_ready',
      totalRows: total,
      processedRows: total,
      counts,
      clean: total > 0 && counts.invalid === 0,
      ...(total === 0 ? { error: 'The file has a header but no rows' } : {}),
    });
  } catch (error) {
    // Only our own messages reach the job (short); anything else is logged, never stored raw.
    if (!(error instanceof ImportFileError))
      deps.logger.warn({ err: short((error as Error).message), job: job.id }, 'import: dry run failed');
    const message =
      error instanceof ImportFileError ? error.message : 'The file cannot be read (an unexpected error; the server log has details).';
    await repo.updateJob(job.id, { status: 'failed', error: short(message), finishedAt: deps.clock() }).catch(() => {});
  }
}

/**
 * The import, in batches of rows in row order; each batch commits with the job's resume point,
 * so a crash loses at most the batch in flight and a resumed run repeats nothing. A row that is
 * a new person creates an unclaimed profile and its membership; a row that is an existing
 * profile with an account only proposes the membership: its owner accepts or declines.
 */
export async function runImport(deps: RunnerDeps, ctx: RequestContext, job: ImportJob) {
  const repo = deps.importsRepository;
  const decidedBy = ctx.actor?.userId ?? job.createdBy;
  try {
    let after = job.importedThrough;
    let done = after ? await repo.countRowsThrough(job.id, after) : 0;
    const tally = { created: job.counts.created ?? 0, proposed: job.counts.proposed ?? 0 };
    // Matched again at import time: someone may have added the person since the dry run.
    const index = await matchIndex(deps, job.associationId);
    for (;;) {
      const rows = await repo.rowsAfter(job.id, after, BATCH);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.rowNumber;
      const proposed: string[] = [];
      await deps.db.transaction(async (tx) => {
        const newProfiles: NewProfile[] = [];
        const newMembers: Array<Parameters<MembershipsRepository['insertMany']>[1][number]> = [];
        const member = (profileId: string, status: 'approved' | 'proposed') =>
          newMembers.push({
            associationId: job.associationId,
            profileId,
            status,
            source: 'import',
            decidedBy,
            decidedAt: status === 'approved' ? deps.clock() : null,
          });
        for (const r of rows) {
          const row = r.data as unknown as ImportRow;
          const existing = index.find(row);
          if (existing) {
            if (!index.members.has(existing)) {
              member(existing, index.isClaimed(existing) ? 'proposed' : 'approved');
              if (index.isClaimed(existing)) proposed.push(existing);
              index.members.add(existing);
            }
            continue;
          }
          const id = randomUUID();
          newProfiles.push({ id, ...contentToColumns(contentOf(row)), userId: null, visibility: defaultVisibility, createdBy: decidedBy });
          member(id, 'approved');
          index.remember(row, id);
        }
        await deps.profilesRepository.insertMany(tx, newProfiles);
        const inserted = await deps.membershipsRepository.insertMany(tx, newMembers);
        const changed = [...newProfiles.map((p) => p.id!), ...inserted.filter((m) => m.status === 'approved').map((m) => m.profileId)];
        await deps.outboxRepository.enqueueMany(
          tx,
          [...new Set(changed)].map((id) => profileChanged(id)),
        );
        await deps.auditService.record(tx, ctx, {
          action: 'import.batch_imported',
          targetType: 'import',
          targetId: job.id,
          details: { rows: rows.length, createdProfiles: newProfiles.map((p) => p.id), memberships: inserted.length, proposed },
        });
        done += rows.length;
        tally.created += newProfiles.length;
        tally.proposed += proposed.length;
        await repo.updateJob(job.id, { processedRows: done, importedThrough: after, counts: { ...job.counts, ...tally } }, tx);
      });
      if (proposed.length) await deps.membershipsService.notifyProposed(job.associationId, proposed);
    }
    await repo.updateJob(job.id, { status: 'done', processedRows: done, finishedAt: deps.clock(), counts: { ...job.counts, ...tally } });
    await deps.auditService.record(deps.db, ctx, {
      action: 'import.completed',
      targetType: 'import',
      targetId: job.id,
      details: { rows: done, ...tally },
    });
  } catch (error) {
    deps.logger.warn({ err: short((error as Error).message), job: job.id }, 'import failed; confirm again to resume');
    await repo
      .updateJob(job.id, {
        status: 'dry_run_ready',
        error: 'The import stopped on an unexpected error (the server log has details). Confirm again to resume; finished rows are kept.',
      })
      .catch(() => {});
  }
}
