import { isApiError } from './api-error';

/** A 4xx will not change by asking again; only network and server failures are retried (twice). */
export function shouldRetry(failureCount: number, error: unknown) {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** react-query's default wait before the next try: 1 s, 2 s, 4 s… at most 30 s. */
const retryDelay = (failureCount: number) => Math.min(1000 * 2 ** failureCount, 30_000);

function wait(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * A request asked again after a network or server failure, as the query cache does (query-client.ts),
 * for data loaded without it (lib/request-cache.ts). Stops at once when the signal aborts.
 */
export async function requestWithRetry<T>(load: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await load(signal);
    } catch (error) {
      if (signal.aborted || !shouldRetry(failures, error)) throw error;
      await wait(retryDelay(failures), signal);
    }
  }
}
