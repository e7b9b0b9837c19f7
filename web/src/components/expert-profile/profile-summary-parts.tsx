import type { ExpertView } from '@hpen/server/contracts';
import { useTranslation } from '../../i18n/use-translation';
import { countryName, sectorLabel } from '../../lib/reference-labels';
import { usePlaceNames } from '../../lib/use-places';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { useFieldNames } from '../../lib/use-taxonomy';
import { ProfilePart } from './profile-part';

type Level = { level: 2 | 3 };

/** The introduction in the reader's language, else the other one (marked with its lang). */
export function BioPart({ bio, level }: { bio: NonNullable<ExpertView['bio']> } & Level) {
  const language = useLanguage();
  const other = language === 'vi' ? 'en' : 'vi';
  const lang = bio[language].trim() ? language : other;
  const paragraphs = bio[lang].split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <ProfilePart section="bio" level={level}>
      <div lang={lang} className="bio-text">
        {paragraphs.map((p, i) => (
          <p key={i}>{p.trim()}</p>
        ))}
      </div>
    </ProfilePart>
  );
}

export function ExpertisePart({ view, level }: { view: ExpertView } & Level) {
  const { t } = useTranslation();
  const language = useLanguage();
  const nameOf = useFieldNames(language);
  const fields = [...(view.fields ?? [])].sort((a, b) => Number(b.primary) - Number(a.primary));
  return (
    <ProfilePart section="expertise" level={level}>
      {fields.length > 0 ? (
        <ul className="plain-list">
          {fields.map((f) => (
            <li key={f.code}>
              {nameOf(f.code)}
              {f.primary ? <span className="badge badge-ok">{t('expert.primary')}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {view.keywords?.length ? (
        <ul className="chip-list" aria-label={t('profile.labels.keywords')}>
          {view.keywords.map((k) => (
            <li key={k} className="chip">
              {k}
            </li>
          ))}
        </ul>
      ) : null}
      {view.sectors?.length ? (
        <p>
          <span className="muted">{t('profile.labels.sectors')}: </span>
          {view.sectors.map((s) => sectorLabel(s, language)).join('; ')}
        </p>
      ) : null}
    </ProfilePart>
  );
}

export function ContactPart({ contact, level }: { contact: NonNullable<ExpertView['contact']> } & Level) {
  const { t } = useTranslation();
  return (
    <ProfilePart section="contact" level={level}>
      <dl className="details-list">
        {contact.email ? (
          <div>
            <dt>{t('profile.labels.contactEmail')}</dt>
            <dd>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </dd>
          </div>
        ) : null}
        {contact.phone ? (
          <div>
            <dt>{t('profile.labels.contactPhone')}</dt>
            <dd>
              <a href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}>{contact.phone}</a>
            </dd>
          </div>
        ) : null}
      </dl>
    </ProfilePart>
  );
}

export function LocationPart({ location, level }: { location: NonNullable<ExpertView['location']> } & Level) {
  const { t } = useTranslation();
  const language = useLanguage();
  const places = usePlaceNames(language);
  const text =
    location.kind === 'haiphong'
      ? [places.commune(location.commune), t('profileValues.locationKind.haiphong')].filter(Boolean).join(', ')
      : location.kind === 'vietnam'
        ? places.province(location.province)
        : countryName(location.country, language);
  return (
    <ProfilePart section="location" level={level}>
      <p>{text}</p>
    </ProfilePart>
  );
}

export function AvailabilityPart({ availability, level }: { availability: NonNullable<ExpertView['availability']> } & Level) {
  const { t } = useTranslation();
  return (
    <ProfilePart section="availability" level={level}>
      {availability.kinds.length ? <p>{availability.kinds.map((k) => t(`profileValues.availabilityKind.${k}`)).join(', ')}</p> : null}
      {availability.modes.length ? (
        <p>
          <span className="muted">{t('profile.labels.modes')}: </span>
          {availability.modes.map((m) => t(`profileValues.mode.${m}`)).join(', ')}
        </p>
      ) : null}
      {availability.note ? <p>{availability.note}</p> : null}
    </ProfilePart>
  );
}

/** Published consultations the expert sat on (kept by the server; linked to the public record). */
export function CompletedReviewsPart({ items, level }: { items: NonNullable<ExpertView['completedReviews']> } & Level) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ProfilePart section="completedReviews" level={level}>
      <ul className="plain-list" data-testid="completed-reviews">
        {items.map((r) => (
          <li key={r.consultationId}>
            <Link to={`/public/consultations/${r.consultationId}`}>{r.title}</Link>
            <span className="cell-sub">
              {[t(`consultations.kind.${r.kind}`), t(`consultations.role.${r.role}`), r.requester, formatDate(r.date, language)].join(
                ' · ',
              )}
            </span>
          </li>
        ))}
      </ul>
    </ProfilePart>
  );
}
