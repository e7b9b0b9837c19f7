import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { consultationKeys, getPanelProposal, getSuggestions, inviteExperts, type Suggestions } from '../../api/consultations.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useCaseAction } from './use-case-action';
import '../../i18n/parts/consultation-tools';

type Suggestion = Suggestions['suggestions'][number];

/** Ranked experts with reason chips and conflict warnings; invite one, or the proposed panel. */
export function SuggestionsPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: consultationKeys.suggestions(caseId), queryFn: () => getSuggestions(caseId), enabled: open });
  const proposal = useQuery({ queryKey: consultationKeys.proposal(caseId), queryFn: () => getPanelProposal(caseId), enabled: false });
  const invite = useCaseAction(caseId, (body: Parameters<typeof inviteExperts>[1]) => inviteExperts(caseId, body));
  // Staff adjust the proposal by hand before inviting: a member left out is not invited.
  const [dropped, setDropped] = useState<ReadonlySet<string>>(new Set());
  const toggle = (profileId: string) =>
    setDropped((d) => {
      const next = new Set(d);
      if (!next.delete(profileId)) next.add(profileId);
      return next;
    });
  const kept = proposal.data?.members.filter((m) => !dropped.has(m.profileId)) ?? [];
  return (
    <section className="panel" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('consultations.suggestions.title')}</h2>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => setOpen(true)} data-testid="load-suggestions">
          {t('consultations.suggestions.load')}
        </button>
        <button type="button" className="button-secondary" onClick={() => void proposal.refetch()}>
          {t('consultations.proposal.load')}
        </button>
      </div>
      {invite.error ? <p className="notice notice-error">{invite.error}</p> : null}
      {proposal.data ? (
        <div className="proposal" data-testid="panel-proposal">
          <h3>{t('consultations.proposal.title')}</h3>
          <ul>
            {proposal.data.members.map((m) => (
              <li key={m.profileId} data-testid="proposal-member" className={dropped.has(m.profileId) ? 'muted' : undefined}>
                <strong>{m.fullName}</strong> · {t(`consultations.role.${m.role}`)} <span className="cell-sub">{m.why.join(' · ')}</span>{' '}
                <button type="button" className="button-link" onClick={() => toggle(m.profileId)}>
                  {dropped.has(m.profileId) ? t('consultationTools.restore') : t('consultationTools.leaveOut')}
                </button>
              </li>
            ))}
          </ul>
          {proposal.data.uncoveredFields.length ? (
            <p>{t('consultations.proposal.uncovered', { fields: proposal.data.uncoveredFields.join(', ') })}</p>
          ) : null}
          <button
            type="button"
            className="button-primary"
            disabled={invite.pending || kept.length === 0}
            onClick={() =>
              invite.run({
                profileIds: kept.map((m) => m.profileId),
                overrides: [],
              })
            }
          >
            {t('consultations.proposal.inviteAll')}
          </button>
        </div>
      ) : null}
      {open && q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data && q.data.suggestions.length === 0 ? <p>{t('consultations.suggestions.none')}</p> : null}
      <ul className="suggestion-list">
        {q.data?.suggestions.map((s) => (
          <SuggestionCard key={s.profileId} s={s} onInvite={invite.run} pending={invite.pending} />
        ))}
      </ul>
      {q.data?.unavailable.length ? (
        <details>
          <summary>
            {t('consultations.suggestions.unavailable')} ({q.data.unavailable.length})
          </summary>
          <ul className="suggestion-list">
            {q.data.unavailable.map((s) => (
              <SuggestionCard key={s.profileId} s={s} onInvite={invite.run} pending={invite.pending} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function SuggestionCard({
  s,
  onInvite,
  pending,
}: {
  s: Suggestion;
  onInvite: (b: Parameters<typeof inviteExperts>[1]) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const flagged = s.conflicts.length > 0;
  const overrides = s.conflicts.map((c) => ({ profileId: s.profileId, code: c.code, reason }));
  return (
    <li className="card suggestion" data-testid="suggestion" data-profile-id={s.profileId}>
      <p>
        <Link to={`/experts/${s.profileId}`}>
          <strong>{s.fullName}</strong>
        </Link>{' '}
        · {t('consultations.suggestions.score', { score: s.score })}
      </p>
      <ul className="chips" aria-label={t('consultations.suggestions.title')}>
        {s.reasons.map((r) => (
          <li key={`${r.code}-${r.detail}`} className={`chip${r.points < 0 ? ' chip-against' : ''}`}>
            {t(`consultations.suggestions.reason.${r.code as 'field'}`, { detail: r.detail })}
          </li>
        ))}
      </ul>
      {flagged ? (
        <div className="notice notice-error" role="note">
          <p>{t('consultations.suggestions.conflict')}</p>
          <ul>
            {s.conflicts.map((c) => (
              <li key={`${c.code}-${c.evidence}`}>
                {t(`consultations.suggestions.conflictCode.${c.code as 'same_organisation'}`)}: {c.evidence}
              </li>
            ))}
          </ul>
          <label>
            {t('consultations.suggestions.overrideReason')}
            <textarea value={reason} rows={2} onChange={(e) => setReason(e.target.value)} />
          </label>
        </div>
      ) : null}
      <button
        type="button"
        className="button-secondary button-small"
        disabled={pending || s.invited || !s.registered || (flagged && reason.trim().length < 10)}
        onClick={() => onInvite({ profileIds: [s.profileId], overrides: flagged ? overrides : [] })}
      >
        {s.invited ? t('consultations.suggestions.invited') : t('consultations.suggestions.invite')}
      </button>
    </li>
  );
}
