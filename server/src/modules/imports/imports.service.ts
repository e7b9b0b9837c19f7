import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { type RequestContext, systemContext } from '../../app/request-context.js';
import { curatorScope, inScope } from '../curation/curation.scope.js';
import type { MembershipsRepository } from '../memberships/memberships.repository.js';
import type { OrganisationsRepository } from '../organisations/organisations.repository.js';
import { runDryRun, runImport, type RunnerDeps } from './import-runner.js';
import { TEMPLATE_ROWS } from './import-rows.js';
import { importsErrors } from './imports.errors.js';
import type { ImportJob } from './imports.repository.js';

interface Deps extends RunnerDeps {
  dataDir: string;
  organisationsRepository: OrganisationsRepository;
  membershipsRepository: RunnerDeps['membershipsRepository'] & Pick<MembershipsRepository, 'findAssociation'>;
}

const jobView = (j: ImportJob) => ({
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

/**
 * Member-list imports: upload → dry run (every row validated and matched: create, update,
 * match or invalid) → confirm → import. Both phases run as jobs in the background and keep
 * their progress in the database, so a page reload (or a restart) loses nothing. Importing a
 * file twice creates nothing new: every row then matches.
 */
export function createImportsService(deps: Deps) {
  const { importsRepository: repo, auditService } = deps;
  const dir = join(deps.dataDir, 'imports');

  async function scopedJob(ctx: RequestContext, id: string) {
    const scope = await curatorScope(ctx, deps.organisationsRepository);
    const job = await repo.findJob(id);
    if (!job || !inScope(scope, job.associationId)) throw importsErrors.importNotFound();
    return { scope, job };
  }

  const running = new Set<Promise<void>>();
  // The runners record their own failures on the job; anything that still escapes is logged, never unhandled.
  const track = (p: Promise<void>) => {
    const settled: Promise<void> = p
      .catch((error: unknown) =>
        deps.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'import: background work failed'),
      )
      .finally(() => running.delete(settled));
    running.add(settled);
  };

  return {
    /** The uploaded file is on disk at `path`; the dry run continues in the background. */
    async start(
      ctx: RequestContext,
      input: { associationId: string; filename: string; format: 'csv' | 'xlsx'; size: number; sha256: string; path: string },
    ) {
      const scope = await curatorScope(ctx, deps.organisationsRepository);
      const association = await deps.membershipsRepository.findAssociation(input.associationId);
      if (!association || !inScope(scope, association.id)) throw importsErrors.associationNotFound();
      const job = await deps.db.transaction(async (tx) => {
        const row = await repo.insertJob(tx, {
          associationId: input.associationId,
          createdBy: ctx.actor?.userId ?? null,
          filename: input.filename,
          format: input.format,
          sha256: input.sha256,
          size: input.size,
          status: 'parsing',
        });
        await auditService.record(tx, ctx, {
          action: 'import.uploaded',
          targetType: 'import',
          targetId: row.id,
          details: { associationId: input.associationId, filename: input.filename, size: input.size, sha256: input.sha256 },
        });
        return row;
      });
      track(runDryRun(deps, job, input.path).finally(() => rm(input.path, { force: true })));
      return jobView(job);
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
      const rows = await repo.listJobs(associationId ? [associationId] : scope.all ? null : scope.associationIds);
      return rows.filter((j) => inScope(scope, j.associationId)).map(jobView);
    },

    async rows(
      ctx: RequestContext,
      id: string,
      q: { only?: 'errors' | 'create' | 'update' | 'match' | 'places' | undefined; page: number; pageSize: number },
    ) {
      const { job } = await scopedJob(ctx, id);
      const action = q.only === 'errors' ? 'invalid' : q.only === 'places' ? undefined : q.only;
      const { rows, total } = await repo.rowsPage(id, action, q.pageSize, (q.page - 1) * q.pageSize, q.only === 'places');
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
      if (job.status !== 'dry_run_ready') throw importsErrors.importState(job.status);
      if (!job.clean) throw importsErrors.importNotClean();
      const claimed = await repo.transition(id, 'dry_run_ready', { status: 'importing', error: null, processedRows: 0 });
      if (!claimed) throw importsErrors.importState('already importing');
      await auditService.record(deps.db, ctx, { action: 'import.confirmed', targetType: 'import', targetId: id });
      track(runImport(deps, ctx, claimed));
      return jobView(claimed);
    },

    /** Deletes a job that is not running (failed, finished, or a dry run not wanted) with its rows; its upload went when the dry run ended. */
    async remove(ctx: RequestContext, id: string) {
      const { job } = await scopedJob(ctx, id);
      if (job.status === 'parsing' || job.status === 'importing') throw importsErrors.importBusy();
      await deps.db.transaction(async (tx) => {
        await repo.deleteJob(tx, job.id);
        await auditService.record(tx, ctx, {
          action: 'import.deleted',
          targetType: 'import',
          targetId: job.id,
          details: { associationId: job.associationId, filename: job.filename, status: job.status },
        });
      });
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

    /**
     * After a restart: an import that was running resumes from its last committed batch (nothing
     * is done twice); a dry run cut short cannot, as its upload is gone, and is marked failed.
     */
    async recover() {
      for (const job of await repo.jobsIn('parsing')) {
        await repo.updateJob(job.id, { status: 'failed', error: 'The server restarted while reading the file; upload it again.' });
      }
      for (const job of await repo.jobsIn('importing')) {
        const ctx: RequestContext = { ...systemContext, userAgent: 'import resumed after a restart' };
        await auditService.record(deps.db, ctx, { action: 'import.resumed', targetType: 'import', targetId: job.id });
        track(runImport(deps, ctx, job));
      }
    },
  };
}
export type ImportsService = ReturnType<typeof createImportsService>;
