import { createHash, randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import cors from '@fastify/cors';
import jwt from '@fastify/jwt';
import rateLimit from '@fastify/rate-limit';
import type { DbHandle } from '@hpen/db';
import { expertIndexName, type SearchHandle } from '@hpen/search';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { curationRoutes } from '../modules/curation/curation.routes.js';
import { duplicatesRoutes } from '../modules/duplicates/duplicates.routes.js';
import { importsRoutes } from '../modules/imports/imports.routes.js';
import { membershipsRoutes } from '../modules/memberships/memberships.routes.js';
import { verificationRoutes } from '../modules/verification/verification.routes.js';
import { dataRightsRoutes } from '../modules/data-rights/data-rights.routes.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { createFileMailer, createSmtpMailer, type Mailer } from '../modules/mail/mail.service.js';
import { createCandidateSearch } from '../modules/consultations/consultation-search.js';
import { consultationsRoutes } from '../modules/consultations/consultations.routes.js';
import { documentsRoutes } from '../modules/consultations/documents.routes.js';
import { reportsRoutes } from '../modules/reports/reports.routes.js';
import { invitationsRoutes } from '../modules/consultations/invitations.routes.js';
import { notificationsRoutes } from '../modules/notifications/notifications.routes.js';
import { applicationsRoutes } from '../modules/programs/applications.routes.js';
import { programsRoutes } from '../modules/programs/programs.routes.js';
import { offersRoutes } from '../modules/offers/offers.routes.js';
import { seedDemoOffers } from '../modules/seed/demo-offers.js';
import { seedDemoPrograms } from '../modules/seed/demo-programs.js';
import { seedDemoConsultations } from '../modules/seed/demo-consultations.js';
import { seedDemoReports } from '../modules/seed/demo-reports.js';
import { seedDemoAwards } from '../modules/seed/demo-awards.js';
import { awardsRoutes } from '../modules/awards/awards.routes.js';
import { awardCouncilRoutes } from '../modules/awards/award-council.routes.js';
import { seedDemoCuration } from '../modules/seed/demo-curation.js';
import { registerNotificationJobs } from '../modules/notifications/notifications.service.js';
import type { Scheduler } from '../modules/scheduler/scheduler.service.js';
import type { EligibilityOutcomesService } from '../modules/eligibility/eligibility-outcomes.service.js';
import { organisationsRoutes } from '../modules/organisations/organisations.routes.js';
import { profilesRoutes } from '../modules/profiles/profiles.routes.js';
import { referenceRoutes } from '../modules/reference/reference.routes.js';
import { createExpertIndexes, type ExpertIndexes } from '../modules/search/search-indexes.js';
import type { SearchReadiness } from '../modules/search/search-readiness.js';
import type { ReindexJob } from '../modules/search/search-reindex-job.js';
import { searchSyncCheck, type SearchSyncStatusFn } from '../modules/search/search-status.js';
import type { SearchRelay, SyncDeps } from '../modules/search/search-sync.js';
import { searchAdminRoutes } from '../modules/search/search-admin.routes.js';
import { searchRoutes } from '../modules/search/search.routes.js';
import { shortlistsRoutes } from '../modules/shortlists/shortlists.routes.js';
import { usersRoutes } from '../modules/users/users.routes.js';
import { mfaRoutes } from '../modules/mfa/mfa.routes.js';
import { privacyRoutes } from '../modules/privacy/privacy.routes.js';
import { noticeAsText } from '../modules/privacy/privacy-notices.service.js';
import { seedDemoPrivacy } from '../modules/seed/demo-privacy.js';
import { sealStoredMfaSecrets } from '../modules/mfa/seal-stored-secrets.js';
import { createSecretBox } from '../modules/mfa/secret-box.js';
import { authPlugin } from './auth-plugin.js';
import type { AppConfig } from './config.js';
import { registerDocs } from './docs.js';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './error-handler.js';
import { registerCompression, registerSecurityHeaders } from './http-delivery.js';
import { loggerOptions, requestLogController } from './logger.js';
import { retryInBackground } from './background.js';
import { createSearchSide } from './search-side.js';
import { createSearchMetaRepository } from '../modules/search/search-meta.repository.js';
import { createServices } from './services.js';
import { guardedValidatorCompiler } from './validation.js';
import { registerRequestTimeout } from './request-timeout.js';
import { registerWebApp } from './web-static.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The search side: indexes, the outbox relay and what reindex/drift need (scripts and tests use it). */
    searchSync: {
      indexes: ExpertIndexes;
      relay: SearchRelay;
      deps: SyncDeps;
      reindex: ReindexJob;
      readiness: SearchReadiness;
      status: SearchSyncStatusFn;
    };
    /** Stored jobs (reminders, notification e-mail); scripts and tests drain it. */
    scheduler: Scheduler;
    /** Precomputed "who is eligible for program X" (profile changes reach it through the search relay). */
    eligibilityOutcomes: EligibilityOutcomesService;
    /** Seeds the demo consultation cases through the services, once per database (start-up, tests). */
    seedDemoConsultations: () => Promise<boolean>;
    /** Seeds the demo award rounds (one finished, one open) through the services, once per database. */
    seedDemoAwards: () => Promise<boolean>;
    /** Seeds a curation workload (members, applications, verifications, duplicates, imports), once per database. */
    seedDemoCuration: () => Promise<boolean>;
    /** Seeds the yearly reports of the previous year (one submitted, one accepted), once per database. */
    seedDemoReports: () => Promise<boolean>;
    /** Seeds applications to the talent-attraction programs in every state, once per database. */
    seedDemoPrograms: () => Promise<boolean>;
    /** Seeds offers of the demo agency with interests, and service commitments (one confirmed, one ended early), once per database. */
    seedDemoOffers: () => Promise<boolean>;
    /** Seeds privacy records (consents, data requests in several states, a breach), once per database. */
    seedDemoPrivacy: () => Promise<boolean>;
  }
}

