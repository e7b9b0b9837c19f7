import { Navigate, Route, Routes } from 'react-router';
import { RequireAdmin } from '../../auth/require-admin';
import { NotFoundPage } from '../not-found-page';
import { AdminAuditPage } from './admin-audit-page';
import { AdminOrganisationsPage } from './admin-organisations-page';
import { AdminTaxonomyPage } from './admin-taxonomy-page';
import { AdminUsersPage } from './admin-users-page';
import { AdminPrivacyRequestsPage } from '../privacy/admin-privacy-requests-page';
import { AdminBreachesPage } from '../privacy/admin-breaches-page';

/** `/admin/*`: one guard for the whole admin area, so a new admin page cannot forget it. */
export function AdminArea() {
  return (
    <RequireAdmin>
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
    </RequireAdmin>
  );
}
