import { useState } from 'react';
import { useTranslation } from '../../i18n/use-translation';
import { saveFile } from '../../lib/save-file';

/** Shown once, right after they are made: copy them, download them, or write them down. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const text = `${t('security.codesFileTitle')}\n\n${codes.join('\n')}\n`;
  return (
    <div className="notice notice-info" data-testid="recovery-codes">
      <p>
        <strong>{t('security.codesTitle')}</strong> {t('security.codesIntro')}
      </p>
      <ol className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <p className="form-actions">
        <button
          type="button"
          className="button-secondary"
          onClick={() => void navigator.clipboard?.writeText(text).then(() => setCopied(true))}
        >
          {copied ? t('security.copied') : t('security.copy')}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => saveFile({ blob: new Blob([text], { type: 'text/plain;charset=utf-8' }), filename: 'hpen-recovery-codes.txt' })}
        >
          {t('security.download')}
        </button>
        <button type="button" className="button-primary" onClick={onDone}>
          {t('security.codesSaved')}
        </button>
      </p>
    </div>
  );
}
