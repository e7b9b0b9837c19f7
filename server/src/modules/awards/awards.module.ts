import type { Database } from '@hpen/db';
import type { AuditService } from '../audit/audit.service.js';
import type { CandidateSearch } from '../consultations/consultation-matching.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { ConsentGate } from '../privacy/privacy.module.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { ensureAwardReferenceData } from './award-reference-data.js';
import { createAwardsCatalogService } from './awards-catalog.service.js';
import { createAwardsCore } from './awards-core.js';
import { createAwardsRepository } from './awards.repository.js';
import { createCouncilSessionService } from './council-session.service.js';
import { createCouncilService } from './council.service.js';
import { createNominationsService } from './nominations.service.js';

interface Deps {
  db: Database;
  profilesRepository: ProfilesRepository;
  auditService: AuditService;
  notificationsService: NotificationsService;
  candidateSearch: CandidateSearch;
  /** Nominees with an account must consent to award nomination before the nomination is submitted. */
  consentGate: ConsentGate;
  clock: () => Date;
}

/** Builds the recognition module's services once (called from the composition root). */
export function createAwardsModule(deps: Deps) {
  const awardsRepository = createAwardsRepository({ db: deps.db });
  const core = createAwardsCore({ ...deps, awardsRepository });
  return {
    catalogService: createAwardsCatalogService(core),
    nominationsService: createNominationsService(core),
    councilService: createCouncilService(core, deps.candidateSearch),
    sessionService: createCouncilSessionService(core),
    ensureReferenceData: () => ensureAwardReferenceData(deps.db, awardsRepository, deps.clock()),
  };
}
export type AwardsModule = ReturnType<typeof createAwardsModule>;