export interface AppDependencies {
  config: AppConfig;
  database: DbHandle;
  search: SearchHandle;
  jwtSecret: string;
  /** Key for TOTP secrets at rest (runtime.ts keeps it like the JWT secret); tests may leave it out: derived from jwtSecret then. */
  mfaSecretKey?: string;
  /** Tests and scripts may pass their own; otherwise SMTP or the dev mail folder. */
  mailer?: Mailer;
  clock?: () => Date;
  /** Where log lines go (default stdout). */
  logStream?: NodeJS.WritableStream;
}

/** The composition root: builds every repository and service once and wires the routes. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, database } = deps;
  const app = Fastify({
    logger: loggerOptions(config.logLevel, deps.logStream),
    logController: requestLogController(config.requestLogLevel),
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    // A client that never finishes its request is answered 408 (never held open for minutes).
    requestTimeout: config.timeouts.requestMs,
    connectionTimeout: config.timeouts.connectionMs,
    http: { connectionsCheckingInterval: Math.min(30_000, Math.max(250, Math.floor(config.timeouts.requestMs / 4))) },
    clientErrorHandler,
    frameworkErrors,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(guardedValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.decorate('uploadIdleTimeoutMs', config.timeouts.uploadIdleMs);
  registerRequestTimeout(app, config.timeouts.requestMs);

  await registerSecurityHeaders(app, config.publicUrl);
  await registerCompression(app);
  if (config.corsOrigins.length > 0) await app.register(cors, { origin: config.corsOrigins, credentials: true });
  await app.register(rateLimit, { global: true, max: config.rateLimitPerMinute, timeWindow: '1 minute' });
  await app.register(cookie);
  // Limits per route (evidence 10 MB, member lists 50 MB); these are the outer bounds.
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 3, fields: 20, parts: 30 } });
  await app.register(jwt, {
    secret: deps.jwtSecret,
    sign: { expiresIn: config.accessTokenTtlSeconds, iss: 'hpen' },
    verify: { allowedIss: 'hpen' },
  });

  const db = database.db;
  const mailer =
    deps.mailer ??
    (config.smtpUrl
      ? await createSmtpMailer({ url: config.smtpUrl, from: config.mailFrom })
      : createFileMailer({ dir: `${config.dataDir}/mail`, from: config.mailFrom, logger: app.log }));
  const clock = deps.clock ?? (() => new Date());

  const services = createServices({
    db,
    config,
    mailer,
    logger: app.log,
    clock,
    signAccessToken: (payload) => app.jwt.sign(payload),
    // Its own key, derived from the JWT secret: a device cookie can never pass for an access token.
    deviceCookieSecret: createHash('sha256').update(`hpen-device-cookie:${deps.jwtSecret}`).digest('base64url'),
    mfaSecretBox: createSecretBox(deps.mfaSecretKey ?? createHash('sha256').update(`hpen-mfa-key:${deps.jwtSecret}`).digest('base64url')),
    candidateSearch: createCandidateSearch(deps.search.client, expertIndexName(config.search.indexPrefix, 'agencies')),
  });
  const {
    auditService,
    sessionsService,
    authService,
    usersService,
    profilesService,
    profileClaimsService,
    dataRightsService,
    referenceService,
    organisationsService,
  } = services;

  // The 2025 administrative map is reference data, loaded once per database; stored pre-2025
  // locations are then moved onto it, before the search side builds documents from them.
  if (await referenceService.ensureAdminUnits()) app.log.info('administrative units 2025 loaded');
  const moved = await profilesService.migrateLegacyLocations();
  if (moved.mapped + moved.toConfirm + moved.unknown > 0) app.log.info({ moved }, 'pre-2025 locations moved to the 2025 map');

  const indexes = createExpertIndexes(deps.search.client, config.search.indexPrefix);
  const syncDeps: SyncDeps = {
    indexes,
    profilesRepository: services.profilesRepository,
    outboxRepository: services.outboxRepository,
    referenceService,
    associationsOf: (ids) => services.membershipsRepository.approvedAssociationCodes(ids),
    logger: app.log,
    profileConsumers: [services.eligibilityOutcomesService.reevaluate],
  };
  const { readiness, relay, reindexJob, status, searchService } = createSearchSide(app, {
    config,
    search: deps.search,
    sync: syncDeps,
    searchMeta: createSearchMetaRepository({ db }),
    clock,
  });
  app.decorate('searchSync', { indexes, relay, deps: syncDeps, reindex: reindexJob, readiness, status });
  app.decorate('scheduler', services.scheduler);
  app.decorate('eligibilityOutcomes', services.eligibilityOutcomesService);
  services.eligibilityOutcomesService.register();
  app.decorate('seedDemoConsultations', () => seedDemoConsultations(db, services.consultations, clock));
  app.decorate('seedDemoAwards', () => seedDemoAwards(db, services.awards, clock));
  app.addHook('onReady', async () => {
    await services.awards.ensureReferenceData();
  });
  app.decorate('seedDemoCuration', () => seedDemoCuration({ db, ...services }, clock));
  app.decorate('seedDemoReports', () => seedDemoReports(db, services.reports, clock));
  app.decorate('seedDemoPrograms', () => seedDemoPrograms(db, services.programs, clock));
  // The programs in force are policy data: seeded once per database, never over an officer's edit.
  app.addHook('onReady', async () => {
    await services.programs.programsService.ensureSeeded();
  });
  app.decorate('seedDemoOffers', () => seedDemoOffers(db, { offers: services.offers, programs: services.programs }, clock));
  app.decorate('seedDemoPrivacy', () => seedDemoPrivacy({ db, privacy: services.privacy }, clock));
  const notificationJobs = registerNotificationJobs(services.scheduler, services.notificationsService, db, clock);
  app.addHook('onReady', async () => {
    await notificationJobs.ensureDigestScheduled();
    await services.eligibilityOutcomesService.ensureDailyScheduled();
    await services.reports.ensureAggregatesScheduled();
    await services.privacy.start();
    if (config.scheduler.mode === 'inline') services.scheduler.start();
  });
  // TOTP secrets stored before they were encrypted are sealed once; a failure is logged, sign-in still reads them.
  app.addHook('onReady', async () => {
    try {
      const sealed = await sealStoredMfaSecrets({ mfaRepository: services.mfaRepository, secretBox: services.mfaSecretBox });
      if (sealed > 0) app.log.info(`mfa: encrypted ${sealed} stored TOTP secret(s)`);
    } catch (error) {
      app.log.error({ err: error }, 'mfa: could not encrypt the stored TOTP secrets; will try at the next start');
    }
  });
  // Imports interrupted by a stop resume; a failure here is logged and retried, never fatal.
  const importRecovery = retryInBackground('import recovery', () => services.importsService.recover(), app.log);
  app.addHook('onReady', () => importRecovery.run());
  if (config.search.relay === 'inline') {
    // A request that wrote to the outbox has answered, so its transaction has committed: the relay
    // need not wait for its next poll. (A rolled-back write only costs one early look.)
    app.addHook('onResponse', async () => {
      if (services.outboxRepository.takeWritten()) relay.nudge();
    });
  }
  app.addHook('onClose', async () => {
    importRecovery.stop();
    await services.scheduler.stop();
    await services.importsService.idle();
  });

  await app.register(authPlugin, { sessionsService, mfaPolicy: services.mfaPolicy });
  await registerDocs(app, config.publicUrl);
  await app.register(healthRoutes, {
    checks: [
      { name: 'database', check: database.ping },
      { name: 'search', check: deps.search.ping },
      { name: 'searchSync', check: () => searchSyncCheck(status) },
    ],
  });
  await app.register(
    async (api) => {
      await api.register(authRoutes, {
        authService,
        sessionsService,
        cookieSecure: config.cookieSecure,
        authRateLimitPerMinute: config.authRateLimitPerMinute,
        privacyNotice: async () => {
          const notice = await services.privacy.noticesService.current();
          return { version: notice.version, vi: noticeAsText(notice.content, 'vi'), en: noticeAsText(notice.content, 'en') };
        },
      });
      await api.register(usersRoutes, { usersService, sessionsService });
      await api.register(mfaRoutes, {
        mfaService: services.mfaService,
        mfaPolicy: services.mfaPolicy,
        rateLimitPerMinute: config.authRateLimitPerMinute,
      });
      await api.register(organisationsRoutes, { organisationsService });
      await api.register(auditRoutes, { auditService });
      await api.register(dataRightsRoutes, { dataRightsService });
      await api.register(referenceRoutes, {
        referenceService,
        suggestService: services.suggestService,
        taxonomyVersionsService: services.taxonomyVersionsService,
      });
      await api.register(privacyRoutes, { privacy: services.privacy });
      await api.register(profilesRoutes, { profilesService, profileClaimsService, redirectFor: services.duplicatesService.redirectFor });
      await api.register(membershipsRoutes, {
        associationsService: services.associationsService,
        membershipsService: services.membershipsService,
        memberList: services.memberList,
      });
      await api.register(verificationRoutes, { verificationService: services.verificationService });
      await api.register(duplicatesRoutes, { duplicatesService: services.duplicatesService });
      await api.register(importsRoutes, { importsService: services.importsService });
      await api.register(curationRoutes, { curationService: services.curationService });
      await api.register(searchRoutes, { searchService });
      await api.register(searchAdminRoutes, { job: reindexJob, status });
      await api.register(shortlistsRoutes, { shortlistsService: services.shortlistsService });
      await api.register(notificationsRoutes, { notificationsService: services.notificationsService });
      await api.register(consultationsRoutes, services.consultations);
      await api.register(invitationsRoutes, services.consultations);
      await api.register(documentsRoutes, services.consultations);
      await api.register(reportsRoutes, services.reports);
      await api.register(programsRoutes, services.programs);
      await api.register(applicationsRoutes, services.programs);
      await api.register(offersRoutes, services.offers);
      await api.register(awardsRoutes, services.awards);
      await api.register(awardCouncilRoutes, services.awards);
    },
    { prefix: '/api' },
  );
  await registerWebApp(app, config.webDistDir);
  return app;
}
