import type { Database } from '@hpen/db';
import type { FastifyBaseLogger } from 'fastify';
import { createAuditRepository } from '../modules/audit/audit.repository.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { createActionLinks } from '../modules/auth/action-links.js';
import { createAuthRepository } from '../modules/auth/auth.repository.js';
import { createAuthService } from '../modules/auth/auth.service.js';
import { createDeviceCookies } from '../modules/auth/device-cookie.js';
import { createSessionsService } from '../modules/auth/sessions.service.js';
import { createSignInThrottle } from '../modules/auth/sign-in-throttle.js';
import { createDataRightsRepository } from '../modules/data-rights/data-rights.repository.js';
import { createDataRightsService } from '../modules/data-rights/data-rights.service.js';
import { createOrganisationsRepository } from '../modules/organisations/organisations.repository.js';
import { createOrganisationsService } from '../modules/organisations/organisations.service.js';
import { createOutboxRepository } from '../modules/outbox/outbox.repository.js';
import { createProfileClaimsService } from '../modules/profiles/profile-claims.service.js';
import { createProfilesRepository } from '../modules/profiles/profiles.repository.js';
import { createProfilesService } from '../modules/profiles/profiles.service.js';
import { createReferenceRepository } from '../modules/reference/reference.repository.js';
import { createReferenceService } from '../modules/reference/reference.service.js';
import { createTaxonomyVersionsService } from '../modules/reference/taxonomy-versions.service.js';
import { createCurationService } from '../modules/curation/curation.service.js';
import { createDuplicatesRepository } from '../modules/duplicates/duplicates.repository.js';
import { createDuplicatesService } from '../modules/duplicates/duplicates.service.js';
import { createImportsRepository } from '../modules/imports/imports.repository.js';
import { createImportsService } from '../modules/imports/imports.service.js';
import { createAssociationsService } from '../modules/memberships/associations.service.js';
import { createMemberList } from '../modules/memberships/member-list.js';
import { createMembershipsRepository } from '../modules/memberships/memberships.repository.js';
import { createMembershipsService } from '../modules/memberships/memberships.service.js';
import { createEvidenceStore } from '../modules/verification/evidence-store.js';
import { createDocumentStore } from '../modules/consultations/document-store.js';
import { createVerificationRepository } from '../modules/verification/verification.repository.js';
import { createVerificationService } from '../modules/verification/verification.service.js';
import { createSuggestService } from '../modules/reference/reference-suggest.js';
import { createShortlistsRepository } from '../modules/shortlists/shortlists.repository.js';
import { createShortlistsService } from '../modules/shortlists/shortlists.service.js';
import { createMfaPolicy } from '../modules/mfa/mfa-policy.js';
import { createMfaRepository } from '../modules/mfa/mfa.repository.js';
import { createMfaService } from '../modules/mfa/mfa.service.js';
import type { SecretBox } from '../modules/mfa/secret-box.js';
import { createUsersRepository } from '../modules/users/users.repository.js';
import { createUsersService } from '../modules/users/users.service.js';
import { createMailAfterCommit, type Mailer } from '../modules/mail/mail.service.js';
import { createNotificationsRepository } from '../modules/notifications/notifications.repository.js';
import { createNotificationsService } from '../modules/notifications/notifications.service.js';
import type { CandidateSearch } from '../modules/consultations/consultation-matching.js';
import { createConsultationsModule } from '../modules/consultations/consultations.module.js';
import { createReportsModule } from '../modules/reports/reports.module.js';
import { createProgramsModule } from '../modules/programs/programs.module.js';
import { createOffersModule } from '../modules/offers/offers.module.js';
import { createEligibilityOutcomesRepository } from '../modules/eligibility/eligibility-outcomes.repository.js';
import { createEligibilityOutcomesService } from '../modules/eligibility/eligibility-outcomes.service.js';
import { createConsentsSide } from '../modules/privacy/privacy.module.js';
import { createAwardsModule } from '../modules/awards/awards.module.js';
import { createSchedulerRepository } from '../modules/scheduler/scheduler.repository.js';
import { createScheduler } from '../modules/scheduler/scheduler.service.js';
import type { AccessTokenPayload } from '../modules/auth/sessions.service.js';
import type { AppConfig } from './config.js';

