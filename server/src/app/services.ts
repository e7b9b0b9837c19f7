import type { Database } from '@hpen/db';
import type { FastifyBaseLogger } from 'fastify';
import { createAuditRepository } from '../modules/audit/audit.repository.js';
import { createAuditService } from '../modules/audit/audit.service.js';
import { createActionLinks } from '../modules/auth/action-links.js';
import { createAuthRepository } from '../modules/auth/auth.repository.js';
import { createAuthService } from '../modules/auth/auth.service.js';
import { createSessionsService } from '../modules/auth/sessions.service.js';
import { createSignInThrottle } from '../modules/auth/sign-in-throttle.js';
import { createDataRightsService } from '../modules/data-rights/data-rights.service.js';
import { createOrganisationsRepository } from '../modules/organisations/organisations.repository.js';
import { createOrganisationsService } from '../modules/organisations/organisations.service.js';
import { createOutboxRepository } from '../modules/outbox/outbox.repository.js';
import { createProfileClaimsService } from '../modules/profiles/profile-claims.service.js';
import { createProfilesRepository } from '../modules/profiles/profiles.repository.js';
import { createProfilesService } from '../modules/profiles/profiles.service.js';
import { createReferenceRepository } from '../modules/reference/reference.repository.js';
import { createReferenceService } from '../modules/reference/reference.service.js';
import { createSuggestService } from '../modules/reference/reference-suggest.js';
import { createCurationDashboard } from '../modules/curation/curation.dashboard.js';
import { createCurationRepository } from '../modules/curation/curation.repository.js';
import { createDuplicatesService } from '../modules/curation/duplicates.service.js';
import { createEvidenceStore } from '../modules/curation/evidence-store.js';
import { createImportsService } from '../modules/curation/imports.service.js';
import { createMembershipsService } from '../modules/curation/memberships.service.js';
import { createVerificationService } from '../modules/curation/verification.service.js';
import { createShortlistsRepository } from '../modules/shortlists/shortlists.repository.js';
import { createShortlistsService } from '../modules/shortlists/shortlists.service.js';
import { createUsersRepository } from '../modules/users/users.repository.js';
import { createUsersService } from '../modules/users/users.service.js';
import type { Mailer } from '../modules/mail/mail.service.js';
import type { AccessTokenPayload } from '../modules/auth/sessions.service.js';
import type { AppConfig } from './config.js';

interface ServiceDeps {
  db: Database;
  config: AppConfig;
  mailer: Mailer;
  logger: FastifyBaseLogger;
  clock: () => Date;
  signAccessToken: (payload: AccessTokenPayload) => string;
}

/** Builds every repository and service once; routes receive the services they need. */
export function createServices({ db, config, mailer, logger, clock, signAccessToken }: ServiceDeps) {
  const auditRepository = createAuditRepository({ db });
  const authRepository = createAuthRepository({ db });
  const usersRepository = createUsersRepository({ db });
  const organisationsRepository = createOrganisationsRepository({ db });
  const auditService = createAuditService({ auditRepository });
  const actionLinks = createActionLinks({ authRepository, publicUrl: config.publicUrl });
  const signInThrottle = createSignInThrottle({ authRepository, settings: config.signInThrottle });
  const sessionsService = createSessionsService({
    db,
    authRepository,
    usersRepository,
    auditService,
    signInThrottle,
    signAccessToken,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
    clock,
  });
  const outboxRepository = createOutboxRepository({ db });
  const referenceRepository = createReferenceRepository({ db });
  const referenceService = createReferenceService({ referenceRepository });
  const suggestService = createSuggestService({ referenceService, referenceRepository, clock });
  const profilesRepository = createProfilesRepository({ db });
  const curationRepository = createCurationRepository({ db });
  // Built before the auth service exists: mail goes through this late-bound sender.
  let sendMail: (message: Parameters<Mailer['send']>[0]) => Promise<void> = async () => {};
  const verificationService = createVerificationService({
    db,
    profilesRepository,
    organisationsRepository,
    usersRepository,
    auditService,
    outboxRepository,
    evidenceStore: createEvidenceStore(config.dataDir),
    sendMail: (m) => sendMail(m),
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
    mailer,
    logger,
    clock,
  });
  const usersService = createUsersService({
    db,
    usersRepository,
    authRepository,
    organisationsRepository,
    auditService,
    authService,
    actionLinks,
    clock,
  });
  const profileClaimsService = createProfileClaimsService({
    db,
    profilesRepository,
    usersRepository,
    actionLinks,
    auditService,
    outboxRepository,
    sendMail: authService.sendAfterCommit,
    clock,
  });
  sendMail = authService.sendAfterCommit;
  const membershipsService = createMembershipsService({
    db,
    curationRepository,
    organisationsRepository,
    profilesRepository,
    usersRepository,
    auditService,
    outboxRepository,
    sendMail: authService.sendAfterCommit,
    clock,
  });
  const duplicatesService = createDuplicatesService({
    db,
    profilesRepository,
    organisationsRepository,
    auditService,
    outboxRepository,
    clock,
  });
  const importsService = createImportsService({
    db,
    dataDir: config.dataDir,
    organisationsRepository,
    curationRepository,
    referenceService,
    auditService,
    outboxRepository,
    logger,
    clock,
  });
  const curationDashboard = createCurationDashboard({ db, organisationsRepository, importsService, clock });
  const dataRightsService = createDataRightsService({
    db,
    usersRepository,
    authRepository,
    profilesRepository,
    profilesService,
    usersService,
    auditService,
    outboxRepository,
    clock,
  });
  const organisationsService = createOrganisationsService({ db, organisationsRepository, auditService });

  const shortlistsService = createShortlistsService({
    db,
    shortlistsRepository: createShortlistsRepository({ db }),
    profilesRepository,
    referenceService,
    auditService,
    publicUrl: config.publicUrl,
  });

  return {
    curationRepository,
    membershipsService,
    verificationService,
    duplicatesService,
    importsService,
    curationDashboard,
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
