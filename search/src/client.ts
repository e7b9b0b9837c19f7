import http from 'node:http';
import https from 'node:https';
import { MeilisearchApiError, Meilisearch } from 'meilisearch';

export interface SearchHandle {
  client: Meilisearch;
  url: string;
  /** Resolves when the server reports itself available. */
  ping(): Promise<void>;
  /** Set for a Meilisearch the app spawned and supervises: how often it was restarted. */
  restarts?: () => number;
}

const REQUEST_TIMEOUT_MS = 5_000;
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * Requests through node:http with keep-alive, headers and body in one write. Measured here:
 * global fetch waited ~40 ms on many Meilisearch responses (a delayed-ACK stall) where curl
 * and node:http answer in a few milliseconds.
 */
async function nodeHttpClient(input: Parameters<typeof fetch>[0], init: RequestInit = {}): Promise<unknown> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const body = typeof init.body === 'string' ? init.body : init.body == null ? undefined : String(init.body);
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, key) => (headers[key] = value));
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  const transport = url.protocol === 'https:' ? https : http;
  const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = transport.request(
      url,
      { method: init.method ?? 'GET', headers, agent: agents[url.protocol as 'http:' | 'https:'] },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    // No answer within the timeout: fail rather than hang (the relay retries, the API says 503).
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`Meilisearch did not answer within ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(body);
  });
  const parsed: unknown = text === '' ? undefined : JSON.parse(text);
  if (status < 200 || status >= 300) throw new MeilisearchApiError(new Response(text || null, { status }), parsed as never);
  return parsed;
}

export function createSearchClient(url: string, apiKey?: string): SearchHandle {
  const client = new Meilisearch({ host: url, ...(apiKey ? { apiKey } : {}), httpClient: nodeHttpClient });
  return {
    client,
    url,
    ping: async () => {
      const health = await client.health();
      if (health.status !== 'available') throw new Error(`Meilisearch status ${health.status}`);
    },
  };
}
