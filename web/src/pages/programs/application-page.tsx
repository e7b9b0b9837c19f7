import type { DeclaredFactDefinition } from '@hpen/server/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  applicationStep,
  downloadApplicationDocument,
  getApplication,
  programKeys,
  saveChecklist,
  updateApplication,
  uploadApplicationDocument,
  type ApplicationView,
} from '../../api/programs.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate, formatDateTime } from '../../lib/format';
import { formatBytes, saveFile } from '../../lib/save-file';
import { useAction } from '../../lib/use-action';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { degreeLabel } from '../../lib/reference-labels';
import { CriteriaResults, OutcomeBadge } from './program-parts';
import { ReviewCouncilPanel, ReviewerSeatPanel } from './review-council';

type Declared = Record<string, boolean | number | string>;

/** The facts the profile cannot hold, asked per the program's rules (yes/no, a number, a choice). */
export function DeclaredFactsForm({
  facts,
  initial,
  initialStatement,
  pending,
  submitLabel,
  onSubmit,
}: {
  facts: readonly DeclaredFactDefinition[];
  initial: Declared;
  initialStatement: string;
  pending: boolean;
  submitLabel: string;
  onSubmit: (declared: Declared, statement: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState<Declared>(initial);
  const [statement, setStatement] = useState(initialStatement);
  const set = (key: string, value: boolean | number | string | undefined) =>
    setValues((v) => {
      const next = { ...v };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  return (
    <form
      className="stack"
      data-testid="declared-facts-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(values, statement);
      }}
    >
      <p className="muted">{t('programs.app.factsLead')}</p>
      {facts.map((f) => {
        const id = `fact-${f.key}`;
        const label = (
          <>
            {f.label[language]} {f.evidenceRequired ? <span className="muted">({t('programs.app.evidenceRequired')})</span> : null}
          </>
        );
        const v = values[f.key];
        if (f.type === 'boolean')
          return (
            <fieldset key={f.key} id={id} className="field fact-field" data-fact={f.key}>
              <legend className="field-label">{label}</legend>
              <div className="radio-row">
                {[
                  ['yes', true],
                  ['no', false],
                ].map(([k, val]) => (
                  <label key={String(k)}>
                    <input
                      type="radio"
                      name={id}
                      checked={v === val}
                      onChange={() => set(f.key, val as boolean)}
                      data-testid={`fact-${f.key}-${String(k)}`}
                    />{' '}
                    {t(`programs.${k as 'yes' | 'no'}`)}
                  </label>
                ))}
              </div>
            </fieldset>
          );
        if (f.type === 'number')
          return (
            <label key={f.key} className="field fact-field" id={id} data-fact={f.key}>
              <span className="field-label">{label}</span>
              <input
                type="number"
                min={0}
                value={typeof v === 'number' ? v : ''}
                onChange={(e) => set(f.key, e.target.value === '' ? undefined : Number(e.target.value))}
              />
            </label>
          );
        return (
          <label key={f.key} className="field fact-field" id={id} data-fact={f.key}>
            <span className="field-label">{label}</span>
            <select value={typeof v === 'string' ? v : ''} onChange={(e) => set(f.key, e.target.value || undefined)}>
              <option value="">{t('programs.app.notAnswered')}</option>
              {f.options?.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label[language]}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      <label className="field">
        <span className="field-label">{t('programs.app.statement')}</span>
        <textarea rows={3} maxLength={5000} value={statement} onChange={(e) => setStatement(e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={pending} data-testid="facts-next">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

const useApplicationAction = <A,>(id: string, run: (arg: A) => Promise<unknown>, onDone?: () => void) =>
  useAction([['applications'], ['programs', 'eligibility'], programKeys.application(id)], run, onDone);

/** An application: the applicant's wizard (facts → evidence → review and submit) and the reviewing officer's page. */
export function ApplicationPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useParams().appId ?? '';
  const q = useQuery({ queryKey: programKeys.application(id), queryFn: () => getApplication(id) });
  usePageTitle(q.data ? q.data.programTitle[language] : t('programs.myApplications'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} />;
  const a = q.data;
  const editable = a.can.includes('edit');
  const manager = a.can.some((c) => ['start_review', 'request_information', 'decide'].includes(c));
  return (
    <div className="page page-narrow programs" data-testid="application-page" data-status={a.status}>
      <p className="muted">
        <Link to={manager ? '/programs/officer' : '/programs/applications'}>
          {manager ? t('programs.queue.title') : t('programs.myApplications')}
        </Link>{' '}
        · <Link to={`/programs/${a.programId}`}>{a.programTitle[language]}</Link> · {t('programs.version', { version: a.programVersion })}
        {a.submittedAt ? ` · ${t('programs.app.submittedAt')}: ${formatDate(a.submittedAt, language)}` : ''}
      </p>
      <h1>
        {a.applicantName || a.programTitle[language]}{' '}
        <span className={`badge app-${a.status}`} data-testid="application-status">
          {t(`programs.app.status.${a.status}`)}
        </span>
      </h1>
      {a.infoRequest && a.status === 'needs_information' ? (
        <div className="notice notice-info" role="status" data-testid="info-request">
          <strong>{t('programs.app.infoRequest')}:</strong> {a.infoRequest}
        </div>
      ) : null}
      {a.decision ? (
        <div className={`notice ${a.decision.outcome === 'approved' ? 'notice-success' : 'notice-error'}`} data-testid="decision">
          <strong>{t(`programs.app.status.${a.decision.outcome}`)}</strong> —{' '}
          {t('programs.app.decisionText', { number: a.decision.number, date: formatDate(a.decision.date, language) })}
          {a.decision.reason ? (
            <p>
              {t('programs.app.reason')}: {a.decision.reason}
            </p>
          ) : null}
        </div>
      ) : null}
      {editable ? <Wizard a={a} /> : <Overview a={a} />}
      {a.viewer === 'manager' && (a.reviewers.length || a.can.includes('seat_reviewers')) ? <ReviewCouncilPanel a={a} /> : null}
      {a.viewer === 'reviewer' ? <ReviewerSeatPanel a={a} /> : null}
      {manager ? <ReviewPanel a={a} /> : null}
      {a.can.includes('withdraw') ? <WithdrawForm id={a.id} /> : null}
      <section className="panel" aria-labelledby="app-timeline">
        <h2 id="app-timeline">{t('programs.app.timeline')}</h2>
        <ol className="app-timeline">
          {a.timeline.map((e, i) => (
            <li key={i}>
              {formatDateTime(e.at, language)} — {t(`programs.app.status.${e.to as 'draft'}`)}
              {e.note ? `: ${e.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function Wizard({ a }: { a: ApplicationView }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const step = Math.min(3, Math.max(1, Number(params.get('step') ?? '1') || 1));
  const go = (n: number) => setParams({ step: String(n) }, { replace: false });
  const save = useApplicationAction(
    a.id,
    (b: { declared: Declared; statement: string }) => updateApplication(a.id, b),
    () => go(2),
  );
  // A link to a declared fact (`#fact-<key>`) from "programs that fit me" opens step 1 at that question.
  useEffect(() => {
    const hash = window.location.hash.slice(1);
    if (hash.startsWith('fact-')) document.getElementById(hash)?.scrollIntoView({ block: 'center' });
  }, [step]);
  return (
    <>
      <ol className="wizard-steps" aria-label={t('programs.app.steps')}>
        {[1, 2, 3].map((n) => (
          <li key={n} aria-current={n === step ? 'step' : undefined}>
            <button type="button" className="button-link" onClick={() => go(n)} data-testid={`wizard-step-${n}`}>
              <span className="wizard-step-number" aria-hidden="true">
                {n}
              </span>
              <span className="wizard-step-label">{t(`programs.app.step${n as 1 | 2 | 3}`)}</span>
            </button>
          </li>
        ))}
      </ol>
      {step === 1 ? (
        <>
          <DeclaredFactsForm
            facts={a.declaredFacts}
            initial={a.declared}
            initialStatement={a.statement}
            pending={save.pending}
            submitLabel={t('programs.app.next')}
            onSubmit={(declared, statement) => save.run({ declared, statement })}
          />
          {save.error ? <p className="notice notice-error">{save.error}</p> : null}
        </>
      ) : null}
      {step === 2 ? (
        <>
          <Evidence a={a} />
          <div className="form-actions">
            <button type="button" className="button-secondary" onClick={() => go(1)}>
              {t('programs.app.back')}
            </button>
            <button type="button" className="button-primary" onClick={() => go(3)} data-testid="evidence-next">
              {t('programs.app.next')}
            </button>
          </div>
        </>
      ) : null}
      {step === 3 ? <Review a={a} onBack={() => go(2)} /> : null}
    </>
  );
}

function Evidence({ a }: { a: ApplicationView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const purposes = [
    ...a.requiredDocuments.map((d) => ({ value: d.code, label: d.label[language] + (d.required ? '' : ` ${t('programs.optional')}`) })),
    ...a.declaredFacts.filter((f) => f.evidenceRequired).map((f) => ({ value: `fact:${f.key}`, label: f.label[language] })),
    { value: 'other', label: t('programs.app.purposeOther') },
  ];
  // A link from the review step's list of what is missing names the purpose to upload for.
  const wanted = useSearchParams()[0].get('purpose');
  const [purpose, setPurpose] = useState(purposes.find((p) => p.value === wanted)?.value ?? purposes[0]?.value ?? 'other');
  const upload = useApplicationAction(a.id, (file: File) => uploadApplicationDocument(a.id, file, purpose));
  const canUpload = a.can.includes('upload');
  return (
    <section className="panel" aria-labelledby="app-evidence" data-testid="evidence">
      <h2 id="app-evidence">{t('programs.app.evidence')}</h2>
      <DocumentList a={a} purposes={purposes} />
      {canUpload ? (
        <div className="evidence-upload">
          <label className="field">
            <span className="field-label">{t('programs.app.purpose')}</span>
            <select value={purpose} onChange={(e) => setPurpose(e.target.value)} data-testid="evidence-purpose">
              {purposes.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('programs.app.upload')}</span>
            <input
              type="file"
              accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
              disabled={upload.pending}
              data-testid="evidence-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) upload.run(file);
                e.target.value = '';
              }}
            />
          </label>
        </div>
      ) : null}
      {upload.error ? <p className="notice notice-error">{upload.error}</p> : null}
    </section>
  );
}

function DocumentList({ a, purposes }: { a: ApplicationView; purposes?: Array<{ value: string; label: string }> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!a.documents.length) return <p>{t('programs.app.noDocuments')}</p>;
  return (
    <ul className="member-list" data-testid="evidence-list">
      {a.documents.map((d) => (
        <li key={d.id}>
          <button type="button" className="button-link" onClick={() => void downloadApplicationDocument(a.id, d).then(saveFile)}>
            {d.name}
          </button>{' '}
          <span className="cell-sub">
            {purposes?.find((p) => p.value === d.purpose)?.label ?? d.purpose} · {formatBytes(d.size, language)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function SnapshotSummary({ a }: { a: ApplicationView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const s = a.snapshot as { fullName?: string; highestDegree?: string | null; academicTitle?: string | null; birthYear?: number | null };
  return (
    <section className="panel" aria-labelledby="app-snapshot">
      <h2 id="app-snapshot">{t('programs.app.snapshot', { version: a.programVersion })}</h2>
      <p>
        {[s.academicTitle, s.fullName].filter(Boolean).join(' ')}
        {s.highestDegree ? ` · ${degreeLabel(s.highestDegree, language)}` : ''}
        {s.birthYear ? ` · ${s.birthYear}` : ''}
      </p>
      <ul>
        {a.declaredFacts.map((f) => {
          const v = a.declared[f.key];
          const shown =
            v === undefined
              ? t('programs.app.notAnswered')
              : typeof v === 'boolean'
                ? t(v ? 'programs.yes' : 'programs.no')
                : (f.options?.find((o) => o.value === v)?.label[language] ?? String(v));
          return (
            <li key={f.key}>
              {f.label[language]}: <strong>{shown}</strong>
            </li>
          );
        })}
      </ul>
      {a.statement ? <p>{a.statement}</p> : null}
    </section>
  );
}

function Assessment({ a }: { a: ApplicationView }) {
  const { t } = useTranslation();
  if (!a.assessment) return null;
  return (
    <section className="panel" aria-labelledby="app-assessment" data-testid="assessment">
      <h2 id="app-assessment">
        {t('programs.app.assessment')} <OutcomeBadge outcome={a.assessment.outcome} />
      </h2>
      {a.assessment.benefit ? <p>{t('programs.benefitReached', { label: a.assessment.benefit.label })}</p> : null}
      <CriteriaResults criteria={a.assessment.criteria} links={a.can.includes('edit') ? 'profile' : 'none'} />
      {a.assessment.groups
        .filter((g) => g.status !== 'not_met')
        .map((g) => (
          <div key={g.code}>
            <p>
              <strong>{g.label}</strong> — {t(`programs.criterion.${g.status}`)}
            </p>
          </div>
        ))}
    </section>
  );
}

const missingHref = (m: ApplicationView['missing'][number]) =>
  m.kind === 'fact'
    ? `?step=1#fact-${m.code}`
    : m.kind === 'consent'
      ? '/account/privacy'
      : `?step=2&purpose=${encodeURIComponent(m.kind === 'document' ? m.code : `fact:${m.code}`)}`;

/** Everything the server says is still missing, each linked to the step (or page) where it is given. */
function MissingList({ a }: { a: ApplicationView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!a.missing.length) return null;
  return (
    <section className="notice notice-error" aria-labelledby="app-missing" data-testid="missing-list">
      <h2 id="app-missing">{t('programs.app.missingTitle')}</h2>
      <ul>
        {a.missing.map((m) => (
          <li key={`${m.kind}:${m.code}`} data-kind={m.kind}>
            <Link to={missingHref(m)} data-testid="missing-item">
              {m.label[language]}
            </Link>{' '}
            <span className="muted">({t(`programs.app.missingKind.${m.kind}`)})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Review({ a, onBack }: { a: ApplicationView; onBack: () => void }) {
  const { t } = useTranslation();
  const respond = a.can.includes('respond');
  const [confirming, setConfirming] = useState(false);
  const submit = useApplicationAction(
    a.id,
    () => applicationStep(a.id, respond ? 'respond' : 'submit'),
    () => setConfirming(false),
  );
  const canSend = (a.can.includes('submit') || respond) && !a.missing.length;
  return (
    <>
      <MissingList a={a} />
      <SnapshotSummary a={a} />
      <Assessment a={a} />
      <section className="panel">
        <h2>{t('programs.app.evidence')}</h2>
        <DocumentList a={a} />
      </section>
      <div className="form-actions">
        <button type="button" className="button-secondary" onClick={onBack}>
          {t('programs.app.back')}
        </button>
        {(a.can.includes('submit') || respond) && !confirming ? (
          <button
            type="button"
            className="button-primary"
            disabled={!canSend}
            aria-describedby={a.missing.length ? 'app-missing' : undefined}
            onClick={() => setConfirming(true)}
            data-testid="submit-application"
          >
            {respond ? t('programs.app.respond') : t('programs.app.submit')}
          </button>
        ) : null}
      </div>
      {confirming && canSend ? (
        <section className="notice notice-info" role="alertdialog" aria-labelledby="app-confirm" data-testid="submit-confirm">
          <p id="app-confirm">{t(respond ? 'programs.app.confirmRespondText' : 'programs.app.confirmSubmitText')}</p>
          <div className="form-actions">
            <button type="button" className="button-secondary" onClick={() => setConfirming(false)}>
              {t('programs.app.cancel')}
            </button>
            <button
              type="button"
              className="button-primary"
              autoFocus
              disabled={submit.pending}
              onClick={() => submit.run(undefined)}
              data-testid="confirm-submit"
            >
              {respond ? t('programs.app.confirmRespond') : t('programs.app.confirmSubmit')}
            </button>
          </div>
        </section>
      ) : null}
      {submit.error ? <p className="notice notice-error">{submit.error}</p> : null}
    </>
  );
}

function Overview({ a }: { a: ApplicationView }) {
  const { t } = useTranslation();
  return (
    <>
      <SnapshotSummary a={a} />
      <Assessment a={a} />
      <section className="panel">
        <h2>{t('programs.app.evidence')}</h2>
        <DocumentList a={a} />
      </section>
    </>
  );
}

function WithdrawForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useApplicationAction(id, () => applicationStep(id, 'withdraw', { reason }));
  return (
    <section className="panel">
      {open ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            withdraw.run(undefined);
          }}
        >
          <label className="field">
            <span className="field-label">{t('programs.app.withdrawReason')}</span>
            <input value={reason} maxLength={2000} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="button-danger" disabled={withdraw.pending} data-testid="confirm-withdraw">
            {t('programs.app.confirmWithdraw')}
          </button>
        </form>
      ) : (
        <button type="button" className="button-secondary" onClick={() => setOpen(true)} data-testid="withdraw">
          {t('programs.app.withdraw')}
        </button>
      )}
      {withdraw.error ? <p className="notice notice-error">{withdraw.error}</p> : null}
    </section>
  );
}

/** The reviewing officer: take into review, the checklist from the rules with the evidence, ask for information, decide. */
function ReviewPanel({ a }: { a: ApplicationView }) {
  const { t } = useTranslation();
  const start = useApplicationAction(a.id, () => applicationStep(a.id, 'start-review'));
  const [message, setMessage] = useState('');
  const ask = useApplicationAction(
    a.id,
    () => applicationStep(a.id, 'request-information', { message }),
    () => setMessage(''),
  );
  const [checks, setChecks] = useState(() => a.checklist.map((c) => ({ criterionId: c.criterionId, checked: c.checked, note: c.note })));
  const check = useApplicationAction(a.id, () => saveChecklist(a.id, checks));
  const [outcome, setOutcome] = useState<'approved' | 'rejected'>('approved');
  const [number, setNumber] = useState('');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [reason, setReason] = useState('');
  const decide = useApplicationAction(a.id, () => applicationStep(a.id, 'decision', { outcome, number, date, reason }));
  const reasonMissing = outcome === 'rejected' && !reason.trim();
  return (
    <section className="panel review-panel" aria-labelledby="app-review" data-testid="review-panel">
      <h2 id="app-review">{t('programs.app.decide')}</h2>
      {a.can.includes('start_review') ? (
        <p>
          <button
            type="button"
            className="button-primary"
            onClick={() => start.run(undefined)}
            disabled={start.pending}
            data-testid="start-review"
          >
            {t('programs.app.startReview')}
          </button>
        </p>
      ) : null}
      {start.error ? <p className="notice notice-error">{start.error}</p> : null}
      {a.can.includes('checklist') ? (
        <form
          className="stack"
          data-testid="checklist"
          onSubmit={(e) => {
            e.preventDefault();
            check.run(undefined);
          }}
        >
          <h3>{t('programs.app.checklist')}</h3>
          <ul className="checklist">
            {a.checklist.map((c, i) => (
              <li key={c.criterionId}>
                <div className="check-row">
                  <input
                    id={`check-${c.criterionId}`}
                    type="checkbox"
                    checked={checks[i]?.checked ?? false}
                    onChange={(e) => setChecks((xs) => xs.map((x, k) => (k === i ? { ...x, checked: e.target.checked } : x)))}
                  />
                  <label htmlFor={`check-${c.criterionId}`}>
                    {c.label} <span className={`badge criterion-${c.status}`}>{t(`programs.criterion.${c.status as 'met'}`)}</span>
                  </label>
                </div>
                <div className="field">
                  <input
                    aria-label={`${t('programs.app.note')}: ${c.label}`}
                    placeholder={t('programs.app.note')}
                    value={checks[i]?.note ?? ''}
                    maxLength={1000}
                    onChange={(e) => setChecks((xs) => xs.map((x, k) => (k === i ? { ...x, note: e.target.value } : x)))}
                  />
                </div>
              </li>
            ))}
          </ul>
          <p className="muted">
            {t('programs.app.evidence')}: {a.documents.map((d) => d.name).join(', ') || t('programs.app.noDocuments')}
          </p>
          <button type="submit" className="button-secondary" disabled={check.pending}>
            {t('programs.app.checklistSave')}
          </button>
          {check.error ? <p className="notice notice-error">{check.error}</p> : null}
        </form>
      ) : null}
      {a.can.includes('request_information') ? (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            ask.run(undefined);
          }}
        >
          <h3>{t('programs.app.requestInfo')}</h3>
          <label className="field">
            <span className="field-label">{t('programs.app.requestMessage')}</span>
            <textarea rows={2} required maxLength={2000} value={message} onChange={(e) => setMessage(e.target.value)} />
          </label>
          <button type="submit" className="button-secondary" disabled={ask.pending || !message.trim()}>
            {t('programs.app.send')}
          </button>
          {ask.error ? <p className="notice notice-error">{ask.error}</p> : null}
        </form>
      ) : null}
      {a.can.includes('decide') ? (
        <form
          className="stack"
          data-testid="decision-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!reasonMissing) decide.run(undefined);
          }}
        >
          <h3>{t('programs.app.decision')}</h3>
          <fieldset className="radio-row">
            <legend className="visually-hidden">{t('programs.app.decision')}</legend>
            {(['approved', 'rejected'] as const).map((o) => (
              <label key={o}>
                <input type="radio" name="outcome" checked={outcome === o} onChange={() => setOutcome(o)} data-testid={`decision-${o}`} />{' '}
                {o === 'approved' ? t('programs.app.approve') : t('programs.app.reject')}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span className="field-label">{t('programs.app.number')}</span>
            <input required maxLength={100} value={number} onChange={(e) => setNumber(e.target.value)} data-testid="decision-number" />
          </label>
          <label className="field">
            <span className="field-label">{t('programs.app.date')}</span>
            <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} data-testid="decision-date" />
          </label>
          <label className="field">
            <span className="field-label">{t('programs.app.reasonRequired')}</span>
            <textarea
              rows={2}
              maxLength={2000}
              value={reason}
              required={outcome === 'rejected'}
              aria-invalid={reasonMissing || undefined}
              onChange={(e) => setReason(e.target.value)}
              data-testid="decision-reason"
            />
          </label>
          <button
            type="submit"
            className="button-primary"
            disabled={decide.pending || !number.trim() || reasonMissing}
            data-testid="record-decision"
          >
            {t('programs.app.record')}
          </button>
          {decide.error ? <p className="notice notice-error">{decide.error}</p> : null}
        </form>
      ) : null}
    </section>
  );
}
