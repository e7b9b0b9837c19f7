import type { Database } from '@hpen/db';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { createAnnualReportsService } from './annual-reports.service.js';
import { createOpenDataService } from './open-data.service.js';
import { registerReportAggregatesJob } from './report-aggregates.js';
import { createReportAggregatesRepository } from './report-aggregates.repository.js';
import { createDefaultProviders, type ReportProvider } from './report-providers.js';
import { createReportsRepository } from './reports.repository.js';
import { createReportsService } from './reports.service.js';

interface Deps {
  db: Database;
  auditService: AuditService;
  notificationsService: NotificationsService;
  scheduler: Scheduler;
  publicUrl: string;
  /** How often the scheduler looks whether the stored dashboard figures need recomputing. */
  refreshEveryMs: number;
  clock: () => Date;
  /** Providers of later domains (programs, awards) join the default ones here. */
  extraProviders?: ReportProvider[];
}

/** Builds the reporting module once (called from the composition root). */
export function createReportsModule(deps: Deps) {
  const reportsRepository = createReportsRepository({ db: deps.db });
  const providers = [...createDefaultProviders(reportsRepository), ...(deps.extraProviders ?? [])];
  const aggregatesRepository = createReportAggregatesRepository({ db: deps.db });
  const reportsService = createReportsService({ reportsRepository, aggregatesRepository, providers, clock: deps.clock });
  const aggregatesJob = registerReportAggregatesJob(deps.scheduler, {
    db: deps.db,
    clock: deps.clock,
    everyMs: deps.refreshEveryMs,
    refresh: () => reportsService.refreshAggregates(),
  });
  return {
    reportsService,
    /** Start-up: the stored figures' refresh job, which then reschedules itself. */
    ensureAggregatesScheduled: aggregatesJob.ensureScheduled,
    annualReportsService: createAnnualReportsService({ ...deps, reportsRepository, providers }),
    openDataService: createOpenDataService({ reportsRepository, reportsService, publicUrl: deps.publicUrl }),
    clock: deps.clock,
  };
}
export type ReportsModule = ReturnType<typeof createReportsModule>;
