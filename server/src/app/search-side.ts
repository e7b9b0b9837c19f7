import type { SearchHandle } from '@hpen/search';
import type { FastifyInstance } from 'fastify';
import { createSearchReadiness } from '../modules/search/search-readiness.js';
import { SEARCH_DOCUMENTS_VERSION } from '../modules/search/search-documents.js';
import type { SearchMetaRepository } from '../modules/search/search-meta.repository.js';
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
  deps: { config: AppConfig; search: SearchHandle; sync: SyncDeps; searchMeta: SearchMetaRepository; clock: () => Date },
) {
  const { config, sync } = deps;
  // Indexes built from the current code record the documents' version; older ones are rebuilt.
  const recordVersion = () => deps.searchMeta.setDocumentsVersion(SEARCH_DOCUMENTS_VERSION);
  const reindexJob = createReindexJob(sync, { maxBackoffMs: config.search.maxBackoffMs, onDone: recordVersion });
  const readiness = createSearchReadiness({
    indexes: sync.indexes,
    logger: app.log,
    maxBackoffMs: config.search.maxBackoffMs,
    // A new (or wiped) Meilisearch, or documents of an older shape: rebuild from the database in the background.
    onPrepared: async (created) => {
      const stored = await deps.searchMeta.documentsVersion();
      if (created.length === 0 && stored === SEARCH_DOCUMENTS_VERSION) return;
      if ((await sync.profilesRepository.count()) === 0) return recordVersion();
      reindexJob.start(created.length > 0 ? 'new indexes at start' : `documents of version ${stored ?? 1} at start`);
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
