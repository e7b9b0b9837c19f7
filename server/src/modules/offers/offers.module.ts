import type { Database } from '@hpen/db';
import type { AuditService } from '../audit/audit.service.js';
import type { CandidateSearch } from '../consultations/consultation-matching.js';
import type { EligibilityOutcomesService } from '../eligibility/eligibility-outcomes.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { createCommitmentsService, registerCommitmentReminderJob } from './commitments.service.js';
import { createEligibleSearchService } from './eligible-search.service.js';
import { createOffersRepository } from './offers.repository.js';
import { createOffersService, registerOfferAlertJob } from './offers.service.js';

interface Deps {
  db: Database;
  profilesRepository: ProfilesRepository;
  eligibilityOutcomesService: EligibilityOutcomesService;
  auditService: AuditService;
  notificationsService: NotificationsService;
  scheduler: Scheduler;
  candidateSearch: CandidateSearch;
  clock: () => Date;
}

/** Builds the offers module (offers, service commitments, eligible search) once and registers its jobs. */
export function createOffersModule(deps: Deps) {
  const offersRepository = createOffersRepository({ db: deps.db });
  const offersService = createOffersService({ ...deps, offersRepository });
  const commitmentsService = createCommitmentsService({ ...deps, offersRepository });
  const eligibleSearchService = createEligibleSearchService({ ...deps, offersRepository });
  registerOfferAlertJob(deps.scheduler, offersService);
  registerCommitmentReminderJob(deps.scheduler, commitmentsService);
  return { offersService, commitmentsService, eligibleSearchService };
}
export type OffersModule = ReturnType<typeof createOffersModule>;
