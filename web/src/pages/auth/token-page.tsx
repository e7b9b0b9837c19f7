import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AuthPanel } from '../../components/auth-panel';
import { FormMessage } from '../../forms/form-parts';
import { useTokenParam } from '../../lib/use-token-param';

interface Done {
  testId: string;
  message: string;
  linkTo: string;
  linkLabel: string;
}

interface TokenPageProps {
  title: string;
  intro?: string | undefined;
  /** What to say (and offer) when the link carries no usable token. */
  missingToken: ReactNode;
  missingTokenExtra?: ReactNode;
  /** Set once the token did its job: the success message and where to go next. */
  done: Done | null;
  /** The step itself (a form, or the progress of an automatic step), given the token. */
  children: (token: string) => ReactNode;
}

/**
 * The frame of every page opened from an e-mailed link (verify e-mail, reset password, accept an
 * invitation, claim a profile): reads the one-time token, then shows the step or the outcome.
 */
export function TokenPage({ title, intro, missingToken, missingTokenExtra, done, children }: TokenPageProps) {
  const token = useTokenParam();
  if (token === null) {
    return (
      <AuthPanel title={title}>
        <FormMessage kind="error">{missingToken}</FormMessage>
        {missingTokenExtra}
      </AuthPanel>
    );
  }
  if (done) {
    return (
      <AuthPanel title={title}>
        <FormMessage kind="success" testId={done.testId}>
          {done.message}
        </FormMessage>
        <p>
          <Link className="button-primary" to={done.linkTo}>
            {done.linkLabel}
          </Link>
        </p>
      </AuthPanel>
    );
  }
  return (
    <AuthPanel title={title} intro={intro}>
      {children(token)}
    </AuthPanel>
  );
}

/**
 * Posts a single-use token exactly once per page view. A query keyed by the token gives that for
 * free: StrictMode's second effect run, re-renders and focus changes all reuse the first result.
 */
export function useTokenOnce<T>(name: string, run: (token: string) => Promise<T>) {
  const token = useTokenParam();
  return useQuery({
    queryKey: [name, token],
    queryFn: () => run(token ?? ''),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function PendingLine({ label }: { label: string }) {
  return (
    <p role="status" className="loading">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}
