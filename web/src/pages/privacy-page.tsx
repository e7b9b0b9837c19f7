import { PrivacyNoticeText } from '../components/privacy-notice';
import { useTranslation } from '../i18n/use-translation';
import { usePageTitle } from '../lib/use-page-title';

export function PrivacyPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.title'));
  return (
    <section className="page page-narrow">
      <h1>{t('privacy.title')}</h1>
      <PrivacyNoticeText />
    </section>
  );
}
