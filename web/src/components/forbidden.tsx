import { useTranslation } from '../i18n/use-translation';
import { usePageTitle } from '../lib/use-page-title';

export function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('guard.forbiddenTitle'));
  return (
    <section className="page page-narrow" data-testid="forbidden">
      <h1>{t('guard.forbiddenTitle')}</h1>
      <p className="notice notice-error">{t('guard.forbiddenBody')}</p>
    </section>
  );
}
