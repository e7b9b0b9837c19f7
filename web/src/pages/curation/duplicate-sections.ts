import { profileSections, type ExpertView, type ProfileSection } from '@hpen/server/contracts';
import type { Language } from '../../i18n/i18n';
import type { TFunction } from '../../i18n/translator';
import { countryName, degreeLabel, languageName } from '../../lib/reference-labels';
import type { PlaceNames } from '../../lib/use-places';
import { academicTitleLabel } from '../../components/curation/curation-labels';

/**
 * A short account of one section of a profile, to choose between two profiles when merging.
 * `null`: the section is not in the view (hidden from agencies, whose view curators compare);
 * '': present but empty.
 */
export function sectionSummary(
  t: TFunction,
  language: Language,
  view: ExpertView,
  section: ProfileSection,
  places: PlaceNames,
): string | null {
  const count = (items: unknown[] | undefined) =>
    items === undefined ? null : items.length === 0 ? '' : t('curation.duplicates.items', { count: items.length });
  const list = (items: string[]) => items.filter(Boolean).join('; ');
  switch (section) {
    case 'identity':
      return list([
        view.fullName,
        academicTitleLabel(t, view.academicTitle),
        degreeLabel(view.highestDegree, language),
        view.orcid ? `ORCID ${view.orcid}` : '',
      ]);
    case 'personal':
      if (view.birthYear === undefined && view.gender === undefined) return null;
      return list([view.birthYear ? String(view.birthYear) : '', view.gender ? t(`profileValues.gender.${view.gender}`) : '']);
    case 'contact':
      return view.contact ? list([view.contact.email ?? '', view.contact.phone ?? '']) : null;
    case 'bio': {
      if (!view.bio) return null;
      const bio = (view.bio[language].trim() || view.bio.vi.trim() || view.bio.en.trim()).replace(/\s+/g, ' ');
      return bio.length > 140 ? `${bio.slice(0, 140)}…` : bio;
    }
    case 'expertise':
      if (view.fields === undefined && view.keywords === undefined) return null;
      return list([
        ...(view.keywords ?? []).slice(0, 6),
        view.fields?.length ? t('curation.duplicates.items', { count: view.fields.length }) : '',
      ]);
    case 'education':
      return view.education ? list(view.education.map((e) => `${degreeLabel(e.degree, language)} ${e.year}, ${e.institution}`)) : null;
    case 'positions':
      return view.positions ? list(view.positions.map((p) => `${p.title}, ${p.organisation}`)) : null;
    case 'languages':
      return view.languages ? list(view.languages.map((l) => languageName(l.code, language))) : null;
    case 'publications':
      return count(view.publications);
    case 'patents':
      return count(view.patents);
    case 'projects':
      return count(view.projects);
    case 'awards':
      return count(view.awards);
    case 'location': {
      const l = view.location;
      if (l === undefined) return null;
      if (!l) return '';
      return l.kind === 'haiphong'
        ? [places.commune(l.commune), 'Hải Phòng'].filter(Boolean).join(', ')
        : l.kind === 'vietnam'
          ? places.province(l.province)
          : countryName(l.country, language);
    }
    case 'availability':
      return view.availability ? list(view.availability.kinds.map((k) => t(`profileValues.availabilityKind.${k}`))) : null;
    case 'completedReviews':
      return count(view.completedReviews);
  }
}

/** The sections worth a choice: those with content on at least one side. */
export function sectionsToChoose(
  a: ExpertView | null,
  b: ExpertView | null,
  summarise: (view: ExpertView, section: ProfileSection) => string | null,
) {
  return profileSections.filter((section) => [a, b].some((view) => view && summarise(view, section)));
}
