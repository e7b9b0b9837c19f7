import type { ExpertProfileRow } from '@hpen/db';
import { type SearchAudience, searchAudiences } from '@hpen/search';
import type { EnqueuedTaskPromise } from 'meilisearch';
import type { OutboxRepository, OutboxRow } from '../outbox/outbox.repository.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import type { ReferenceService } from '../reference/reference.service.js';
import { buildSearchDocument, type DocumentContext, type ExpertSearchDocument } from './search-documents.js';
import type { ExpertIndexes } from './search-indexes.js';
import { createWakeableSleep } from '../shared/wakeable-sleep.js';

interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface SyncDeps {
  indexes: ExpertIndexes;
  profilesRepository: ProfilesRepository;
  outboxRepository: OutboxRepository;
  referenceService: ReferenceService;
  /** Approved association codes per profile (the "association" filter). */
  associationsOf: (profileIds: string[]) => Promise<Map<string, string[]>>;
  logger: Logger;
  /**
   * Other consumers of profile changes (the precomputed eligibility), given the changed profiles
   * before the indexes are: a row is marked delivered, and may later be pruned, only when every
   * consumer and the search have taken it; a failure of any retries the row for all (each is idempotent).
   */
  profileConsumers?: Array<(profileIds: string[]) => Promise<void>>;
}

export interface RelayOptions {
  batchSize?: number;
  /** How often an idle relay looks for new rows. */
  pollMs?: number;
  /** A claimed row comes back after this long if its relay died. */
  leaseMs?: number;
  maxBackoffMs?: number;
  /** Delivered rows older than this many days are pruned, at most once per `pruneEveryMs`. */
  retentionDays?: number;
  pruneEveryMs?: number;
  /** Makes the indexes usable before the first delivery (the app's shared, single-flight preparation). */
  prepare?: () => Promise<unknown>;
}

const NEXT_SUFFIX = '_next';
const PRUNE_CHUNK = 10_000;

/** Upserts and deletes for each audience that bring the indexes to the rows' current state. */
export function plan(ids: string[], rows: ExpertProfileRow[], ctx: DocumentContext, associations: Map<string, string[]> = new Map()) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = Object.fromEntries(
    searchAudiences.map((a) => [a, { upserts: [] as ExpertSearchDocument[], deletes: [] as string[] }]),
  ) as Record<SearchAudience, { upserts: ExpertSearchDocument[]; deletes: string[] }>;
  for (const id of ids) {
    const row = byId.get(id);
    for (const audience of searchAudiences) {
      const doc = row ? buildSearchDocument(row, audience, ctx, associations.get(id)) : null;
      if (doc) out[audience].upserts.push(doc);
      else out[audience].deletes.push(id);
    }
  }
  return out;
}

/**
 * The transactional-outbox relay: claims due rows, sends the current full documents of the
 * profiles they name (idempotent), checks each Meilisearch task, and marks the rows done, or
 * schedules a retry with backoff. A row is never dropped.
 */
