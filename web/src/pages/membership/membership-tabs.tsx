import { NavLink } from 'react-router';
import { useTranslation } from '../../i18n/use-translation';

/** The expert's two pages about associations: memberships and verification. */
export function MembershipTabs() {
  const { t } = useTranslation();
  return (
    <nav className="sub-nav" aria-label={t('membership.tabsLabel')}>
      <ul>
        <li>
          <NavLink to="/account/memberships">{t('membership.tabs.memberships')}</NavLink>
        </li>
        <li>
          <NavLink to="/profile/verification">{t('membership.tabs.verification')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
