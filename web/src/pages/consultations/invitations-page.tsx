import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { acceptInvitation, consultationKeys, declineInvitation, type Invitation, listInvitations } from '../../api/consultations.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { useCaseAction } from './use-case-action';

/** The expert's inbox: accept with the declaration, or decline with a reason. */
export function InvitationsPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: consultationKeys.invitations, queryFn: listInvitations });
  usePageTitle(t('consultations.invitations.title'));
  return (
    <div className="page page-narrow invitations-page">
      <h1>{t('consultations.invitations.title')}</h1>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data?.items.length === 0 ? <p>{t('consultations.invitations.none')}</p> : null}
      <ul className="card-list">
        {q.data?.items.map((i) => (
          <InvitationCard key={i.id} i={i} />
        ))}
      </ul>
    </div>
  );
}

function InvitationCard({ i }: { i: Invitation }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [d, setD] = useState({ conflict: false, description: '', confidentiality: false, shareContact: false, publishName: false });
  const [reason, setReason] = useState('');
  const accept = useCaseAction(() => acceptInvitation(i.id, d));
  const decline = useCaseAction(() => declineInvitation(i.id, reason || (d.conflict ? d.description : '')));
  const box = (k: 'conflict' | 'confidentiality' | 'shareContact' | 'publishName') => (
    <label className="checkbox">
      <input type="checkbox" name={k} checked={d[k]} onChange={(e) => setD({ ...d, [k]: e.target.checked })} />{' '}
      {t(`consultations.invitations.${k}`)}
    </label>
  );
  return (
    <li className="card" data-testid="invitation" data-status={i.status}>
      <p className="eyebrow">
        {t(`consultations.kind.${i.kind}`)} · {t(`consultations.memberStatus.${i.status}`)} · {t('consultations.colDue')}{' '}
        {formatDate(i.dueAt, language)}
      </p>
      <h2>{i.title}</h2>
      <p>{t('consultations.invitations.from', { name: i.requester })}</p>
      {i.status === 'invited' ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            accept.run(undefined);
          }}
        >
          {box('conflict')}
          {d.conflict ? (
            <label className="field">
              <span className="field-label">{t('consultations.invitations.conflictDescription')}</span>
              <textarea rows={2} value={d.description} onChange={(e) => setD({ ...d, description: e.target.value })} />
            </label>
          ) : null}
          {box('confidentiality')}
          {box('shareContact')}
          {box('publishName')}
          {(accept.error ?? decline.error) ? <p className="notice notice-error">{accept.error ?? decline.error}</p> : null}
          <div className="button-row">
            <button
              type="submit"
              className="button-primary"
              disabled={accept.pending || d.conflict || !d.confidentiality}
              data-testid="accept-invitation"
            >
              {t('consultations.invitations.accept')}
            </button>
          </div>
          <label className="field">
            <span className="field-label">{t('consultations.invitations.declineReason')}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button
            type="button"
            className="button-secondary"
            disabled={decline.pending || !(reason || d.description)}
            onClick={() => decline.run(undefined)}
          >
            {t('consultations.invitations.decline')}
          </button>
        </form>
      ) : (
        <Link to={`/consultations/${i.consultationId}`}>{t('consultations.invitations.open')}</Link>
      )}
    </li>
  );
}
