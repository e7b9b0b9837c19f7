import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import {
  type ApplicationReviewer,
  type ApplicationView,
  type ReviewerAnswer,
  answerReview,
  giveReviewOpinion,
  listMyReviews,
  listReviewerCandidates,
  programKeys,
  seatReviewer,
  unseatReviewer,
} from '../../api/programs.api';
import { CheckboxField, SelectField, TextAreaField } from '../../forms/fields';
import { fieldIssues } from '../../i18n/field-issues';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useAction } from '../../lib/use-action';
import { useLanguage } from '../../lib/use-language';

/** Every application query (the page, the candidates, my reviews) starts with this key: a council step refreshes them all. */
const APPLICATION_QUERIES = [['applications']] as const;
const recommendations = ['approve', 'reject', 'abstain'] as const;

/** One seat: who, where they stand, their declaration and opinion. */
function Seat({ r }: { r: ApplicationReviewer }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <strong>{r.name}</strong>{' '}
      <span className={`badge reviewer-${r.status}`} data-testid="reviewer-status">
        {t(`programs.council.status.${r.status}`)}
      </span>
      {r.declaration ? (
        <p className="muted">
          {t('programs.council.declared', { date: formatDate(r.declaration.signedAt, language) })}
          {r.declaration.conflict ? ` — ${t('programs.council.declaredConflict', { text: r.declaration.description || '—' })}` : ''}
        </p>
      ) : null}
      {r.declineReason ? <p className="muted">{t('programs.council.declineReason', { text: r.declineReason })}</p> : null}
      {r.status === 'accepted' ? (
        r.opinion ? (
          <p data-testid="reviewer-opinion">
            <strong>{t(`programs.council.recommendation.${r.opinion.recommendation}`)}</strong>
            {r.opinion.comment ? `: ${r.opinion.comment}` : ''}{' '}
            <span className="muted">({t('programs.council.opinionAt', { date: formatDate(r.opinion.at, language) })})</span>
          </p>
        ) : (
          <p className="muted">{t('programs.council.noOpinion')}</p>
        )
      ) : null}
    </>
  );
}

/**
 * The officer's side of the optional review council: the seats with their declarations and
 * opinions, candidates to invite (each with its screened conflicts or missing account instead of
 * the button), and taking an unanswered seat back.
 */