export function createSearchRelay(deps: SyncDeps, options: RelayOptions = {}) {
  const { indexes, profilesRepository, outboxRepository, referenceService, logger } = deps;
  const batchSize = options.batchSize ?? 500;
  const pollMs = options.pollMs ?? 100;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const retentionDays = options.retentionDays ?? 7;
  const pruneEveryMs = options.pruneEveryMs ?? 3_600_000;
  let lastPruned = 0;
  let running = false;
  let loop: Promise<void> | undefined;
  const { sleep, wake } = createWakeableSleep();
  /** Set by nudge(): a write committed since the loop last read the outbox. */
  let nudged = false;
  let consecutiveFailures = 0;
  // Settings go on before the first document, also when Meilisearch was down at start.
  let prepared = false;

  async function deliver(rows: OutboxRow[]) {
    const ids = [...new Set(rows.filter((r) => r.aggregateType === 'expert_profile').map((r) => r.aggregateId))];
    // First, so they keep up while Meilisearch is away (the retry repeats them, harmlessly).
    for (const consume of deps.profileConsumers ?? []) await consume(ids);
    if (!prepared) {
      await (options.prepare ?? indexes.ensure)();
      prepared = true;
    }
    const ctx = { taxonomy: await referenceService.taxonomy(), adminUnits: await referenceService.adminUnits() };
    await indexes.applyAll(plan(ids, await profilesRepository.findByIds(ids), ctx, await deps.associationsOf(ids)));
  }

  /** One batch; returns how many rows it handled. */
  async function runOnce(): Promise<number> {
    const rows = await outboxRepository.claimDue(batchSize, leaseMs);
    if (rows.length === 0) return 0;
    const rowIds = rows.map((r) => r.id);
    try {
      await deliver(rows);
      await outboxRepository.markProcessed(rowIds);
      if (consecutiveFailures > 0) logger.info({ rows: rows.length }, 'search relay: delivering again');
      consecutiveFailures = 0;
    } catch (error) {
      consecutiveFailures += 1;
      const message = error instanceof Error ? error.message : String(error);
      await outboxRepository.markFailed(rowIds, message, maxBackoffMs);
      logger.warn({ rows: rows.length, consecutiveFailures, err: message }, 'search relay: delivery failed, will retry');
    }
    return rows.length;
  }

  /**
   * Idle: a good moment to drop rows delivered long ago (the table would grow forever). One chunk
   * per idle turn, so new changes never wait behind a long clean-up; done for an hour once a chunk
   * comes back short.
   */
  async function pruneChunk() {
    try {
      const pruned = await outboxRepository.pruneProcessed(retentionDays, PRUNE_CHUNK);
      if (pruned < PRUNE_CHUNK) lastPruned = Date.now();
      if (pruned) logger.info({ pruned, retentionDays }, 'search relay: pruned delivered outbox rows');
    } catch (error) {
      lastPruned = Date.now();
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'search relay: pruning the outbox failed');
    }
  }

  return {
    runOnce,

    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let handled = 0;
          nudged = false;
          try {
            handled = await runOnce();
          } catch (error) {
            // The database itself failed (e.g. during shutdown): wait and try again.
            logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'search relay: cannot read the outbox');
          }
          if (running && handled === 0 && Date.now() - lastPruned >= pruneEveryMs) await pruneChunk();
          if (running && handled === 0 && !nudged) await sleep(pollMs);
        }
      })();
    },

    /** Looks at the outbox now if the loop is waiting for its next poll (a write just committed). */
    nudge() {
      nudged = true;
      wake();
    },

    async stop() {
      running = false;
      wake();
      await loop;
    },

    /**
     * Delivers until every row is delivered (tests and scripts), also rows waiting out a retry
     * backoff or claimed by the loop; gives up after `timeoutMs`.
     */
    async drain(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const handled = await runOnce();
        if (handled === 0 && (await outboxRepository.undeliveredCount()) === 0) return;
        if (handled === 0) await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(`search relay: outbox not drained within ${timeoutMs} ms`);
    },
  };
}
export type SearchRelay = ReturnType<typeof createSearchRelay>;

export interface ReindexProgress {
  phase: 'building' | 'swapping' | 'done';
  done: number;
  total: number;
}

/**
 * Builds fresh indexes from the database beside the live ones and swaps them in: searches keep
 * answering from the old indexes throughout. Changes made while it runs are replayed from the
 * outbox after the swap.
 */
