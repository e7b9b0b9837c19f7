import { Meilisearch } from 'meilisearch';

export interface SearchHandle {
  client: Meilisearch;
  url: string;
  /** Resolves when the server reports itself available. */
  ping(): Promise<void>;
}

export function createSearchClient(url: string, apiKey?: string): SearchHandle {
  const client = new Meilisearch({ host: url, ...(apiKey ? { apiKey } : {}), timeout: 5_000 });
  return {
    client,
    url,
    ping: async () => {
      const health = await client.health();
      if (health.status !== 'available') throw new Error(`Meilisearch status ${health.status}`);
    },
  };
}
