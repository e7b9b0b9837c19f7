import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnnualReport } from '@hpen/server/contracts';
import { type FormEvent, useId, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { acceptAnnual, downloadAnnual, getAnnual, returnAnnual, saveAnnual, submitAnnual } from '../../api/reports.api';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { FieldFrame, TextAreaField } from '../../forms/fields';
import { describeError } from '../../i18n/describe-error';
import { fieldIssues } from '../../i18n/field-issues';
import { useTranslation } from '../../i18n/use-translation';
import { saveFile } from '../../lib/save-file';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';

const TEXTS = ['results', 'difficulties', 'proposals'] as const;
const defaultYear = () => new Date().getFullYear() - 1;

export function useAnnualParams() {
  const year = Number(useParams().year ?? defaultYear());
  const organisationId = useSearchParams()[0].get('organisationId') ?? undefined;
  return { year: Number.isInteger(year) ? year : defaultYear(), organisationId };
}

/** `/reports/annual/:year`: the yearly report; the agency writes it, the Department of S&T accepts it. */
export function AnnualReportPage() {
  const { t } = useTranslation();
  const { year, organisationId } = useAnnualParams();
  const navigate = useNavigate();
  const id = useId();
  usePageTitle(t('reports.annual.title', { year }));
  const q = useQuery({ queryKey: ['reports', 'annual', year, organisationId ?? null], queryFn: () => getAnnual(year, organisationId) });
  return (
    <div className="page reports" data-testid="annual-report">
      <div className="page-head">
        <h1>{t('reports.annual.title', { year })}</h1>
        <FieldFrame id={`${id}-year`} label={t('reports.annual.year')}>
          <select id={`${id}-year`} value={year} onChange={(e) => void navigate(`/reports/annual/${e.target.value}`)}>
            {Array.from({ length: 6 }, (_, i) => new Date().getFullYear() - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </FieldFrame>
      </div>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data ? <AnnualView r={q.data} organisationId={organisationId} /> : null}
    </div>
  );
}

function AnnualView({ r, organisationId }: { r: AnnualReport; organisationId: string | undefined }) {
  const { t } = useTranslation();
  // The plan's sections, tasks and figures in the reader's language (the document itself stays Vietnamese).
  const en = useLanguage() === 'en';
  const role = useSession().user?.role;
  const reviewer = role === 'officer' || role === 'admin';
  const editable = r.scope === 'agency' && !reviewer && (r.status === null || r.status === 'draft');
  return (
    <>
      <p>
        <strong>{r.organisation?.name ?? t('reports.annual.city')}</strong> · {t('reports.annual.status')}:{' '}
        <span data-testid="annual-status">{t(`reports.annual.statuses.${r.status ?? 'none'}`)}</span>
      </p>
      {r.returnReason && r.status === 'draft' ? (
        <p className="notice notice-error">{t('reports.annual.returned', { reason: r.returnReason })}</p>
      ) : null}
      <ExportButtons year={r.year} organisationId={organisationId} />
      {r.sections.map((s) => (
        <section key={s.code} className="annual-section">
          <h2>
            {s.code}. {en ? s.titleEn : s.titleVi}
          </h2>
          <ul>
            {s.tasks.map((task) => (
              <li key={task.code}>
                {task.code}: {en ? task.textEn : task.textVi}
              </li>
            ))}
          </ul>
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('reports.annual.figure')}</th>
                  <th scope="col" className="num">
                    {t('reports.annual.value')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.figures.map((f) => (
                  <tr key={f.code} data-testid={`figure-${f.code}`}>
                    <th scope="row">{en ? f.labelEn : f.labelVi}</th>
                    <td className="num">
                      {f.available ? (f.value === null ? '—' : formatNumber(f.value, en ? 'en' : 'vi')) : t('reports.notAvailable')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {r.breakdowns.length ? (
        <section className="annual-section" data-testid="annual-breakdowns">
          <h2>{t('reports.annual.breakdowns')}</h2>
          {r.breakdowns.map((b) => (
            <div key={b.code} className="table-scroll">
              <table className="data-table">
                <caption>{en ? b.titleEn : b.titleVi}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reports.colKey')}</th>
                    <th scope="col" className="num">
                      {t('reports.colCount')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {b.rows.length ? (
                    b.rows.map((c) => (
                      <tr key={c.key}>
                        <th scope="row">{t(`reports.values.${c.key}`, { defaultValue: c.key })}</th>
                        <td className="num">{c.count ?? '—'}</td>
                      </tr>
                    ))
                  ) : (
                    <tr>
                      <td colSpan={2}>{t('reports.annual.noRows')}</td>
                    </tr>
                  )}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ) : null}
      {editable ? <AnnualEditor r={r} /> : <AnnualTexts r={r} />}
      {reviewer && r.scope === 'agency' && r.status === 'submitted' && r.id ? <ReviewActions id={r.id} /> : null}
      {r.scope === 'city' ? <Submissions r={r} /> : null}
    </>
  );
}

function AnnualTexts({ r }: { r: AnnualReport }) {
  const { t } = useTranslation();
  return (
    <section className="annual-texts">
      {r.status === 'submitted' || r.status === 'accepted' ? <p className="muted">{t('reports.annual.readOnly')}</p> : null}
      {TEXTS.map((k) => (
        <div key={k}>
          <h2>{t(`reports.annual.${k}`)}</h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{r.texts[k] || '—'}</p>
        </div>
      ))}
    </section>
  );
}

function useRefresh() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['reports', 'annual'] });
}

function AnnualEditor({ r }: { r: AnnualReport }) {
  const { t } = useTranslation();
  const id = useId();
  const refresh = useRefresh();
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Parameters<typeof saveAnnual>[1]) => saveAnnual(r.year, body),
    onSuccess: () => {
      setMessage(t('reports.annual.saved'));
      refresh();
    },
  });
  const submit = useMutation({ mutationFn: () => submitAnnual(r.year), onSuccess: refresh });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const s = (k: string) => String(d.get(k) ?? '');
    save.mutate({
      texts: { results: s('results'), difficulties: s('difficulties'), proposals: s('proposals') },
      documentNumber: s('documentNumber'),
      signerName: s('signerName'),
      signerTitle: s('signerTitle'),
      ...(r.version ? { version: r.version } : {}),
    });
  };
  const error = save.error ?? submit.error;
  const issues = fieldIssues(save.error, t);
  /** Ties an input to its error line under it, as FieldFrame shows it. */
  const invalid = (name: string, fieldId: string) =>
    issues[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${fieldId}-error` } : {};
  const meta = [
    { name: 'documentNumber', fieldId: `${id}-number`, max: 60, value: r.documentNumber },
    { name: 'signerName', fieldId: `${id}-signer`, max: 120, value: r.signerName },
    { name: 'signerTitle', fieldId: `${id}-signer-title`, max: 120, value: r.signerTitle },
  ] as const;
  return (
    <form className="annual-texts" onSubmit={onSubmit} data-testid="annual-editor">
      {TEXTS.map((k) => (
        <section key={k}>
          <h2 id={`${id}-${k}-title`}>{t(`reports.annual.${k}`)}</h2>
          <div className={issues[k] ? 'field field-invalid' : 'field'}>
            <textarea
              name={k}
              aria-labelledby={`${id}-${k}-title`}
              defaultValue={r.texts[k]}
              maxLength={20000}
              {...invalid(k, `${id}-${k}`)}
            />
            {issues[k] ? (
              <p className="field-error" id={`${id}-${k}-error`}>
                {issues[k]}
              </p>
            ) : null}
          </div>
        </section>
      ))}
      <div className="annual-meta">
        {meta.map((m) => (
          <FieldFrame key={m.name} id={m.fieldId} label={t(`reports.annual.${m.name}`)} error={issues[m.name]}>
            <input id={m.fieldId} name={m.name} defaultValue={m.value} maxLength={m.max} {...invalid(m.name, m.fieldId)} />
          </FieldFrame>
        ))}
      </div>
      {error ? (
        <p className="notice notice-error" role="alert">
          {describeError(error)}
        </p>
      ) : null}
      {message ? <p role="status">{message}</p> : null}
      <div className="export-buttons">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t('reports.annual.save')}
        </button>
        {r.status === 'draft' ? (
          <button
            type="button"
            className="button-secondary"
            disabled={submit.isPending}
            onClick={() => submit.mutate()}
            data-testid="annual-submit"
          >
            {t('reports.annual.submit')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function ReviewActions({ id }: { id: string }) {
  const { t } = useTranslation();
  const refresh = useRefresh();
  const [reason, setReason] = useState('');
  const accept = useMutation({ mutationFn: () => acceptAnnual(id), onSuccess: refresh });
  const giveBack = useMutation({ mutationFn: () => returnAnnual(id, reason), onSuccess: refresh });
  const error = accept.error ?? giveBack.error;
  return (
    <section className="review-actions">
      {error ? (
        <p className="notice notice-error" role="alert">
          {describeError(error)}
        </p>
      ) : null}
      <div className="export-buttons">
        <button
          type="button"
          className="button-primary"
          onClick={() => accept.mutate()}
          disabled={accept.isPending}
          data-testid="annual-accept"
        >
          {t('reports.annual.accept')}
        </button>
      </div>
      <TextAreaField
        name="returnReason"
        label={t('reports.annual.returnReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        maxLength={2000}
        rows={3}
      />
      <button type="button" className="button-secondary" disabled={!reason.trim() || giveBack.isPending} onClick={() => giveBack.mutate()}>
        {t('reports.annual.returnIt')}
      </button>
    </section>
  );
}

function Submissions({ r }: { r: AnnualReport }) {
  const { t } = useTranslation();
  return (
    <section>
      <h2>{t('reports.annual.submissions')}</h2>
      <div className="table-scroll">
        <table className="data-table" data-testid="annual-submissions">
          <tbody>
            {r.submissions.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.organisationName}</th>
                <td>{t(`reports.annual.statuses.${s.status}`)}</td>
                <td>
                  <Link to={`/reports/annual/${r.year}?organisationId=${encodeURIComponent(s.organisationId)}`}>
                    {t('reports.annual.open')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** XLSX, CSV, PDF and the print view; each download says it is being prepared. */
function ExportButtons({ year, organisationId }: { year: number; organisationId: string | undefined }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (format: 'xlsx' | 'csv' | 'pdf') => {
    setBusy(format);
    setError(null);
    try {
      saveFile(await downloadAnnual(year, format, organisationId));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const printLink = `/reports/annual/${year}/print${organisationId ? `?organisationId=${organisationId}` : ''}`;
  return (
    <div className="export-buttons no-print" aria-busy={busy !== null}>
      {(['xlsx', 'csv', 'pdf'] as const).map((f) => (
        <button
          key={f}
          type="button"
          className="button-secondary"
          disabled={busy !== null}
          onClick={() => void run(f)}
          data-testid={`export-${f}`}
        >
          {t('reports.annual.export')} {f.toUpperCase()}
        </button>
      ))}
      <Link className="button-secondary" to={printLink}>
        {t('reports.annual.print')}
      </Link>
      {busy ? <span role="status">{t('reports.annual.exporting')}</span> : null}
      {error ? (
        <span className="notice notice-error" role="alert">
          {describeError(error)}
        </span>
      ) : null}
    </div>
  );
}
