import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { consultationKeys, downloadReportPdf, getConsultation } from '../../api/consultations.api';
import '../../i18n/parts/consultation-tools';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate, formatDateTime } from '../../lib/format';
import { saveFile } from '../../lib/save-file';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { CaseActions } from './case-actions';
import { DocumentsPanel } from './documents-panel';
import { ReviewEditor } from './review-editor';
import { SuggestionsPanel } from './suggestions-panel';

/** One case: what it is, its timeline, its panel, and the actions the viewer may take now. */
export function ConsultationDetailPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useParams().id ?? '';
  const q = useQuery({ queryKey: consultationKeys.one(id), queryFn: () => getConsultation(id) });
  usePageTitle(q.data?.title ?? t('consultations.title'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  return (
    <div className="page consultation-page" data-testid="consultation-detail" data-status={c.status}>
      <p className="eyebrow">
        {t(`consultations.kind.${c.kind}`)} · <span className={`badge status-${c.status}`}>{t(`consultations.status.${c.status}`)}</span>
      </p>
      <h1>{c.title}</h1>
      <dl className="case-facts">
        <dt>{t('consultations.public.requester')}</dt>
        <dd>{c.requester.name}</dd>
        <dt>{t('consultations.public.organiser')}</dt>
        <dd>{c.organiser.name}</dd>
        <dt>{t('consultations.colDue')}</dt>
        <dd>{formatDate(c.dueAt, language)}</dd>
        <dt>{t('consultations.detail.legal')}</dt>
        <dd>
          {c.policy.legalReference}
          {c.policy.verified ? null : <em> ({t('consultations.detail.unverified')})</em>}
        </dd>
      </dl>
      {c.blind ? <p className="notice notice-info">{t('consultations.detail.blindNote')}</p> : null}
      {c.summary ? <p className="lead">{c.summary}</p> : null}
      {c.questions.length ? (
        <section>
          <h2>{t('consultations.detail.questions')}</h2>
          <ol>
            {c.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ol>
        </section>
      ) : null}
      <div className="consultation-columns">
        <section className="panel" aria-labelledby="case-timeline">
          <h2 id="case-timeline">{t('consultations.detail.timeline')}</h2>
          <ol className="timeline" data-testid="case-timeline">
            {c.timeline.map((e) => (
              <li key={`${e.to}-${e.at}`}>
                <span className="timeline-when">{formatDateTime(e.at, language)}</span>{' '}
                <span className="timeline-what">{t(`consultations.status.${e.to as 'draft'}`)}</span>
              </li>
            ))}
          </ol>
        </section>
        <section className="panel" aria-labelledby="case-panel">
          <h2 id="case-panel">{t('consultations.detail.panel')}</h2>
          {c.members.length === 0 ? <p>{t('consultations.detail.noMembers')}</p> : null}
          <ul className="member-list">
            {c.members.map((m) => (
              <li key={m.id} data-testid="case-member">
                <strong>{m.name}</strong> · {t(`consultations.role.${m.role}`)} · {t(`consultations.memberStatus.${m.status}`)}
                {m.reviewSubmitted ? ' ✓' : ''}
                {m.contact ? (
                  <span className="cell-sub">
                    {t('consultations.detail.contact')}: {[m.contact.email, m.contact.phone].filter(Boolean).join(' · ')}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
      {c.can.includes('documents') ? <DocumentsPanel caseId={c.id} canUpload={c.can.includes('upload')} /> : null}
      {c.report ? (
        <section className="panel" data-testid="case-report">
          <h2>{t('consultations.detail.report')}</h2>
          <p>
            <strong>{c.report.summary}</strong>
          </p>
          <p className="pre-line">{c.report.body}</p>
          <p className="button-row">
            <button
              type="button"
              className="button-secondary"
              data-testid="report-pdf"
              onClick={() => void downloadReportPdf(c.id, 'vi').then(saveFile)}
            >
              {t('consultationTools.pdf')}
            </button>
            <button type="button" className="button-link" onClick={() => void downloadReportPdf(c.id, 'en').then(saveFile)}>
              {t('consultationTools.pdfEnglish')}
            </button>
          </p>
        </section>
      ) : null}
      {c.reply ? (
        <section className="panel" data-testid="case-reply">
          <h2>{t('consultations.detail.reply')}</h2>
          <p className="pre-line">{c.reply.accepted}</p>
          <p className="pre-line">{c.reply.notAccepted}</p>
          <p className="pre-line">{c.reply.explanation}</p>
        </section>
      ) : null}
      {c.rating ? <p>{t('consultations.detail.rating', { score: c.rating.score })}</p> : null}
      {c.can.includes('review') ? <ReviewEditor caseId={c.id} /> : null}
      {c.can.includes('invite') ? <SuggestionsPanel caseId={c.id} panelSize={c.panelSize} /> : null}
      <CaseActions c={c} />
    </div>
  );
}
