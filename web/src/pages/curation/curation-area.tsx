import type { ReactNode } from 'react';
import { NavLink, Outlet, Route, Routes } from 'react-router';
import { RequireAuth } from '../../auth/guards';
import { useTranslation } from '../../i18n/use-translation';
import { usePageTitle } from '../../lib/use-page-title';
import { NotFoundPage } from '../not-found-page';
import { CurationDashboardPage } from './curation-dashboard-page';
import { DuplicatesPage } from './duplicates-page';
import { ImportJobPage } from './import-job-page';
import { ImportsPage } from './imports-page';
import { MembersPage } from './members-page';
import { useCuratorScope } from './use-curation';
import { VerificationDetailPage } from './verification-detail-page';
import { VerificationQueuePage } from './verification-queue-page';
import '../../i18n/parts/curation';
import '../../i18n/parts/profile';
import '../../i18n/parts/profile-values';

/** `/curation/*`: one guard for every curator page (curators of the Union or an association, admins). */
export function CurationArea() {
  return (
    <RequireAuth>
      <CuratorsOnly>
        <Routes>
          <Route element={<CurationLayout />}>
            <Route index element={<CurationDashboardPage />} />
            <Route path="verifications" element={<VerificationQueuePage />} />
            <Route path="verifications/:id" element={<VerificationDetailPage />} />
            <Route path="memberships" element={<MembersPage />} />
            <Route path="duplicates" element={<DuplicatesPage />} />
            <Route path="imports" element={<ImportsPage />} />
            <Route path="imports/:id" element={<ImportJobPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </CuratorsOnly>
    </RequireAuth>
  );
}

function CuratorsOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const scope = useCuratorScope();
  usePageTitle(scope.isCurator ? '' : t('curation.forbiddenTitle'));
  if (scope.isCurator) return children;
  return (
    <section className="page page-narrow" data-testid="forbidden">
      <h1>{t('curation.forbiddenTitle')}</h1>
      <p className="notice notice-error">{t('curation.forbiddenBody')}</p>
    </section>
  );
}

function CurationLayout() {
  const { t } = useTranslation();
  const scope = useCuratorScope();
  const tabs = [
    { to: '/curation', label: t('curation.tabs.dashboard'), end: true },
    { to: '/curation/verifications', label: t('curation.tabs.verifications') },
    { to: '/curation/memberships', label: t('curation.tabs.memberships') },
    // Duplicates span associations: the server leaves them to the Union's curators and admins.
    ...(scope.all ? [{ to: '/curation/duplicates', label: t('curation.tabs.duplicates') }] : []),
    { to: '/curation/imports', label: t('curation.tabs.imports') },
  ];
  return (
    <div className="page curation">
      <nav className="sub-nav" aria-label={t('curation.tabsLabel')}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab.to}>
              <NavLink to={tab.to} end={tab.end ?? false}>
                {tab.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
