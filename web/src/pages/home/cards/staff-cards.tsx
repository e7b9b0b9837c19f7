import { useQuery } from '@tanstack/react-query';
import { curationKeys, getDashboard } from '../../../api/curation.api';
import { listShortlists, shortlistKeys } from '../../../api/shortlists.api';
import { Loading } from '../../../components/loading';
import { useTranslation } from '../../../i18n/use-translation';
import { Fact, HomeCard } from '../home-card';

export function SearchCard() {
  const { t } = useTranslation();
  return (
    <HomeCard title={t('roleHome.search.title')} action={{ to: '/experts', label: t('roleHome.search.action') }} testId="home-card-search">
      <p>{t('roleHome.search.body')}</p>
    </HomeCard>
  );
}

/** The staff member's shortlists: how many, and how many experts in them. */
export function ShortlistsCard() {
  const { t } = useTranslation();
  const lists = useQuery({ queryKey: shortlistKeys.list, queryFn: listShortlists });
  const items = lists.data?.items ?? [];
  return (
    <HomeCard
      title={t('roleHome.shortlists.title')}
      action={{ to: '/shortlists', label: t('roleHome.shortlists.action') }}
      testId="home-card-shortlists"
    >
      {lists.isPending ? (
        <Loading />
      ) : lists.isError ? (
        <p>{t('roleHome.loadFailed')}</p>
      ) : items.length === 0 ? (
        <p>{t('roleHome.shortlists.none')}</p>
      ) : (
        <dl className="facts">
          <Fact label={t('roleHome.shortlists.lists')} value={items.length} />
          <Fact label={t('roleHome.shortlists.experts')} value={items.reduce((n, list) => n + list.count, 0)} />
        </dl>
      )}
    </HomeCard>
  );
}

/** What waits for a curator, and how long the verification requests have waited. */
export function CurationQueuesCard() {
  const { t } = useTranslation();
  const dashboard = useQuery({ queryKey: curationKeys.dashboard, queryFn: getDashboard });
  const d = dashboard.data;
  return (
    <HomeCard title={t('roleHome.queues.title')} action={{ to: '/curation', label: t('roleHome.queues.action') }} testId="home-card-queues">
      {dashboard.isPending ? (
        <Loading />
      ) : !d ? (
        <p>{t('roleHome.loadFailed')}</p>
      ) : (
        <>
          <dl className="facts">
            <Fact label={t('roleHome.queues.verifications')} value={d.verification.pending} warn={d.verification.ageing.over30Days > 0} />
          </dl>
          {d.verification.pending > 0 ? (
            <p className="muted">
              {`${d.verification.ageing.under7Days} ${t('roleHome.queues.under7')} · ${d.verification.ageing.from7To30Days} ${t('roleHome.queues.from7To30')} · ${d.verification.ageing.over30Days} ${t('roleHome.queues.over30')}`}
              {d.verification.oldestDays !== null ? ` · ${t('roleHome.queues.oldest', { count: d.verification.oldestDays })}` : ''}
            </p>
          ) : null}
          <dl className="facts">
            <Fact label={t('roleHome.queues.memberships')} value={d.memberships.pending} />
            <Fact label={t('roleHome.queues.duplicates')} value={d.duplicates.open} />
          </dl>
        </>
      )}
    </HomeCard>
  );
}
