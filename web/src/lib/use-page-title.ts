import { useEffect } from 'react';
import { useTranslation } from '../i18n/use-translation';

/** Each page names itself in the tab title, which is also what screen readers announce first. */
export function usePageTitle(title: string) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = title && title !== appName ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}
