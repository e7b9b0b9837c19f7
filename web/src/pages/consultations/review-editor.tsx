import { reviewSections } from '@hpen/server/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { consultationKeys, getMyReview, saveMyReview, submitMyReview } from '../../api/consultations.api';
import { useTranslation } from '../../i18n/use-translation';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { useCaseAction } from './use-case-action';

/** The structured review: drafts saved any number of times, submitted once, then read-only. */
export function ReviewEditor({ caseId }: { caseId: string }) {
  const q = useQuery({ queryKey: consultationKeys.myReview(caseId), queryFn: () => getMyReview(caseId) });
  if (!q.data) return null;
  return <ReviewForm caseId={caseId} initial={q.data.content} done={q.data.submittedAt} />;
}

function ReviewForm({ caseId, initial, done }: { caseId: string; initial: Record<string, string>; done: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [content, setContent] = useState<Record<string, string>>(initial);
  const [saved, setSaved] = useState(false);
  const save = useCaseAction(
    (body: Record<string, string>) => saveMyReview(caseId, body),
    () => setSaved(true),
  );
  const submit = useCaseAction(async (body: Record<string, string>) => {
    await saveMyReview(caseId, body);
    return submitMyReview(caseId);
  });
  return (
    <section className="panel" aria-labelledby="review-title" data-testid="review-editor">
      <h2 id="review-title">{t('consultations.review.title')}</h2>
      {done ? <p className="notice notice-success">{t('consultations.review.submitted', { at: formatDateTime(done, language) })}</p> : null}
      <form className="form" onSubmit={(e) => (e.preventDefault(), save.run(content))}>
        {reviewSections.map((k) => (
          <label key={k} className="field">
            <span className="field-label">{t(`consultations.review.sections.${k}`)}</span>
            <textarea
              name={k}
              rows={k === 'summary' || k === 'verdict' ? 3 : 2}
              readOnly={Boolean(done)}
              value={content[k] ?? ''}
              onChange={(e) => (setSaved(false), setContent({ ...content, [k]: e.target.value }))}
            />
          </label>
        ))}
        {(save.error ?? submit.error) ? <p className="notice notice-error">{save.error ?? submit.error}</p> : null}
        {saved ? <p role="status">{t('consultations.review.saved')}</p> : null}
        {done ? null : (
          <div className="button-row">
            <button type="submit" className="button-secondary" disabled={save.pending}>
              {t('consultations.review.save')}
            </button>
            <button
              type="button"
              className="button-primary"
              disabled={submit.pending}
              onClick={() => submit.run(content)}
              data-testid="submit-review"
            >
              {t('consultations.review.submit')}
            </button>
          </div>
        )}
      </form>
    </section>
  );
}
