import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { Link, Navigate, Route, Routes, useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import {
  getMyEligibility,
  getProgram,
  listApplications,
  listPrograms,
  programKeys,
  startApplication,
  type ProgramView,
} from '../../api/programs.api';
import { RequireAuth } from '../../auth/guards';
import { useSession } from '../../auth/use-session';
import { Forbidden } from '../../components/forbidden';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate, formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { NotFoundPage } from '../not-found-page';
import { ApplicationPage, DeclaredFactsForm } from './application-page';
import { ApplicationsTable, EligibilityCard, formatVnd, RuleTree, ToConfirm } from './program-parts';
import { MyReviews } from './review-council';
import '../../i18n/parts/programs';
import './programs.css';

/** Officers only: the workspace and the rule editor (with the zod rule schema) are their own chunk. */
const OfficerWorkspace = lazy(async () => ({ default: (await import('./officer-workspace')).OfficerWorkspace }));
const ProgramEditorPage = lazy(async () => ({ default: (await import('./officer-workspace')).ProgramEditorPage }));
const NewProgramPage = lazy(async () => ({ default: (await import('./program-content-page')).NewProgramPage }));
const ProgramContentPage = lazy(async () => ({ default: (await import('./program-content-page')).ProgramContentPage }));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPEN_STATES = ['draft', 'submitted', 'in_review', 'needs_information'];

/** `/programs/*` (lazy): the public catalogue and program pages, "programs that fit me", applications, the officer's workspace. */
export function ProgramsArea() {
  return (
    <Routes>
      <Route index element={<Catalogue />} />
      <Route path="mine" element={<RequireAuth>{<MyEligibilityPage />}</RequireAuth>} />
      <Route path="applications" element={<RequireAuth>{<MyApplicationsPage />}</RequireAuth>} />
      <Route path="applications/:appId" element={<RequireAuth>{<ApplicationPage />}</RequireAuth>} />
      <Route path="officer" element={<RequireAuth>{<OfficerOnly>{<OfficerWorkspace />}</OfficerOnly>}</RequireAuth>} />
      <Route path="officer/new" element={<RequireAuth>{<OfficerOnly>{<NewProgramPage />}</OfficerOnly>}</RequireAuth>} />
      <Route path="officer/:id" element={<RequireAuth>{<OfficerOnly>{<ProgramEditorPage />}</OfficerOnly>}</RequireAuth>} />
      <Route path="officer/:id/content" element={<RequireAuth>{<OfficerOnly>{<ProgramContentPage />}</OfficerOnly>}</RequireAuth>} />
      <Route path=":id/apply" element={<RequireAuth>{<ApplyPage />}</RequireAuth>} />
      <Route path=":id" element={<ProgramPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

function OfficerOnly({ children }: { children: React.ReactNode }) {
  const role = useSession().user?.role;
  return role === 'officer' || role === 'admin' ? <Suspense fallback={<Loading />}>{children}</Suspense> : <Forbidden />;
}

function AreaLinks() {
  const { t } = useTranslation();
  const role = useSession().user?.role;
  return (
    <nav className="program-links" aria-label={t('programs.title')}>
      {role === 'expert' ? (
        <>
          <Link to="/programs/mine" data-testid="my-eligibility-link">
            {t('programs.myEligibility')}
          </Link>
          <Link to="/programs/applications" data-testid="my-applications-link">
            {t('programs.myApplications')}
          </Link>
        </>
      ) : null}
      {role === 'officer' || role === 'admin' ? (
        <Link to="/programs/officer" data-testid="officer-workspace-link">
          {t('programs.officer')}
        </Link>
      ) : null}
    </nav>
  );
}

function WindowText({ w }: { w: ProgramView['applicationWindow'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!w.opensOn && !w.closesOn) return <>{t('programs.windowOpenEnded')}</>;
  if (!w.closesOn)
    return <>{`${t('programs.windowFrom', { from: formatDate(w.opensOn, language) })} (${t('programs.windowOpenEnded')})`}</>;
  return <>{t('programs.windowRange', { from: formatDate(w.opensOn, language), to: formatDate(w.closesOn, language) })}</>;
}

function Catalogue() {
  const { t } = useTranslation();
  const language = useLanguage();
  const q = useQuery({ queryKey: programKeys.list, queryFn: listPrograms });
  usePageTitle(t('programs.title'));
  return (
    <div className="page programs">
      <div className="page-head">
        <h1>{t('programs.title')}</h1>
        <AreaLinks />
      </div>
      <p className="lead">{t('programs.lead')}</p>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data?.items.length === 0 ? <p>{t('programs.none')}</p> : null}
      <ul className="card-list">
        {q.data?.items.map((p) => (
          <li key={p.id} className="card" data-testid="program-card" data-code={p.code}>
            <h2>
              <Link to={`/programs/${p.id}`}>{p.title[language]}</Link>
            </h2>
            <p className="muted">
              {p.agency} ·{' '}
              <span className={`badge ${p.open ? 'outcome-eligible' : ''}`}>{p.open ? t('programs.open') : t('programs.notOpen')}</span>
            </p>
            <p>{p.summary[language]}</p>
            {p.maxOneTimeVnd !== null ? <p>{t('programs.upTo', { amount: formatVnd(p.maxOneTimeVnd, language) })}</p> : null}
            <p className="muted">
              {t('programs.window')}: <WindowText w={p.applicationWindow} />
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The id in the address, or a program code (`/programs/hp-nq53-2025`) looked up in the catalogue. */
function useProgramId(): { id: string | null; pending: boolean } {
  const param = useParams().id ?? '';
  const byCode = !UUID.test(param);
  const list = useQuery({ queryKey: programKeys.list, queryFn: listPrograms, enabled: byCode });
  if (!byCode) return { id: param, pending: false };
  return { id: list.data?.items.find((p) => p.code === param)?.id ?? null, pending: list.isPending };
}

function ProgramPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const { id, pending } = useProgramId();
  const q = useQuery({ queryKey: programKeys.one(id ?? ''), queryFn: () => getProgram(id ?? ''), enabled: Boolean(id) });
  usePageTitle(q.data?.title[language] ?? t('programs.title'));
  if (pending || (id && q.isPending)) return <Loading />;
  if (!id) return <NotFoundPage />;
  if (q.isError) return <QueryError error={q.error} />;
  const p = q.data;
  if (!p) return <Loading />;
  const c = p.content;
  const role = session.user?.role;
  return (
    <article className="page page-narrow programs" data-testid="program-page">
      <p className="muted">
        <Link to="/programs">{t('programs.title')}</Link> · {t('programs.version', { version: p.version })} ·{' '}
        {t(`programs.status.${p.status}`)}
      </p>
      <h1>{c.title[language]}</h1>
      <p className="lead">{c.summary[language]}</p>
      <div className="program-actions">
        {p.open && role === 'expert' ? (
          <Link className="button-primary" to={`/programs/${p.id}/apply`} data-testid="apply-button">
            {t('programs.apply')}
          </Link>
        ) : null}
        {role === 'expert' ? <Link to="/programs/mine">{t('programs.checkMine')}</Link> : null}
        {session.status === 'anonymous' ? <Link to="/sign-in">{t('programs.signInToCheck')}</Link> : null}
        {p.can.includes('edit') ? <Link to={`/programs/officer/${p.id}`}>{t('programs.editor.edit')}</Link> : null}
      </div>
      <dl className="program-facts">
        <dt>{t('programs.agency')}</dt>
        <dd>{c.agency}</dd>
        <dt>{t('programs.window')}</dt>
        <dd>
          <WindowText w={c.applicationWindow} /> — {p.open ? t('programs.open') : t('programs.notOpen')}
        </dd>
      </dl>
      <h2>{t('programs.legalBasis')}</h2>
      <ul data-testid="legal-basis">
        {c.legalBasis.map((l) => (
          <li key={l.number}>
            {l.link ? (
              <a href={l.link} target="_blank" rel="noreferrer">
                {l.number}
              </a>
            ) : (
              l.number
            )}
            {l.title ? ` — ${l.title}` : ''}
            {l.date ? `, ${formatDate(l.date, language)}` : ''}
            {l.article ? `, ${l.article}` : ''}{' '}
            {l.certainty !== 'V' ? <ToConfirm source={{ ref: l.number, certainty: l.certainty, link: l.link ?? undefined }} /> : null}
          </li>
        ))}
      </ul>
      {c.targetGroups.length ? (
        <>
          <h2>{t('programs.targetGroups')}</h2>
          <ul>
            {c.targetGroups.map((g) => (
              <li key={g.code}>{g.label[language]}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('programs.benefits')}</h2>
      <div className="table-scroll">
        <table className="data-table responsive-table" data-testid="benefits">
          <thead>
            <tr>
              <th scope="col">{t('programs.editor.group')}</th>
              <th scope="col">{t('programs.oneTime')}</th>
              <th scope="col">{t('programs.monthly')}</th>
            </tr>
          </thead>
          <tbody>
            {c.benefits.map((b) => (
              <tr key={b.group}>
                <th scope="row">
                  {b.label[language]} {b.toConfirm || (b.source && b.source.certainty !== 'V') ? <ToConfirm source={b.source} /> : null}
                  {b.note[language] ? <div className="cell-sub">{b.note[language]}</div> : null}
                </th>
                <td data-label={t('programs.oneTime')}>{b.oneTimeVnd !== null ? formatVnd(b.oneTimeVnd, language) : '—'}</td>
                <td data-label={t('programs.monthly')}>
                  {b.monthlyMinWageMultiple !== null
                    ? t('programs.monthlyValue', { multiple: formatNumber(b.monthlyMinWageMultiple, language) })
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('programs.rules')}</h2>
      <p className="muted">{t('programs.rulesLead')}</p>
      <ul className="rule-list rule-root" data-testid="program-rules">
        <RuleTree criterion={c.rules.requirements} facts={c.rules.declaredFacts} />
      </ul>
      {c.rules.groups.length ? (
        <>
          <h3>{t('programs.groupsTitle')}</h3>
          <ul className="rule-list rule-root">
            {c.rules.groups.map((g) => (
              <li key={g.code}>
                <strong>{g.label[language]}</strong>
                <ul className="rule-list">
                  <RuleTree criterion={g.when} facts={c.rules.declaredFacts} />
                </ul>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('programs.documents')}</h2>
      <ul>
        {c.requiredDocuments.map((d) => (
          <li key={d.code}>
            {d.label[language]} {d.required ? null : <span className="muted">{t('programs.optional')}</span>}
          </li>
        ))}
      </ul>
      <h2>{t('programs.commitment')}</h2>
      {c.serviceCommitment ? (
        <p data-testid="commitment">
          <strong>{t('programs.commitmentYears', { years: c.serviceCommitment.years })}</strong>. {c.serviceCommitment.conditions[language]}{' '}
          {c.serviceCommitment.source && c.serviceCommitment.source.certainty !== 'V' ? (
            <ToConfirm source={c.serviceCommitment.source} />
          ) : null}
        </p>
      ) : (
        <p>{t('programs.noCommitment')}</p>
      )}
    </article>
  );
}

function MyEligibilityPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const q = useQuery({ queryKey: programKeys.mine(language), queryFn: () => getMyEligibility(language) });
  const apps = useQuery({ queryKey: programKeys.applications('mine'), queryFn: () => listApplications({ scope: 'mine' }) });
  usePageTitle(t('programs.myEligibility'));
  const noProfile = q.isError && isApiError(q.error) && q.error.code === 'programs.no_profile';
  return (
    <div className="page page-narrow programs" data-testid="my-eligibility">
      <div className="page-head">
        <h1>{t('programs.myEligibility')}</h1>
        <AreaLinks />
      </div>
      <p className="lead">{t('programs.eligibilityLead')}</p>
      {q.isPending ? <Loading /> : null}
      {noProfile ? (
        <p>
          {t('programs.noProfile')} <Link to="/profile/edit">{t('programs.createProfile')}</Link>
        </p>
      ) : q.isError ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : null}
      {q.data ? <p className="muted">{t('programs.asOf', { date: formatDate(q.data.asOf, language) })}</p> : null}
      {q.data?.programs.map((p) => {
        const open = apps.data?.items.find((a) => a.programId === p.programId && OPEN_STATES.includes(a.status));
        return (
          <EligibilityCard
            key={p.programId}
            p={p}
            actions={
              <p className="program-actions">
                {open ? (
                  <Link className="button-secondary" to={`/programs/applications/${open.id}`} data-testid="open-application">
                    {t('programs.app.continue')} ({t(`programs.app.status.${open.status}`)})
                  </Link>
                ) : (
                  <Link className="button-primary" to={`/programs/${p.programId}/apply`} data-testid="apply-button">
                    {t('programs.apply')}
                  </Link>
                )}
              </p>
            }
          />
        );
      })}
    </div>
  );
}

function MyApplicationsPage() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: programKeys.applications('mine'), queryFn: () => listApplications({ scope: 'mine' }) });
  usePageTitle(t('programs.myApplications'));
  return (
    <div className="page programs" data-testid="my-applications">
      <div className="page-head">
        <h1>{t('programs.myApplications')}</h1>
        <AreaLinks />
      </div>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data?.items.length === 0 ? <p>{t('programs.app.none')}</p> : null}
      {q.data?.items.length ? <ApplicationsTable items={q.data.items} showApplicant={false} /> : null}
      <MyReviews />
    </div>
  );
}

/** Step 1 of the wizard before a draft exists: the declared facts; saving creates the draft (POST /programs/:id/applications). */
function ApplyPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { id, pending } = useProgramId();
  const program = useQuery({ queryKey: programKeys.one(id ?? ''), queryFn: () => getProgram(id ?? ''), enabled: Boolean(id) });
  const apps = useQuery({ queryKey: programKeys.applications('mine'), queryFn: () => listApplications({ scope: 'mine' }) });
  const [error, setError] = useState<string | null>(null);
  // Law 91/2025: processing for the assessment needs its own consent, asked here and never pre-ticked.
  const [consent, setConsent] = useState(false);
  const create = useMutation({
    mutationFn: (body: { declared: Record<string, boolean | number | string>; statement: string }) =>
      startApplication(id ?? '', { ...body, assessmentConsent: true }),
    onMutate: () => setError(null),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      void queryClient.invalidateQueries({ queryKey: ['programs', 'eligibility'] });
      void navigate(`/programs/applications/${r.id}?step=2`);
    },
    onError: (e) => setError(describeError(e, t)),
  });
  usePageTitle(t('programs.apply'));
  if (pending || program.isPending || apps.isPending) return <Loading />;
  if (!id) return <NotFoundPage />;
  if (program.isError) return <QueryError error={program.error} />;
  const open = apps.data?.items.find((a) => a.programId === id && OPEN_STATES.includes(a.status));
  if (open) return <Navigate to={`/programs/applications/${open.id}${location.hash}`} replace />;
  const p = program.data;
  return (
    <div className="page page-narrow programs" data-testid="apply-page">
      <p className="muted">
        <Link to={`/programs/${p.id}`}>{p.content.title[language]}</Link>
      </p>
      <h1>{t('programs.apply')}</h1>
      <ol className="wizard-steps" aria-label={t('programs.app.steps')}>
        <li aria-current="step">{t('programs.app.step1')}</li>
        <li>{t('programs.app.step2')}</li>
        <li>{t('programs.app.step3')}</li>
      </ol>
      <label className="checkbox-field consent-field">
        <input type="checkbox" name="assessmentConsent" checked={consent} onChange={(e) => setConsent(e.target.checked)} />{' '}
        {t('programs.app.consent')}
      </label>
      <DeclaredFactsForm
        facts={p.content.rules.declaredFacts}
        initial={{}}
        initialStatement=""
        pending={create.isPending}
        submitLabel={t('programs.app.next')}
        onSubmit={(declared, statement) => (consent ? create.mutate({ declared, statement }) : setError(t('programs.app.consentMissing')))}
      />
      {error ? <p className="notice notice-error">{error}</p> : null}
    </div>
  );
}
