import { useQuery } from '@tanstack/react-query';
import { getPrivacyNotice } from '../api/auth.api';
import { useTranslation } from '../i18n/use-translation';
import { useLanguage } from '../lib/use-language';
import { Loading } from './loading';
import { QueryError } from './query-error';

export function usePrivacyNotice() {
  return useQuery({ queryKey: ['privacy-notice'], queryFn: getPrivacyNotice, staleTime: 60 * 60 * 1000 });
}

/** The notice is plain text from the server: shown as paragraphs, never as HTML. */
export function PrivacyNoticeText() {
  const { t } = useTranslation();
  const language = useLanguage();
  const notice = usePrivacyNotice();
  if (notice.isPending) return <Loading />;
  if (notice.isError) return <QueryError error={notice.error} onRetry={() => void notice.refetch()} />;
  const paragraphs = notice.data[language].split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <div className="privacy-text" lang={language}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>{paragraph.trim()}</p>
      ))}
      <p className="muted">{t('privacy.version', { version: notice.data.version })}</p>
    </div>
  );
}
