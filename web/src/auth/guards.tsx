import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/loading';
import { useSession } from './use-session';

/** Where sign-in should send the user back to; kept in router state, never in the URL. */
export interface ReturnState {
  from?: string;
}

/** Waits for the start-up refresh before deciding, so a reload never bounces a signed-in user. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous') {
    const state: ReturnState = { from: location.pathname + location.search };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return children;
}
