import type { UseQueryResult } from '@tanstack/react-query';
import type { listMyVerifications } from '../../api/curation.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { itemSummary, verifierName } from '../../components/curation/curation-labels';
import { EvidenceList } from '../../components/curation/evidence-list';
import { useAssociations } from '../../components/curation/use-associations';
import { VerificationStatusBadge } from '../../components/curation/status-badges';

type Query = UseQueryResult<Awaited<ReturnType<typeof listMyVerifications>>>;

/** The expert's requests, newest first, with status, reason and the files sent. */
export function MyVerifications({ query }: { query: Query }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const associations = useAssociations().data?.items;
  const items = [...(query.data?.items ?? [])].reverse();
  return (
    <>
      <h2 id="my-verifications-title">{t('verification.mineTitle')}</h2>
      {query.isPending ? <Loading /> : null}
      {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isSuccess && items.length === 0 ? <p>{t('verification.mineNone')}</p> : null}
      <ul className="card-list">
        {items.map((request) => (
          <li key={request.id} className="verification-request" data-testid="my-verification" data-status={request.status}>
            <div className="membership-head">
              <span className="cell-title">{t(`verification.itemTypeShort.${request.itemType}`)}</span>
              <VerificationStatusBadge status={request.status} />
            </div>
            <p>{itemSummary(t, language, request.itemType, request.snapshot)}</p>
            <p className="cell-sub">
              {verifierName(t, language, associations, request.associationId)} ·{' '}
              {t('verification.submittedAt', { date: formatDate(request.createdAt, language) })}
              {request.decidedAt ? ` · ${t('verification.decidedAt', { date: formatDate(request.decidedAt, language) })}` : ''}
            </p>
            {request.reason ? (
              <p className={request.status === 'rejected' ? 'notice notice-error' : 'notice notice-info'}>
                {t('verification.reason', { reason: request.reason })}
              </p>
            ) : null}
            {request.status === 'changes_requested' ? <p className="field-hint">{t('verification.changesHint')}</p> : null}
            <EvidenceList files={request.files} />
          </li>
        ))}
      </ul>
    </>
  );
}
