interface Log {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs a start-up or background step so that its failure cannot stop the app: the error is
 * logged and the step tried again with backoff. `run()` never rejects.
 */
export function retryInBackground(name: string, step: () => Promise<unknown>, log: Log, options: { maxBackoffMs?: number } = {}) {
  const maxBackoffMs = options.maxBackoffMs ?? 60_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async (attempt: number): Promise<void> => {
    try {
      await step();
      if (attempt > 0) log.info({ task: name, attempts: attempt + 1 }, `${name}: done after retrying`);
    } catch (error) {
      if (stopped) return;
      const retryInMs = Math.min(1_000 * 2 ** attempt, maxBackoffMs);
      log.error({ task: name, err: message(error), retryInMs }, `${name} failed; retrying`);
      timer = setTimeout(() => void run(attempt + 1), retryInMs);
    }
  };
  return {
    run: () => run(0),
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/**
 * The last resort, not a substitute for handling errors where they happen: an error that escaped
 * every handler is logged (with its stack) instead of ending the process and every request in it.
 */
export function installProcessGuards(log: Log & { fatal?(obj: object, msg?: string): void }) {
  let escaped = 0;
  process.on('unhandledRejection', (reason) => {
    escaped += 1;
    log.error({ err: message(reason), stack: reason instanceof Error ? reason.stack : undefined, escaped }, 'unhandled promise rejection');
  });
  process.on('uncaughtException', (error) => {
    escaped += 1;
    log.error({ err: error.message, stack: error.stack, escaped }, 'uncaught exception');
  });
  return { escaped: () => escaped };
}
