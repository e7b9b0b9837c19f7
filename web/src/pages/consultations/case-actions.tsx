import type { ConsultationView } from '@hpen/server/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { caseStep, consultationKeys, getReviews } from '../../api/consultations.api';
import { useTranslation } from '../../i18n/use-translation';
import { useCaseAction } from './use-case-action';

type Step = Parameters<typeof caseStep>[1];

/** The organiser's, drafters' and requester's steps; each shows only when the server lists it in `can`. */
export function CaseActions({ c }: { c: ConsultationView }) {
  const { t } = useTranslation();
  const step = useCaseAction(({ s, body }: { s: Step; body?: unknown }) => caseStep(c.id, s, body));
  const [text, setText] = useState<Record<string, string>>({});
  const [publish, setPublish] = useState(c.publishable);
  const [score, setScore] = useState('5');
  const bind = (k: string) => ({
    value: text[k] ?? '',
    onChange: (e: { target: { value: string } }) => setText({ ...text, [k]: e.target.value }),
  });
  const submit = (s: Step, body?: unknown) => (e: FormEvent) => {
    e.preventDefault();
    step.run({ s, body });
  };
  const can = (a: string) => c.can.includes(a);
  return (
    <>
      {step.error ? <p className="notice notice-error">{step.error}</p> : null}
      {can('report') ? <ReportEditor c={c} onSave={(body) => step.run({ s: 'report', body })} pending={step.pending} /> : null}
      {can('approve') || can('send') ? (
        <div className="button-row">
          {can('approve') && !c.report?.approved ? (
            <button type="button" className="button-secondary" onClick={() => step.run({ s: 'report/approve' })}>
              {t('consultations.report.approve')}
            </button>
          ) : null}
          {can('send') ? (
            <button type="button" className="button-primary" onClick={() => step.run({ s: 'send' })} data-testid="send-report">
              {t('consultations.report.send')}
            </button>
          ) : null}
        </div>
      ) : null}
      {can('reply') ? (
        <ActionForm
          title={t('consultations.replyForm.title')}
          onSubmit={submit('reply', {
            accepted: text.accepted ?? '',
            notAccepted: text.notAccepted ?? '',
            explanation: text.explanation ?? '',
          })}
          button={t('consultations.replyForm.submit')}
        >
          {(['accepted', 'notAccepted', 'explanation'] as const).map((k) => (
            <label key={k} className="field">
              <span className="field-label">{t(`consultations.replyForm.${k}`)}</span>
              <textarea name={k} rows={3} {...bind(k)} />
            </label>
          ))}
        </ActionForm>
      ) : null}
      {can('rate') ? (
        <ActionForm
          title={t('consultations.rate.title')}
          onSubmit={submit('rating', { score: Number(score), comment: text.comment ?? '' })}
          button={t('consultations.rate.submit')}
        >
          <select aria-label={t('consultations.rate.title')} value={score} onChange={(e) => setScore(e.target.value)}>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
          <label className="field">
            <span className="field-label">{t('consultations.rate.comment')}</span>
            <textarea rows={2} {...bind('comment')} />
          </label>
        </ActionForm>
      ) : null}
      {can('close') ? (
        <ActionForm
          testId="close-form"
          title={t('consultations.close.submit')}
          onSubmit={submit('close', { publish })}
          button={t('consultations.close.submit')}
        >
          <label className="checkbox">
            <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} /> {t('consultations.close.publish')}
          </label>
        </ActionForm>
      ) : null}
      {can('cancel') ? (
        <details className="panel">
          <summary>{t('consultations.cancel.submit')}</summary>
          <ActionForm title="" onSubmit={submit('cancel', { reason: text.reason ?? '' })} button={t('consultations.cancel.submit')}>
            <label className="field">
              <span className="field-label">{t('consultations.cancel.reason')}</span>
              <textarea rows={2} {...bind('reason')} />
            </label>
          </ActionForm>
        </details>
      ) : null}
    </>
  );
}

function ActionForm({
  title,
  onSubmit,
  button,
  children,
  testId,
}: {
  testId?: string;
  title: string;
  onSubmit: (e: FormEvent) => void;
  button: string;
  children: ReactNode;
}) {
  return (
    <section className="panel" data-testid={testId}>
      {title ? <h2>{title}</h2> : null}
      <form className="form" onSubmit={onSubmit}>
        {children}
        <button type="submit" className="button-primary">
          {button}
        </button>
      </form>
    </section>
  );
}

/** The chair, secretary or organiser pulls points from the reviews (dissent kept as dissent) into one report. */
function ReportEditor({ c, onSave, pending }: { c: ConsultationView; onSave: (body: unknown) => void; pending: boolean }) {
  const { t } = useTranslation();
  const reviews = useQuery({ queryKey: consultationKeys.reviews(c.id), queryFn: () => getReviews(c.id) });
  const [summary, setSummary] = useState(c.report?.summary ?? '');
  const [body, setBody] = useState(c.report?.body ?? '');
  const [points, setPoints] = useState(c.report?.points ?? []);
  const pull = (reviewId: string, text: string, dissent: boolean) => {
    setPoints([...points, { reviewId, text, dissent }]);
    setBody(`${body}${body ? '\n\n' : ''}${dissent ? `[${t('consultations.reviews.dissent')}] ` : ''}${text}`);
  };
  return (
    <section className="panel" aria-labelledby="report-title" data-testid="report-editor">
      <h2 id="report-title">{t('consultations.report.title')}</h2>
      <h3>{t('consultations.reviews.title')}</h3>
      <ul className="review-list">
        {reviews.data?.items.map((r) => (
          <li key={r.id} className="card">
            <strong>{r.reviewer}</strong> · {t(`consultations.role.${r.role}`)}
            <p className="pre-line">{r.content.summary}</p>
            <p className="pre-line">{r.content.verdict}</p>
            <div className="button-row">
              <button
                type="button"
                className="button-small button-secondary"
                onClick={() => pull(r.id, `${r.content.summary ?? ''} ${r.content.recommendations ?? ''}`.trim(), false)}
              >
                {t('consultations.reviews.pull')}
              </button>
              <button type="button" className="button-small button-ghost" onClick={() => pull(r.id, `${r.content.verdict ?? ''}`, true)}>
                {t('consultations.reviews.dissent')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          onSave({ summary, body, points });
        }}
      >
        <label className="field">
          <span className="field-label">{t('consultations.report.summary')}</span>
          <textarea name="summary" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('consultations.report.body')}</span>
          <textarea name="body" rows={8} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
        <button type="submit" className="button-primary" disabled={pending} data-testid="save-report">
          {t('consultations.report.save')}
        </button>
      </form>
    </section>
  );
}
