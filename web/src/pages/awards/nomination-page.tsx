import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type Award,
  type Nomination,
  type NominationDocument,
  awardKeys,
  castVote,
  decideEligibility,
  declareConflict,
  downloadNominationDocument,
  getAward,
  getMyScore,
  getNomination,
  listNominationDocuments,
  myAssignments,
  nominationStep,
  saveMyScore,
  uploadNominationDocument,
} from '../../api/awards.api';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { DocumentDossier } from '../../components/document-dossier';
import { useTranslation } from '../../i18n/use-translation';
import { saveFile } from '../../lib/save-file';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { useAwardAction } from './use-award-action';

/**
 * One nomination: its state, nominees, work and evidence, the eligibility check per criterion,
 * the dossier; the nominator submits or withdraws, the secretariat decides eligibility, and a
 * council member of the current phase reviews, scores, votes or declares a conflict here.
 */
export function NominationPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useParams().nominationId ?? '';
  const user = useSession().user;
  const q = useQuery({ queryKey: awardKeys.nomination(id), queryFn: () => getNomination(id) });
  const award = useQuery({
    queryKey: [...awardKeys.all, q.data?.awardId ?? ''],
    queryFn: () => getAward(q.data!.awardId),
    enabled: !!q.data,
  });
  const seats = useQuery({ queryKey: awardKeys.assignments, queryFn: myAssignments, enabled: user?.role === 'expert' });
  usePageTitle(q.data?.work.title ?? t('awards.w.nomination'));
  const step = useAwardAction((s: 'submit' | 'withdraw') => nominationStep(id, s));
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} />;
  const n = q.data;
  const a = award.data;
  const officer = user?.role === 'officer' || user?.role === 'admin';
  const seat = seats.data?.items.find((s) => s.roundId === n.roundId && s.phase === n.phase && s.nominations.some((x) => x.id === n.id));
  const phaseDef = a?.definition.phases.find((p) => p.n === n.phase);
  return (
    <article className="page page-narrow awards" data-testid="nomination-page">
      <p className="muted">
        {seat ? (
          <Link to="/awards/council">{t('awards.w.councilTitle')}</Link>
        ) : officer ? (
          <Link to="/awards/secretariat">{t('awards.w.secretariat')}</Link>
        ) : (
          <Link to="/awards/mine">{t('awards.w.myNominations')}</Link>
        )}
      </p>
      <h1>{n.work.title}</h1>
      <p>
        <span className={`badge status-${n.status}`} data-testid="nomination-status">
          {t(`awards.w.status.${n.status}`)}
        </span>{' '}
        {a ? (language === 'en' ? a.titleEn : a.titleVi) : null}
        {n.phase ? ` · ${t('awards.w.phaseN', { n: n.phase })}` : null}
      </p>
      {n.status === 'ineligible' && n.reason ? (
        <p className="notice notice-error">{t('awards.w.ineligibleReason', { reason: n.reason })}</p>
      ) : null}
      {n.recused ? (
        <p className="notice" data-testid="recused-notice">
          {t('awards.w.recusedNotice')}
        </p>
      ) : null}
      <section className="panel">
        <h2>{t('awards.w.nominees')}</h2>
        <ul>
          {n.nominees.map((x, i) => (
            <li key={i}>
              {x.profileId ? <Link to={`/experts/${x.profileId}`}>{x.name}</Link> : x.name}
              {x.organisation ? ` — ${x.organisation}` : ''}
            </li>
          ))}
        </ul>
        {n.team ? <p>{t('awards.w.teamIs', { team: n.team })}</p> : null}
        <p>
          {t('awards.w.kindIs')}: {t(`awards.w.kind.${n.nominatorKind}`)} ·{' '}
          {a?.definition.categories.find((c) => c.code === n.category)?.[language === 'en' ? 'titleEn' : 'titleVi'] ?? n.category}
        </p>
        <h2>{t('awards.w.workTitle')}</h2>
        <p className="prewrap">{n.work.summary}</p>
        {n.work.evidence.length ? (
          <ul>
            {n.work.evidence.map((e, i) => (
              <li key={i}>
                {t(`awards.w.evidenceKind.${e.kind}`)}: {e.reference}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {n.eligibilityCheck ? <EligibilityPanel check={n.eligibilityCheck} /> : null}
      {!n.recused || officer ? <DocumentsPanel nomination={n} canUpload={n.can.includes('add_documents')} /> : null}
      {n.results.length ? (
        <section className="panel">
          <h2>{t('awards.w.results')}</h2>
          <ul>
            {n.results.map((r) => (
              <li key={r.phase}>
                {t('awards.w.phaseN', { n: r.phase })}: {t(`awards.w.status.${r.outcome}`)} — {r.summary}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {(n.can.includes('submit') || n.can.includes('withdraw')) && !officer ? (
        <div className="form-actions">
          {n.can.includes('submit') ? (
            <button
              className="button-primary"
              type="button"
              disabled={step.pending}
              onClick={() => step.run('submit')}
              data-testid="nomination-submit"
            >
              {t('awards.w.submit')}
            </button>
          ) : null}
          {n.can.includes('withdraw') ? (
            <button type="button" className="button-secondary" disabled={step.pending} onClick={() => step.run('withdraw')}>
              {t('awards.w.withdraw')}
            </button>
          ) : null}
        </div>
      ) : null}
      {step.error ? <p className="notice notice-error">{step.error}</p> : null}
      {officer && n.status === 'submitted' ? <EligibilityDecision id={n.id} /> : null}
      {seat && a && phaseDef && n.status === 'in_phase' && !n.recused ? (
        <CouncilPanel nomination={n} award={a} role={seat.role} method={phaseDef.method} ballot={phaseDef.ballot} />
      ) : null}
    </article>
  );
}

function EligibilityPanel({ check }: { check: NonNullable<Nomination['eligibilityCheck']> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section className="panel" data-testid="eligibility-check">
      <h2>{t('awards.w.eligibility')}</h2>
      {check.length === 0 ? <p className="muted">{t('awards.w.eligibilityNone')}</p> : null}
      {check.map((c) => (
        <div key={c.profileId}>
          <h3>
            {c.name}: <span className={`badge outcome-${c.outcome}`}>{t(`awards.w.outcome.${c.outcome}`)}</span>
          </h3>
          <ul className="criteria-list">
            {c.criteria.map((r) => (
              <li key={r.id} style={{ marginLeft: `${r.depth}rem` }} data-status={r.status}>
                <span aria-hidden="true">{r.status === 'met' ? '✓' : r.status === 'not_met' ? '✗' : '?'} </span>
                {r.label[language === 'en' ? 'en' : 'vi']} — {t(`awards.w.criterion.${r.status}`)}
                {r.toConfirm ? <span className="cell-sub"> ({t('awards.w.toConfirm')})</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function DocumentsPanel({ nomination, canUpload }: { nomination: Nomination; canUpload: boolean }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: awardKeys.documents(nomination.id), queryFn: () => listNominationDocuments(nomination.id) });
  const upload = useAwardAction((file: File) => uploadNominationDocument(nomination.id, file));
  return (
    <DocumentDossier
      testId="nomination-documents"
      uploadTestId="nomination-upload"
      labels={{
        title: t('awards.w.documents'),
        none: t('awards.w.noDocuments'),
        add: t('awards.w.addDocument'),
        hint: t('awards.w.documentLimits'),
        version: (version) => t('awards.w.version', { version }),
      }}
      items={q.data?.items}
      error={q.error}
      onDownload={(d: NominationDocument) => void downloadNominationDocument(nomination.id, d).then(saveFile)}
      upload={canUpload ? upload : undefined}
    />
  );
}

function EligibilityDecision({ id }: { id: string }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const decide = useAwardAction((eligible: boolean) => decideEligibility(id, eligible, reason));
  return (
    <section className="panel">
      <h2>{t('awards.w.eligibilityDecision')}</h2>
      <label className="field">
        <span className="field-label">{t('awards.w.reason')}</span>
        <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="form-actions">
        <button className="button-primary" type="button" disabled={decide.pending} onClick={() => decide.run(true)} data-testid="eligible">
          {t('awards.w.markEligible')}
        </button>
        <button type="button" className="button-secondary" disabled={decide.pending || !reason.trim()} onClick={() => decide.run(false)}>
          {t('awards.w.markIneligible')}
        </button>
      </div>
      {decide.error ? <p className="notice notice-error">{decide.error}</p> : null}
    </section>
  );
}

/** The member's review (structured for reviewers), criterion scores on the award's scales, ballot, declaration of interest. */
function CouncilPanel({
  nomination,
  award,
  role,
  method,
  ballot,
}: {
  nomination: Nomination;
  award: Award;
  role: string;
  method: 'mean_score' | 'ballot';
  ballot: 'secret' | 'signed';
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mine = useQuery({ queryKey: awardKeys.score(nomination.id), queryFn: () => getMyScore(nomination.id) });
  const [scores, setScores] = useState<Record<string, string> | null>(null);
  const [review, setReview] = useState<{ summary: string; strengths: string; weaknesses: string } | null>(null);
  const [choice, setChoice] = useState<'yes' | 'no' | 'abstain' | ''>('');
  const [conflict, setConflict] = useState('');
  const save = useAwardAction((body: Parameters<typeof saveMyScore>[1]) => saveMyScore(nomination.id, body));
  const vote = useAwardAction((c: 'yes' | 'no' | 'abstain') => castVote(nomination.id, c));
  const declare = useAwardAction(() => declareConflict(nomination.id, conflict));
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <QueryError error={mine.error} />;
  const values = scores ?? Object.fromEntries(award.definition.criteria.map((c) => [c.code, mine.data.scores[c.code]?.toString() ?? '']));
  const currentReview = review ?? mine.data.review;
  const reviewer = role === 'reviewer';
  if (role === 'secretary')
    return (
      <section className="panel">
        <h2>{t('awards.w.council')}</h2>
        <p>{t('awards.w.secretaryNoScore')}</p>
      </section>
    );
  return (
    <section className="panel" data-testid="council-panel">
      <h2>{t('awards.w.council')}</h2>
      {method === 'mean_score' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.run({
              scores: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v)])),
              review: currentReview,
            });
          }}
        >
          <h3>{t(reviewer ? 'awards.w.reviewForm' : 'awards.w.scoreForm')}</h3>
          {award.definition.criteria.map((c) => (
            <label key={c.code} className="field">
              <span className="field-label">
                {language === 'en' ? c.titleEn : c.titleVi} ({t('awards.w.scale', { min: c.min, max: c.max, weight: c.weight })})
              </span>
              <input
                type="number"
                inputMode="decimal"
                min={c.min}
                max={c.max}
                step="0.5"
                required
                value={values[c.code] ?? ''}
                data-testid={`score-${c.code}`}
                onChange={(e) => setScores({ ...values, [c.code]: e.target.value })}
              />
            </label>
          ))}
          {(['summary', 'strengths', 'weaknesses'] as const).map((k) => (
            <label key={k} className="field">
              <span className="field-label">{t(`awards.w.review.${k}`)}</span>
              <textarea
                rows={k === 'summary' ? 4 : 2}
                required={reviewer && k === 'summary'}
                value={currentReview[k]}
                onChange={(e) => setReview({ ...currentReview, [k]: e.target.value })}
              />
            </label>
          ))}
          <button className="button-primary" type="submit" disabled={save.pending} data-testid="score-save">
            {t('awards.w.saveScores')}
          </button>
          {save.done ? <p className="notice notice-success">{t('awards.w.saved')}</p> : null}
          {save.error ? <p className="notice notice-error">{save.error}</p> : null}
        </form>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) vote.run(choice);
          }}
        >
          <h3>{t('awards.w.ballot')}</h3>
          <p className="notice" data-testid="ballot-kind">
            {t(ballot === 'secret' ? 'awards.w.secretBallot' : 'awards.w.signedBallot')}
          </p>
          <fieldset className="field">
            <legend className="field-label">{t('awards.w.yourVote')}</legend>
            {(['yes', 'no', 'abstain'] as const).map((c) => (
              <label key={c} className="choice">
                <input type="radio" name="vote" value={c} checked={choice === c} onChange={() => setChoice(c)} />{' '}
                {t(`awards.w.choice.${c}`)}
              </label>
            ))}
          </fieldset>
          <button className="button-primary" type="submit" disabled={!choice || vote.pending || vote.done} data-testid="vote-cast">
            {t('awards.w.castVote')}
          </button>
          {vote.done ? <p className="notice notice-success">{t('awards.w.voted')}</p> : null}
          {vote.error ? <p className="notice notice-error">{vote.error}</p> : null}
        </form>
      )}
      <form
        className="conflict-form"
        onSubmit={(e) => {
          e.preventDefault();
          declare.run(undefined);
        }}
      >
        <h3>{t('awards.w.declareConflict')}</h3>
        <p className="muted">{t('awards.w.declareHint')}</p>
        <label className="field">
          <span className="field-label">{t('awards.w.reason')}</span>
          <textarea rows={2} value={conflict} onChange={(e) => setConflict(e.target.value)} />
        </label>
        <button type="submit" className="button-secondary" disabled={!conflict.trim() || declare.pending}>
          {t('awards.w.declare')}
        </button>
        {declare.error ? <p className="notice notice-error">{declare.error}</p> : null}
      </form>
    </section>
  );
}
