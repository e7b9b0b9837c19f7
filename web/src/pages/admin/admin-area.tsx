import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAdmin } from '../../auth/require-admin';
import { Loading } from '../../components/loading';
import { NotFoundPage } from '../not-found-page';
import '../../i18n/parts/admin';

// Each admin page is its own chunk: the first admin page loads only its own forms and schemas.
const AdminUsersPage = lazy(async () => ({ default: (await import('./admin-users-page')).AdminUsersPage }));
const AdminOrganisationsPage = lazy(async () => ({ default: (await import('./admin-organisations-page')).AdminOrganisationsPage }));
const AdminAuditPage = lazy(async () => ({ default: (await import('./admin-audit-page')).AdminAuditPage }));
const AdminTaxonomyPage = lazy(async () => ({ default: (await import('./admin-taxonomy-page')).AdminTaxonomyPage }));
const AdminPrivacyRequestsPage = lazy(async () => ({
  default: (await import('../privacy/admin-privacy-requests-page')).AdminPrivacyRequestsPage,
}));
const AdminBreachesPage = lazy(async () => ({ default: (await import('../privacy/admin-breaches-page')).AdminBreachesPage }));

/** `/admin/*`: one guard for the whole admin area, so a new admin page cannot forget it. */
export function AdminArea() {
  return (
    <RequireAdmin>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<Navigate to="users" replace />} />
          <Route path="users" element={<AdminUsersPage />} />
          <Route path="organisations" element={<AdminOrganisationsPage />} />
          <Route path="audit" element={<AdminAuditPage />} />
          <Route path="privacy/requests" element={<AdminPrivacyRequestsPage />} />
          <Route path="privacy/breaches" element={<AdminBreachesPage />} />
          <Route path="taxonomy" element={<AdminTaxonomyPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </RequireAdmin>
  );
}
