import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAdmin, RequireAuth } from './auth/guards';
import { Layout } from './components/layout';
import { Loading } from './components/loading';
import { AcceptInvitationPage } from './pages/auth/accept-invitation-page';
import { AccountPage } from './pages/account/account-page';
import { DataRightsPage } from './pages/account/data-rights-page';
import { AdminAuditPage } from './pages/admin/admin-audit-page';
import { AdminOrganisationsPage } from './pages/admin/admin-organisations-page';
import { AdminUsersPage } from './pages/admin/admin-users-page';
import { ClaimProfilePage } from './pages/auth/claim-profile-page';
import { CurationArea } from './pages/curation/curation-area';
import { ExpertPage } from './pages/experts/expert-page';
import { ForgotPasswordPage } from './pages/auth/forgot-password-page';
import { HomePage } from './pages/home-page';
import { AssociationsPage } from './pages/membership/associations-page';
import { MyMembershipsPage } from './pages/membership/my-memberships-page';
import { VerificationPage } from './pages/membership/verification-page';
import { NotFoundPage } from './pages/not-found-page';
import { PrivacyPage } from './pages/privacy-page';
import { ProfileEditPage } from './pages/profile/profile-edit-page';
import { ResetPasswordPage } from './pages/auth/reset-password-page';
import { SearchPage } from './pages/search/search-page';
import { ShortlistsArea } from './pages/shortlists/shortlists-area';
import { SignInPage } from './pages/auth/sign-in-page';
import { SignUpPage } from './pages/auth/sign-up-page';
import { VerifyEmailPage } from './pages/auth/verify-email-page';

// Consultations load on demand: the visitor's first page does not carry them.
const ConsultationsArea = lazy(() => import('./pages/consultations/consultations-area'));
const PublicConsultationsArea = lazy(() => import('./pages/consultations/public-consultations-page'));
const NotificationsPage = lazy(() => import('./pages/notifications/notifications-page'));

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="verify-email" element={<VerifyEmailPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="accept-invitation" element={<AcceptInvitationPage />} />
        <Route path="privacy" element={<PrivacyPage />} />
        <Route
          path="account"
          element={
            <RequireAuth>
              <AccountPage />
            </RequireAuth>
          }
        />
        <Route
          path="account/data"
          element={
            <RequireAuth>
              <DataRightsPage />
            </RequireAuth>
          }
        />
        <Route
          path="profile/edit"
          element={
            <RequireAuth>
              <ProfileEditPage />
            </RequireAuth>
          }
        />
        <Route
          path="claim-profile"
          element={
            <RequireAuth>
              <ClaimProfilePage />
            </RequireAuth>
          }
        />
        <Route path="experts" element={<SearchPage />} />
        <Route path="experts/:id" element={<ExpertPage />} />
        <Route path="shortlists/*" element={<ShortlistsArea />} />
        <Route path="associations" element={<AssociationsPage />} />
        <Route
          path="account/memberships"
          element={
            <RequireAuth>
              <MyMembershipsPage />
            </RequireAuth>
          }
        />
        <Route
          path="profile/verification"
          element={
            <RequireAuth>
              <VerificationPage />
            </RequireAuth>
          }
        />
        <Route
          path="consultations/*"
          element={
            <Suspense fallback={<Loading />}>
              <ConsultationsArea />
            </Suspense>
          }
        />
        <Route
          path="notifications"
          element={
            <Suspense fallback={<Loading />}>
              <NotificationsPage />
            </Suspense>
          }
        />
        <Route
          path="public/consultations/*"
          element={
            <Suspense fallback={<Loading />}>
              <PublicConsultationsArea />
            </Suspense>
          }
        />
        {/* Curators and admins; the area guards itself (see curation-area.tsx). */}
        <Route path="curation/*" element={<CurationArea />} />
        {/* One guard for the whole admin area: a new admin page cannot forget it. */}
        <Route path="admin/*" element={<AdminArea />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function AdminArea() {
  return (
    <RequireAdmin>
      <Routes>
        <Route index element={<Navigate to="users" replace />} />
        <Route path="users" element={<AdminUsersPage />} />
        <Route path="organisations" element={<AdminOrganisationsPage />} />
        <Route path="audit" element={<AdminAuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireAdmin>
  );
}
