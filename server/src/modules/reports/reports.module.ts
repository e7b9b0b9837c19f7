import type { Database } from '@hpen/db';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { createAnnualReportsService } from './annual-reports.service.js';
import { createOpenDataService } from './open-data.service.js';
import { createDefaultProviders, type ReportProvider } from './report-providers.js';
import { createReportsRepository } from './reports.repository.js';
import { createReportsService } from './reports.service.js';

interface Deps {
  db: Database;
  auditService: AuditService;
  notificationsService: NotificationsService;
  publicUrl: string;
  clock: () => Date;
  /** Providers of later domains (programs, awards) join the default ones here. */
  extraProviders?: ReportProvider[];
}

/** Builds the reporting module once (called from the composition root). */
export function createReportsModule(deps: Deps) {
  const reportsRepository = createReportsRepository({ db: deps.db });
  const providers = [...createDefaultProviders(reportsRepository), ...(deps.extraProviders ?? [])];
  const reportsService = createReportsService({ reportsRepository, providers, clock: deps.clock });
  return {
    reportsService,
    annualReportsService: createAnnualReportsService({ ...deps, reportsRepository, providers }),
    openDataService: createOpenDataService({ reportsRepository, reportsService, publicUrl: deps.publicUrl }),
    clock: deps.clock,
  };
}
export type ReportsModule = ReturnType<typeof createReportsModule>;
