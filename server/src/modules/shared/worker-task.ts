import { Worker } from 'node:worker_threads';
import { AppError } from '../../app/errors.js';

/**
 * Runs CPU-heavy parsing (third-party parsers whose cost we cannot bound) in a worker thread,
 * so a hostile file can never block the event loop, and ends it after a hard time limit.
 * A few run at once; more wait in a short queue; beyond that the caller is asked to retry.
 */
export interface WorkerTaskOptions<M> {
  timeoutMs: number;
  /** Each message the worker posts, in order. */
  onMessage: (message: M) => void;
}
export interface WorkerTaskResult {
  /** False when the time limit ended the worker first. */
  completed: boolean;
  error?: string;
}

const MAX_RUNNING = 2;
const MAX_WAITING = 8;
let running = 0;
const waiting: Array<() => void> = [];

export const workerBusy = () =>
  new AppError(503, 'busy', 'Too many files are being read right now; please try again in a minute', { retryAfterSeconds: 30 });

async function acquire(): Promise<void> {
  if (running < MAX_RUNNING) {
    running++;
    return;
  }
  if (waiting.length >= MAX_WAITING) throw workerBusy();
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release() {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/** Starting a worker (loading its parser) is not the file's fault: it gets its own, generous bound. */
const STARTUP_TIMEOUT_MS = 15_000;

/**
 * The worker posts `{ ready: true }` once loaded (the time limit starts then) and `{ done: true }`
 * last; anything else goes to onMessage.
 */
export async function runWorkerTask<M>(script: URL, data: unknown, options: WorkerTaskOptions<M>): Promise<WorkerTaskResult> {
  await acquire();
  try {
    return await new Promise<WorkerTaskResult>((resolve) => {
      const worker = new Worker(script, { workerData: data, resourceLimits: { maxOldGenerationSizeMb: 256 } });
      let timer = setTimeout(() => finish({ completed: false, error: 'the reader did not start' }), STARTUP_TIMEOUT_MS);
      function finish(result: WorkerTaskResult) {
        clearTimeout(timer);
        worker.terminate().catch(() => {}); // it is ending anyway
        resolve(result);
      }
      worker.on('message', (message: M & { done?: boolean; ready?: boolean }) => {
        if (message.ready) {
          clearTimeout(timer);
          timer = setTimeout(() => finish({ completed: false }), options.timeoutMs);
        } else if (message.done) finish({ completed: true });
        else options.onMessage(message);
      });
      worker.on('error', (error) => finish({ completed: false, error: error.message }));
      worker.on('exit', () => finish({ completed: false, error: 'the reader stopped' }));
    });
  } finally {
    release();
  }
}
