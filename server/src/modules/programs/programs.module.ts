import type { Database } from '@hpen/db';
import type { AuditService } from '../audit/audit.service.js';
import type { CandidateSearch } from '../consultations/consultation-matching.js';
import type { DocumentStore } from '../consultations/document-store.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { ConsentGate } from '../privacy/privacy.module.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { createApplicationReviewersService } from './application-reviewers.service.js';
import { type ApprovalHook, createApplicationsService } from './applications.service.js';
import { createProgramsRepository } from './programs.repository.js';
import { createProgramsService, type ProgramChangedHook } from './programs.service.js';

interface Deps {
  db: Database;
  profilesRepository: ProfilesRepository;
  auditService: AuditService;
  notificationsService: NotificationsService;
  /** Applications need the applicant's program_assessment consent (Law 91/2025), given in the flow or before. */
  consentGate: ConsentGate;
  /** The one document store (dossiers). */
  documentStore: DocumentStore;
  /** Profile ids from the agencies' search index (review council candidates). */
  candidateSearch: CandidateSearch;
  clock: () => Date;
  /** Runs inside an approval's transaction (the service commitment starts). */
  onApproved?: ApprovalHook;
  /** Runs inside an officer's change of content or status (the eligible search recomputes). */
  onProgramChanged?: ProgramChangedHook;
}

/** Builds the programs module's services once (called from the composition root). */
export function createProgramsModule(deps: Deps) {
  const programsRepository = createProgramsRepository({ db: deps.db });
  return {
    programsService: createProgramsService({ ...deps, programsRepository }),
    // Evidence files share the consultation document store: one place, one set of type and size limits.
    applicationsService: createApplicationsService({ ...deps, programsRepository, store: deps.documentStore }),
    applicationReviewersService: createApplicationReviewersService({ ...deps, programsRepository }),
  };
}
export type ProgramsModule = ReturnType<typeof createProgramsModule>;
