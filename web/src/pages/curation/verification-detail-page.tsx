import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { curationKeys, decideVerification, getVerification, type QueueItem } from '../../api/curation.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { FormMessage } from '../../forms/form-parts';
import { useTranslation } from '../../i18n/use-translation';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { ageLabel, codeLabel, snapshotValue, verifierName } from '../../components/curation/curation-labels';
import { DecisionForm } from './decision-form';
import { EvidenceList } from '../../components/curation/evidence-list';
import { useAssociations } from './use-curation';
import { VerificationStatusBadge } from '../../components/curation/status-badges';

type Decision = 'approve' | 'reject' | 'request_changes';

/** The snapshot comes back in the database's key order; show it in the profile's. */
const snapshotOrder = ['academicTitle', 'degree', 'field', 'institution', 'country', 'year', 'title', 'organisation', 'from', 'to'];
const rank = (key: string) => (snapshotOrder.includes(key) ? snapshotOrder.indexOf(key) : snapshotOrder.length);
const snapshotEntries = (snapshot: Record<string, unknown>) => Object.entries(snapshot).sort(([a], [b]) => rank(a) - rank(b));

/** One request: the item exactly as submitted, the evidence, and the decision. */
export function VerificationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const request = useQuery({ queryKey: curationKeys.verification(id), queryFn: () => getVerification(id) });
  usePageTitle(request.data ? `${t('curation.detail.title')}: ${request.data.fullName}` : t('curation.detail.title'));
  const decide = useMutation({
    mutationFn: (body: { decision: Decision; reason?: string | undefined }) => decideVerification(id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData<QueueItem>(curationKeys.verification(id), (old) => (old ? { ...old, ...updated } : old));
      void queryClient.invalidateQueries({ queryKey: curationKeys.all });
    },
    onError: (error) => {
      // The expert edited the item meanwhile: the server re-queued it; show the request as it now is.
      if (isApiError(error) && (error.code === 'curation.item_changed' || error.code === 'curation.already_decided')) {
        void queryClient.invalidateQueries({ queryKey: curationKeys.all });
      }
    },
  });

  return (
    <>
      <p className="back-link">
        <Link to="/curation/verifications">← {t('curation.detail.back')}</Link>
      </p>
      <h1>{t('curation.detail.title')}</h1>
      {request.isPending ? <Loading /> : null}
      {request.isError ? <QueryError error={request.error} onRetry={() => void request.refetch()} /> : null}
      {request.data ? (
        <div className="detail-layout">
          <RequestSummary request={request.data} />
          <section className="panel" aria-labelledby="decision-title">
            <h2 id="decision-title">{t('curation.detail.decisionTitle')}</h2>
            <FormMessage kind="success" testId="decision-done">
              {decide.isSuccess ? t(`curation.detail.decided.${decide.variables.decision}`) : null}
            </FormMessage>
            {request.data.status === 'pending' ? (
              <DecisionForm<Decision>
                loadSchema={async () => (await import('./decision-schemas')).verificationDecisionBodySchema}
                pending={decide.isPending}
                error={decide.error}
                onDecide={(body) => {
                  decide.reset();
                  decide.mutate(body);
                }}
                choices={[
                  { value: 'approve', label: t('curation.detail.approve'), testId: 'approve', className: 'button-primary' },
                  {
                    value: 'request_changes',
                    label: t('curation.detail.requestChanges'),
                    testId: 'request-changes',
                    className: 'button-secondary',
                  },
                  { value: 'reject', label: t('curation.detail.reject'), testId: 'reject', className: 'button-danger' },
                ]}
              />
            ) : (
              <p>{t('curation.detail.closed', { status: t(`verification.status.${request.data.status}`) })}</p>
            )}
            {request.data.reason ? <p className="muted">{t('verification.reason', { reason: request.data.reason })}</p> : null}
          </section>
        </div>
      ) : null}
    </>
  );
}

function RequestSummary({ request }: { request: QueueItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const associations = useAssociations().data?.items;
  return (
    <section className="panel" aria-labelledby="request-title" data-testid="verification-detail">
      <h2 id="request-title">
        {t(`verification.itemTypes.${request.itemType}`)} — {request.fullName}
      </h2>
      <dl className="details-list">
        <div>
          <dt>{t('curation.detail.expert')}</dt>
          <dd>
            <Link to={`/experts/${request.profileId}`}>{request.fullName}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('curation.detail.association')}</dt>
          <dd>{verifierName(t, language, associations, request.associationId, request.associationName)}</dd>
        </div>
        <div>
          <dt>{t('curation.detail.submittedAt')}</dt>
          <dd>
            {formatDateTime(request.createdAt, language)} <span className="muted">({ageLabel(t, request.ageDays)})</span>
          </dd>
        </div>
        <div>
          <dt>{t('curation.detail.status')}</dt>
          <dd>
            <VerificationStatusBadge status={request.status} />
          </dd>
        </div>
      </dl>
      <h3>{t('curation.detail.submitted')}</h3>
      <dl className="details-list snapshot-list">
        {snapshotEntries(request.snapshot).map(([key, value]) => (
          <div key={key}>
            <dt>{codeLabel(t, 'verification.snapshot', key)}</dt>
            <dd>{snapshotValue(t, language, key, value)}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('curation.detail.note')}</h3>
      <p className="pre-line">{request.note || <span className="muted">{t('curation.detail.noNote')}</span>}</p>
      <h3>{t('curation.detail.files')}</h3>
      <EvidenceList files={request.files} />
      <p className="muted small">{t('curation.detail.auditNote')}</p>
    </section>
  );
}