interface ServiceDeps {
  db: Database;
  config: AppConfig;
  mailer: Mailer;
  logger: FastifyBaseLogger;
  clock: () => Date;
  signAccessToken: (payload: AccessTokenPayload) => string;
  /** Signs the known-device cookie (sign-in throttling). */
  deviceCookieSecret: string;
  /** Seals TOTP secrets at rest (mfa/secret-box.ts). */
  mfaSecretBox: SecretBox;
  /** Expert candidates from the agency search index (consultation matching); none without search. */
  candidateSearch?: CandidateSearch;
}

/** Builds every repository and service once; routes receive the services they need. */
export function createServices({
  db,
  config,
  mailer,
  logger,
  clock,
  signAccessToken,
  deviceCookieSecret,
  mfaSecretBox,
  candidateSearch,
}: ServiceDeps) {
  const auditRepository = createAuditRepository({ db });
  const authRepository = createAuthRepository({ db });
  const usersRepository = createUsersRepository({ db });
  const organisationsRepository = createOrganisationsRepository({ db });
  const auditService = createAuditService({ auditRepository });
  const sendMail = createMailAfterCommit({ mailer, logger });
  const actionLinks = createActionLinks({ authRepository, publicUrl: config.publicUrl });
  const signInThrottle = createSignInThrottle({ authRepository, settings: config.signInThrottle });
  const mfaRepository = createMfaRepository({ db });
  const mfaPolicy = createMfaPolicy({ db, mfaRepository, auditService, clock });
  const mfaService = createMfaService({ db, mfaRepository, usersRepository, auditService, mfaPolicy, secretBox: mfaSecretBox, clock });
  const sessionsService = createSessionsService({
    db,
    authRepository,
    usersRepository,
    auditService,
    signInThrottle,
    mfaService,
    deviceCookies: createDeviceCookies(deviceCookieSecret),
    signAccessToken,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
    clock,
  });
  const outboxRepository = createOutboxRepository({ db });
  const privacySide = createConsentsSide({ db, auditService, outboxRepository, clock });
  const referenceRepository = createReferenceRepository({ db });
  const referenceService = createReferenceService({ referenceRepository });
  const suggestService = createSuggestService({ referenceService, referenceRepository, clock });
  const profilesRepository = createProfilesRepository({ db });
  const membershipsRepository = createMembershipsRepository({ db });
  const shortlistsRepository = createShortlistsRepository({ db });
  const evidenceStore = createEvidenceStore(config.dataDir);
  // Consultation, application and nomination dossiers: one store for the three modules.
  const documentStore = createDocumentStore(config.dataDir);
  const verificationService = createVerificationService({
    db,
    verificationRepository: createVerificationRepository({ db }),
    profilesRepository,
    organisationsRepository,
    usersRepository,
    auditService,
    outboxRepository,
    evidenceStore,
    sendMail,
    clock,
  });
  const profilesService = createProfilesService({
    db,
    profilesRepository,
    referenceService,
    auditService,
    outboxRepository,
    onVerifiedItemsChanged: (tx, ctx, profileId, changed) => verificationService.requeueChanged(tx, ctx, profileId, changed),
  });
  const authService = createAuthService({
    db,
    authRepository,
    usersRepository,
    auditService,
    actionLinks,
    profilesService,
    recordSignUpConsents: privacySide.recordSignUp,
    sendMail,
    clock,
  });
  const usersService = createUsersService({
    db,
    usersRepository,
    authRepository,
    organisationsRepository,
    auditService,
    sendMail,
    profilesService,
    actionLinks,
    clock,
  });
  const profileClaimsService = createProfileClaimsService({
    db,
    recordImportClaim: (tx, ctx, userId, evidence) => privacySide.consentGate.recordImportClaim(tx, ctx, userId, evidence),
    profilesRepository,
    usersRepository,
    actionLinks,
    auditService,
    outboxRepository,
    sendMail,
    clock,
  });
  const membershipsService = createMembershipsService({
    db,
    membershipsRepository,
    organisationsRepository,
    profilesRepository,
    usersRepository,
    auditService,
    outboxRepository,
    sendMail,
    clock,
  });
  const associationsService = createAssociationsService({ db, membershipsRepository, organisationsRepository, auditService });
  const memberList = createMemberList({ db, membershipsRepository, associationsService, auditService });
  const duplicatesService = createDuplicatesService({
    db,
    duplicatesRepository: createDuplicatesRepository({ db }),
    profilesRepository,
    organisationsRepository,
    membershipsService,
    verificationService,
    shortlistsRepository,
    auditService,
    outboxRepository,
    clock,
  });
  const importsService = createImportsService({
    db,
    dataDir: config.dataDir,
    importsRepository: createImportsRepository({ db }),
    organisationsRepository,
    membershipsRepository,
    membershipsService,
    profilesRepository,
    referenceService,
    auditService,
    outboxRepository,
    logger,
    clock,
  });
  const curationService = createCurationService({
    organisationsRepository,
    verificationService,
    membershipsService,
    duplicatesService,
    importsService,
    clock,
  });
  const dataRightsService = createDataRightsService({
    db,
    usersRepository,
    authRepository,
    profilesRepository,
    profilesService,
    sessionsService,
    auditService,
    outboxRepository,
    dataRightsRepository: createDataRightsRepository(),
    evidenceStore,
    mailer,
    logger,
    clock,
    logSelfService: (tx, ctx, input) => privacyRest.dataRequestsService.logSelfService(tx, ctx, input),
  });
  const organisationsService = createOrganisationsService({ db, organisationsRepository, auditService });

  const shortlistsService = createShortlistsService({
    db,
    shortlistsRepository,
    profilesRepository,
    referenceService,
    auditService,
    publicUrl: config.publicUrl,
  });

  const scheduler = createScheduler(
    { schedulerRepository: createSchedulerRepository({ db }), logger, clock },
    { pollMs: config.scheduler.pollMs },
  );
  const notificationsService = createNotificationsService({
    db,
    notificationsRepository: createNotificationsRepository({ db }),
    scheduler,
    mailer,
    auditService,
    publicUrl: config.publicUrl,
    clock,
  });

  const privacyRest = privacySide.complete({ notificationsService, scheduler, profilesService, usersRepository });
  const privacy = { ...privacySide, ...privacyRest };

  const consultations = createConsultationsModule({
    db,
    profilesRepository,
    auditService,
    notificationsService,
    scheduler,
    candidateSearch: candidateSearch ?? (async () => []),
    consentGate: privacySide.consentGate,
    publicUrl: config.publicUrl,
    documentStore,
    clock,
    recordCompletedReview: (tx, ctx, profileId, entry) => profilesService.recordCompletedReview(tx, ctx, profileId, entry),
  });

  const taxonomyVersionsService = createTaxonomyVersionsService({
    db,
    referenceRepository,
    referenceService,
    profilesRepository,
    outboxRepository,
    auditService,
  });

  const reports = createReportsModule({
    db,
    auditService,
    notificationsService,
    scheduler,
    publicUrl: config.publicUrl,
    refreshEveryMs: config.reports.refreshSeconds * 1000,
    clock,
  });

  // "Who is eligible for program X", kept precomputed (read by the offers module's staff search).
  const eligibilityOutcomesService = createEligibilityOutcomesService({
    db,
    eligibilityOutcomesRepository: createEligibilityOutcomesRepository({ db }),
    profilesRepository,
    scheduler,
    clock,
  });
  const offers = createOffersModule({
    db,
    profilesRepository,
    eligibilityOutcomesService,
    auditService,
    notificationsService,
    scheduler,
    candidateSearch: candidateSearch ?? (async () => []),
    clock,
  });
  const programs = createProgramsModule({
    db,
    profilesRepository,
    auditService,
    notificationsService,
    consentGate: privacySide.consentGate,
    documentStore,
    candidateSearch: candidateSearch ?? (async () => []),
    clock,
    // An approval starts the service commitment of the version applied to (offers module).
    onApproved: offers.commitmentsService.onApproved,
    // A new or republished version is recomputed for the eligible search.
    onProgramChanged: eligibilityOutcomesService.onProgramChanged,
  });
  const awards = createAwardsModule({
    db,
    profilesRepository,
    auditService,
    notificationsService,
    candidateSearch: candidateSearch ?? (async () => []),
    outboxRepository,
    scheduler,
    documentStore,
    consentGate: privacySide.consentGate,
    clock,
  });

  return {
    eligibilityOutcomesService,
    taxonomyVersionsService,
    reports,
    programs,
    offers,
    privacy,
    mfaService,
    mfaRepository,
    mfaSecretBox,
    awards,
    mfaPolicy,
    consultations,
    scheduler,
    notificationsService,
    membershipsRepository,
    associationsService,
    memberList,
    membershipsService,
    verificationService,
    duplicatesService,
    importsService,
    curationService,
    shortlistsService,
    outboxRepository,
    profilesRepository,
    auditService,
    sessionsService,
    authService,
    usersService,
    profilesService,
    profileClaimsService,
    dataRightsService,
    referenceService,
    suggestService,
    organisationsService,
  };
}
export type Services = ReturnType<typeof createServices>;
