import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TaxonomyVersionPreview, TaxonomyVersionUpload } from '@hpen/server/contracts';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { applyTaxonomyVersion, listTaxonomyVersions, previewTaxonomyVersion, taxonomyVersionsKey } from '../../api/taxonomy-admin.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { reloadTaxonomy } from '../../lib/use-taxonomy';
import { usePageTitle } from '../../lib/use-page-title';
import '../../i18n/parts/taxonomy-admin';

/**
 * `/admin/taxonomy`: moving the S&T classification to a new version is a data operation (issue 13):
 * upload the version and the crosswalk, read the problems or the preview (what changes for how many
 * profiles), then apply. The versions list shows which one is current.
 */
export function AdminTaxonomyPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('taxonomyAdmin.title'));
  const client = useQueryClient();
  const versions = useQuery({ queryKey: taxonomyVersionsKey, queryFn: listTaxonomyVersions });
  const [upload, setUpload] = useState<TaxonomyVersionUpload | null>(null);
  const [appliedCode, setAppliedCode] = useState<string | null>(null);
  const [missingFile, setMissingFile] = useState(false);

  const preview = useMutation({ mutationFn: previewTaxonomyVersion });
  const apply = useMutation({
    mutationFn: applyTaxonomyVersion,
    onSuccess: (result) => {
      setAppliedCode(result.version);
      setUpload(null);
      preview.reset();
      void client.invalidateQueries({ queryKey: taxonomyVersionsKey });
      reloadTaxonomy();
    },
  });

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const classification = data.get('classification');
    const crosswalk = data.get('crosswalk');
    if (!(classification instanceof File) || classification.size === 0) {
      setMissingFile(true);
      return;
    }
    setMissingFile(false);
    setAppliedCode(null);
    const body: TaxonomyVersionUpload = {
      code: String(data.get('code') ?? '').trim(),
      title: String(data.get('title') ?? '').trim(),
      legalReference: String(data.get('legalReference') ?? '').trim() || undefined,
      classificationCsv: await classification.text(),
      crosswalkCsv: crosswalk instanceof File && crosswalk.size > 0 ? await crosswalk.text() : '',
    };
    setUpload(body);
    apply.reset();
    preview.mutate(body);
  };

  const problems = isApiError(preview.error) ? preview.error.fields : [];
  return (
    <div className="page admin-taxonomy-page" data-testid="admin-taxonomy">
      <h1>{t('taxonomyAdmin.title')}</h1>
      <p className="lead">{t('taxonomyAdmin.lead')}</p>

      <section aria-labelledby="taxonomy-versions-title">
        <h2 id="taxonomy-versions-title">{t('taxonomyAdmin.versions')}</h2>
        {versions.isPending ? <Loading /> : null}
        {versions.isError ? <QueryError error={versions.error} onRetry={() => void versions.refetch()} /> : null}
        {versions.data ? (
          <table className="data-table responsive-table" data-testid="taxonomy-versions">
            <thead>
              <tr>
                <th scope="col">{t('taxonomyAdmin.colCode')}</th>
                <th scope="col">{t('taxonomyAdmin.colTitle')}</th>
                <th scope="col">{t('taxonomyAdmin.colLegal')}</th>
                <th scope="col" className="num">
                  {t('taxonomyAdmin.colFields')}
                </th>
                <th scope="col" className="num">
                  {t('taxonomyAdmin.colCrosswalk')}
                </th>
                <th scope="col">{t('taxonomyAdmin.colCreated')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.items.map((v) => (
                <tr key={v.code} data-testid="taxonomy-version-row">
                  <th scope="row" data-label={t('taxonomyAdmin.colCode')}>
                    {v.code} {v.isCurrent ? <strong className="badge">{t('taxonomyAdmin.current')}</strong> : null}
                  </th>
                  <td data-label={t('taxonomyAdmin.colTitle')}>{v.title}</td>
                  <td data-label={t('taxonomyAdmin.colLegal')}>{v.legalReference ?? '—'}</td>
                  <td className="num" data-label={t('taxonomyAdmin.colFields')}>
                    {v.fields}
                  </td>
                  <td className="num" data-label={t('taxonomyAdmin.colCrosswalk')}>
                    {v.crosswalkRows}
                  </td>
                  <td data-label={t('taxonomyAdmin.colCreated')}>{formatDate(v.createdAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section aria-labelledby="taxonomy-upload-title">
        <h2 id="taxonomy-upload-title">{t('taxonomyAdmin.upload')}</h2>
        {appliedCode ? (
          <p className="notice" role="status" data-testid="taxonomy-applied">
            {t('taxonomyAdmin.applied', { code: appliedCode })}
          </p>
        ) : null}
        <form className="form panel" onSubmit={(e) => void onSubmit(e)} data-testid="taxonomy-upload">
          <div className="field">
            <label htmlFor="taxonomy-code">{t('taxonomyAdmin.code')}</label>
            <input id="taxonomy-code" name="code" required maxLength={20} pattern="[\w./\-]{1,20}" />
          </div>
          <div className="field">
            <label htmlFor="taxonomy-title">{t('taxonomyAdmin.versionTitle')}</label>
            <input id="taxonomy-title" name="title" required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="taxonomy-legal">{t('taxonomyAdmin.legalReference')}</label>
            <input id="taxonomy-legal" name="legalReference" maxLength={300} />
          </div>
          <div className="field">
            <label htmlFor="taxonomy-classification">{t('taxonomyAdmin.classification')}</label>
            <input
              id="taxonomy-classification"
              type="file"
              name="classification"
              accept=".csv,text/csv"
              aria-invalid={missingFile || undefined}
              aria-describedby={missingFile ? 'taxonomy-missing' : undefined}
            />
            {missingFile ? (
              <p id="taxonomy-missing" className="field-error">
                {t('taxonomyAdmin.missingFile')}
              </p>
            ) : null}
          </div>
          <div className="field">
            <label htmlFor="taxonomy-crosswalk">{t('taxonomyAdmin.crosswalk')}</label>
            <input id="taxonomy-crosswalk" type="file" name="crosswalk" accept=".csv,text/csv" />
          </div>
          <button type="submit" disabled={preview.isPending}>
            {preview.isPending ? t('taxonomyAdmin.checking') : t('taxonomyAdmin.preview')}
          </button>
        </form>

        {problems.length ? (
          <div className="notice notice-error" role="alert" data-testid="taxonomy-problems">
            <h3>{t('taxonomyAdmin.errorsTitle', { count: problems.length })}</h3>
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('taxonomyAdmin.errorWhere')}</th>
                    <th scope="col">{t('taxonomyAdmin.errorCode')}</th>
                    <th scope="col">{t('taxonomyAdmin.errorMessage')}</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p, i) => (
                    <tr key={`${p.path}-${p.code}-${i}`}>
                      <th scope="row">{p.path}</th>
                      <td>{p.code}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ) : preview.error ? (
          <p className="notice notice-error" role="alert">
            {describeError(preview.error, t)}
          </p>
        ) : null}

        {preview.data && upload ? (
          <PreviewView
            p={preview.data}
            applying={apply.isPending}
            error={apply.error}
            onApply={() => {
              if (window.confirm(t('taxonomyAdmin.confirmApply', { code: preview.data.version, count: preview.data.profilesChanged })))
                apply.mutate(upload);
            }}
          />
        ) : null}
      </section>
    </div>
  );
}

function PreviewView({
  p,
  applying,
  error,
  onApply,
}: {
  p: TaxonomyVersionPreview;
  applying: boolean;
  error: unknown;
  onApply: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="taxonomy-preview" data-testid="taxonomy-preview" aria-live="polite">
      <h3>{t('taxonomyAdmin.previewTitle', { from: p.fromVersion, to: p.version })}</h3>
      <dl className="fields-list">
        <dt>{t('taxonomyAdmin.fields')}</dt>
        <dd data-testid="preview-fields">{p.fields}</dd>
        <dt>{t('taxonomyAdmin.levels')}</dt>
        <dd>
          {Object.entries(p.levels)
            .map(([level, count]) => t('taxonomyAdmin.level', { level, count }))
            .join(' · ')}
        </dd>
        <dt>{t('taxonomyAdmin.crosswalkRows')}</dt>
        <dd>{p.crosswalkRows}</dd>
        <dt>{t('taxonomyAdmin.profilesWithFields')}</dt>
        <dd>{p.profilesWithFields}</dd>
        <dt>{t('taxonomyAdmin.profilesChanged')}</dt>
        <dd data-testid="preview-changed">{p.profilesChanged}</dd>
        <dt>{t('taxonomyAdmin.profilesKeepingOldCodes')}</dt>
        <dd>{p.profilesKeepingOldCodes}</dd>
      </dl>
      <h4>{t('taxonomyAdmin.unmapped')}</h4>
      {p.unmappedCodes.length ? (
        <ul>
          {p.unmappedCodes.map((u) => (
            <li key={u.code}>{t('taxonomyAdmin.unmappedRow', { code: u.code, count: u.profiles })}</li>
          ))}
        </ul>
      ) : (
        <p>{t('taxonomyAdmin.noUnmapped')}</p>
      )}
      {error ? (
        <p className="notice notice-error" role="alert">
          {describeError(error)}
        </p>
      ) : null}
      <button type="button" className="button-primary" onClick={onApply} disabled={applying} data-testid="taxonomy-apply">
        {applying ? t('taxonomyAdmin.applying') : t('taxonomyAdmin.apply')}
      </button>
    </section>
  );
}
