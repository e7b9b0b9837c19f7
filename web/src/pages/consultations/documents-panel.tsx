import { useQuery } from '@tanstack/react-query';
import { type CaseDocument, consultationKeys, downloadDocument, listDocuments, uploadDocument } from '../../api/consultations.api';
import { DocumentDossier } from '../../components/document-dossier';
import { useTranslation } from '../../i18n/use-translation';
import { saveFile } from '../../lib/save-file';
import { useCaseAction } from './use-case-action';

/** The dossier: every version, newest first per name; the parties may add a file (same name → new version). */
export function DocumentsPanel({ caseId, canUpload }: { caseId: string; canUpload: boolean }) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: consultationKeys.documents(caseId), queryFn: () => listDocuments(caseId) });
  const upload = useCaseAction((file: File) => uploadDocument(caseId, file));
  return (
    <DocumentDossier
      testId="case-documents"
      labels={{
        title: t('consultations.documents.title'),
        none: t('consultations.documents.none'),
        add: t('consultations.documents.add'),
        version: (version) => t('consultations.documents.version', { version }),
      }}
      items={q.data?.items}
      error={q.error}
      onDownload={(d: CaseDocument) => void downloadDocument(caseId, d).then(saveFile)}
      upload={canUpload ? upload : undefined}
    />
  );
}
