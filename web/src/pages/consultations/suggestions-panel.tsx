import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { consultationKeys, getSuggestions, inviteExperts, type Suggestions } from '../../api/consultations.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { ConflictNotice, draftFrom, OVERRIDE_MIN, PanelBuilder, type DraftMember } from './panel-builder';
import { useCaseAction } from './use-case-action';

type Suggestion = Suggestions['suggestions'][number];

/** Ranked experts with reason chips and conflict warnings; invite one, or build the panel and invite it. */
export function SuggestionsPanel({ caseId, panelSize }: { caseId: string; panelSize: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: consultationKeys.suggestions(caseId), queryFn: () => getSuggestions(caseId), enabled: open });
  const invite = useCaseAction((body: Parameters<typeof inviteExperts>[1]) => inviteExperts(caseId, body));
  const [draft, setDraft] = useState<DraftMember[]>([]);
  const inDraft = new Set(draft.map((m) => m.profileId));
  const addToDraft = (s: Suggestion) => setDraft((d) => (d.some((m) => m.profileId === s.profileId) ? d : [...d, draftFrom(s)]));
  const card = (s: Suggestion) => (
    <SuggestionCard
      key={s.profileId}
      s={s}
      onInvite={invite.run}
      pending={invite.pending}
      onAdd={addToDraft}
      added={inDraft.has(s.profileId)}
    />
  );
  return (
    <section className="panel" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('consultations.suggestions.title')}</h2>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => setOpen(true)} data-testid="load-suggestions">
          {t('consultations.suggestions.load')}
        </button>
      </div>
      {invite.error ? <p className="notice notice-error">{invite.error}</p> : null}
      <PanelBuilder
        caseId={caseId}
        panelSize={panelSize}
        draft={draft}
        setDraft={setDraft}
        onInvite={invite.run}
        pending={invite.pending}
      />
      {open && q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data && q.data.suggestions.length === 0 ? <p>{t('consultations.suggestions.none')}</p> : null}
      <ul className="suggestion-list">{q.data?.suggestions.map(card)}</ul>
      {q.data?.unavailable.length ? (
        <details>
          <summary>
            {t('consultations.suggestions.unavailable')} ({q.data.unavailable.length})
          </summary>
          <ul className="suggestion-list">{q.data.unavailable.map(card)}</ul>
        </details>
      ) : null}
    </section>
  );
}

function SuggestionCard({
  s,
  onInvite,
  pending,
  onAdd,
  added,
}: {
  s: Suggestion;
  onInvite: (b: Parameters<typeof inviteExperts>[1]) => void;
  pending: boolean;
  onAdd: (s: Suggestion) => void;
  added: boolean;
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
      {s.registered ? null : <p className="cell-sub">{t('consultationTools.builder.unregistered')}</p>}
      {flagged ? <ConflictNotice conflicts={s.conflicts} reason={reason} onReason={setReason} /> : null}
      <button
        type="button"
        className="button-secondary button-small"
        disabled={pending || s.invited || !s.registered || (flagged && reason.trim().length < OVERRIDE_MIN)}
        onClick={() => onInvite({ profileIds: [s.profileId], overrides: flagged ? overrides : [] })}
      >
        {s.invited ? t('consultations.suggestions.invited') : t('consultations.suggestions.invite')}
      </button>{' '}
      <button
        type="button"
        className="button-link button-small"
        disabled={added || s.invited || !s.registered}
        onClick={() => onAdd(s)}
        data-testid="add-to-panel"
      >
        {added ? t('consultationTools.builder.added') : t('consultationTools.builder.add')}
      </button>
    </li>
  );
}
