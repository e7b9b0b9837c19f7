import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { myNoticeStatus, reviewNotice } from '../../api/privacy.api';
import { useTranslation } from '../../i18n/use-translation';
import { useLanguage } from '../../lib/use-language';
import '../../i18n/parts/privacy';

/** A newer privacy notice than the one the person read: shown until they confirm reading it. */
export function NoticeReviewPrompt() {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const status = useQuery({ queryKey: ['me', 'privacy-notice'], queryFn: myNoticeStatus });
  const review = useMutation({
    mutationFn: reviewNotice,
    onSuccess: (data) => client.setQueryData(['me', 'privacy-notice'], data),
  });
  if (!status.data?.needsReview) return null;
  const c = status.data.current.content[language === 'en' ? 'en' : 'vi'];
  return (
    <section className="panel notice-review" role="alert" aria-labelledby="notice-review-title" data-testid="notice-review">
      <h2 id="notice-review-title">{t('privacy.noticeTitle')}</h2>
      <p>{t('privacy.noticeBody', { version: status.data.current.version })}</p>
      <details>
        <summary>{t('privacy.noticeShow')}</summary>
        <dl>
          <dt>{t('privacy.noticeController')}</dt>
          <dd>{c.controller}</dd>
          {c.purposes.map((p) => (
            <dd key={p.purpose}>• {p.text}</dd>
          ))}
          <dt>{t('privacy.noticeCategories')}</dt>
          <dd>{c.dataCategories}</dd>
          <dt>{t('privacy.noticeRetention')}</dt>
          <dd>{c.retention}</dd>
          <dt>{t('privacy.noticeRights')}</dt>
          <dd>{c.rights}</dd>
        </dl>
      </details>
      <p className="form-actions">
        <button type="button" onClick={() => review.mutate()} disabled={review.isPending} data-testid="notice-review-done">
          {t('privacy.noticeRead')}
        </button>
      </p>
    </section>
  );
}
