import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type CaseDocument, consultationKeys, downloadDocument, listDocuments, uploadDocument } from '../../api/consultations.api';
import { QueryError } from '../../components/query-error';
import { formatBytes, saveFile } from '../../lib/save-file';
import { useLanguage } from '../../lib/use-language';
import { useCaseAction } from './use-case-action';

/** The dossier: every version, newest first per name; the parties may add a file (same name → new version). */
export function DocumentsPanel({ caseId, canUpload }: { caseId: string; canUpload: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const q = useQuery({ queryKey: consultationKeys.documents(caseId), queryFn: () => listDocuments(caseId) });
  const upload = useCaseAction(caseId, (file: File) => uploadDocument(caseId, file));
  const download = (d: CaseDocument) => void downloadDocument(caseId, d).then(saveFile);
  return (
    <section className="panel" aria-labelledby="case-documents" data-testid="case-documents">
      <h2 id="case-documents">{t('consultations.documents.title')}</h2>
      {q.isError ? <QueryError error={q.error} /> : null}
      {q.data?.items.length === 0 ? <p>{t('consultations.documents.none')}</p> : null}
      <ul className="member-list">
        {q.data?.items.map((d) => (
          <li key={d.id}>
            <button type="button" className="button-link" onClick={() => download(d)}>
              {d.name}
            </button>{' '}
            <span className="cell-sub">
              {t('consultations.documents.version', { version: d.version })} · {formatBytes(d.size, language)}
            </span>
          </li>
        ))}
      </ul>
      {canUpload ? (
        <label className="field">
          <span className="field-label">{t('consultations.documents.add')}</span>
          <input
            type="file"
            accept=".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
            disabled={upload.pending}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) upload.run(file);
              e.target.value = '';
            }}
          />
        </label>
      ) : null}
      {upload.error ? <p className="notice notice-error">{upload.error}</p> : null}
    </section>
  );
}
