import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { findCandidates, getPanelProposal, type inviteExperts, type Suggestions } from '../../api/consultations.api';
import { describeError } from '../../i18n/describe-error';
import '../../i18n/parts/consultation-tools';
import type { TFunction } from '../../i18n/translator';
import { useTranslation } from '../../i18n/use-translation';

type Suggestion = Suggestions['suggestions'][number];
type Role = 'chair' | 'reviewer' | 'member' | 'secretary';
const ROLES: Role[] = ['chair', 'reviewer', 'member', 'secretary'];

/** One proposed member: why they are there, their role, and any conflict flag with staff's written reason. */
export interface DraftMember {
  profileId: string;
  fullName: string;
  role: Role;
  why: string[];
  conflicts: Suggestion['conflicts'];
  reason: string;
}

export const OVERRIDE_MIN = 10;

export const draftFrom = (s: Suggestion, role: Role = 'reviewer'): DraftMember => ({
  profileId: s.profileId,
  fullName: s.fullName,
  role,
  why: [`score:${s.score}`],
  conflicts: s.conflicts,
  reason: '',
});

/**
 * The panel as staff build it: start from the automatic proposal, add by hand from the suggestions
 * or by name (screened for conflicts the same way), reorder, give roles, leave out; then invite.
 * Invitations go out in this order with these roles; a flagged member needs a written reason (audited).
 */
