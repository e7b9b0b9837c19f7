import { useId } from 'react';
import type { TFunction } from '../../i18n/translator';
import { useTranslation } from '../../i18n/use-translation';
import { formatBytes } from '../../lib/save-file';
import { useLanguage } from '../../lib/use-language';

/** The server's rules (evidence-store.ts), checked here first so a wrong file fails before uploading. */
const MAX_FILES = 3;
const MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['application/pdf', 'image/jpeg', 'image/png'];
const EXTENSIONS = /\.(pdf|jpe?g|png)$/i;

/** Problems with the chosen files, in the reader's language; the server still checks the content. */
export function evidenceProblems(files: File[], t: TFunction): string[] {
  if (files.length === 0) return [t('verification.noFiles')];
  const problems: string[] = [];
  if (files.length > MAX_FILES) problems.push(t('verification.tooManyFiles'));
  for (const file of files) {
    if (!(TYPES.includes(file.type) || (!file.type && EXTENSIONS.test(file.name))))
      problems.push(t('verification.fileType', { name: file.name }));
    else if (file.size > MAX_BYTES) problems.push(t('verification.fileTooLarge', { name: file.name }));
  }
  return problems;
}

interface Props {
  files: File[];
  error: string | null;
  onChange: (files: File[]) => void;
}

export function EvidencePicker({ files, error, onChange }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const problems = files.length > 0 ? evidenceProblems(files, t) : [];
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{t('verification.evidence')}</label>
      <input
        id={id}
        type="file"
        name="evidence"
        multiple
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(event) => onChange(Array.from(event.target.files ?? []))}
      />
      <p className="field-hint" id={`${id}-hint`}>
        {t('verification.evidenceHint')}
      </p>
      {files.length > 0 ? (
        <ul className="file-list" aria-label={t('verification.chosenFiles')}>
          {files.map((file, i) => {
            const problem = evidenceProblems([file], t)[0];
            return (
              <li key={`${file.name}-${i}`} className={problem ? 'file-bad' : undefined} data-testid="chosen-evidence">
                <span className="file-name">{file.name}</span>
                <span className="muted">
                  {(file.type || '?').replace(/^(application|image)\//, '').toUpperCase()} · {formatBytes(file.size, language)}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
          {problems.length > 1 ? ` ${problems.slice(1).join(' ')}` : ''}
        </p>
      ) : null}
    </div>
  );
}
