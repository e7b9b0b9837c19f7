import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  confirmImport,
  curationKeys,
  deleteImport,
  getImport,
  listImportErrors,
  listImportPlaces,
  type ImportJob,
} from '../../api/curation.api';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { QueryError } from '../../components/query-error';
import { FormMessage } from '../../forms/form-parts';
import { describeError } from '../../i18n/describe-error';
import { translator, type TFunction } from '../../i18n/translator';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { codeLabel, verifierName } from '../../components/curation/curation-labels';
import { ImportStatusBadge } from './imports-table';
import { useAssociations } from './use-curation';

const ROWS_PAGE = 50;
const running = (job: ImportJob | undefined) => job?.status === 'parsing' || job?.status === 'importing';
const countKeys = ['create', 'update', 'match', 'invalid', 'created'] as const;

/**
 * One import job. The job lives on the server, so this page only follows it: every second
 * while it reads or imports, which also makes a reload pick up where the job is.
 */
export function ImportJobPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const associations = useAssociations().data?.items;
  const job = useQuery({
    queryKey: curationKeys.importJob(id),
    queryFn: () => getImport(id),
    refetchInterval: (query) => (running(query.state.data) ? 1000 : false),
  });
  usePageTitle(job.data ? t('curation.importJob.title', { file: job.data.filename }) : t('curation.imports.title'));
  const confirm = useMutation({
    mutationFn: () => confirmImport(id),
    onSuccess: (updated) => {
      queryClient.setQueryData(curationKeys.importJob(id), updated);
      return queryClient.invalidateQueries({ queryKey: ['curation', 'imports'] });
    },
  });
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () => deleteImport(id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['curation', 'imports'] });
      navigate('/curation/imports');
    },
  });
  const data = job.data;
  const n = (value: number) => formatNumber(value, language);
  // A finished import changes the lists, the dashboard and the member counts.
  const finished = data?.status === 'done';
  useEffect(() => {
    if (finished)
      void Promise.all([
        queryClient.invalidateQueries({ queryKey: ['curation', 'imports'] }),
        queryClient.invalidateQueries({ queryKey: curationKeys.dashboard }),
        queryClient.invalidateQueries({ queryKey: curationKeys.associations }),
      ]);
  }, [finished, queryClient]);

  return (
    <>
      <p className="back-link">
        <Link to="/curation/imports">← {t('curation.importJob.back')}</Link>
      </p>
      {job.isPending ? <Loading /> : null}
      {job.isError ? <QueryError error={job.error} onRetry={() => void job.refetch()} /> : null}
      {data ? (
        <>
          <h1 className="break-anywhere">{t('curation.importJob.title', { file: data.filename })}</h1>
          <p>
            <ImportStatusBadge status={data.status} />{' '}
            <span className="muted">{verifierName(t, language, associations, data.associationId)}</span>
          </p>
          <section className="panel" aria-labelledby="progress-title">
            <h2 id="progress-title" className="visually-hidden">
              {t('curation.imports.colStatus')}
            </h2>
            <ImportProgress job={data} />
            {data.status === 'failed' ? <p className="notice notice-error">{t('curation.importJob.failed')}</p> : null}
            {data.error ? <p className="muted">{t('curation.importJob.serverNote', { error: data.error })}</p> : null}
            {data.status !== 'parsing' && data.status !== 'failed' ? (
              <>
                <h3>{t('curation.importJob.countsTitle')}</h3>
                <dl className="count-list" data-testid="import-counts">
                  {countKeys
                    .filter((key) => data.counts[key] !== undefined)
                    .map((key) => (
                      <div
                        key={key}
                        data-count={key}
                        className={key === 'invalid' && (data.counts[key] ?? 0) > 0 ? 'count-bad' : undefined}
                      >
                        <dt>{t(`curation.importJob.counts.${key}`)}</dt>
                        <dd>{n(data.counts[key] ?? 0)}</dd>
                      </div>
                    ))}
                </dl>
              </>
            ) : null}
            <FormMessage kind="error">
              {confirm.isError ? describeError(confirm.error, t) : remove.isError ? describeError(remove.error, t) : null}
            </FormMessage>
            {data.status === 'dry_run_ready' ? (
              <p className={data.clean ? 'notice notice-info' : 'notice notice-error'}>
                {data.clean ? t('curation.importJob.confirmHint') : t('curation.importJob.notClean')}
              </p>
            ) : null}
            {data.status === 'done' ? (
              <p className="notice notice-success" role="status">
                {t('curation.importJob.done', { rows: n(data.processedRows) })}
              </p>
            ) : null}
            <div className="form-actions">
              {data.status === 'dry_run_ready' || data.status === 'importing' ? (
                <button
                  type="button"
                  className="button-primary"
                  data-testid="import-confirm"
                  disabled={!data.clean || data.status !== 'dry_run_ready' || confirm.isPending}
                  onClick={() => confirm.mutate()}
                >
                  {t('curation.importJob.confirm')}
                </button>
              ) : null}
              {data.status === 'failed' || (data.status === 'dry_run_ready' && !data.clean) ? (
                <Link className="button-secondary" to={`/curation/imports?associationId=${data.associationId}`}>
                  {t('curation.importJob.uploadAgain')}
                </Link>
              ) : null}
              {!running(data) ? (
                <button
                  type="button"
                  className="button-danger"
                  data-testid="import-delete"
                  disabled={remove.isPending}
                  onClick={() => {
                    if (window.confirm(t('curation.importJob.confirmDelete', { file: data.filename }))) remove.mutate();
                  }}
                >
                  {t('curation.importJob.delete')}
                </button>
              ) : null}
            </div>
          </section>
          {data.status !== 'parsing' && (data.counts.invalid ?? 0) > 0 ? <ErrorRows jobId={id} /> : null}
          {data.status !== 'parsing' && data.status !== 'failed' ? <PlaceRows jobId={id} /> : null}
        </>
      ) : null}
    </>
  );
}

function ImportProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  // While reading, the total is not known yet; right after confirming, the count still holds the
  // dry run's total until the first batch lands. Either way the bar has no value (indeterminate).
  const reading = job.status === 'parsing';
  const starting = job.status === 'importing' && job.processedRows >= job.totalRows;
  const total = Math.max(job.totalRows, 1);
  const label = reading
    ? t('curation.importJob.reading', { processed: n(job.processedRows) })
    : starting
      ? t('curation.importJob.importing')
      : t('curation.importJob.progress', { processed: n(job.processedRows), total: n(job.totalRows) });
  return (
    <div
      className="import-progress"
      data-testid="import-progress"
      data-status={job.status}
      data-processed={job.processedRows}
      data-total={job.totalRows}
    >
      <progress
        max={reading || starting ? undefined : total}
        value={reading || starting ? undefined : Math.min(job.processedRows, total)}
        aria-label={label}
      />
      <p role="status">{label}</p>
      {running(job) ? <p className="muted small">{t('curation.importJob.resumeHint')}</p> : null}
    </div>
  );
}

/** The row error in the reader's language, with the value found and what the column takes. */
function rowErrorText(
  t: TFunction,
  e: { code: string; message: string; value?: string | undefined; params?: Record<string, string | number> | undefined },
) {
  const key = `curation.importJob.rowErrors.${e.code}`;
  if (!translator.exists(key)) return e.message;
  const text = t(key as never, { value: e.value ?? '', ...e.params, interpolation: { escapeValue: false } }) as string;
  return e.value && !text.includes(e.value) ? `${text} (“${e.value}”)` : text;
}

/** What old districts and old Hải Dương addresses became on the 2025 map (shown only when the file had some). */
function PlaceRows({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const rows = useQuery({
    queryKey: [...curationKeys.importRows(jobId, page), 'places'],
    queryFn: () => listImportPlaces(jobId, page, ROWS_PAGE),
  });
  if (!rows.data?.total) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return (
    <section className="panel" aria-labelledby="places-title">
      <h2 id="places-title">{t('curation.importJob.placesTitle')}</h2>
      <p className="muted">{t('curation.importJob.placesIntro')}</p>
      <table className="data-table responsive-table">
        <thead>
          <tr>
            <th scope="col">{t('curation.importJob.colRow')}</th>
            <th scope="col">{t('curation.importJob.colName')}</th>
            <th scope="col">{t('curation.importJob.placesBecame')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.data.items.map((row) => (
            <tr key={row.rowNumber} data-testid="import-place-row">
              <th scope="row" data-label={t('curation.importJob.colRow')}>
                {row.rowNumber}
              </th>
              <td data-label={t('curation.importJob.colName')}>{text(row.data.full_name) || '—'}</td>
              <td data-label={t('curation.importJob.placesBecame')}>{text(row.data.place_note)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={page} pageSize={ROWS_PAGE} total={rows.data.total} onPage={setPage} />
    </section>
  );
}

function ErrorRows({ jobId }: { jobId: string }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const rows = useQuery({ queryKey: curationKeys.importRows(jobId, page), queryFn: () => listImportErrors(jobId, page, ROWS_PAGE) });
  const lines = (rows.data?.items ?? []).flatMap((row) =>
    row.errors.map((error, i) => ({
      key: `${row.rowNumber}-${i}`,
      rowNumber: row.rowNumber,
      name: typeof row.data.full_name === 'string' ? row.data.full_name : '',
      ...error,
    })),
  );
  return (
    <section className="panel" aria-labelledby="errors-title">
      <h2 id="errors-title">{t('curation.importJob.errorsTitle')}</h2>
      {rows.isPending ? <Loading /> : null}
      {rows.isError ? <QueryError error={rows.error} onRetry={() => void rows.refetch()} /> : null}
      {rows.data && lines.length === 0 ? <p>{t('curation.importJob.errorsNone')}</p> : null}
      {lines.length > 0 ? (
        <table className="data-table responsive-table">
          <thead>
            <tr>
              <th scope="col">{t('curation.importJob.colRow')}</th>
              <th scope="col">{t('curation.importJob.colName')}</th>
              <th scope="col">{t('curation.importJob.colColumn')}</th>
              <th scope="col">{t('curation.importJob.colMessage')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.key} data-testid="import-error-row">
                <th scope="row" data-label={t('curation.importJob.colRow')}>
                  {line.rowNumber}
                </th>
                <td data-label={t('curation.importJob.colName')}>{line.name || '—'}</td>
                <td data-label={t('curation.importJob.colColumn')}>
                  {codeLabel(t, 'curation.importJob.columns', line.column)} <code className="muted">{line.column}</code>
                </td>
                <td data-label={t('curation.importJob.colMessage')}>{rowErrorText(t, line)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rows.data ? <Pagination page={page} pageSize={ROWS_PAGE} total={rows.data.total} onPage={setPage} /> : null}
    </section>
  );
}
