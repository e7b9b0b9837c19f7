import { referenceData, type SearchFacetName } from '@hpen/server/contracts';
import type { Language } from '../../i18n/i18n';
import type { TFunction } from '../../i18n/translator';
import { countryName, degreeLabel, languageName, sectorLabel } from '../../lib/reference-labels';
import type { PlaceNames } from '../../lib/use-places';

const locationKinds = ['haiphong', 'vietnam', 'overseas'] as const;
const modes = ['remote', 'in_person'] as const;

const pick = <T extends string>(list: readonly T[], code: string): T | undefined => list.find((c) => c === code);

export interface LabelContext {
  t: TFunction;
  language: Language;
  fieldName: (code: string) => string;
  places: PlaceNames;
}

/** A facet value's name in the reader's language: reference data, the taxonomy, or ICU for countries and languages. */
export function facetValueLabel(facet: SearchFacetName, code: string, { t, language, fieldName, places }: LabelContext): string {
  switch (facet) {
    case 'degree':
      return degreeLabel(code, language);
    case 'title': {
      const title = pick(referenceData.academicTitles, code);
      return title ? t(`profileValues.academicTitle.${title}`) : code;
    }
    case 'field':
      return fieldName(code);
    case 'sector':
      return sectorLabel(code, language);
    case 'locationKind': {
      const kind = pick(locationKinds, code);
      return kind ? t(`profileValues.locationKind.${kind}`) : code;
    }
    case 'commune':
      return places.commune(code);
    case 'province':
      return places.province(code);
    case 'country':
      return countryName(code, language);
    case 'language':
      return languageName(code, language);
    case 'availability': {
      const kind = pick(referenceData.availabilityKinds, code);
      return kind ? t(`profileValues.availabilityKind.${kind}`) : code;
    }
    case 'mode': {
      const mode = pick(modes, code);
      return mode ? t(`profileValues.mode.${mode}`) : code;
    }
    case 'verified':
      return code === 'true' ? t('search.verifiedBadge') : code;
    default:
      return code;
  }
}

/** Fixed orders where the reference data has one (degrees by rank…); otherwise by count. */
export const fixedOrder: Partial<Record<SearchFacetName, readonly string[]>> = {
  degree: referenceData.degrees.map((d) => d.code),
  title: referenceData.academicTitles,
  locationKind: locationKinds,
  availability: referenceData.availabilityKinds,
  mode: modes,
};

export function cefrLabel(level: string, t: TFunction): string {
  const known = pick(referenceData.cefrLevels, level);
  return known ? t(`profileValues.cefr.${known}`) : level;
}

/** The levels `minLevel` accepts: every CEFR level except "native". */
export const minLevels = referenceData.cefrLevels.filter((l) => l !== 'native');
