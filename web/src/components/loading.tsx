import { useTranslation } from '../i18n/use-translation';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> {t('app.loading')}
    </p>
  );
}
