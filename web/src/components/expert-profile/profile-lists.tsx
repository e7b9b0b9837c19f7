import type { ExpertView } from '@hpen/server/contracts';
import { useTranslation } from '../../i18n/use-translation';
import { countryName, degreeLabel, languageName } from '../../lib/reference-labels';
import { useLanguage } from '../../lib/use-language';
import { ProfilePart, yearSpan } from './profile-part';
import { VerifiedBadge, type VerificationBadges } from './verified-badge';

type Level = { level: 2 | 3 };
type Verified = { verified?: VerificationBadges | undefined };
/** Newest first, as in a CV. */
const newestFirst = <T,>(items: T[], year: (item: T) => number) => [...items].sort((a, b) => year(b) - year(a));
const join = (parts: Array<string | number | null | undefined | false>) =>
  parts.filter((p) => p !== '' && p !== null && p !== undefined && p !== false).join(', ');

export function EducationPart({ items, level, verified }: { items: NonNullable<ExpertView['education']> } & Level & Verified) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ProfilePart section="education" level={level}>
      <ul className="timeline">
        {newestFirst(items, (e) => e.year).map((e, i) => (
          <li key={e.id ?? i}>
            <span className="timeline-when">{e.year}</span>
            <span className="timeline-what">
              <strong>{degreeLabel(e.degree, language)}</strong> — {join([e.field, e.institution, countryName(e.country, language)])}
              {e.honours !== 'none' ? ` · ${t(`profileValues.honours.${e.honours}`)}` : ''}
              {e.trainedAbroad ? ` · ${t('profile.labels.trainedAbroad')}` : ''}
              <VerifiedBadge badges={verified} itemType="degree" itemId={e.id} />
            </span>
          </li>
        ))}
      </ul>
    </ProfilePart>
  );
}

export function PositionsPart({ items, level, verified }: { items: NonNullable<ExpertView['positions']> } & Level & Verified) {
  const { t } = useTranslation();
  return (
    <ProfilePart section="positions" level={level}>
      <ul className="timeline">
        {newestFirst(items, (p) => (p.current ? 10_000 + p.from : (p.to ?? p.from))).map((p, i) => (
          <li key={p.id ?? i}>
            <span className="timeline-when">{yearSpan(p.from, p.to, t('expert.present'), p.current)}</span>
            <span className="timeline-what">
              <strong>{p.title}</strong>, {p.organisation}
              <VerifiedBadge badges={verified} itemType="position" itemId={p.id} />
            </span>
          </li>
        ))}
      </ul>
    </ProfilePart>
  );
}

export function LanguagesPart({ items, level }: { items: NonNullable<ExpertView['languages']> } & Level) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ProfilePart section="languages" level={level}>
      <ul className="plain-list">
        {items.map((l) => (
          <li key={l.code}>
            <strong>{languageName(l.code, language)}</strong>: {t(`profileValues.cefr.${l.level}`)}
          </li>
        ))}
      </ul>
    </ProfilePart>
  );
}

export function PublicationsPart({ items, level }: { items: NonNullable<ExpertView['publications']> } & Level) {
  const { t } = useTranslation();
  const sorted = newestFirst(items, (p) => p.year);
  return (
    <ProfilePart section="publications" level={level}>
      <ol className="publication-list">
        {sorted.map((p, i) => (
          <li key={p.id ?? i}>
            {p.authors ? `${p.authors} ` : ''}({p.year}). <cite>{p.title}</cite>
            {p.venue ? `. ${p.venue}` : ''}. <span className="muted">{t(`profileValues.publicationType.${p.type}`)}</span>
            {p.doi ? (
              <>
                {' '}
                <a href={`https://doi.org/${p.doi}`} rel="noopener noreferrer">
                  doi:{p.doi}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </ProfilePart>
  );
}

export function PatentsPart({ items, level }: { items: NonNullable<ExpertView['patents']> } & Level) {
  const language = useLanguage();
  return (
    <ProfilePart section="patents" level={level}>
      <ul className="timeline">
        {newestFirst(items, (p) => p.year).map((p, i) => (
          <li key={p.id ?? i}>
            <span className="timeline-when">{p.year}</span>
            <span className="timeline-what">
              <strong>{p.title}</strong>
              {join([p.number, countryName(p.country, language)]) ? ` — ${join([p.number, countryName(p.country, language)])}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </ProfilePart>
  );
}

export function ProjectsPart({ items, level }: { items: NonNullable<ExpertView['projects']> } & Level) {
  const { t } = useTranslation();
  return (
    <ProfilePart section="projects" level={level}>
      <ul className="timeline">
        {newestFirst(items, (p) => p.from).map((p, i) => (
          <li key={p.id ?? i}>
            <span className="timeline-when">{yearSpan(p.from, p.to, t('expert.present'))}</span>
            <span className="timeline-what">
              <strong>{p.title}</strong> — {join([p.role, p.funder, t(`profileValues.projectLevel.${p.level}`)])}
            </span>
          </li>
        ))}
      </ul>
    </ProfilePart>
  );
}

/**
 * The awards the expert lists, after the awards decided and published by an award council: those
 * carry the verified mark with the decision (number, date, signer), like a curator's verification.
 */
export function AwardsPart({ items, level, verified }: { items: NonNullable<ExpertView['awards']> } & Level & Verified) {
  const language = useLanguage();
  const marks = newestFirst(
    (verified ?? []).filter((b) => b.itemType === 'award' && b.provenance),
    (b) => b.provenance!.year,
  );
  return (
    <ProfilePart section="awards" level={level}>
      <ul className="timeline">
        {marks.map((b) => {
          const p = b.provenance!;
          const title = language === 'en' ? p.awardTitleEn : p.awardTitle;
          const prize = language === 'en' ? p.prizeLevelTitleEn : p.prizeLevelTitle;
          return (
            <li key={b.itemId} data-testid="award-mark">
              <span className="timeline-when">{p.year}</span>
              <span className="timeline-what">
                <strong>{title}</strong>
                {prize ? ` — ${prize}` : ''}
                <br />«{p.workTitle}» — {p.organiser}
                <VerifiedBadge badges={verified} itemType="award" itemId={b.itemId} />
              </span>
            </li>
          );
        })}
        {newestFirst(items, (a) => a.year).map((a, i) => (
          <li key={a.id ?? i}>
            <span className="timeline-when">{a.year}</span>
            <span className="timeline-what">
              <strong>{a.title}</strong>
              {a.issuer ? ` — ${a.issuer}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </ProfilePart>
  );
}
