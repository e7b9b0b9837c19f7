import { Route, Routes } from 'react-router';
import { RequireAuth } from './auth/guards';
import { Layout } from './components/layout';
import {
  AcceptInvitationPage,
  AccountPage,
  AdminArea,
  AssociationsPage,
  ClaimProfilePage,
  CurationArea,
  DataRightsPage,
  MyPrivacyPage,
  ExpertPage,
  ForgotPasswordPage,
  HomePage,
  MyMembershipsPage,
  NotFoundPage,
  PrivacyPage,
  ProfileEditPage,
  ResetPasswordPage,
  SearchPage,
  ShortlistsArea,
  SignInPage,
  SignUpPage,
  VerificationPage,
  VerifyEmailPage,
  ConsultationsArea,
  PublicConsultationsArea,
  PublicStatisticsPage,
  ReportsArea,
  AwardsArea,
  ProgramsArea,
  OffersArea,
  CommitmentsPage,
  NotificationsPage,
} from './routes/lazy-pages';

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
          path="account/privacy"
          element={
            <RequireAuth>
              <MyPrivacyPage />
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
        {/* Curators and admins; the area guards itself (see curation-area.tsx). */}
        <Route path="curation/*" element={<CurationArea />} />
        {/* One guard for the whole admin area (admin-area.tsx): a new admin page cannot forget it. */}
        <Route path="admin/*" element={<AdminArea />} />
        {/* Agencies, organisers and invited experts; the area checks the role of each page. */}
        <Route path="consultations/*" element={<ConsultationsArea />} />
        <Route path="public/consultations/*" element={<PublicConsultationsArea />} />
        {/* Staff: the dashboard and yearly reports (reports-area.tsx checks each page's roles); visitors: the public statistics. */}
        <Route path="reports/*" element={<ReportsArea />} />
        <Route path="statistics" element={<PublicStatisticsPage />} />
        <Route path="awards/*" element={<AwardsArea />} />
        {/* Talent-attraction programs: public catalogue, experts' eligibility and applications, officers' workspace (each page guards itself). */}
        <Route path="programs/*" element={<ProgramsArea />} />
        <Route path="offers/*" element={<OffersArea />} />
        <Route
          path="commitments"
          element={
            <RequireAuth>
              <CommitmentsPage />
            </RequireAuth>
          }
        />
        <Route
          path="notifications"
          element={
            <RequireAuth>
              <NotificationsPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