export function ReviewCouncilPanel({ a }: { a: ApplicationView }) {
  const { t } = useTranslation();
  const searchId = useId();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  const open = a.can.includes('seat_reviewers');
  // Suggested by the applicant's fields until words are asked; each screened for conflicts by the server.
  const hits = useQuery({
    queryKey: ['applications', 'reviewer-candidates', a.id, asked],
    queryFn: () => listReviewerCandidates(a.id, asked.trim()),
    enabled: open,
  });
  const seat = useAction(APPLICATION_QUERIES, (profileId: string) => seatReviewer(a.id, profileId));
  const unseat = useAction(APPLICATION_QUERIES, (reviewerId: string) => unseatReviewer(a.id, reviewerId));
  return (
    <section className="panel" aria-labelledby="app-council" data-testid="review-council">
      <h2 id="app-council">{t('programs.council.title')}</h2>
      <p className="muted">{t('programs.council.lead')}</p>
      {a.reviewers.length ? (
        <ul className="member-list" data-testid="reviewers">
          {a.reviewers.map((r) => (
            <li key={r.id}>
              <Seat r={r} />{' '}
              {open && r.status === 'invited' ? (
                <button type="button" className="button-link" disabled={unseat.pending} onClick={() => unseat.run(r.id)}>
                  {t('programs.council.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('programs.council.none')}</p>
      )}
      {unseat.error ? <p className="notice notice-error">{unseat.error}</p> : null}
      {open ? (
        <>
          <form
            className="inline-form"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              setAsked(q);
            }}
          >
            <label className="field" htmlFor={searchId}>
              <span>{t('programs.council.search')}</span>
              <input id={searchId} value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} data-testid="reviewer-search" />
            </label>
            <button type="submit" className="button-secondary">
              {t('programs.council.find')}
            </button>
          </form>
          {hits.data ? (
            hits.data.items.length ? (
              <ul className="member-list" data-testid="reviewer-hits">
                {hits.data.items.slice(0, 10).map((h) => (
                  <li key={h.profileId} data-testid="reviewer-candidate">
                    {h.name}
                    {h.workplace ? <span className="muted"> — {h.workplace}</span> : null}{' '}
                    {h.seated ? (
                      <span className="badge">{t('programs.council.seated')}</span>
                    ) : h.conflicts.length ? (
                      <span className="badge reviewer-recused" title={h.conflicts.map((f) => f.evidence).join('; ')}>
                        {h.conflicts
                          .map((f) => t(`programs.council.conflictCode.${f.code as 'applicant'}`, { defaultValue: f.code }))
                          .join(', ')}
                      </span>
                    ) : !h.registered ? (
                      <span className="badge">{t('programs.council.noAccount')}</span>
                    ) : (
                      <button
                        type="button"
                        className="button-secondary"
                        disabled={seat.pending}
                        onClick={() => seat.run(h.profileId)}
                        data-testid="reviewer-invite"
                      >
                        {t('programs.council.invite')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('programs.council.noHits')}</p>
            )
          ) : null}
          {seat.error ? (
            <p className="notice notice-error" role="alert" data-testid="reviewer-error">
              {seat.error}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The reviewer's side: accept with the declaration of interest or decline; then the opinion, until the decision. */
export function ReviewerSeatPanel({ a }: { a: ApplicationView }) {
  const { t } = useTranslation();
  const own = a.reviewers[0];
  if (!own) return null;
  const invited = a.can.includes('answer_review');
  return (
    <section className="panel" aria-labelledby="app-my-review" data-testid="reviewer-panel">
      <h2 id="app-my-review">{t(invited ? 'programs.council.invitedTitle' : 'programs.council.opinionTitle')}</h2>
      {invited ? <AnswerForms seatId={own.id} /> : <Seat r={own} />}
      {a.can.includes('give_opinion') ? <OpinionForm seat={own} /> : null}
    </section>
  );
}

const NO_INTERESTS = { conflict: false, description: '', familyOrFinancial: false, confidentiality: false };
type Flag = 'conflict' | 'familyOrFinancial' | 'confidentiality';

/** The consultation panel's declaration of interest (a declared conflict recuses), or declining with a reason. */
function AnswerForms({ seatId }: { seatId: string }) {
  const { t } = useTranslation();
  const [declaration, setDeclaration] = useState(NO_INTERESTS);
  const [reason, setReason] = useState('');
  const answer = useAction(APPLICATION_QUERIES, (body: ReviewerAnswer) => answerReview(seatId, body));
  const answered = fieldIssues(answer.failure, t);
  const flag = (name: Flag) => (
    <CheckboxField
      name={name}
      label={t(`programs.council.${name}`)}
      checked={declaration[name]}
      onChange={(e) => setDeclaration((d) => ({ ...d, [name]: e.target.checked }))}
    />
  );
  return (
    <>
      <p className="muted">{t('programs.council.invitedLead')}</p>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          answer.run({ accept: true, declaration });
        }}
      >
        {flag('conflict')}
        <TextAreaField
          name="description"
          label={t('programs.council.conflictDescription')}
          value={declaration.description}
          error={answered.description}
          onChange={(e) => setDeclaration((d) => ({ ...d, description: e.target.value }))}
          maxLength={2000}
          rows={2}
        />
        {flag('familyOrFinancial')}
        {flag('confidentiality')}
        <div className="form-actions">
          <button
            type="submit"
            className="button-primary"
            disabled={answer.pending || (!declaration.conflict && !declaration.confidentiality)}
            data-testid="review-accept"
          >
            {t('programs.council.accept')}
          </button>
        </div>
      </form>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          answer.run({ accept: false, reason });
        }}
      >
        <TextAreaField
          name="reason"
          label={t('programs.council.declineLabel')}
          value={reason}
          error={answered.reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
          rows={2}
        />
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={answer.pending || !reason.trim()}>
            {t('programs.council.decline')}
          </button>
        </div>
      </form>
      {answer.error ? <p className="notice notice-error">{answer.error}</p> : null}
    </>
  );
}

/** An accepted reviewer's recommendation and comments, changeable until the decision. */
function OpinionForm({ seat }: { seat: ApplicationReviewer }) {
  const { t } = useTranslation();
  const [recommendation, setRecommendation] = useState<(typeof recommendations)[number]>(seat.opinion?.recommendation ?? 'approve');
  const [comment, setComment] = useState(seat.opinion?.comment ?? '');
  const opinion = useAction(APPLICATION_QUERIES, () => giveReviewOpinion(seat.id, { recommendation, comment }));
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        opinion.run(undefined);
      }}
    >
      <SelectField
        name="recommendation"
        label={t('programs.council.recommendationLabel')}
        value={recommendation}
        onChange={(e) => setRecommendation(e.target.value as typeof recommendation)}
        options={recommendations.map((r) => ({ value: r, label: t(`programs.council.recommendation.${r}`) }))}
      />
      <TextAreaField
        name="comment"
        label={t('programs.council.comment')}
        value={comment}
        error={fieldIssues(opinion.failure, t).comment}
        onChange={(e) => setComment(e.target.value)}
        maxLength={4000}
        rows={4}
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={opinion.pending} data-testid="review-opinion-save">
          {t('programs.council.saveOpinion')}
        </button>
      </div>
      {opinion.done && !opinion.error ? <p role="status">{t('programs.council.opinionSaved')}</p> : null}
      {opinion.error ? <p className="notice notice-error">{opinion.error}</p> : null}
    </form>
  );
}

/** The expert's list of review invitations (on their applications page), when there are any. */
export function MyReviews() {
  const { t } = useTranslation();
  const language = useLanguage();
  const q = useQuery({ queryKey: programKeys.reviews, queryFn: listMyReviews });
  if (!q.data?.items.length) return null;
  return (
    <section className="panel" aria-labelledby="my-reviews" data-testid="my-reviews">
      <h2 id="my-reviews">{t('programs.council.mineTitle')}</h2>
      <ul className="member-list">
        {q.data.items.map((r) => (
          <li key={r.id}>
            {r.programTitle[language]} — {r.applicantName}{' '}
            <span className={`badge reviewer-${r.status}`}>{t(`programs.council.status.${r.status}`)}</span>{' '}
            {r.status === 'invited' || r.status === 'accepted' ? (
              <Link to={`/programs/applications/${r.applicationId}`}>{t('programs.council.open')}</Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
