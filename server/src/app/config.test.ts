import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, envSchema, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database, a spawned Meilisearch, port 3000 and the demo seed', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database.driver).toBe('pglite');
    expect('spawn' in config.meili).toBe(true);
    expect(config.seedDemo).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.cookieSecure).toBe(false);
  });

  it('never seeds demo data on a server database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/app' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/app', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it('uses external services when configured', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/app',
      MEILI_URL: 'http://search:7700',
      MEILI_MASTER_KEY: 'k',
      PUBLIC_URL: 'https://experts.haiphong.gov.vn/',
    });
    expect(config.database).toMatchObject({ driver: 'postgres', url: 'postgres://u:p@db:5432/app' });
    expect(config.meili).toEqual({ url: 'http://search:7700', masterKey: 'k' });
    expect(config.publicUrl).toBe('https://experts.haiphong.gov.vn');
    expect(config.cookieSecure).toBe(true);
  });

  it('fails fast with a readable message naming each bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', ACCESS_TOKEN_TTL_SECONDS: '3600' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', ACCESS_TOKEN_TTL_SECONDS: '3600' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/ACCESS_TOKEN_TTL_SECONDS/);
    }
    expect(() => loadConfig({ MEILI_URL: 'http://search:7700' })).toThrow(/MEILI_MASTER_KEY/);
  });

  it('passes the spawned Meilisearch its indexing limits, checking the memory size', () => {
    expect(loadConfig({ MEILI_MAX_INDEXING_THREADS: '2', MEILI_MAX_INDEXING_MEMORY: '2GiB' }).meili).toMatchObject({
      spawn: true,
      maxIndexingThreads: 2,
      maxIndexingMemory: '2GiB',
    });
    expect(loadConfig({}).meili).toMatchObject({ maxIndexingMemory: undefined });
    expect(() => loadConfig({ MEILI_MAX_INDEXING_MEMORY: 'lots' })).toThrow(/MEILI_MAX_INDEXING_MEMORY/);
  });

  it('treats empty variables as unset, as .env files write them', () => {
    expect(loadConfig({ DATABASE_URL: '', MEILI_URL: '', JWT_SECRET: '' }).database.driver).toBe('pglite');
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(new URL('../../../.env.example', import.meta.url), 'utf8');
    for (const key of Object.keys(envSchema.shape)) expect(example).toMatch(new RegExp(`^${key}=`, 'm'));
  });
});
