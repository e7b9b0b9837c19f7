import { Link } from 'react-router';
import type { ImportJob } from '../../api/curation.api';
import { useTranslation } from '../../i18n/use-translation';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { verifierName } from '../../components/curation/curation-labels';
import { useAssociations } from './use-curation';

export function ImportStatusBadge({ status }: { status: ImportJob['status'] }) {
  const { t } = useTranslation();
  const tone =
    status === 'done' ? 'badge-ok' : status === 'failed' ? 'badge-error' : status === 'dry_run_ready' ? 'badge-info' : 'badge-warn';
  return <span className={`badge ${tone}`}>{t(`curation.imports.status.${status}`)}</span>;
}

/** Import jobs, newest first, each linking to its progress page. */
export function ImportsTable({ jobs }: { jobs: ImportJob[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const associations = useAssociations().data?.items;
  return (
    <table className="data-table responsive-table">
      <thead>
        <tr>
          <th scope="col">{t('curation.imports.colFile')}</th>
          <th scope="col">{t('curation.imports.colAssociation')}</th>
          <th scope="col">{t('curation.imports.colStatus')}</th>
          <th scope="col">{t('curation.imports.colRows')}</th>
          <th scope="col">{t('curation.imports.colCreated')}</th>
        </tr>
      </thead>
      <tbody>
        {jobs.map((job) => (
          <tr key={job.id} data-testid="import-row-job">
            <th scope="row" data-label={t('curation.imports.colFile')}>
              <Link className="cell-title" to={`/curation/imports/${job.id}`}>
                {job.filename}
              </Link>
            </th>
            <td data-label={t('curation.imports.colAssociation')}>{verifierName(t, language, associations, job.associationId)}</td>
            <td data-label={t('curation.imports.colStatus')}>
              <ImportStatusBadge status={job.status} />
            </td>
            <td data-label={t('curation.imports.colRows')}>{formatNumber(job.totalRows, language)}</td>
            <td data-label={t('curation.imports.colCreated')}>{formatDateTime(job.createdAt, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
