import { visibilityLevels, type ProfileSection, type VisibilityLevel } from '@hpen/server/contracts';
import { useId } from 'react';
import { useTranslation } from '../../../i18n/use-translation';
import { VisibilityIcon } from './visibility-icon';

/** Who may see one section; named `visibility.<section>` like the API's partial map. */
export function VisibilitySelect({
  section,
  value,
  onChange,
}: {
  section: ProfileSection;
  value: VisibilityLevel;
  onChange: (level: VisibilityLevel) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={`visibility-select visibility-${value}`}>
      <label htmlFor={id}>
        <VisibilityIcon level={value} /> {t('profile.visibility.label')}
      </label>
      <select
        id={id}
        name={`visibility.${section}`}
        value={value}
        aria-describedby={section === 'identity' ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value as VisibilityLevel)}
      >
        {visibilityLevels.map((level) => (
          <option key={level} value={level}>
            {t(`profile.visibility.${level}`)}
          </option>
        ))}
      </select>
      {section === 'identity' ? (
        <p className="field-hint" id={`${id}-hint`}>
          {t('profile.visibility.identityHint')}
        </p>
      ) : null}
    </div>
  );
}
