import type { Database } from '@hpen/db';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { ConsentGate } from '../privacy/privacy.module.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import type { CompletedReviewRecorder } from './consultation-opinion.service.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { createConsultationCore } from './consultation-core.js';
import { createConsultationDocumentsService } from './consultation-documents.service.js';
import type { DocumentStore } from './document-store.js';
import { type CandidateSearch, createConsultationMatching } from './consultation-matching.js';
import { createConsultationOpinionService } from './consultation-opinion.service.js';
import { createConsultationPanelService } from './consultation-panel.service.js';
import { createConsultationPublicService } from './consultation-public.service.js';
import { registerReminderJob } from './consultation-reminders.js';
import { createConsultationsRepository } from './consultations.repository.js';
import { createConsultationsService } from './consultations.service.js';

interface Deps {
  db: Database;
  profilesRepository: ProfilesRepository;
  auditService: AuditService;
  notificationsService: NotificationsService;
  scheduler: Scheduler;
  candidateSearch: CandidateSearch;
  /** Experts who withdrew the consultation_invitations consent are neither suggested nor invited. */
  consentGate: Pick<ConsentGate, 'statesOfProfiles'>;
  publicUrl: string;
  /** The one document store (dossiers). */
  documentStore: DocumentStore;
  clock: () => Date;
  /** Writes a published case into a consenting member's profile ("completed reviews"). */
  recordCompletedReview?: CompletedReviewRecorder;
}

/** Builds the consultations module's services once (called from the composition root) and registers its jobs. */
export function createConsultationsModule(deps: Deps) {
  const consultationsRepository = createConsultationsRepository({ db: deps.db });
  const core = createConsultationCore({ ...deps, consultationsRepository });
  const matching = createConsultationMatching({ ...deps, consultationsRepository });
  const consultationsService = createConsultationsService({ core, matching });
  const panelService = createConsultationPanelService({
    core,
    profilesRepository: deps.profilesRepository,
    scheduler: deps.scheduler,
    consentGate: deps.consentGate,
    organisationNames: consultationsService.organisationNames,
  });
  registerReminderJob(deps.scheduler, { db: deps.db, consultationsRepository, notificationsService: deps.notificationsService });
  return {
    consultationsService,
    panelService,
    opinionService: createConsultationOpinionService({ core, recordCompletedReview: deps.recordCompletedReview }),
    documentsService: createConsultationDocumentsService({ core, store: deps.documentStore }),
    publicService: createConsultationPublicService({ consultationsRepository, publicUrl: deps.publicUrl }),
  };
}
export type ConsultationsModule = ReturnType<typeof createConsultationsModule>;
