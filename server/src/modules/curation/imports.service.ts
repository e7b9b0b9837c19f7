import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Database, type DbOrTx, expertProfiles, importJobs, importRows, insertMany, memberships } from '@hpen/db';
import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { profileChanged } from '../outbox/outbox.events.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import { contentToColumns, emptyDocument } from '../profiles/profile-document.js';
import { defaultVisibility, type ProfileContent } from '../profiles/profiles.schemas.js';
import type { ReferenceService } from '../reference/reference.service.js';
import { foldVietnamese } from '../shared/text.js';
import { curationErrors } from './curation.errors.js';
import type { CurationRepository } from './curation.repository.js';
import { curatorScope, inScope } from './curation.scope.js';
import { ImportFileError, type ImportRow, readImportFile, TEMPLATE_ROWS, validateImportRow } from './import-rows.js';

interface Logger {
  warn(obj: object, msg?: string): void;
}

interface Deps {
  db: Database;
  dataDir: string;
  organisationsRepository: OrganisationsRepository;
  curationRepository: CurationRepository;
  referenceService: ReferenceService;
  auditService: AuditService;
  outboxRepository: OutboxRepository;
  logger: Logger;
  clock: () => Date;
}

type JobRow = typeof importJobs.$inferSelect;
const BATCH = 1000;

const jobView = (j: JobRow) => ({
  id: j.id,
  associationId: j.associationId,
  filename: j.filename,
  format: j.format,
  size: j.size,
  status: j.status,
  totalRows: j.totalRows,
  processedRows: j.processedRows,
  counts: j.counts,
  clean: j.clean,
  error: j.error,
  createdAt: j.createdAt.toISOString(),
  finishedAt: j.finishedAt?.toISOString() ?? null,
});

/** Existing profiles a row may be: by e-mail, ORCID iD, name + birth year, or a same-named member of this association. */
async function loadMatchIndex(tx: DbOrTx, associationId: string) {
  const rows = await tx
    .select({
      id: expertProfiles.id,
      email: expertProfiles.contactEmail,
      orcid: expertProfiles.orcid,
      name: expertProfiles.fullNameFolded,
      birthYear: expertProfiles.birthYear,
      userId: expertProfiles.userId,
    })
    .from(expertProfiles);
  const members = new Set(
    (await tx.select({ p: memberships.profileId }).from(memberships).where(eq(memberships.associationId, associationId))).map((m) => m.p),
  );
  const byEmail = new Map<string, string>();
  const byOrcid = new Map<string, string>();
  const byNameYear = new Map<string, string>();
  const memberByName = new Map<string, string>();
  /** Profiles with an e-mail: a row with another e-mail is another person, whatever the name. */
  const emailOf = new Map<string, string>();
  for (const r of rows) {
    if (r.email) {
      byEmail.set(r.email.toLowerCase(), r.id);
      emailOf.set(r.id, r.email.toLowerCase());
    }
    if (r.orcid) byOrcid.set(r.orcid, r.id);
    if (r.birthYear) byNameYear.set(`${r.name}|${r.birthYear}`, r.id);
    if (members.has(r.id)) memberByName.set(r.name, r.id);
  }
  const sameOrUnknownEmail = (row: ImportRow, id: string | undefined) =>
    id && (!row.email || !emailOf.has(id) || emailOf.get(id) === row.email) ? id : null;
  return {
    members,
    find(row: ImportRow): string | null {
      const name = foldVietnamese(row.full_name);
      return (
        (row.email && byEmail.get(row.email)) ||
        (row.orcid && byOrcid.get(row.orcid)) ||
        (row.birth_year && sameOrUnknownEmail(row, byNameYear.get(`${name}|${row.birth_year}`))) ||
        (!row.birth_year && sameOrUnknownEmail(row, memberByName.get(name))) ||
        null
      );
    },
    remember(row: ImportRow, id: string) {
      if (row.email) {
        byEmail.set(row.email, id);
        emailOf.set(id, row.email);
      }
      if (row.orcid) byOrcid.set(row.orcid, id);
      if (row.birth_year) byNameYear.set(`${foldVietnamese(row.full_name)}|${row.birth_year}`, id);
      memberByName.set(foldVietnamese(row.full_name), id);
      members.add(id);
    },
  };
}

