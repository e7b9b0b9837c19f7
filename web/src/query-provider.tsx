import { QueryClientProvider } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { onSessionEnd } from './auth/session-store';
import { createQueryClient } from './query-client';

/**
 * The one query cache, loaded with the first page that fetches data (routes/lazy-pages.ts):
 * the home page does not need react-query, so the app shell does not carry it.
 */
const queryClient = createQueryClient();

// Whatever ends a session (sign-out, failed refresh, another tab) also drops cached data.
onSessionEnd(() => queryClient.clear());

/** The page (or a part a page loads on demand, with its props) inside the shared query cache. */
export function withQueries<P extends object>(Page: ComponentType<P>): ComponentType<P> {
  return function PageWithQueries(props: P) {
    return (
      <QueryClientProvider client={queryClient}>
        <Page {...props} />
      </QueryClientProvider>
    );
  };
}
