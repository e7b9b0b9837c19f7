import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalMeilisearch } from '@hpen/search';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    meili: { url: string; masterKey: string };
  }
}

/**
 * One real Meilisearch for the whole run: MEILI_URL/MEILI_MASTER_KEY when given, otherwise
 * spawned from the packaged binary into a temporary folder.
 */
export default async function setup(project: TestProject) {
  if (process.env.MEILI_URL) {
    project.provide('meili', { url: process.env.MEILI_URL, masterKey: process.env.MEILI_MASTER_KEY ?? '' });
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'hpen-test-meili-'));
  const meili = await startLocalMeilisearch({ dataDir: dir });
  project.provide('meili', { url: meili.url, masterKey: meili.masterKey });
  return async () => {
    await meili.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
