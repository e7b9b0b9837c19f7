import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { curationKeys, importTemplateUrl, listImports, uploadImport } from '../../api/curation.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { SelectField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { usePageTitle } from '../../lib/use-page-title';
import { ImportsTable } from './imports-table';
import { useScopedAssociationOptions } from './use-curation';

/** The server's limit (curation.routes.ts); checked here too so a big file fails before uploading. */
const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** Member lists: templates, upload (starts the dry run), recent imports. */
export function ImportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { options } = useScopedAssociationOptions();
  usePageTitle(t('curation.imports.title'));
  const associationId = params.get('associationId') ?? (options.length === 1 ? options[0]!.value : '');
  const recent = useQuery({ queryKey: curationKeys.imports(associationId), queryFn: () => listImports(associationId || undefined) });

  return (
    <>
      <h1>{t('curation.imports.title')}</h1>
      <p className="muted">{t('curation.imports.intro')}</p>
      <div className="two-columns">
        <UploadForm associationId={associationId} options={options} onAssociation={(id) => setParams(id ? { associationId: id } : {})} />
        <section className="panel" aria-labelledby="templates-title">
          <h2 id="templates-title">{t('curation.imports.templatesTitle')}</h2>
          <p className="form-actions">
            <a className="button-secondary button-small" href={importTemplateUrl('xlsx')} download>
              {t('curation.imports.templateXlsx')}
            </a>
            <a className="button-secondary button-small" href={importTemplateUrl('csv')} download>
              {t('curation.imports.templateCsv')}
            </a>
          </p>
          <p className="field-hint">{t('curation.imports.columnsHint')}</p>
        </section>
      </div>
      <section className="panel" aria-labelledby="recent-title">
        <h2 id="recent-title">{t('curation.imports.recentTitle')}</h2>
        {recent.isPending ? <Loading /> : null}
        {recent.isError ? <QueryError error={recent.error} onRetry={() => void recent.refetch()} /> : null}
        {recent.data?.items.length === 0 ? <p>{t('curation.imports.recentNone')}</p> : null}
        {recent.data && recent.data.items.length > 0 ? <ImportsTable jobs={recent.data.items} /> : null}
      </section>
    </>
  );
}

interface UploadProps {
  associationId: string;
  options: Array<{ value: string; label: string }>;
  onAssociation: (id: string) => void;
}

function UploadForm({ associationId, options, onAssociation }: UploadProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ associationId?: string; file?: string }>({});
  const upload = useMutation({
    mutationFn: ({ association, chosen }: { association: string; chosen: File }) => {
      const form = new FormData();
      form.append('file', chosen, chosen.name);
      return uploadImport(association, form);
    },
    onSuccess: (job) => navigate(`/curation/imports/${job.id}`),
  });

  const fileProblem = (chosen: File | null) => {
    if (!chosen) return t('curation.imports.noFile');
    if (!/\.(csv|xlsx)$/i.test(chosen.name)) return t('curation.imports.fileType');
    if (chosen.size > IMPORT_MAX_BYTES) return t('curation.imports.fileTooLarge');
    return undefined;
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { associationId: associationId ? undefined : t('validation.choose'), file: fileProblem(file) };
    setErrors(next);
    if (next.associationId || next.file || !file) return;
    upload.reset();
    upload.mutate({ association: associationId, chosen: file });
  };

  return (
    <section className="panel" aria-labelledby="upload-title">
      <h2 id="upload-title">{t('curation.imports.uploadTitle')}</h2>
      <form className="form" noValidate onSubmit={submit}>
        <FormMessage kind="error">{upload.isError ? describeError(upload.error, t) : null}</FormMessage>
        <SelectField
          name="associationId"
          label={t('curation.imports.association')}
          value={associationId}
          placeholder={t('curation.imports.chooseAssociation')}
          options={options}
          error={errors.associationId}
          required
          onChange={(event) => {
            setErrors((e) => ({ ...e, associationId: undefined }));
            onAssociation(event.target.value);
          }}
        />
        <div className={errors.file ? 'field field-invalid' : 'field'}>
          <label htmlFor={`${id}-file`}>{t('curation.imports.file')}</label>
          <input
            id={`${id}-file`}
            type="file"
            name="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={`${id}-hint${errors.file ? ` ${id}-error` : ''}`}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              setErrors((e) => ({ ...e, file: chosen ? fileProblem(chosen) : undefined }));
            }}
          />
          <p className="field-hint" id={`${id}-hint`}>
            {t('curation.imports.fileHint')}
          </p>
          {errors.file ? (
            <p className="field-error" id={`${id}-error`}>
              {errors.file}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <SubmitButton pending={upload.isPending}>{t('curation.imports.upload')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
