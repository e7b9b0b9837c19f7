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
  const referenceService = createReferenceService({ referenceRepository: createReferenceRepository({ db }) });
  const profilesRepository = createProfilesRepository({ db });
  const profilesService = createProfilesService({ db, profilesRepository, referenceService, auditService, outboxRepository });
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
    organisationsService,
  };
}
export type Services = ReturnType<typeof createServices>;
