import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { curationKeys, getDashboard } from '../../api/curation.api';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber, organisationName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { codeLabel } from '../../components/curation/curation-labels';
import { ImportsTable } from './imports-table';
import { useCuratorScope } from './use-curation';

/** What needs a curator first: the ageing verification queue, applications, duplicates, imports. */
export function CurationDashboardPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const scope = useCuratorScope();
  const organisation = useSession().user?.organisation;
  const dashboard = useQuery({ queryKey: curationKeys.dashboard, queryFn: getDashboard });
  usePageTitle(t('curation.dashboard.title'));
  const n = (value: number) => formatNumber(value, language);

  return (
    <>
      <h1>{t('curation.dashboard.title')}</h1>
      <p className="muted">
        {scope.all || !organisation ? t('curation.scopeAll') : t('curation.scopeOne', { name: organisationName(organisation, language) })}
      </p>
      {dashboard.isPending ? <Loading /> : null}
      {dashboard.isError ? <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {dashboard.data ? (
        <>
          <div className="stat-grid">
            <section className="panel stat-card" aria-labelledby="dash-verifications">
              <h2 id="dash-verifications">{t('curation.dashboard.verificationsTitle')}</h2>
              <p className="stat-number" data-testid="dashboard-pending-verifications">
                {n(dashboard.data.verification.pending)}
              </p>
              <ul className="age-buckets">
                <li className="age-new">
                  {t('curation.dashboard.under7')}: <strong>{n(dashboard.data.verification.ageing.under7Days)}</strong>
                </li>
                <li className="age-mid">
                  {t('curation.dashboard.from7To30')}: <strong>{n(dashboard.data.verification.ageing.from7To30Days)}</strong>
                </li>
                <li className="age-old">
                  {t('curation.dashboard.over30')}: <strong>{n(dashboard.data.verification.ageing.over30Days)}</strong>
                </li>
              </ul>
              {dashboard.data.verification.oldestDays !== null ? (
                <p className="muted">{t('curation.dashboard.oldest', { count: dashboard.data.verification.oldestDays })}</p>
              ) : null}
              {Object.keys(dashboard.data.verification.byType).length > 0 ? (
                <p className="muted">
                  {t('curation.dashboard.byType')}:{' '}
                  {Object.entries(dashboard.data.verification.byType)
                    .map(([type, count]) => `${codeLabel(t, 'verification.itemTypeShort', type)} ${n(count)}`)
                    .join(' · ')}
                </p>
              ) : null}
              <Link className="button-secondary button-small" to="/curation/verifications">
                {t('curation.dashboard.goVerifications')}
              </Link>
            </section>
            <section className="panel stat-card" aria-labelledby="dash-memberships">
              <h2 id="dash-memberships">{t('curation.dashboard.membershipsTitle')}</h2>
              <p className="stat-number">{n(dashboard.data.memberships.pending)}</p>
              <Link className="button-secondary button-small" to="/curation/memberships">
                {t('curation.dashboard.goMemberships')}
              </Link>
            </section>
            {scope.all ? (
              <section className="panel stat-card" aria-labelledby="dash-duplicates">
                <h2 id="dash-duplicates">{t('curation.dashboard.duplicatesTitle')}</h2>
                <p className="stat-number">{n(dashboard.data.duplicates.open)}</p>
                <Link className="button-secondary button-small" to="/curation/duplicates">
                  {t('curation.dashboard.goDuplicates')}
                </Link>
              </section>
            ) : null}
          </div>
          <section className="panel" aria-labelledby="dash-imports">
            <h2 id="dash-imports">{t('curation.dashboard.importsTitle')}</h2>
            {dashboard.data.imports.length === 0 ? (
              <p>{t('curation.dashboard.noImports')}</p>
            ) : (
              <ImportsTable jobs={dashboard.data.imports} />
            )}
            <Link className="button-secondary button-small" to="/curation/imports">
              {t('curation.dashboard.goImports')}
            </Link>
          </section>
        </>
      ) : null}
    </>
  );
}
