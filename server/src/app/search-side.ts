import type { SearchHandle } from '@hpen/search';
import type { FastifyInstance } from 'fastify';
import { createSearchReadiness } from '../modules/search/search-readiness.js';
import { createReindexJob } from '../modules/search/search-reindex-job.js';
import { createSearchStatus } from '../modules/search/search-status.js';
import { createSearchRelay, type SyncDeps } from '../modules/search/search-sync.js';
import { createSearchService } from '../modules/search/search.service.js';
import type { AppConfig } from './config.js';

/**
 * The search side inside the app: background preparation of the indexes, the outbox relay, the
 * reindex job, and the one status function. Nothing here is awaited at start: the app serves at
 * once, whatever Meilisearch's task queue holds.
 */
export function createSearchSide(
  app: FastifyInstance,
  deps: { config: AppConfig; search: SearchHandle; sync: SyncDeps; clock: () => Date },
) {
  const { config, sync } = deps;
  const reindexJob = createReindexJob(sync, { maxBackoffMs: config.search.maxBackoffMs });
  const readiness = createSearchReadiness({
    indexes: sync.indexes,
    logger: app.log,
    maxBackoffMs: config.search.maxBackoffMs,
    // A new (or wiped) Meilisearch: fill it from the database in the background.
    onPrepared: async (created) => {
      if (created.length > 0 && (await sync.profilesRepository.count()) > 0) reindexJob.start('new indexes at start');
    },
  });
  const relay = createSearchRelay(sync, {
    pollMs: config.search.pollMs,
    maxBackoffMs: config.search.maxBackoffMs,
    retentionDays: config.search.outboxRetentionDays,
    prepare: readiness.prepareNow,
  });
  const status = createSearchStatus({
    outboxRepository: sync.outboxRepository,
    indexes: sync.indexes,
    readiness,
    reindexJob,
    relay: config.search.relay,
    lagDegradedSeconds: config.search.lagDegradedSeconds,
    clock: deps.clock,
    restarts: deps.search.restarts,
  });
  const searchService = createSearchService({ client: deps.search.client, indexes: sync.indexes, usable: readiness.usable });

  app.addHook('onReady', async () => {
    readiness.start();
    if (config.search.relay === 'inline') relay.start();
  });
  app.addHook('onClose', async () => {
    readiness.stop();
    await relay.stop();
    await reindexJob.stop();
  });
  return { readiness, relay, reindexJob, status, searchService };
}
