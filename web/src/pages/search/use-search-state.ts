import type { SearchQuery } from '@hpen/server/contracts';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { parseSearchParams, toSearchString } from './search-url';

/**
 * The URL is the state: every change navigates, so links can be shared and Back restores
 * the previous search. Typing is the exception to one-entry-per-change: the first keystroke
 * of a burst adds a history entry, the rest replace it. The router renders navigations
 * synchronously (main.tsx), so the state never lags behind the URL.
 */
export function useSearchState() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const parsed = useMemo(() => parseSearchParams(params), [params]);
  const query = parsed.query;
  const typingEntry = useRef<string | null>(null);
  const latest = useRef({ query, key: location.key });
  // Synced after every render, before any event can call go(); go() moves it on at once.
  useLayoutEffect(() => {
    latest.current = { query, key: location.key };
  });

  const go = (next: SearchQuery, options: { typing?: boolean } = {}) => {
    const replace = Boolean(options.typing) && typingEntry.current === latest.current.key;
    latest.current = { ...latest.current, query: next };
    void navigate({ search: toSearchString(next) }, { replace });
    // The router keeps the entry's key in history.state (the same key useLocation reports).
    const state: unknown = window.history.state;
    typingEntry.current = options.typing && state && typeof state === 'object' && 'key' in state ? String(state.key) : null;
  };
  return { query, dropped: parsed.dropped, go, latest };
}
