import { Suspense } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../auth/use-session';
import { useTranslation } from '../i18n/use-translation';
import type { HomeNotice } from './account/data/delete-account-panel';
import { Loading } from '../components/loading';
import { lazyWithQueries } from '../lazy-with-queries';
import { usePageTitle } from '../lib/use-page-title';
import '../i18n/parts/welcome';

/** The signed-in home (cards per role) and the query cache it needs: loaded only once someone is signed in. */
const RoleHome = lazyWithQueries(async () => (await import('./home/role-home')).RoleHome);

export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const notice = (useLocation().state as HomeNotice | null)?.notice;
  usePageTitle('');

  const purposes = [t('home.purposeRegistry'), t('home.purposeConsultation'), t('home.purposeCuration'), t('home.purposePolicies')];
  const audiences = [
    { title: t('home.expertsTitle'), body: t('home.expertsBody') },
    { title: t('home.agenciesTitle'), body: t('home.agenciesBody') },
    { title: t('home.unionTitle'), body: t('home.unionBody') },
  ];

  if (session.user) {
    return (
      <Suspense fallback={<Loading />}>
        <RoleHome />
      </Suspense>
    );
  }

  return (
    <div className="home">
      {notice === 'accountDeleted' ? (
        <div className="page page-notice" role="status">
          <p className="notice notice-success" data-testid="account-deleted">
            {t('home.accountDeleted')}
          </p>
        </div>
      ) : null}
      <section className="hero">
        <div className="hero-inner">
          <h1>{t('home.title')}</h1>
          <p className="hero-lead">{t('home.lead')}</p>
          <div className="hero-actions">
            <Link className="button-primary button-large" to="/sign-up">
              {t('home.ctaSignUp')}
            </Link>
            <Link className="button-light button-large" to="/sign-in">
              {t('home.ctaSignIn')}
            </Link>
          </div>
        </div>
      </section>

      <section className="page" aria-labelledby="purpose-title">
        <h2 id="purpose-title">{t('home.purposeTitle')}</h2>
        <ul className="purpose-list">
          {purposes.map((purpose) => (
            <li key={purpose}>{purpose}</li>
          ))}
        </ul>

        <h2 id="audience-title">{t('home.audienceTitle')}</h2>
        <ul className="card-grid" aria-labelledby="audience-title">
          {audiences.map((audience) => (
            <li className="card" key={audience.title}>
              <h3>{audience.title}</h3>
              <p>{audience.body}</p>
            </li>
          ))}
        </ul>

        <p className="basis">{t('home.basis')}</p>
        <p className="muted">
          {t('home.privacyNote')} <Link to="/privacy">{t('privacy.title')}</Link>
        </p>
      </section>
    </div>
  );
}
