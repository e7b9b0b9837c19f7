import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { getMfaStatus } from '../api/mfa.api';
import { Forbidden } from '../components/forbidden';
import { Loading } from '../components/loading';
import { RequireAuth } from './guards';
import { useSession } from './use-session';

/**
 * The admin area's guard (admin-area.tsx), apart from guards.tsx: it asks the server through the
 * query cache, which only pages that fetch data load (the app shell stays without it).
 */
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
