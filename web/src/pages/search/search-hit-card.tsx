import { Suspense } from 'react';
import { referenceData, type SearchHit } from '@hpen/server/contracts';
import { Link } from 'react-router';
import { Icon } from '../../components/icons';
import type { TFunction } from '../../i18n/translator';
import { useTranslation } from '../../i18n/use-translation';
import { lazyWithQueries } from '../../lazy-with-queries';
import type { Language } from '../../i18n/i18n';
import { countryName, degreeLabel, sectorLabel } from '../../lib/reference-labels';
import { type PlaceNames, usePlaceNames } from '../../lib/use-places';
import { useLanguage } from '../../lib/use-language';
import { useFieldNames, useTaxonomy } from '../../lib/use-taxonomy';
import { HighlightedText } from './highlighted-text';

/** Only staff add to shortlists: visitors do not download the form (nor zod, nor the query cache it uses). */
const AddToShortlist = lazyWithQueries(async () => (await import('../shortlists/add-to-shortlist')).AddToShortlist);

const snippetAttributes = [
  'keywords',
  'fieldLabels',
  'sectorLabels',
  'degreeLabels',
  'positions',
  'bio',
  'education',
  'locationLabel',
  'publications',
  'projects',
] as const;

function snippetLabel(attribute: string, t: TFunction): string | null {
  const known = snippetAttributes.find((a) => a === attribute);
  return known ? t(`search.snippet.${known}`) : null;
}

function locationText(location: SearchHit['location'], language: Language, t: TFunction, places: PlaceNames): string {
  if (location.kind === 'haiphong')
    return [places.commune(location.commune), t('profileValues.locationKind.haiphong')].filter(Boolean).join(', ');
  if (location.kind === 'vietnam') return location.province ? places.province(location.province) : countryName('VN', language);
  if (location.kind === 'overseas') return countryName(location.country, language);
  return '';
}

/** The index lists a sub-field's area too (for filtering); the card names only what the expert chose. */
function useChosenFields(hit: SearchHit): { primary: string | null; others: string[] } {
  const taxonomy = useTaxonomy();
  const parentOf = new Map((taxonomy.data?.fields ?? []).map((f) => [f.code, f.parentCode]));
  const parents = new Set(hit.fields.map((code) => parentOf.get(code)).filter(Boolean));
  const chosen = hit.fields.filter((code) => !parents.has(code));
  return { primary: hit.primaryField, others: chosen.filter((code) => code !== hit.primaryField) };
}

export function SearchHitCard({ hit, staff }: { hit: SearchHit; staff: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fieldName = useFieldNames(language);
  const { primary, others } = useChosenFields(hit);
  const title = referenceData.academicTitles.find((c) => c === hit.academicTitle);
  const credentials = [title ? t(`profileValues.academicTitle.${title}`) : '', degreeLabel(hit.highestDegree, language)]
    .filter(Boolean)
    .join(' · ');
  const places = usePlaceNames(language);
  const place = locationText(hit.location, language, t, places);
  const snippet = hit.highlights.snippet;
  const label = snippet ? snippetLabel(snippet.attribute, t) : null;

  return (
    <li className="hit" data-testid="search-hit" data-id={hit.id}>
      <div className="hit-head">
        <h3 className="hit-name">
          <Link to={`/experts/${hit.id}`} className="hit-link">
            {title ? <span className="name-title">{t(`profileValues.academicTitleShort.${title}`)} </span> : null}
            <HighlightedText segments={hit.highlights.fullName} />
          </Link>
        </h3>
        {hit.verified ? (
          <span className="badge badge-ok hit-verified">
            <Icon name="check" size={14} /> {t('search.verifiedBadge')}
          </span>
        ) : null}
      </div>
      {credentials ? <p className="hit-credentials">{credentials}</p> : null}
      {primary || others.length ? (
        <p className="hit-fields">
          {primary ? (
            <strong>
              <span className="visually-hidden">{t('search.primaryField')}: </span>
              {fieldName(primary)}
            </strong>
          ) : null}
          {primary && others.length ? ' · ' : null}
          {others.map(fieldName).join(' · ')}
        </p>
      ) : null}
      {place ? (
        <p className="hit-location">
          <Icon name="pin" size={15} /> {place}
        </p>
      ) : null}
      {hit.sectors.length ? (
        <ul className="chip-list hit-sectors" aria-label={t('search.facets.sector')}>
          {hit.sectors.map((code) => (
            <li key={code} className="chip chip-small">
              {sectorLabel(code, language)}
            </li>
          ))}
        </ul>
      ) : null}
      {snippet ? (
        <p className="hit-snippet">
          {label ? <span className="hit-snippet-label">{label}: </span> : null}
          <HighlightedText segments={snippet.text} />
        </p>
      ) : null}
      {staff ? (
        <div className="hit-actions">
          <Suspense fallback={null}>
            <AddToShortlist profileId={hit.id} expertName={hit.fullName} />
          </Suspense>
        </div>
      ) : null}
    </li>
  );
}
