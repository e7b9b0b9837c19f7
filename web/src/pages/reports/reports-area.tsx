import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from '../../auth/guards';
import { useSession } from '../../auth/use-session';
import { useTranslation } from '../../i18n/use-translation';
import { NotFoundPage } from '../not-found-page';
import { AnnualPrintPage } from './annual-print-page';
import { AnnualReportPage } from './annual-report-page';
import { DashboardPage } from './dashboard-page';
import '../../i18n/parts/reports';
import './reports.css';

/** `/reports/*`: the dashboard (officers, admins, curators) and the yearly report (every staff member of an organisation). */
export function ReportsArea() {
  return (
    <RequireAuth>
      <Routes>
        <Route index element={<DashboardOnly />} />
        <Route path="annual" element={<Navigate to={`/reports/annual/${new Date().getFullYear() - 1}`} replace />} />
        <Route path="annual/:year" element={<StaffOnly>{<AnnualReportPage />}</StaffOnly>} />
        <Route path="annual/:year/print" element={<StaffOnly>{<AnnualPrintPage />}</StaffOnly>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireAuth>
  );
}

function Forbidden() {
  const { t } = useTranslation();
  return (
    <section className="page page-narrow" data-testid="forbidden">
      <h1>{t('reports.title')}</h1>
      <p className="notice notice-error">{t('reports.forbidden')}</p>
    </section>
  );
}

function DashboardOnly() {
  const role = useSession().user?.role;
  if (role === 'officer' || role === 'admin' || role === 'curator') return <DashboardPage />;
  if (role === 'agency') return <Navigate to="/reports/annual" replace />;
  return <Forbidden />;
}

function StaffOnly({ children }: { children: ReactNode }) {
  const role = useSession().user?.role;
  return role && role !== 'expert' ? children : <Forbidden />;
}
