import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { getMfaStatus } from '../api/mfa.api';
import { Navigate, useLocation } from 'react-router';
import { Forbidden } from '../components/forbidden';
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

export function RequireAdmin({ children }: { children: ReactNode }) {
  const session = useSession();
  return <RequireAuth>{session.user?.role === 'admin' ? <RequireMfa>{children}</RequireMfa> : <Forbidden />}</RequireAuth>;
}

/** Admin pages need two-step sign-in on (the server refuses otherwise): send the admin to set it up. */
function RequireMfa({ children }: { children: ReactNode }) {
  const status = useQuery({ queryKey: ['me', 'mfa'], queryFn: getMfaStatus });
  if (status.isPending) return <Loading />;
  if (status.data?.required && !status.data.totpEnabled) return <Navigate to="/account#security" replace />;
  return children;
}
