import { useEffect, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useTranslation } from '../i18n/use-translation';

/**
 * The admin's pages behind one "Quản trị" button (a disclosure, not an ARIA menu: plain links
 * the keyboard reaches with Tab). Escape or a click elsewhere closes it; so does following a link.
 */
export function AdminMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLLIElement>(null);
  const inAdmin = useLocation().pathname.startsWith('/admin');

  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('click', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('click', close);
    };
  }, [open]);

  const items = [
    { to: '/admin/users', label: t('nav.adminUsers'), testId: 'nav-admin-users' },
    { to: '/admin/organisations', label: t('nav.adminOrganisations'), testId: 'nav-admin-organisations' },
    { to: '/admin/audit', label: t('nav.adminAudit'), testId: 'nav-admin-audit' },
    { to: '/admin/privacy/requests', label: t('nav.adminPrivacyRequests'), testId: 'nav-admin-privacy-requests' },
    { to: '/admin/privacy/breaches', label: t('nav.adminBreaches'), testId: 'nav-admin-breaches' },
    { to: '/admin/taxonomy', label: t('nav.adminTaxonomy'), testId: 'nav-admin-taxonomy' },
  ];
  return (
    <li className="nav-group" ref={root}>
      <button
        type="button"
        className={inAdmin ? 'nav-group-toggle active' : 'nav-group-toggle'}
        aria-expanded={open}
        aria-controls="admin-menu"
        data-testid="nav-admin"
        onClick={() => setOpen((current) => !current)}
      >
        {t('nav.admin')}
        <span className="nav-caret" aria-hidden="true" />
      </button>
      <ul id="admin-menu" className="nav-group-items" hidden={!open}>
        {items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} data-testid={item.testId} onClick={() => setOpen(false)}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </li>
  );
}
