import { Link } from 'react-router';
import { useTranslation } from '../../i18n/use-translation';
import { usePageTitle } from '../../lib/use-page-title';
import { ConsentsPanel } from './data/consents-panel';
import { DeleteAccountPanel } from './data/delete-account-panel';
import { ExportPanel } from './data/export-panel';
import '../../i18n/parts/data-rights';

/** /account/data: the data subject's rights under Decree 13/2023 — access, consent history, erasure. */
export function DataRightsPage() {
  const { t } = useTranslation();
  usePageTitle(t('dataRights.title'));
  return (
    <div className="page data-rights-page">
      <p className="no-print">
        <Link to="/account">← {t('dataRights.backToAccount')}</Link>
      </p>
      <h1>{t('dataRights.title')}</h1>
      <p className="lead">{t('dataRights.intro')}</p>
      <ExportPanel />
      <ConsentsPanel />
      <DeleteAccountPanel />
    </div>
  );
}
