import { formatBytes } from '../lib/save-file';
import { useLanguage } from '../lib/use-language';
import { QueryError } from './query-error';

interface DossierDocument {
  id: string;
  name: string;
  version: number;
  size: number;
}

/**
 * A versioned dossier (consultation case, award nomination): every file with its version and size,
 * a download button each, and an upload field when the viewer may add one (same name → new version).
 */
export function DocumentDossier<D extends DossierDocument>({
  labels,
  items,
  error,
  onDownload,
  upload,
  testId,
  uploadTestId,
}: {
  labels: { title: string; none: string; add: string; hint?: string; version: (version: number) => string };
  items: D[] | undefined;
  error: unknown;
  onDownload: (d: D) => void;
  /** Absent when the viewer may not add a file. */
  upload?: { run: (file: File) => void; pending: boolean; error: string | null } | undefined;
  testId: string;
  uploadTestId?: string;
}) {
  const language = useLanguage();
  return (
    <section className="panel" aria-label={labels.title} data-testid={testId}>
      <h2>{labels.title}</h2>
      {error ? <QueryError error={error} /> : null}
      {items?.length === 0 ? <p>{labels.none}</p> : null}
      <ul className="member-list">
        {items?.map((d) => (
          <li key={d.id}>
            <button type="button" className="button-link" onClick={() => onDownload(d)}>
              {d.name}
            </button>{' '}
            <span className="cell-sub">
              {labels.version(d.version)} · {formatBytes(d.size, language)}
            </span>
          </li>
        ))}
      </ul>
      {upload ? (
        <label className="field">
          <span className="field-label">{labels.add}</span>
          {labels.hint ? <span className="field-hint">{labels.hint}</span> : null}
          <input
            type="file"
            accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
            disabled={upload.pending}
            data-testid={uploadTestId}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.run(file);
              e.target.value = '';
            }}
          />
        </label>
      ) : null}
      {upload?.error ? <p className="notice notice-error">{upload.error}</p> : null}
    </section>
  );
}
