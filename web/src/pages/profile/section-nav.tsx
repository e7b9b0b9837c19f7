import { profileSections, type ProfileSection, type Visibility } from '@hpen/server/contracts';
import { useTranslation } from '../../i18n/use-translation';
import { VisibilityIcon } from './editor/visibility-icon';

interface Props {
  visibility: Visibility;
  dirty: ReadonlySet<ProfileSection>;
  onJump: (section: ProfileSection) => void;
}

/** The steps of the profile, each with who may see it and whether it has unsaved edits. */
export function SectionNav({ visibility, dirty, onJump }: Props) {
  const { t } = useTranslation();
  return (
    <nav className="section-nav" aria-label={t('profile.stepsLabel')}>
      <ol>
        {profileSections.map((section, index) => (
          <li key={section}>
            <a
              href={`#section-${section}`}
              onClick={(event) => {
                event.preventDefault();
                onJump(section);
              }}
            >
              <span className="step-number" aria-hidden="true">
                {index + 1}
              </span>
              <span className="step-name">{t(`profile.sections.${section}`)}</span>
              <span className="step-visibility" title={t(`profile.visibility.${visibility[section]}`)}>
                <VisibilityIcon level={visibility[section]} />
                <span className="visually-hidden">({t(`profile.visibility.${visibility[section]}`)})</span>
              </span>
              {dirty.has(section) ? <span className="step-dirty">{t('profile.unsaved')}</span> : null}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
