import { useEffect, useSyncExternalStore } from 'react';
import { requestWithRetry } from '../api/retry';
import { onSessionEnd } from '../auth/session-store';

/** What a component sees of one request: the fields of react-query's result that the app reads. */
export interface RequestState<T> {
  data: T | undefined;
  error: unknown;
  isError: boolean;
  /** No answer yet (and no error). */
  isPending: boolean;
  isFetching: boolean;
  refetch: () => Promise<void>;
}

interface Entry<T> {
  data?: T;
  error?: unknown;
  /** When the answer arrived (0: never). */
  at: number;
  loading?: Promise<void> | undefined;
  controller?: AbortController | undefined;
  /** Components showing this answer now. */
  observers: number;
}

interface Options<P, T> {
  load: (params: P, signal: AbortSignal) => Promise<T>;
  /** How many answers are kept (the least recently used go first). */
  size: number;
  /** How long an answer is shown without asking again, in ms; an older one is shown while it is asked again. */
  staleMs: number;
}

/**
 * GET answers kept in a module-level Map keyed by their parameters, without react-query: what the search
 * page shows (results, facet counts, the taxonomy and reference lists) is loaded with it, so the search
 * page's first load does not carry the query cache (tests/integration/web-bundle-budget.test.ts).
 * Components asking with the same parameters share one request; a request nobody waits for any more is
 * aborted; network and server failures are retried as the query cache retries them (api/retry.ts); the
 * end of a session drops every answer, as it clears the query cache.
 */
export function requestCache<P, T>({ load, size, staleMs }: Options<P, T>) {
  const entries = new Map<string, Entry<T>>();
  const listeners = new Set<() => void>();
  let version = 0;
  /** Moves on when the session ends: components then ask again for what they show. */
  let generation = 0;
  const changed = () => {
    version++;
    for (const listener of listeners) listener();
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const getVersion = () => version;

  /** The entry for a key, now the most recently used; the least recently used unwatched ones beyond `size` go. */
  function entryFor(key: string): Entry<T> {
    const entry = entries.get(key) ?? { at: 0, observers: 0 };
    entries.delete(key);
    entries.set(key, entry);
    for (const [old, e] of entries) {
      if (entries.size <= size) break;
      if (old !== key && !e.loading && e.observers === 0) entries.delete(old);
    }
    return entry;
  }

  function fetchKey(key: string): Promise<void> {
    const entry = entryFor(key);
    if (entry.loading) return entry.loading;
    const controller = new AbortController();
    const params = JSON.parse(key) as P;
    const loading = requestWithRetry((signal) => load(params, signal), controller.signal)
      .then(
        (data) => {
          entry.data = data;
          entry.error = undefined;
          entry.at = Date.now();
        },
        (error: unknown) => {
          if (!controller.signal.aborted) entry.error = error;
        },
      )
      .finally(() => {
        if (entry.controller !== controller) return; // aborted: whoever asks next starts afresh
        entry.loading = undefined;
        entry.controller = undefined;
        changed();
      });
    entry.controller = controller;
    entry.loading = loading;
    changed();
    return loading;
  }

  function watch(key: string) {
    const entry = entryFor(key);
    entry.observers++;
    if (!entry.loading && (entry.at === 0 || Date.now() - entry.at > staleMs)) void fetchKey(key);
  }

  function unwatch(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entry.observers--;
    if (entry.observers > 0 || !entry.controller) return;
    entry.controller.abort();
    entry.controller = undefined;
    entry.loading = undefined;
    if (entry.at === 0) entries.delete(key);
  }

  onSessionEnd(() => {
    for (const entry of entries.values()) entry.controller?.abort();
    entries.clear();
    generation++;
    changed();
  });

  function stateOf(key: string): RequestState<T> {
    const entry = entries.get(key);
    const error = entry?.error;
    return {
      data: entry?.data,
      error,
      isError: error !== undefined,
      isPending: entry?.data === undefined && error === undefined,
      isFetching: Boolean(entry?.loading),
      refetch: () => fetchKey(key),
    };
  }

  /** Tells the components showing an answer to ask again (the data changed); unwatched answers are dropped. */
  function invalidate() {
    for (const [key, entry] of entries) {
      if (entry.observers > 0) void fetchKey(key);
      else if (!entry.loading) entries.delete(key);
    }
  }

  return { subscribe, getVersion, getGeneration: () => generation, watch, unwatch, stateOf, invalidate };
}

export type RequestCache<P, T> = ReturnType<typeof requestCache<P, T>>;

/** The answers for a list of parameters (asked for while `enabled`), in the same order. */
export function useRequests<P, T>(cache: RequestCache<P, T>, list: readonly P[], enabled = true): RequestState<T>[] {
  useSyncExternalStore(cache.subscribe, cache.getVersion, cache.getVersion);
  const keys = list.map((params) => JSON.stringify(params));
  const watched = enabled ? JSON.stringify(keys) : '[]';
  const generation = cache.getGeneration();
  useEffect(() => {
    const asked = JSON.parse(watched) as string[];
    for (const key of asked) cache.watch(key);
    return () => asked.forEach(cache.unwatch);
  }, [cache, watched, generation]);
  return keys.map(cache.stateOf);
}
