import type { PreviewAudience } from '../../components/expert-profile/project-profile';
import { useTranslation } from '../../i18n/use-translation';

export type EditorMode = 'edit' | PreviewAudience;
const modes: EditorMode[] = ['edit', 'public', 'agencies'];

/** Edit, or see the saved profile the way the public or agency staff would. */
export function PreviewSwitch({ mode, onChange }: { mode: EditorMode; onChange: (mode: EditorMode) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="segmented" data-testid="preview-switch">
      <legend>{t('profile.preview.label')}</legend>
      <div className="segmented-options">
        {modes.map((m) => (
          <label key={m} className={m === mode ? 'segment segment-active' : 'segment'}>
            <input type="radio" name="preview" value={m} checked={m === mode} onChange={() => onChange(m)} />
            <span>{t(`profile.preview.${m}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