export async function reindexAll(
  deps: SyncDeps,
  onProgress?: (p: ReindexProgress) => void,
): Promise<{ documents: Record<SearchAudience, number>; ms: number }> {
  const started = performance.now();
  const { indexes, profilesRepository, outboxRepository, referenceService } = deps;
  const ctx = { taxonomy: await referenceService.taxonomy(), adminUnits: await referenceService.adminUnits() };
  const replayFrom = await outboxRepository.maxId();
  await indexes.prepareNext(NEXT_SUFFIX);
  const total = await profilesRepository.count();
  const documents = { public: 0, agencies: 0 } as Record<SearchAudience, number>;
  const inFlight: Array<{ task: EnqueuedTaskPromise; what: string }> = [];
  let done = 0;
  for await (const rows of profilesRepository.pages(2000)) {
    const associations = await deps.associationsOf(rows.map((r) => r.id));
    for (const audience of searchAudiences) {
      const docs = rows
        .map((row) => buildSearchDocument(row, audience, ctx, associations.get(row.id)))
        .filter((d): d is ExpertSearchDocument => d !== null);
      documents[audience] += docs.length;
      if (docs.length) {
        const task = indexes.enqueue(audience, docs, NEXT_SUFFIX);
        // Checked below, after the whole load is sent; until then a failed send (EPIPE when
        // Meilisearch dies) must not become an unhandled rejection, which ends the process.
        task.catch(() => {});
        inFlight.push({ task, what: `reindex ${audience}` });
      }
    }
    done += rows.length;
    onProgress?.({ phase: 'building', done, total });
  }
  // Meilisearch batches consecutive additions itself; waiting on each task checks every result.
  for (const { task, what } of inFlight) await indexes.settled(task, what, { timeout: 600_000, interval: 50 });
  onProgress?.({ phase: 'swapping', done, total });
  await indexes.swapIn(NEXT_SUFFIX);
  await outboxRepository.replayAfter(replayFrom);
  onProgress?.({ phase: 'done', done, total });
  return { documents, ms: performance.now() - started };
}

export interface DriftReport {
  audience: SearchAudience;
  database: number;
  index: number;
  missing: string[];
  extra: string[];
  stale: string[];
}

/**
 * Compares what each index should hold (documents built from the database now) with what it
 * holds (ids and content hashes). With `repair`, sends the differences.
 */
export async function checkDrift(
  deps: SyncDeps,
  options: { repair?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<DriftReport[]> {
  const { indexes, profilesRepository, referenceService } = deps;
  const ctx = { taxonomy: await referenceService.taxonomy(), adminUnits: await referenceService.adminUnits() };
  const expected = Object.fromEntries(searchAudiences.map((a) => [a, new Map<string, string>()])) as Record<
    SearchAudience,
    Map<string, string>
  >;
  const total = await profilesRepository.count();
  let done = 0;
  for await (const rows of profilesRepository.pages(2000)) {
    const associations = await deps.associationsOf(rows.map((r) => r.id));
    for (const row of rows) {
      for (const audience of searchAudiences) {
        const doc = buildSearchDocument(row, audience, ctx, associations.get(row.id));
        if (doc) expected[audience].set(doc.id, doc.hash);
      }
    }
    done += rows.length;
    options.onProgress?.(done, total);
  }
  const reports: DriftReport[] = [];
  for (const audience of searchAudiences) {
    const want = expected[audience];
    const seen = new Set<string>();
    const report: DriftReport = { audience, database: want.size, index: 0, missing: [], extra: [], stale: [] };
    for await (const page of indexes.hashes(audience)) {
      for (const { id, hash } of page) {
        report.index += 1;
        seen.add(id);
        const wanted = want.get(id);
        if (wanted === undefined) report.extra.push(id);
        else if (wanted !== hash) report.stale.push(id);
      }
    }
    for (const id of want.keys()) if (!seen.has(id)) report.missing.push(id);
    reports.push(report);
  }
  if (options.repair) {
    const ids = [...new Set(reports.flatMap((r) => [...r.missing, ...r.stale, ...r.extra]))];
    for (let i = 0; i < ids.length; i += 1000) {
      const chunk = ids.slice(i, i + 1000);
      await indexes.applyAll(plan(chunk, await profilesRepository.findByIds(chunk), ctx, await deps.associationsOf(chunk)));
    }
  }
  return reports;
}
