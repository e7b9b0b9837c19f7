import { expertIndexName, expertIndexSettings, type SearchAudience, searchAudiences } from '@hpen/search';
import type { EnqueuedTaskPromise, Meilisearch } from 'meilisearch';
import type { ExpertSearchDocument } from './search-documents.js';

const TASK_WAIT = { timeout: 60_000, interval: 10 };

/** A Meilisearch task that did not succeed: the relay retries, the reindex stops. */
export class SearchTaskError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SearchTaskError';
  }
}

async function settled(task: EnqueuedTaskPromise, what: string, wait = TASK_WAIT) {
  const done = await task.waitTask(wait);
  if (done.status !== 'succeeded')
    throw new SearchTaskError(`${what}: task ${done.uid} ${done.status}${done.error ? `: ${done.error.message}` : ''}`);
  return done;
}

/** The two expert indexes (public, agencies) under one prefix; all writes wait for their task's result. */
export function createExpertIndexes(client: Meilisearch, prefix: string) {
  const name = (audience: SearchAudience, suffix = '') => expertIndexName(prefix, audience, suffix);

  async function exists(uid: string) {
    try {
      await client.getIndex(uid);
      return true;
    } catch {
      return false;
    }
  }

  /** Creates the index if missing and applies the settings (before any document). */
  async function ensureIndex(uid: string) {
    if (!(await exists(uid))) await settled(client.createIndex(uid, { primaryKey: 'id' }), `create ${uid}`);
    await settled(client.index(uid).updateSettings(expertIndexSettings), `settings of ${uid}`);
  }

  return {
    name,

    /** Both live indexes exist with current settings. Returns which ones had to be created. */
    async ensure(): Promise<SearchAudience[]> {
      const created: SearchAudience[] = [];
      for (const audience of searchAudiences) {
        if (!(await exists(name(audience)))) created.push(audience);
        await ensureIndex(name(audience));
      }
      return created;
    },

    /**
     * Upserts (full documents replace) and deletes for each audience: all tasks are enqueued
     * first (Meilisearch runs them in order), then each result is checked.
     */
    async applyAll(work: Record<SearchAudience, { upserts: ExpertSearchDocument[]; deletes: string[] }>) {
      const tasks: Array<{ task: EnqueuedTaskPromise; what: string }> = [];
      for (const audience of searchAudiences) {
        const index = client.index(name(audience));
        const { upserts, deletes } = work[audience];
        if (upserts.length) tasks.push({ task: index.addDocuments(upserts, { primaryKey: 'id' }), what: `upsert into ${index.uid}` });
        if (deletes.length) tasks.push({ task: index.deleteDocuments(deletes), what: `delete from ${index.uid}` });
      }
      const results = await Promise.allSettled(tasks.map(({ task, what }) => settled(task, what)));
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
    },

    /** Sends a batch without waiting; returns the task so a bulk load can pipeline. */
    enqueue(audience: SearchAudience, docs: ExpertSearchDocument[], suffix: string) {
      return client.index(name(audience, suffix)).addDocuments(docs, { primaryKey: 'id' });
    },

    settled,

    async prepareNext(suffix: string) {
      for (const audience of searchAudiences) {
        if (await exists(name(audience, suffix))) await settled(client.deleteIndex(name(audience, suffix)), 'drop stale next index');
        await ensureIndex(name(audience, suffix));
      }
    },

    /** Atomically swaps the freshly built indexes in, then drops the old ones. */
    async swapIn(suffix: string) {
      for (const audience of searchAudiences) if (!(await exists(name(audience)))) await ensureIndex(name(audience));
      await settled(
        client.swapIndexes(searchAudiences.map((a) => ({ indexes: [name(a), name(a, suffix)] as [string, string], rename: false }))),
        'swap indexes',
      );
      for (const audience of searchAudiences) await settled(client.deleteIndex(name(audience, suffix)), 'drop old index');
    },

    /** Every document's id and hash, page by page (drift check). */
    async *hashes(audience: SearchAudience): AsyncGenerator<Array<{ id: string; hash: string }>> {
      const index = client.index<{ id: string; hash: string }>(name(audience));
      for (let offset = 0; ; offset += 5000) {
        const page = await index.getDocuments({ fields: ['id', 'hash'], limit: 5000, offset });
        if (page.results.length) yield page.results;
        if (page.results.length < 5000) return;
      }
    },

    async count(audience: SearchAudience) {
      return (await client.index(name(audience)).getStats()).numberOfDocuments;
    },

    async dropAll() {
      for (const audience of searchAudiences) {
        for (const uid of [name(audience), name(audience, '_next')])
          if (await exists(uid)) await settled(client.deleteIndex(uid), `drop ${uid}`);
      }
    },
  };
}
export type ExpertIndexes = ReturnType<typeof createExpertIndexes>;
