import { lazy, type ComponentType } from 'react';
import { messagesReady } from '../i18n/parts/add-messages';
import { lazyWithQueries } from '../lazy-with-queries';

/**
 * Every page is its own chunk, loaded when its route is first opened: a visitor on the home or
 * search page does not download the editor, curation or admin code (the budget is checked by
 * tests/integration/web-bundle-budget.test.ts). Pages keep their named exports. Pages that fetch
 * data get the query cache (query-provider.tsx); the home, search and 404 pages do not need it (search
 * loads its answers with lib/request-cache.ts, and its staff-only parts bring the cache when shown).
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, { queries = true } = {}) {
  if (queries) return lazyWithQueries(async () => (await load())[name]);
  return lazy(async () => {
    const module = await load();
    await messagesReady(); // the page's message parts, in the current language
    return { default: module[name] };
  });
}

export const HomePage = page(() => import('../pages/home-page'), 'HomePage', { queries: false });
export const SignUpPage = page(() => import('../pages/auth/sign-up-page'), 'SignUpPage');
export const SignInPage = page(() => import('../pages/auth/sign-in-page'), 'SignInPage');
export const VerifyEmailPage = page(() => import('../pages/auth/verify-email-page'), 'VerifyEmailPage');
export const ForgotPasswordPage = page(() => import('../pages/auth/forgot-password-page'), 'ForgotPasswordPage');
export const ResetPasswordPage = page(() => import('../pages/auth/reset-password-page'), 'ResetPasswordPage');
export const AcceptInvitationPage = page(() => import('../pages/auth/accept-invitation-page'), 'AcceptInvitationPage');
export const ClaimProfilePage = page(() => import('../pages/auth/claim-profile-page'), 'ClaimProfilePage');
export const PrivacyPage = page(() => import('../pages/privacy-page'), 'PrivacyPage');
export const AccountPage = page(() => import('../pages/account/account-page'), 'AccountPage');
export const MyPrivacyPage = page(() => import('../pages/privacy/my-privacy-page'), 'MyPrivacyPage');
export const DataRightsPage = page(() => import('../pages/account/data-rights-page'), 'DataRightsPage');
export const ProfileEditPage = page(() => import('../pages/profile/profile-edit-page'), 'ProfileEditPage');
export const SearchPage = page(() => import('../pages/search/search-page'), 'SearchPage', { queries: false });
export const ExpertPage = page(() => import('../pages/experts/expert-page'), 'ExpertPage');
export const ShortlistsArea = page(() => import('../pages/shortlists/shortlists-area'), 'ShortlistsArea');
export const AssociationsPage = page(() => import('../pages/membership/associations-page'), 'AssociationsPage');
export const MyMembershipsPage = page(() => import('../pages/membership/my-memberships-page'), 'MyMembershipsPage');
export const VerificationPage = page(() => import('../pages/membership/verification-page'), 'VerificationPage');
export const CurationArea = page(() => import('../pages/curation/curation-area'), 'CurationArea');
export const AdminArea = page(() => import('../pages/admin/admin-area'), 'AdminArea');
export const NotFoundPage = page(() => import('../pages/not-found-page'), 'NotFoundPage', { queries: false });
export const ConsultationsArea = page(() => import('../pages/consultations/consultations-area'), 'ConsultationsArea');
export const PublicConsultationsArea = page(() => import('../pages/consultations/public-consultations-page'), 'PublicConsultationsArea');
export const NotificationsPage = page(() => import('../pages/notifications/notifications-page'), 'NotificationsPage');
export const ReportsArea = page(() => import('../pages/reports/reports-area'), 'ReportsArea');
export const PublicStatisticsPage = page(() => import('../pages/reports/public-statistics-page'), 'PublicStatisticsPage');
export const AwardsArea = page(() => import('../pages/awards/awards-area'), 'AwardsArea');
export const ProgramsArea = page(() => import('../pages/programs/programs-area'), 'ProgramsArea');
export const OffersArea = page(() => import('../pages/offers/offers-area'), 'OffersArea');
export const CommitmentsPage = page(() => import('../pages/commitments/commitments-page'), 'CommitmentsPage');
