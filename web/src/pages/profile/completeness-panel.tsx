import type { OwnProfile, ProfileSection } from '@hpen/server/contracts';
import { useTranslation } from '../../i18n/use-translation';

interface Props {
  completeness: OwnProfile['completeness'];
  onJump: (section: ProfileSection) => void;
}

/** The server's completeness score, with each missing piece as a link to its section. */
export function CompletenessPanel({ completeness, onJump }: Props) {
  const { t } = useTranslation();
  const { score, hints } = completeness;
  return (
    <section className="completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title">{t('profile.completeness.title')}</h2>
      <div className="completeness-meter">
        <span className="completeness-number" data-testid="completeness-score">
          {score}%
        </span>
        <progress max={100} value={score} aria-label={t('profile.completeness.label', { score })} />
      </div>
      {hints.length === 0 ? (
        <p className="completeness-done">{t('profile.completeness.complete')}</p>
      ) : (
        <>
          <p className="completeness-hints-title">{t('profile.completeness.hintsTitle')}</p>
          <ul className="completeness-hints">
            {hints.map((hint) => (
              <li key={hint.code}>
                <a
                  href={`#section-${hint.section}`}
                  data-hint={hint.code}
                  onClick={(event) => {
                    event.preventDefault();
                    onJump(hint.section);
                  }}
                >
                  {t(`profile.hints.${hint.code}` as never, { defaultValue: t(`profile.sections.${hint.section}`) }) as string}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