function contentOf(row: ImportRow): ProfileContent {
  return {
    fullName: row.full_name,
    academicTitle: row.academic_title ?? null,
    highestDegree: row.highest_degree ?? null,
    orcid: row.orcid ?? null,
    birthYear: row.birth_year ?? null,
    gender: row.gender ?? null,
    contact: { email: row.email ?? null, phone: row.phone ?? null },
    ...emptyDocument(),
    fields: (row.fields ?? []).map((code, i) => ({ code, primary: i === 0 })),
    sectors: row.sectors ?? [],
    positions:
      row.position && row.organisation
        ? [
            {
              id: randomUUID(),
              title: row.position,
              organisation: row.organisation,
              from: new Date().getFullYear(),
              to: null,
              current: true,
            },
          ]
        : [],
    location: row.district ? { kind: 'haiphong', district: row.district } : null,
  };
}

/**
 * Member-list imports: upload → dry run (every row validated and matched: create, update,
 * match or invalid) → confirm → import. Both phases run as jobs in the background and keep
 * their progress in the database, so a page reload (or a restart) loses nothing. Importing a
 * file twice creates nothing new: every row then matches.
 */
export function createImportsService(deps: Deps) {
  const { db, auditService, outboxRepository, clock } = deps;
  const dir = join(deps.dataDir, 'imports');

  async function scopedAssociation(ctx: RequestContext, associationId: string) {
    const scope = await curatorScope(ctx, deps.organisationsRepository);
    const association = await deps.curationRepository.findAssociation(associationId);
    if (!association || !inScope(scope, association.id)) throw curationErrors.associationNotFound();
    return { scope, association };
  }

  async function scopedJob(ctx: RequestContext, id: string) {
    const scope = await curatorScope(ctx, deps.organisationsRepository);
    const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id));
    if (!job || !inScope(scope, job.associationId)) throw curationErrors.importNotFound();
    return { scope, job };
  }

  const update = (id: string, values: Partial<typeof importJobs.$inferInsert>) =>
    db
      .update(importJobs)
      .set({ ...values, updatedAt: clock() })
      .where(eq(importJobs.id, id));

  async function dryRun(job: JobRow, path: string) {
    try {
      const known = new Set((await deps.referenceService.taxonomy()).fields.map((f) => f.code));
      const index = await loadMatchIndex(db, job.associationId);
      const counts = { create: 0, update: 0, match: 0, invalid: 0 };
      const seenInFile = new Map<string, number>();
      let batch: Array<typeof importRows.$inferInsert> = [];
      let total = 0;
      const flush = async () => {
        if (!batch.length) return;
        await insertMany(db, importRows, batch);
        batch = [];
        await update(job.id, { processedRows: total, totalRows: total });
      };
      for await (const { rowNumber, values } of readImportFile(path, job.format as 'csv' | 'xlsx')) {
        total += 1;
        const { data, errors } = validateImportRow(values, known);
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
      }
      await flush();
      const clean = total > 0 && counts.invalid === 0;
      await update(job.id, {
        status: 'dry_run_ready',
        totalRows: total,
        processedRows: total,
        counts,
        clean,
        ...(total === 0 ? { error: 'The file has a header but no rows' } : {}),
      });
    } catch (error) {
      const message = error instanceof ImportFileError ? error.message : `The file cannot be read: ${(error as Error).message}`;
      await update(job.id, { status: 'failed', error: message, finishedAt: clock() });
    }
  }

  async function runImport(ctx: RequestContext, job: JobRow) {
    try {
      // Resume after the last finished batch (rows go in row order).
      let after = job.importedThrough;
      let done = after
        ? ((
            await db
              .select({ n: sql<number>`count(*)::int` })
              .from(importRows)
              .where(and(eq(importRows.jobId, job.id), lte(importRows.rowNumber, after)))
          )[0]?.n ?? 0)
        : 0;
      const created: string[] = [];
      // Matched again at import time: someone may have added the person since the dry run.
      const index = await loadMatchIndex(db, job.associationId);
      for (;;) {
        const rows = await db
          .select()
          .from(importRows)
          .where(and(eq(importRows.jobId, job.id), gt(importRows.rowNumber, after)))
          .orderBy(asc(importRows.rowNumber))
          .limit(BATCH);
        if (rows.length === 0) break;
        after = rows[rows.length - 1]!.rowNumber;
        await db.transaction(async (tx) => {
          const newProfiles: Array<typeof expertProfiles.$inferInsert> = [];
          const newMembers: Array<typeof memberships.$inferInsert> = [];
          for (const r of rows) {
            const row = r.data as unknown as ImportRow;
            const existing = index.find(row);
            if (existing) {
              if (!index.members.has(existing)) {
                newMembers.push({
                  associationId: job.associationId,
                  profileId: existing,
                  status: 'approved',
                  source: 'import',
                  decidedBy: ctx.actor?.userId ?? null,
                  decidedAt: clock(),
                });
                index.members.add(existing);
              }
              continue;
            }
            const id = randomUUID();
            newProfiles.push({
              id,
              ...contentToColumns(contentOf(row)),
              userId: null,
              visibility: defaultVisibility,
              createdBy: ctx.actor?.userId ?? null,
            });
            newMembers.push({
              associationId: job.associationId,
              profileId: id,
              status: 'approved',
              source: 'import',
              decidedBy: ctx.actor?.userId ?? null,
              decidedAt: clock(),
            });
            index.remember(row, id);
            created.push(id);
          }
          if (newProfiles.length) {
            await insertMany(tx, expertProfiles, newProfiles);
            await outboxRepository.enqueueMany(
              tx,
              newProfiles.map((p) => profileChanged(p.id!)),
            );
          }
          if (newMembers.length) {
            await tx.insert(memberships).values(newMembers).onConflictDoNothing();
            const createdIds = new Set(newProfiles.map((p) => p.id));
            const joined = newMembers.filter((m) => !createdIds.has(m.profileId));
            if (joined.length)
              await outboxRepository.enqueueMany(
                tx,
                joined.map((m) => profileChanged(m.profileId)),
              );
          }
          await auditService.record(tx, ctx, {
            action: 'import.batch_imported',
            targetType: 'import',
            targetId: job.id,
            details: { rows: rows.length, createdProfiles: newProfiles.map((p) => p.id), memberships: newMembers.length },
          });
          done += rows.length;
          await tx
            .update(importJobs)
            .set({ processedRows: done, importedThrough: after, updatedAt: clock() })
            .where(eq(importJobs.id, job.id));
        });
      }
      await update(job.id, {
        status: 'done',
        processedRows: done,
        finishedAt: clock(),
        counts: { ...job.counts, created: created.length },
      });
      await auditService.record(db, ctx, {
        action: 'import.completed',
        targetType: 'import',
        targetId: job.id,
        details: { rows: done, created: created.length },
      });
    } catch (error) {
      deps.logger.warn({ err: (error as Error).message, job: job.id }, 'import failed; confirm again to resume');
      await update(job.id, {
        status: 'dry_run_ready',
        error: `The import stopped: ${(error as Error).message}. Confirm again to resume; finished rows are kept.`,
      });
    }
  }

  const running = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    running.add(p);
    void p.finally(() => running.delete(p));
  };

  return {
    /** The uploaded file is on disk at `path`; the dry run continues in the background. */
    async start(
      ctx: RequestContext,
      input: { associationId: string; filename: string; format: 'csv' | 'xlsx'; size: number; sha256: string; path: string },
    ) {
      await scopedAssociation(ctx, input.associationId);
      const [job] = await db.transaction(async (tx) => {
        const rows = await tx
          .insert(importJobs)
          .values({
            associationId: input.associationId,
            createdBy: ctx.actor?.userId ?? null,
            filename: input.filename,
            format: input.format,
            sha256: input.sha256,
            size: input.size,
            status: 'parsing',
          })
          .returning();
        await auditService.record(tx, ctx, {
          action: 'import.uploaded',
          targetType: 'import',
          targetId: rows[0]!.id,
          details: { associationId: input.associationId, filename: input.filename, size: input.size, sha256: input.sha256 },
        });
        return rows;
      });
      track(dryRun(job!, input.path).finally(() => rm(input.path, { force: true })));
      return jobView(job!);
    },

    uploadPath: async () => {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      return join(dir, randomUUID());
    },

    async get(ctx: RequestContext, id: string) {
      return jobView((await scopedJob(ctx, id)).job);
    },

    async list(ctx: RequestContext, associationId?: string) {
      const scope = await curatorScope(ctx, deps.organisationsRepository);
      const rows = await db
        .select()
        .from(importJobs)
        .where(
          associationId
            ? eq(importJobs.associationId, associationId)
            : scope.all
              ? undefined
              : inArray(importJobs.associationId, scope.associationIds),
        )
        .orderBy(desc(importJobs.createdAt))
        .limit(50);
      return rows.filter((j) => inScope(scope, j.associationId)).map(jobView);
    },

    async rows(
      ctx: RequestContext,
      id: string,
      q: { only?: 'errors' | 'create' | 'update' | 'match' | undefined; page: number; pageSize: number },
    ) {
      const { job } = await scopedJob(ctx, id);
      const where = and(
        eq(importRows.jobId, id),
        q.only === 'errors' ? eq(importRows.action, 'invalid') : q.only ? eq(importRows.action, q.only) : undefined,
      );
      const [rows, total] = await Promise.all([
        db
          .select()
          .from(importRows)
          .where(where)
          .orderBy(asc(importRows.rowNumber))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize),
        db.$count(importRows, where),
      ]);
      return {
        items: rows.map((r) => ({
          rowNumber: r.rowNumber,
          action: r.action,
          data: r.data,
          errors: r.errors,
          profileId: r.profileId,
          done: r.rowNumber <= job.importedThrough,
        })),
        total,
      };
    },

    async confirm(ctx: RequestContext, id: string) {
      const { job } = await scopedJob(ctx, id);
      if (job.status !== 'dry_run_ready') throw curationErrors.importState(job.status);
      if (!job.clean) throw curationErrors.importNotClean();
      const [claimed] = await db
        .update(importJobs)
        .set({ status: 'importing', error: null, processedRows: 0, updatedAt: clock() })
        .where(and(eq(importJobs.id, id), eq(importJobs.status, 'dry_run_ready')))
        .returning();
      if (!claimed) throw curationErrors.importState('already importing');
      await auditService.record(db, ctx, { action: 'import.confirmed', targetType: 'import', targetId: id });
      track(runImport(ctx, claimed));
      return jobView(claimed);
    },

    /** Tests and shutdown: wait for background jobs. */
    idle: () => Promise.all([...running]).then(() => undefined),

    templateCsv: () => `\uFEFF${stringify(TEMPLATE_ROWS)}`,

    async templateXlsx(): Promise<Buffer> {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('members');
      for (const row of TEMPLATE_ROWS) ws.addRow(row);
      ws.getRow(1).font = { bold: true };
      return Buffer.from(await wb.xlsx.writeBuffer());
    },

    /** Jobs a crash left mid-way go back to where a curator can resume them. */
    async recover() {
      await db
        .update(importJobs)
        .set({ status: 'dry_run_ready', error: 'The server restarted during the import; confirm again to resume.' })
        .where(eq(importJobs.status, 'importing'));
      await db
        .update(importJobs)
        .set({ status: 'failed', error: 'The server restarted while reading the file; upload it again.' })
        .where(eq(importJobs.status, 'parsing'));
    },
  };
}
export type ImportsService = ReturnType<typeof createImportsService>;
