import { useMutation } from '@tanstack/react-query';
import { exportMyData } from '../../../api/data-rights.api';
import { FormMessage } from '../../../forms/form-parts';
import { describeError } from '../../../i18n/describe-error';
import { useTranslation } from '../../../i18n/use-translation';

/** Saves the export as a file; fetched with the bearer token, so a plain link would not do. */
function saveJson(data: unknown, fileName: string) {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportPanel() {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: async () => {
      const data = await exportMyData();
      const fileName = `hpen-my-data-${data.exportedAt.slice(0, 10)}.json`;
      saveJson(data, fileName);
      return fileName;
    },
  });
  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('dataRights.exportTitle')}</h2>
      <p>{t('dataRights.exportBody')}</p>
      <FormMessage kind="error">{download.isError ? describeError(download.error, t) : null}</FormMessage>
      <FormMessage kind="success" testId="export-done">
        {download.isSuccess ? t('dataRights.exported', { file: download.data }) : null}
      </FormMessage>
      <button
        type="button"
        className="button-primary"
        data-testid="export-data"
        disabled={download.isPending}
        aria-busy={download.isPending || undefined}
        onClick={() => download.mutate()}
      >
        {download.isPending ? <span className="spinner" aria-hidden="true" /> : null}
        {t('dataRights.exportButton')}
      </button>
    </section>
  );
}
