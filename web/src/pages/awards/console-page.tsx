import { useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  awardKeys,
  closePhase,
  downloadMinutes,
  getAward,
  getConsole,
  getReviewerSuggestions,
  inviteReviewer,
  listAwards,
  listRoundNominations,
  recordDecision,
  saveAttendance,
  startPhase,
  type Nomination,
} from '../../api/awards.api';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { saveFile } from '../../lib/save-file';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { useAwardAction } from './use-award-action';

/** The secretariat's entry: every award's rounds and phases, each phase's console. */
export function SecretariatPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useQuery({ queryKey: awardKeys.all, queryFn: listAwards });
  const awards = useQueries({
    queries: (list.data?.items ?? []).map((a) => ({ queryKey: [...awardKeys.all, a.id], queryFn: () => getAward(a.id) })),
  });
  usePageTitle(t('awards.w.secretariat'));
  return (
    <div className="page awards">
      <h1>{t('awards.w.secretariat')}</h1>
      <p className="lead">{t('awards.w.secretariatLead')}</p>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <QueryError error={list.error} /> : null}
      {awards.map(({ data: a }) =>
        a ? (
          <section key={a.id} className="panel">
            <h2>{language === 'en' ? a.titleEn : a.titleVi}</h2>
            <ul className="card-list">
              {a.rounds.map((r) => (
                <li key={r.id} className="card" data-testid="secretariat-round">
                  <Link to={`/awards/${a.id}/rounds/${r.id}`}>{t('awards.round', { year: r.year })}</Link> —{' '}
                  {t(`awards.status.${r.status}`)}
                  <ul className="inline-list">
                    {a.definition.phases.map((p) => (
                      <li key={p.n}>
                        <Link to={`/awards/console/${a.id}/${r.id}/${p.n}`}>
                          {t('awards.w.phaseN', { n: p.n })}: {language === 'en' ? p.nameEn : p.nameVi}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
    </div>
  );
}

/**
 * The secretary's console for one phase: attendance, the quorum check per nomination (live),
 * tallies, recusals, close the phase, the minutes PDF; after the last phase the decision
 * (number, date, signer) and the publication date.
 */
export function ConsolePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '', roundId = '', phase: phaseParam = '1' } = useParams();
  const phase = Number(phaseParam);
  const user = useSession().user;
  const officer = user?.role === 'officer' || user?.role === 'admin';
  const award = useQuery({ queryKey: [...awardKeys.all, id], queryFn: () => getAward(id) });
  const c = useQuery({
    queryKey: awardKeys.console(id, roundId, phase),
    queryFn: () => getConsole(id, roundId, phase),
    refetchInterval: 10_000,
  });
  const [present, setPresent] = useState<string[] | null>(null);
  const attendance = useAwardAction(
    (ids: string[]) => saveAttendance(id, roundId, phase, ids),
    () => setPresent(null),
  );
  const start = useAwardAction(() => startPhase(id, roundId, phase));
  // The same list the reviewers panel reads: starting is offered only while nominations wait to enter this phase.
  const noms = useQuery({
    queryKey: [...awardKeys.all, 'round-nominations', roundId],
    queryFn: () => listRoundNominations(id, roundId),
    enabled: officer,
  });
  const waiting = (noms.data?.items ?? []).filter((n) => forPhase(n, phase) && n.status !== 'in_phase').length;
  const close = useAwardAction(() => closePhase(id, roundId, phase));
  const [minutesError, setMinutesError] = useState(false);
  usePageTitle(t('awards.w.console'));
  if (c.isPending || award.isPending) return <Loading />;
  if (c.isError) return <QueryError error={c.error} />;
  if (award.isError) return <QueryError error={award.error} />;
  const a = award.data;
  const round = a.rounds.find((r) => r.id === roundId);
  const def = a.definition.phases.find((p) => p.n === phase);
  const last = Math.max(...a.definition.phases.map((p) => p.n));
  const checked = present ?? c.data.members.filter((m) => m.present).map((m) => m.id);
  const toggle = (mid: string) => setPresent(checked.includes(mid) ? checked.filter((x) => x !== mid) : [...checked, mid]);
  return (
    <div className="page awards awards-console" data-testid="console">
      <p className="muted">
        <Link to={officer ? '/awards/secretariat' : '/awards/council'}>
          {t(officer ? 'awards.w.secretariat' : 'awards.w.councilTitle')}
        </Link>
      </p>
      <h1>
        {language === 'en' ? a.titleEn : a.titleVi} {round?.year} — {def ? (language === 'en' ? def.nameEn : def.nameVi) : phase}
      </h1>
      <p>
        {c.data.method === 'ballot' ? t(`awards.w.method.ballot_${c.data.ballot}`) : t('awards.w.method.mean_score')} ·{' '}
        {t('awards.w.rulesIs', { title: c.data.rules.title, version: c.data.rules.version })}
        {c.data.rules.legalReference.certainty !== 'V' ? <span className="cell-sub"> ({t('awards.w.toConfirm')})</span> : null}
      </p>
      {officer && noms.isSuccess && waiting > 0 ? (
        <div className="form-actions">
          <button
            type="button"
            className="button-secondary"
            disabled={start.pending}
            onClick={() => start.run(undefined)}
            data-testid="start-phase"
          >
            {t('awards.w.startPhase')}
          </button>
          <span className="muted">{t('awards.w.waiting', { count: waiting })}</span>
          {start.error ? <p className="notice notice-error">{start.error}</p> : null}
        </div>
      ) : null}

      <section className="panel">
        <h2>{t('awards.w.attendance')}</h2>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            attendance.run(checked);
          }}
        >
          <fieldset className="field">
            <legend className="field-label">{t('awards.w.present')}</legend>
            {c.data.members.map((m) => (
              <label key={m.id} className="choice">
                <input type="checkbox" checked={checked.includes(m.id)} onChange={() => toggle(m.id)} data-testid="attendance-member" />{' '}
                {m.name} — {t(`awards.w.role.${m.role}`)}
              </label>
            ))}
          </fieldset>
          <button className="button-primary" type="submit" disabled={attendance.pending} data-testid="attendance-save">
            {t('awards.w.saveAttendance')}
          </button>
          {attendance.error ? <p className="notice notice-error">{attendance.error}</p> : null}
        </form>
      </section>

      <section className="panel" aria-live="polite">
        <h2>{t('awards.w.tallies')}</h2>
        {c.data.rows.length === 0 ? <p>{t('awards.w.noRows')}</p> : null}
        <table className="data-table responsive-table">
          <thead>
            <tr>
              <th scope="col">{t('awards.w.workTitle')}</th>
              <th scope="col">{t('awards.w.quorum')}</th>
              <th scope="col">{t('awards.w.tally')}</th>
              <th scope="col">{t('awards.w.outcomeCol')}</th>
              <th scope="col">{t('awards.w.recusals')}</th>
            </tr>
          </thead>
          <tbody>
            {c.data.rows.map((r) => (
              <tr key={r.nominationId} data-testid="tally-row">
                <th scope="row">
                  <Link to={`/awards/nominations/${r.nominationId}`}>{r.workTitle}</Link>
                </th>
                <td data-label={t('awards.w.quorum')} data-testid="quorum">
                  {r.quorum.met ? '✓ ' : '✗ '}
                  {t('awards.w.quorumIs', { present: r.quorum.presentCounted, base: r.quorum.base, required: r.quorum.required })}
                  {!r.quorum.chairPresent ? ` · ${t('awards.w.noChair')}` : null}
                </td>
                <td data-label={t('awards.w.tally')}>
                  {r.method === 'ballot'
                    ? r.yes === null
                      ? t('awards.w.hidden')
                      : t('awards.w.ballotIs', { yes: r.yes, no: r.no, abstain: r.abstain, required: r.yesRequired })
                    : r.mean === null
                      ? t('awards.w.hidden')
                      : t('awards.w.meanIs', { mean: r.mean, threshold: r.threshold })}
                  {r.signedVotes?.length ? (
                    <ul>
                      {r.signedVotes.map((v, i) => (
                        <li key={i}>
                          {v.name}: {t(`awards.w.choice.${v.choice}`)}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
                <td data-label={t('awards.w.outcomeCol')}>
                  {r.cast === 0 ? (
                    <span className="muted">{t('awards.w.noMarksYet')}</span>
                  ) : r.cast === null ? (
                    t('awards.w.hidden')
                  ) : (
                    <span className={`badge ${r.passed ? 'badge-ok' : ''}`}>
                      {t(r.passed ? 'awards.w.status.passed' : 'awards.w.status.not_passed')}
                    </span>
                  )}
                </td>
                <td data-label={t('awards.w.recusals')}>
                  {r.recused
                    .map((x) => `${x.name} (${x.codes.map((k) => t(`awards.w.conflict.${k}`, { defaultValue: k })).join(', ')})`)
                    .join('; ') || '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-actions">
          <button
            className="button-primary"
            type="button"
            disabled={close.pending || c.data.rows.length === 0}
            onClick={() => {
              if (window.confirm(t('awards.w.closeConfirm'))) close.run(undefined);
            }}
            data-testid="close-phase"
          >
            {t('awards.w.closePhase')}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => {
              setMinutesError(false);
              void downloadMinutes(id, roundId, phase)
                .then(saveFile)
                .catch(() => setMinutesError(true));
            }}
            data-testid="minutes"
          >
            {t('awards.w.minutes')}
          </button>
        </div>
        {close.error ? <p className="notice notice-error">{close.error}</p> : null}
        {close.done ? <p className="notice notice-success">{t('awards.w.closed')}</p> : null}
        {minutesError ? <p className="notice notice-error">{t('errors.unknown')}</p> : null}
      </section>
      {officer && round && round.status !== 'decided' ? <ReviewersPanel awardId={id} roundId={roundId} phase={phase} /> : null}
      {officer && phase === last && round && !round.decision ? (
        <DecisionForm awardId={id} roundId={roundId} prizeLevels={a.definition.prizeLevels} last={last} />
      ) : null}
      {round?.decision ? (
        <p className="notice notice-success">
          {t('awards.decision', {
            number: round.decision.number,
            date: formatDate(round.decision.date, language),
            signer: round.decision.signer,
          })}
        </p>
      ) : null}
    </div>
  );
}

/** The nominations this phase reviews: those in it, or about to enter it when it starts. */
const forPhase = (n: Nomination, phase: number) =>
  (n.status === 'in_phase' && n.phase === phase) ||
  (phase === 1 && n.status === 'eligible') ||
  (n.status === 'passed' && n.phase === phase - 1);

/** Suggested independent reviewers per nomination (registry matching, conflict screening); the secretariat invites one. */
function ReviewersPanel({ awardId, roundId, phase }: { awardId: string; roundId: string; phase: number }) {
  const { t } = useTranslation();
  const noms = useQuery({
    queryKey: [...awardKeys.all, 'round-nominations', roundId],
    queryFn: () => listRoundNominations(awardId, roundId),
  });
  const items = (noms.data?.items ?? []).filter((n) => forPhase(n, phase));
  return (
    <section className="panel" data-testid="reviewers-panel">
      <h2>{t('awards.w.reviewers.title')}</h2>
      <p className="muted">{t('awards.w.reviewers.lead')}</p>
      {noms.isError ? <QueryError error={noms.error} /> : null}
      {noms.isSuccess && items.length === 0 ? <p>{t('awards.w.reviewers.none')}</p> : null}
      <ul className="card-list">
        {items.map((n) => (
          <ReviewerSuggestions key={n.id} awardId={awardId} roundId={roundId} phase={phase} nomination={n} />
        ))}
      </ul>
    </section>
  );
}

function ReviewerSuggestions({
  awardId,
  roundId,
  phase,
  nomination,
}: {
  awardId: string;
  roundId: string;
  phase: number;
  nomination: Nomination;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [invited, setInvited] = useState<string[]>([]);
  const s = useQuery({
    queryKey: awardKeys.reviewers(nomination.id),
    queryFn: () => getReviewerSuggestions(nomination.id),
    enabled: open,
  });
  const invite = useAwardAction(
    (profileId: string) => inviteReviewer(awardId, roundId, phase, profileId).then(() => profileId),
    (profileId) => setInvited((x) => [...x, profileId]),
  );
  return (
    <li className="card" data-testid="reviewer-nomination">
      <h3>{nomination.work.title}</h3>
      <button type="button" className="button-secondary" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="reviewers-toggle">
        {t(open ? 'awards.w.reviewers.hide' : 'awards.w.reviewers.show')}
      </button>
      {open && s.isPending ? <Loading /> : null}
      {open && s.isError ? <QueryError error={s.error} /> : null}
      {open && s.data ? (
        s.data.items.length === 0 ? (
          <p>{t('awards.w.reviewers.noSuggestions')}</p>
        ) : (
          <ul className="card-list">
            {s.data.items.slice(0, 10).map((x) => {
              const seated = x.seatedPhases.includes(phase) || invited.includes(x.profileId);
              return (
                <li key={x.profileId} className="card" data-testid="reviewer-suggestion">
                  <p>
                    <Link to={`/experts/${x.profileId}`}>{x.name}</Link> · {t('awards.w.reviewers.score', { score: x.score })}
                    {x.registered ? null : <span className="muted"> · {t('awards.w.reviewers.notRegistered')}</span>}
                  </p>
                  <ul className="inline-list">
                    {x.reasons
                      .filter((r) => r.points > 0)
                      .map((r, i) => (
                        <li key={i} className="badge">
                          {t(`awards.w.reviewers.reason.${r.code}`, { detail: r.detail, defaultValue: r.code })}
                        </li>
                      ))}
                  </ul>
                  {x.conflicts.length ? (
                    <ul className="notice notice-error" data-testid="reviewer-conflict">
                      {x.conflicts.map((c, i) => (
                        <li key={i}>
                          {t(`awards.w.reviewers.conflict.${c.code}`, { defaultValue: c.code })}: {c.evidence}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">{t('awards.w.reviewers.noConflict')}</p>
                  )}
                  {x.seatedPhases.length ? (
                    <p className="muted">{t('awards.w.reviewers.seated', { phases: x.seatedPhases.join(', ') })}</p>
                  ) : null}
                  <button
                    type="button"
                    className="button-primary"
                    disabled={seated || x.conflicts.length > 0 || invite.pending}
                    onClick={() => {
                      if (window.confirm(t('awards.w.reviewers.inviteConfirm', { name: x.name, phase }))) invite.run(x.profileId);
                    }}
                    data-testid="reviewer-invite"
                  >
                    {t(seated ? 'awards.w.reviewers.invited' : 'awards.w.reviewers.invite')}
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
      {invite.error ? <p className="notice notice-error">{invite.error}</p> : null}
    </li>
  );
}

function DecisionForm({
  awardId,
  roundId,
  prizeLevels,
  last,
}: {
  awardId: string;
  roundId: string;
  prizeLevels: Array<{ code: string; titleVi: string; titleEn: string }>;
  last: number;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const noms = useQuery({
    queryKey: [...awardKeys.all, 'round-nominations', roundId],
    queryFn: () => listRoundNominations(awardId, roundId),
  });
  const finalists = (noms.data?.items ?? []).filter((n) => n.status === 'passed' && n.phase === last);
  const [levels, setLevels] = useState<Record<string, string>>({});
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [signer, setSigner] = useState('');
  const [publishAt, setPublishAt] = useState(() =>
    new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16),
  );
  const decide = useAwardAction(() =>
    recordDecision(awardId, roundId, {
      number,
      date,
      signer,
      publishAt: new Date(publishAt).toISOString(),
      awarded: Object.entries(levels)
        .filter(([, l]) => l)
        .map(([nominationId, prizeLevel]) => ({ nominationId, prizeLevel })),
    }),
  );
  return (
    <section className="panel" data-testid="decision-form">
      <h2>{t('awards.w.decision')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          decide.run(undefined);
        }}
      >
        {finalists.length === 0 ? <p>{t('awards.w.noFinalists')}</p> : null}
        {finalists.map((n) => (
          <label key={n.id} className="field">
            <span className="field-label">{n.work.title}</span>
            <select value={levels[n.id] ?? ''} onChange={(e) => setLevels({ ...levels, [n.id]: e.target.value })} data-testid="prize-level">
              <option value="">{t('awards.w.notAwarded')}</option>
              {prizeLevels.map((l) => (
                <option key={l.code} value={l.code}>
                  {language === 'en' ? l.titleEn : l.titleVi}
                </option>
              ))}
            </select>
          </label>
        ))}
        <label className="field">
          <span className="field-label">{t('awards.w.decisionNumber')}</span>
          <input required value={number} onChange={(e) => setNumber(e.target.value)} data-testid="decision-number" />
        </label>
        <label className="field">
          <span className="field-label">{t('awards.w.decisionDate')}</span>
          <input required type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('awards.w.signer')}</span>
          <input required value={signer} onChange={(e) => setSigner(e.target.value)} data-testid="decision-signer" />
        </label>
        <label className="field">
          <span className="field-label">{t('awards.w.publishAt')}</span>
          <input required type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
        </label>
        <button className="button-primary" type="submit" disabled={decide.pending} data-testid="decision-save">
          {t('awards.w.recordDecision')}
        </button>
        {decide.error ? <p className="notice notice-error">{decide.error}</p> : null}
      </form>
    </section>
  );
}
