import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from '../../auth/guards';
import { isStaff } from '../../auth/staff';
import { useSession } from '../../auth/use-session';
import { useTranslation } from '../../i18n/use-translation';
import { usePageTitle } from '../../lib/use-page-title';
import { NotFoundPage } from '../not-found-page';
import { ShortlistPage } from './shortlist-page';
import { ShortlistsPage } from './shortlists-page';
import '../../i18n/parts/shortlists';
import '../../i18n/parts/profile';
import '../../i18n/parts/profile-values';
import '../../i18n/parts/curation';

/** `/shortlists/*`: one guard for the staff-only pages. */
export function ShortlistsArea() {
  return (
    <RequireAuth>
      <StaffOnly>
        <Routes>
          <Route index element={<ShortlistsPage />} />
          <Route path=":id" element={<ShortlistPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </StaffOnly>
    </RequireAuth>
  );
}

function StaffOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const staff = isStaff(useSession().user);
  usePageTitle(staff ? '' : t('shortlists.staffOnlyTitle'));
  if (staff) return children;
  return (
    <section className="page page-narrow" data-testid="forbidden">
      <h1>{t('shortlists.staffOnlyTitle')}</h1>
      <p className="notice notice-error">{t('shortlists.staffOnlyBody')}</p>
    </section>
  );
}
