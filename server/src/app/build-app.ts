import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import jwt from '@fastify/jwt';
import rateLimit from '@fastify/rate-limit';
import type { DbHandle } from '@hpen/db';
import type { SearchHandle } from '@hpen/search';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { authRoutes } from '../modules/auth/auth.routes.js';
import { curationRoutes } from '../modules/curation/curation.routes.js';
import { dataRightsRoutes } from '../modules/data-rights/data-rights.routes.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { createFileMailer, createSmtpMailer, type Mailer } from '../modules/mail/mail.service.js';
import { organisationsRoutes } from '../modules/organisations/organisations.routes.js';
import { profilesRoutes } from '../modules/profiles/profiles.routes.js';
import { referenceRoutes } from '../modules/reference/reference.routes.js';
import { createExpertIndexes, type ExpertIndexes } from '../modules/search/search-indexes.js';
import { createReindexJob, createSearchRelay, type ReindexJob, type SearchRelay, type SyncDeps } from '../modules/search/search-sync.js';
import { searchAdminRoutes } from '../modules/search/search-admin.routes.js';
import { searchRoutes } from '../modules/search/search.routes.js';
import { shortlistsRoutes } from '../modules/shortlists/shortlists.routes.js';
import { createSearchService } from '../modules/search/search.service.js';
import { usersRoutes } from '../modules/users/users.routes.js';
import { authPlugin } from './auth-plugin.js';
import type { AppConfig } from './config.js';
import { registerDocs } from './docs.js';
import { registerErrorHandler } from './error-handler.js';
import { loggerOptions } from './logger.js';
import { createServices } from './services.js';
import { registerWebApp } from './web-static.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The search side: indexes, the outbox relay and what reindex/drift need (scripts and tests use it). */
    searchSync: { indexes: ExpertIndexes; relay: SearchRelay; deps: SyncDeps; reindex: ReindexJob };
  }
}

export interface AppDependencies {
  config: AppConfig;
  database: DbHandle;
  search: SearchHandle;
  jwtSecret: string;
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
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
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

  const services = createServices({ db, config, mailer, logger: app.log, clock, signAccessToken: (payload) => app.jwt.sign(payload) });
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

  const indexes = createExpertIndexes(deps.search.client, config.search.indexPrefix);
  const syncDeps: SyncDeps = {
    indexes,
    profilesRepository: services.profilesRepository,
    outboxRepository: services.outboxRepository,
    referenceService,
    associationsOf: (ids) => services.curationRepository.approvedAssociationCodes(ids),
    logger: app.log,
  };
  const relay = createSearchRelay(syncDeps, {
    pollMs: config.search.pollMs,
    maxBackoffMs: config.search.maxBackoffMs,
    retentionDays: config.search.outboxRetentionDays,
  });
  const searchService = createSearchService({ client: deps.search.client, indexes });
  const reindexJob = createReindexJob(syncDeps);
  app.decorate('searchSync', { indexes, relay, deps: syncDeps, reindex: reindexJob });
  app.addHook('onReady', async () => {
    try {
      const created = await indexes.ensure();
      // A new (or wiped) Meilisearch: fill it from the database in the background.
      if (created.length > 0 && (await services.profilesRepository.count()) > 0) {
        reindexJob.start('new indexes at start');
      }
    } catch (error) {
      app.log.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'search: Meilisearch not reachable at start; changes wait in the outbox',
      );
    }
    if (config.search.relay === 'inline') relay.start();
    await services.importsService.recover();
  });
  if (config.search.relay === 'inline') {
    // A request that wrote to the outbox has answered, so its transaction has committed: the relay
    // need not wait for its next poll. (A rolled-back write only costs one early look.)
    app.addHook('onResponse', async () => {
      if (services.outboxRepository.takeWritten()) relay.nudge();
    });
  }
  app.addHook('onClose', async () => {
    await relay.stop();
    await reindexJob.wait();
    await services.importsService.idle();
  });

  await app.register(authPlugin, { sessionsService });
  await registerDocs(app, config.publicUrl);
  await app.register(healthRoutes, {
    checks: [
      { name: 'database', check: database.ping },
      { name: 'search', check: deps.search.ping },
      {
        name: 'searchSync',
        check: async () => {
          const stats = await services.outboxRepository.stats();
          const lagSeconds = stats.oldestPendingAt
            ? Math.max(0, Math.round((clock().getTime() - stats.oldestPendingAt.getTime()) / 1000))
            : 0;
          const rebuild = reindexJob.state();
          const details = {
            pending: stats.pending,
            failing: stats.failing,
            lagSeconds,
            relay: config.search.relay,
            ...(stats.lastError ? { lastError: stats.lastError } : {}),
            ...(rebuild.running ? { reindex: { phase: rebuild.phase, done: rebuild.done, total: rebuild.total } } : {}),
          };
          if (stats.failing > 0)
            return { degraded: `${stats.failing} change(s) failed to reach the search index and are being retried`, details };
          if (lagSeconds > config.search.lagDegradedSeconds) return { degraded: `the search index is ${lagSeconds}s behind`, details };
          return { details };
        },
      },
    ],
  });
  await app.register(
    async (api) => {
      await api.register(authRoutes, {
        authService,
        sessionsService,
        cookieSecure: config.cookieSecure,
        authRateLimitPerMinute: config.authRateLimitPerMinute,
      });
      await api.register(usersRoutes, { usersService });
      await api.register(organisationsRoutes, { organisationsService });
      await api.register(auditRoutes, { auditService });
      await api.register(dataRightsRoutes, { dataRightsService });
      await api.register(referenceRoutes, { referenceService, suggestService: services.suggestService });
      await api.register(profilesRoutes, { profilesService, profileClaimsService, redirectFor: services.duplicatesService.redirectFor });
      await api.register(curationRoutes, {
        membershipsService: services.membershipsService,
        verificationService: services.verificationService,
        duplicatesService: services.duplicatesService,
        importsService: services.importsService,
        dashboard: services.curationDashboard,
      });
      await api.register(searchRoutes, { searchService });
      await api.register(searchAdminRoutes, { job: reindexJob, deps: syncDeps });
      await api.register(shortlistsRoutes, { shortlistsService: services.shortlistsService });
    },
    { prefix: '/api' },
  );
  await registerWebApp(app, config.webDistDir);
  return app;
}
