import { useMutation } from '@tanstack/react-query';
import { downloadEvidence, type Verification } from '../../api/curation.api';
import { FormMessage } from '../../forms/form-parts';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatBytes, openFileIn, saveFile } from '../../lib/save-file';
import { useLanguage } from '../../lib/use-language';

type EvidenceFile = Verification['files'][number];

/** Opened inside the click (later it would be blocked as a pop-up); pointed at the file once it arrives. */
const openTab = () => window.open('', '_blank');

/**
 * Evidence files behind the bearer token (curators in scope, or the expert who sent them):
 * fetched through the API client, then opened in a new tab or saved.
 */
export function EvidenceList({ files }: { files: EvidenceFile[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fetchFile = useMutation({
    mutationFn: async ({ file, open, target }: { file: EvidenceFile; open: boolean; target: Window | null }) => {
      try {
        const downloaded = await downloadEvidence(file.id, file.filename);
        if (open) openFileIn(target, downloaded);
        else saveFile(downloaded);
      } catch (error) {
        target?.close();
        throw error;
      }
    },
  });
  if (files.length === 0) return null;
  return (
    <>
      <FormMessage kind="error">{fetchFile.isError ? describeError(fetchFile.error, t) : null}</FormMessage>
      <ul className="file-list">
        {files.map((file) => (
          <li key={file.id} data-testid="evidence-file">
            <span className="file-name">{file.filename}</span>
            <span className="muted">
              {file.mimeType.replace(/^(application|image)\//, '').toUpperCase()} · {formatBytes(file.size, language)}
            </span>
            <span className="cell-actions">
              <button
                type="button"
                className="button-secondary button-small"
                disabled={fetchFile.isPending}
                onClick={() => fetchFile.mutate({ file, open: true, target: openTab() })}
              >
                {t('curation.detail.view')}
                <span className="visually-hidden"> {file.filename}</span>
              </button>
              <button
                type="button"
                className="button-ghost button-small"
                disabled={fetchFile.isPending}
                onClick={() => fetchFile.mutate({ file, open: false, target: null })}
              >
                {t('curation.detail.download')}
                <span className="visually-hidden"> {file.filename}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
