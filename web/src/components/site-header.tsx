import { useState } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { signOut } from '../api/auth.api';
import { isStaff } from '../auth/staff';
import { useSession } from '../auth/use-session';
import { useTranslation } from '../i18n/use-translation';
import { AdminMenu } from './admin-menu';
import { LanguageSwitch } from './language-switch';
import { useUnreadNotifications } from './use-unread-notifications';

export function SiteHeader() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);
  // Phones: the nav is behind a menu button (CSS shows it inline on wider screens).
  const [menuOpen, setMenuOpen] = useState(false);
  const user = session.user;

  const handleSignOut = async () => {
    setSigningOut(true);
    await signOut(); // main.tsx drops the query cache whenever a session ends
    setSigningOut(false);
    void navigate('/sign-in', { replace: true });
  };

  return (
    <header className="site-header">
      <div className="header-inner" data-menu-open={menuOpen}>
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-text">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <button
          type="button"
          className="menu-toggle button-secondary button-small"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          data-testid="nav-menu-toggle"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span className="menu-icon" aria-hidden="true" />
          {t('nav.menu')}
        </button>
        <nav
          id="main-nav"
          className="main-nav"
          aria-label={t('nav.main')}
          // Following a link closes the phone menu (the admin group's toggle is a button, not a link).
          onClick={(event) => {
            if ((event.target as Element).closest('a')) setMenuOpen(false);
          }}
        >
          <ul>
            <li>
              <NavLink to="/" end>
                {t('nav.home')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/experts" end data-testid="nav-search">
                {t('nav.search')}
              </NavLink>
            </li>
            {isStaff(user) ? (
              <li>
                <NavLink to="/shortlists" data-testid="nav-shortlists">
                  {t('nav.shortlists')}
                </NavLink>
              </li>
            ) : null}
            {user ? (
              <li>
                <NavLink to="/consultations" data-testid="nav-consultations">
                  {t('consultations.navLink')}
                </NavLink>
              </li>
            ) : null}
            {/* The public record, for visitors and experts; staff reach it from their consultations. */}
            {isStaff(user) ? null : (
              <li>
                <NavLink to="/public/consultations" data-testid="nav-public-consultations">
                  {t('consultations.publicNav')}
                </NavLink>
              </li>
            )}
            {isStaff(user) ? (
              <li>
                <NavLink to="/reports" data-testid="nav-reports">
                  {t('nav.reports')}
                </NavLink>
              </li>
            ) : (
              <li>
                <NavLink to="/statistics" data-testid="nav-statistics">
                  {t('nav.statistics')}
                </NavLink>
              </li>
            )}
            <li>
              <NavLink to="/programs">{t('nav.programs')}</NavLink>
            </li>
            <li>
              <NavLink to="/offers" data-testid="nav-offers">
                {t('nav.offers')}
              </NavLink>
            </li>
            {user && ['agency', 'officer', 'admin'].includes(user.role) ? (
              <li>
                <NavLink to="/commitments" data-testid="nav-commitments">
                  {t('nav.commitments')}
                </NavLink>
              </li>
            ) : null}
            <li>
              <NavLink to="/awards" data-testid="nav-awards">
                {t('nav.awards')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/associations" data-testid="nav-associations">
                {t('nav.associations')}
              </NavLink>
            </li>
            {user?.role === 'expert' ? (
              <li>
                <NavLink to="/profile/edit" data-testid="nav-my-profile">
                  {t('nav.myProfile')}
                </NavLink>
              </li>
            ) : null}
            {user?.role === 'expert' ? (
              <li>
                <NavLink to="/account/memberships" data-testid="nav-my-associations">
                  {t('nav.myAssociations')}
                </NavLink>
              </li>
            ) : null}
            {user?.role === 'curator' || user?.role === 'admin' ? (
              <li>
                <NavLink to="/curation" data-testid="nav-curation">
                  {t('nav.curation')}
                </NavLink>
              </li>
            ) : null}
            {user ? (
              <li>
                <NavLink to="/account">{t('nav.account')}</NavLink>
              </li>
            ) : null}
            {user?.role === 'admin' ? <AdminMenu /> : null}
            {session.status === 'anonymous' ? (
              <>
                <li>
                  <NavLink to="/sign-in">{t('nav.signIn')}</NavLink>
                </li>
                <li>
                  <NavLink to="/sign-up" className="nav-cta">
                    {t('nav.signUp')}
                  </NavLink>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
        <div className="header-tools">
          {user ? <NotificationsLink /> : null}
          <LanguageSwitch />
          {user ? (
            <button
              type="button"
              className="button-secondary button-small"
              data-testid="sign-out"
              onClick={() => void handleSignOut()}
              disabled={signingOut}
            >
              {t('nav.signOut')}
            </button>
          ) : null}
        </div>
      </div>
    </header>
  );
}

/** The notification centre with its unread count, checked every minute while signed in. */
function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useUnreadNotifications(true);
  return (
    <NavLink to="/notifications" className="header-link" data-testid="nav-notifications">
      {t('notifications.title')}
      {unread > 0 ? (
        <span className="badge" aria-label={t('notifications.unread', { count: unread })}>
          {unread}
        </span>
      ) : null}
    </NavLink>
  );
}
