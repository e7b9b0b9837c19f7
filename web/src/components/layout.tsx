import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { useTranslation } from '../i18n/use-translation';
import { Loading } from './loading';
import { SiteHeader } from './site-header';

/**
 * After client-side navigation focus would stay on the clicked link, which no longer
 * exists for a screen reader; moving it to <main> makes the new page start at its top.
 */
function useFocusMainOnNavigate() {
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  // Compared by path rather than a "first run" flag, which StrictMode's doubled effects defeat.
  const lastPath = useRef(location.pathname);
  useEffect(() => {
    if (lastPath.current === location.pathname) return;
    lastPath.current = location.pathname;
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);
  return mainRef;
}

export function Layout() {
  const { t } = useTranslation();
  const mainRef = useFocusMainOnNavigate();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" ref={mainRef} tabIndex={-1}>
        {/* Pages are loaded on first visit (routes/lazy-pages.ts); header and footer stay put meanwhile. */}
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}
