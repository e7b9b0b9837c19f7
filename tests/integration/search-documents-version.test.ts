import { createSearchClient } from '@hpen/search';
import { buildApp, insertSyntheticProfiles, loadConfig } from '@hpen/server';
import { describe, expect, inject, it } from 'vitest';
import { SEARCH_DOCUMENTS_VERSION } from '../../server/src/modules/search/search-documents.js';
import { createSearchMetaRepository } from '../../server/src/modules/search/search-meta.repository.js';
import { createTestApp } from '../support/test-app.js';

describe('documents of an older shape', () => {
  it('are rebuilt in the background at the next start, and the version is recorded', async () => {
    const prefix = `tv${Date.now().toString(36)}`;
    const t = await createTestApp({ env: { MEILI_INDEX_PREFIX: prefix } });
    const meta = createSearchMetaRepository({ db: t.database.db });
    try {
      // The first start made empty indexes: nothing to rebuild, the current version is recorded.
      expect(await meta.documentsVersion()).toBe(SEARCH_DOCUMENTS_VERSION);
      await insertSyntheticProfiles(t.database.db, { count: 20, seed: 3, enqueueForSearch: true });
      await t.searchSettled();
      await meta.setDocumentsVersion(1);
      await t.app.close();

      const meili = inject('meili');
      const again = await buildApp({
        config: loadConfig({ DATA_DIR: t.dataDir, LOG_LEVEL: 'silent', MEILI_INDEX_PREFIX: prefix, WEB_DIST_DIR: `${t.dataDir}/no-web` }),
        database: t.database,
        search: createSearchClient(meili.url, meili.masterKey),
        jwtSecret: 'test-secret-0123456789-0123456789-0123456789',
      });
      try {
        await again.ready();
        await again.searchSync.readiness.whenUsable();
        expect(again.searchSync.reindex.state().reason).toBe('documents of version 1 at start');
        await again.searchSync.reindex.wait();
        expect(again.searchSync.reindex.state()).toMatchObject({ running: false, error: null });
        expect(await meta.documentsVersion()).toBe(SEARCH_DOCUMENTS_VERSION);
      } finally {
        await again.close();
      }
    } finally {
      await t.close();
    }
  }, 120_000);
});
