import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listSessions, revokeOtherSessions, type UserSession } from '../../api/me.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { FormMessage } from '../../forms/form-parts';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { describeUserAgent } from './describe-user-agent';

export function SessionsPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: ['me', 'sessions'], queryFn: listSessions });
  const revoke = useMutation({
    mutationFn: revokeOtherSessions,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] }),
  });
  const items = sessions.data?.items ?? [];
  const hasOthers = items.some((session) => !session.current);

  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('account.sessionsTitle')}</h2>
      <p className="muted">{t('account.sessionsIntro')}</p>
      <FormMessage kind="error">{revoke.isError ? describeError(revoke.error, t) : null}</FormMessage>
      <FormMessage kind="success">{revoke.isSuccess ? t('account.revokedOthers') : null}</FormMessage>
      {sessions.isPending ? <Loading /> : null}
      {sessions.isError ? <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} /> : null}
      {sessions.isSuccess && items.length === 0 ? <p>{t('account.sessionsNone')}</p> : null}
      {items.length > 0 ? (
        <ul className="session-list">
          {items.map((session) => (
            <SessionItem key={session.id} session={session} />
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        className="button-secondary"
        data-testid="revoke-other-sessions"
        disabled={revoke.isPending || (sessions.isSuccess && !hasOthers)}
        onClick={() => revoke.mutate()}
      >
        {t('account.revokeOthers')}
      </button>
    </section>
  );
}

function SessionItem({ session }: { session: UserSession }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li className={session.current ? 'session session-current' : 'session'}>
      <p className="session-device">
        <strong>{describeUserAgent(session.userAgent) ?? t('account.sessionUnknownDevice')}</strong>
        {session.current ? <span className="badge badge-ok">{t('account.sessionCurrent')}</span> : null}
      </p>
      <dl className="session-meta">
        <div>
          <dt>{t('account.sessionIp')}</dt>
          <dd>{session.ip ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('account.sessionCreated')}</dt>
          <dd>{formatDateTime(session.createdAt, language)}</dd>
        </div>
        <div>
          <dt>{t('account.sessionLastUsed')}</dt>
          <dd>{formatDateTime(session.lastUsedAt, language)}</dd>
        </div>
      </dl>
    </li>
  );
}
