import type { ImportPreview } from '@hpen/server/contracts';
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent } from 'react';
import { isApiError } from '../../../api/api-error';
import { commitPublicationImport, previewPublicationImport, type ImportFormat } from '../../../api/profiles.api';
import { RadioGroup } from '../../../forms/choice-fields';
import { TextAreaField } from '../../../forms/fields';
import { FormMessage, SubmitButton } from '../../../forms/form-parts';
import { describeError } from '../../../i18n/describe-error';
import { useTranslation } from '../../../i18n/use-translation';
import { useProfileEditor } from '../editor/editor-context';
import { loadProfileValidation } from '../editor/use-section-editor';
import { ImportPreviewTable } from './import-preview-table';

const MAX_BYTES = 2_000_000;

/** Upload or paste a BibTeX/CSV file, review what the server found, then add the chosen entries. */
export function PublicationsImport({ hasUnsaved }: { hasUnsaved: boolean }) {
  const { t } = useTranslation();
  const editor = useProfileEditor();
  const fileId = useId();
  const [format, setFormat] = useState<ImportFormat>('bibtex');
  const [content, setContent] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [skip, setSkip] = useState<Set<number>>(new Set());
  const [added, setAdded] = useState<number | null>(null);

  const preview = useMutation({
    mutationFn: previewPublicationImport,
    onSuccess: () => setSkip(new Set()),
  });
  const commit = useMutation({
    mutationFn: (body: { format: ImportFormat; content: string; skip: number[] }) =>
      commitPublicationImport({ ...body, version: editor.profile.version }),
    onSuccess: (profile) => {
      setAdded(profile.publications.length - editor.profile.publications.length);
      editor.replace(profile);
      preview.reset();
      setContent('');
    },
  });

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_BYTES) return setInputError(t('profile.import.tooLarge'));
    setFormat(/\.csv$/i.test(file.name) ? 'csv' : 'bibtex');
    setContent(await file.text());
    setInputError(null);
    preview.reset();
  };

  const check = async () => {
    setAdded(null);
    commit.reset();
    const { publicationImportBodySchema } = await loadProfileValidation();
    const body = publicationImportBodySchema.safeParse({ format, content });
    if (!body.success) return setInputError(t('validation.required'));
    setInputError(null);
    preview.mutate(body.data);
  };

  const data: ImportPreview | undefined = preview.data;
  const chosen = data ? data.entries.filter((e) => e.status === 'new' && !skip.has(e.index)).length : 0;
  const conflict = isApiError(commit.error) && commit.error.code === 'profiles.version_conflict';

  return (
    <details className="import-panel" data-testid="publications-import">
      <summary>{t('profile.import.title')}</summary>
      <p className="muted">{t('profile.import.intro')}</p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          check().catch(() => setInputError(t('common.loadFailed')));
        }}
      >
        <RadioGroup
          name="format"
          legend={t('profile.import.format')}
          inline
          value={format}
          onChange={(value) => setFormat(value as ImportFormat)}
          options={[
            { value: 'bibtex', label: 'BibTeX (.bib)' },
            { value: 'csv', label: 'CSV (.csv)' },
          ]}
        />
        <div className="field">
          <label htmlFor={fileId}>{t('profile.import.file')}</label>
          <input
            id={fileId}
            name="file"
            type="file"
            accept=".bib,.bibtex,.csv,.txt,text/csv,text/plain"
            onChange={(event) => void readFile(event)}
          />
        </div>
        <TextAreaField
          name="content"
          label={t('profile.import.content')}
          value={content}
          rows={6}
          spellCheck={false}
          error={inputError ?? undefined}
          onChange={(event) => {
            setContent(event.target.value);
            setInputError(null);
          }}
        />
        <FormMessage kind="error">{preview.isError ? describeError(preview.error, t) : null}</FormMessage>
        <div className="form-actions">
          <SubmitButton pending={preview.isPending} className="button-secondary">
            {t('profile.import.check')}
          </SubmitButton>
        </div>
      </form>
      {data ? (
        <div className="import-preview">
          <p className="results-count" role="status">
            {t('profile.import.counts', data.counts)}
          </p>
          <ImportPreviewTable entries={data.entries} skip={skip} onToggle={setSkip} existing={editor.profile.publications} />
          {hasUnsaved ? <p className="notice notice-info">{t('profile.import.saveFirst')}</p> : null}
          <FormMessage kind="error">
            {commit.isError ? (conflict ? t('profile.conflict') : describeError(commit.error, t)) : null}
            {conflict ? (
              <span className="notice-extra">
                <button type="button" className="button-secondary" onClick={() => void editor.reload()}>
                  {t('profile.reload')}
                </button>
              </span>
            ) : null}
          </FormMessage>
          <div className="form-actions">
            <button
              type="button"
              className="button-primary"
              data-testid="import-confirm"
              disabled={chosen === 0 || hasUnsaved || commit.isPending}
              onClick={() => commit.mutate({ format, content, skip: [...skip] })}
            >
              {chosen === 0 ? t('profile.import.nothingToAdd') : t('profile.import.confirm', { count: chosen })}
            </button>
            <button type="button" className="button-ghost" onClick={() => preview.reset()}>
              {t('profile.import.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      <FormMessage kind="success" testId="import-done">
        {added !== null ? t('profile.import.done', { count: added }) : null}
      </FormMessage>
    </details>
  );
}
