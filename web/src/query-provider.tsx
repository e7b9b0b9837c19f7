import { QueryClientProvider } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { getSession, subscribeSession } from './auth/session-store';
import { createQueryClient } from './query-client';

/**
 * The one query cache, loaded with the first page that fetches data (routes/lazy-pages.ts):
 * the home page does not need react-query, so the app shell does not carry it.
 */
const queryClient = createQueryClient();

// Whatever ends a session (sign-out, failed refresh, another tab) also drops cached data.
let wasSignedIn = getSession().status === 'authenticated';
subscribeSession(() => {
  const signedIn = getSession().status === 'authenticated';
  if (wasSignedIn && !signedIn) queryClient.clear();
  wasSignedIn = signedIn;
});

/** The page inside the shared query cache. */
export function withQueries(Page: ComponentType): ComponentType {
  return function PageWithQueries() {
    return (
      <QueryClientProvider client={queryClient}>
        <Page />
      </QueryClientProvider>
    );
  };
}
