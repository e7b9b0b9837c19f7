import type { Database } from '@hpen/db';
import type { AuditService } from '../audit/audit.service.js';
import type { CandidateSearch } from '../consultations/consultation-matching.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { ConsentGate } from '../privacy/privacy.module.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { createAwardMarks } from './award-marks.js';
import { createAwardReminders } from './award-reminders.js';
import { ensureAwardReferenceData } from './award-reference-data.js';
import { createAwardsCatalogService } from './awards-catalog.service.js';
import { createAwardsCore } from './awards-core.js';
import { createAwardsRepository } from './awards.repository.js';
import { createCouncilSessionService } from './council-session.service.js';
import { createCouncilService } from './council.service.js';
import type { DocumentStore } from '../consultations/document-store.js';
import { createNominationDocumentsService } from './nomination-documents.service.js';
import { createNominationsService } from './nominations.service.js';

interface Deps {
  db: Database;
  profilesRepository: ProfilesRepository;
  auditService: AuditService;
  notificationsService: NotificationsService;
  candidateSearch: CandidateSearch;
  outboxRepository: OutboxRepository;
  scheduler: Scheduler;
  /** The one document store (nomination dossiers). */
  documentStore: DocumentStore;
  /** Nominees with an account must consent to award nomination before the nomination is submitted. */
  consentGate: ConsentGate;
  clock: () => Date;
}

/** Builds the recognition module's services once (called from the composition root). */
export function createAwardsModule(deps: Deps) {
  const awardsRepository = createAwardsRepository({ db: deps.db });
  const core = createAwardsCore({ ...deps, awardsRepository });
  const marks = createAwardMarks(core, deps);
  const reminders = createAwardReminders(core, deps.scheduler);
  marks.register(deps.scheduler);
  reminders.register();
  const nominationsService = createNominationsService(core);
  return {
    catalogService: createAwardsCatalogService(core, reminders),
    nominationsService,
    documentsService: createNominationDocumentsService(core, nominationsService, deps.documentStore),
    councilService: createCouncilService(core, deps.candidateSearch),
    sessionService: createCouncilSessionService(core, marks),
    marks,
    reminders,
    /** Start-up: the council rules' first version, and the one-time job that backfills marks of rounds published before marks existed. */
    ensureReferenceData: async () => {
      const inserted = await ensureAwardReferenceData(deps.db, awardsRepository, deps.clock());
      await marks.scheduleBackfill(deps.db);
      return inserted;
    },
  };
}
export type AwardsModule = ReturnType<typeof createAwardsModule>;