export function PanelBuilder({
  caseId,
  panelSize,
  draft,
  setDraft,
  onInvite,
  pending,
}: {
  caseId: string;
  panelSize: number;
  draft: DraftMember[];
  setDraft: (update: (d: DraftMember[]) => DraftMember[]) => void;
  onInvite: (body: Parameters<typeof inviteExperts>[1]) => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const [notes, setNotes] = useState<{ uncovered: string[]; notes: string[] } | null>(null);
  const [proposing, setProposing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const propose = async () => {
    setProposing(true);
    setError(null);
    try {
      const p = await getPanelProposal(caseId);
      setDraft(() => p.members.map((m) => ({ ...m, conflicts: [], reason: '' })));
      setNotes({ uncovered: p.uncoveredFields, notes: p.notes });
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setProposing(false);
    }
  };
  const update = (i: number, patch: Partial<DraftMember>) => setDraft((d) => d.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const move = (i: number, by: -1 | 1) =>
    setDraft((d) => {
      const j = i + by;
      if (j < 0 || j >= d.length) return d;
      const next = [...d];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const remove = (i: number) => setDraft((d) => d.filter((_, j) => j !== i));

  const chairs = draft.filter((m) => m.role === 'chair').length;
  const missingReason = draft.some((m) => m.conflicts.length > 0 && m.reason.trim().length < OVERRIDE_MIN);
  const warnings = [
    chairs === 0 && draft.length > 0 ? t('consultationTools.builder.noChair') : null,
    chairs > 1 ? t('consultationTools.builder.manyChairs') : null,
    draft.length > panelSize ? t('consultationTools.builder.overSize', { size: panelSize }) : null,
  ].filter((w): w is string => w !== null);

  const invite = () =>
    onInvite({
      profileIds: draft.map((m) => m.profileId),
      roles: Object.fromEntries(draft.map((m) => [m.profileId, m.role])),
      overrides: draft.flatMap((m) => m.conflicts.map((c) => ({ profileId: m.profileId, code: c.code, reason: m.reason.trim() }))),
    });

  return (
    <div className="proposal" data-testid="panel-proposal">
      <h3>
        {t('consultations.proposal.title')}{' '}
        <span className="cell-sub">{t('consultationTools.builder.count', { count: draft.length, size: panelSize })}</span>
      </h3>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => void propose()} disabled={proposing}>
          {t('consultations.proposal.load')}
        </button>
      </div>
      {error ? <p className="notice notice-error">{error}</p> : null}
      <AddByName caseId={caseId} taken={new Set(draft.map((m) => m.profileId))} onAdd={(s) => setDraft((d) => [...d, draftFrom(s)])} />
      {draft.length === 0 ? <p className="cell-sub">{t('consultationTools.builder.empty')}</p> : null}
      <ol className="member-list panel-draft">
        {draft.map((m, i) => (
          <li key={m.profileId} data-testid="proposal-member" className="card">
            <p>
              <Link to={`/experts/${m.profileId}`}>
                <strong>{m.fullName}</strong>
              </Link>{' '}
              <span className="cell-sub">{m.why.map((w) => whyLabel(w, t)).join(' · ')}</span>
            </p>
            <div className="button-row">
              <label className="field panel-role">
                <span className="field-label">{t('consultationTools.builder.role')}</span>
                <select name="role" value={m.role} onChange={(e) => update(i, { role: e.target.value as Role })}>
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`consultations.role.${r}`)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                className="button-link"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('consultationTools.builder.up', { name: m.fullName })}
              >
                ↑
              </button>
              <button
                type="button"
                className="button-link"
                disabled={i === draft.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('consultationTools.builder.down', { name: m.fullName })}
              >
                ↓
              </button>
              <button type="button" className="button-link" onClick={() => remove(i)}>
                {t('consultationTools.leaveOut')}
              </button>
            </div>
            {m.conflicts.length ? (
              <ConflictNotice conflicts={m.conflicts} reason={m.reason} onReason={(reason) => update(i, { reason })} />
            ) : null}
          </li>
        ))}
      </ol>
      {notes?.uncovered.length ? <p>{t('consultations.proposal.uncovered', { fields: notes.uncovered.join(', ') })}</p> : null}
      {notes?.notes.map((n) => (
        <p key={n} className="notice" role="status">
          {noteLabel(n, t)}
        </p>
      ))}
      {warnings.map((w) => (
        <p key={w} className="notice" role="status">
          {w}
        </p>
      ))}
      <button
        type="button"
        className="button-primary"
        disabled={pending || draft.length === 0 || missingReason}
        onClick={invite}
        data-testid="invite-panel"
      >
        {t('consultations.proposal.inviteAll')}
      </button>
    </div>
  );
}

/** Why the proposal picked someone, from the server's codes ("field:502", "organisation_type:university", "score:86"…). */
function whyLabel(code: string, t: TFunction): string {
  const [key = '', detail = ''] = code.split(':');
  if (key === 'organisation_type')
    return t('consultationTools.why.organisation_type', { type: t(`consultationTools.orgType.${detail as 'other'}`) });
  return t(`consultationTools.why.${key as 'score'}`, { detail, defaultValue: code });
}

/** What the proposal could not achieve ("short:1/3", "no_female_member", "no_young_scientist"). */
function noteLabel(code: string, t: TFunction): string {
  const [key = '', detail = ''] = code.split(':');
  const [got, size] = detail.split('/');
  return t(`consultationTools.note.${key as 'short'}`, { got, size, defaultValue: code });
}

/** Conflict flags with their evidence, and the written reason staff must give to invite anyway (audited). */
export function ConflictNotice({
  conflicts,
  reason,
  onReason,
}: {
  conflicts: Suggestion['conflicts'];
  reason: string;
  onReason: (reason: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error" role="note">
      <p>{t('consultations.suggestions.conflict')}</p>
      <ul>
        {conflicts.map((c) => (
          <li key={`${c.code}-${c.evidence}`}>
            {t(`consultations.suggestions.conflictCode.${c.code as 'same_organisation'}`)}: {c.evidence}
          </li>
        ))}
      </ul>
      <label>
        {t('consultations.suggestions.overrideReason')}
        <textarea value={reason} rows={2} onChange={(e) => onReason(e.target.value)} />
      </label>
    </div>
  );
}

/** Someone the suggestions did not rank: found by name, screened for conflicts on the server. */
function AddByName({ caseId, taken, onAdd }: { caseId: string; taken: ReadonlySet<string>; onAdd: (s: Suggestion) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Suggestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (q.trim().length < 2) return;
    setError(null);
    try {
      setFound((await findCandidates(caseId, q.trim())).suggestions);
    } catch (err) {
      setError(describeError(err, t));
    }
  };
  return (
    <form className="add-by-name" onSubmit={(e) => void search(e)} role="search">
      <label className="field">
        <span className="field-label">{t('consultationTools.builder.addByName')}</span>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={120} />
      </label>
      <button type="submit" className="button-secondary button-small">
        {t('consultationTools.builder.find')}
      </button>
      {error ? <p className="notice notice-error">{error}</p> : null}
      {found?.length === 0 ? <p className="cell-sub">{t('consultations.suggestions.none')}</p> : null}
      {found?.length ? (
        <ul className="suggestion-list" data-testid="found-by-name">
          {found.map((s) => (
            <li key={s.profileId}>
              <strong>{s.fullName}</strong> · {t('consultations.suggestions.score', { score: s.score })}
              {s.conflicts.length ? <span className="chip chip-against"> {t('consultations.suggestions.conflict')}</span> : null}{' '}
              {s.registered ? null : <span className="cell-sub">{t('consultationTools.builder.unregistered')} </span>}
              <button
                type="button"
                className="button-link"
                disabled={taken.has(s.profileId) || s.invited || !s.registered}
                onClick={() => onAdd(s)}
              >
                {s.invited ? t('consultations.suggestions.invited') : t('consultationTools.builder.add')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
