import type { SearchStatus } from '@hpen/server/contracts';
import { useQuery } from '@tanstack/react-query';
import { listAudit, listUsers } from '../../../api/admin.api';
import { apiRequest } from '../../../api/client';
import { Loading } from '../../../components/loading';
import { useTranslation } from '../../../i18n/use-translation';
import { formatDateTime } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import { auditActionLabel } from '../../admin/audit-labels';
import { Fact, HomeCard } from '../home-card';

/** Accounts in all, and the ones that need an admin (invitations not accepted, disabled). */
export function UsersCard() {
  const { t } = useTranslation();
  const total = useQuery({ queryKey: ['home', 'users', 'all'], queryFn: () => listUsers({ pageSize: 1 }) });
  const invited = useQuery({ queryKey: ['home', 'users', 'invited'], queryFn: () => listUsers({ pageSize: 1, status: 'invited' }) });
  const disabled = useQuery({ queryKey: ['home', 'users', 'disabled'], queryFn: () => listUsers({ pageSize: 1, status: 'disabled' }) });
  return (
    <HomeCard title={t('roleHome.users.title')} action={{ to: '/admin/users', label: t('roleHome.users.action') }} testId="home-card-users">
      {total.isPending ? (
        <Loading />
      ) : total.isError ? (
        <p>{t('roleHome.loadFailed')}</p>
      ) : (
        <dl className="facts">
          <Fact label={t('roleHome.users.total')} value={total.data.total} />
          <Fact label={t('roleHome.users.invited')} value={invited.data?.total ?? '…'} />
          <Fact label={t('roleHome.users.disabled')} value={disabled.data?.total ?? '…'} />
        </dl>
      )}
    </HomeCard>
  );
}

const getSearchStatus = () => apiRequest<SearchStatus>('/admin/search/status');

/** The search sync at a glance: Meilisearch reachable, outbox backlog and lag, a running reindex. */
export function SystemHealthCard() {
  const { t } = useTranslation();
  const status = useQuery({ queryKey: ['admin', 'search', 'status'], queryFn: getSearchStatus, refetchInterval: 15_000 });
  const s = status.data;
  // How long the oldest waiting change had waited when the status was read.
  const lag = s?.outbox.oldestPendingAt
    ? Math.max(0, Math.round((status.dataUpdatedAt - Date.parse(s.outbox.oldestPendingAt)) / 1000))
    : null;
  const indexed = s?.indexes.agencies ?? null;
  return (
    <HomeCard title={t('roleHome.health.title')} testId="home-card-health">
      {status.isPending ? (
        <Loading />
      ) : !s ? (
        <p>{t('roleHome.loadFailed')}</p>
      ) : (
        <dl className="facts">
          <Fact
            label={t('roleHome.health.meili')}
            value={indexed === null ? t('roleHome.health.meiliDown') : t('roleHome.health.meiliUp', { count: indexed })}
            warn={indexed === null}
          />
          <Fact label={t('roleHome.health.pending')} value={s.outbox.pending} />
          <Fact label={t('roleHome.health.failing')} value={s.outbox.failing} warn={s.outbox.failing > 0} />
          <Fact
            label={t('roleHome.health.lag')}
            value={lag === null ? t('roleHome.health.lagNone') : t('roleHome.health.lagSeconds', { count: lag })}
          />
          <Fact
            label={t('roleHome.health.reindex')}
            value={
              s.reindex.running
                ? t('roleHome.health.reindexRunning', { done: s.reindex.done, total: s.reindex.total })
                : t('roleHome.health.reindexIdle')
            }
          />
          {s.meilisearchRestarts !== null ? (
            <Fact label={t('roleHome.health.restarts')} value={s.meilisearchRestarts} warn={s.meilisearchRestarts > 0} />
          ) : null}
          {s.outbox.lastError ? <Fact label={t('roleHome.health.lastError')} value={s.outbox.lastError} warn /> : null}
        </dl>
      )}
    </HomeCard>
  );
}

/** The last few things that happened, labelled as in the audit log. */
export function AuditCard() {
  const { t } = useTranslation();
  const language = useLanguage();
  const audit = useQuery({ queryKey: ['home', 'audit'], queryFn: () => listAudit({ pageSize: 5 }) });
  return (
    <HomeCard title={t('roleHome.audit.title')} action={{ to: '/admin/audit', label: t('roleHome.audit.action') }} testId="home-card-audit">
      {audit.isPending ? (
        <Loading />
      ) : audit.isError ? (
        <p>{t('roleHome.loadFailed')}</p>
      ) : audit.data.items.length === 0 ? (
        <p>{t('roleHome.audit.none')}</p>
      ) : (
        <ul className="home-activity">
          {audit.data.items.map((entry) => (
            <li key={entry.id}>
              <span>{auditActionLabel(entry.action, t)}</span> <span className="muted">{formatDateTime(entry.createdAt, language)}</span>
            </li>
          ))}
        </ul>
      )}
    </HomeCard>
  );
}
