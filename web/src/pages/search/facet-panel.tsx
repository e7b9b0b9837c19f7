import { useTranslation } from '../../i18n/use-translation';
import { usePlaceNames } from '../../lib/use-places';
import type { SearchFacetName, SearchQuery } from '@hpen/server/contracts';
import { useId } from 'react';
import { useLanguage } from '../../lib/use-language';
import { useFieldNames } from '../../lib/use-taxonomy';
import { cefrLabel, facetValueLabel, fixedOrder, minLevels, type LabelContext } from './facet-labels';
import { FacetCheckbox, FacetList, FacetSection, type FacetOption } from './facet-group';
import { FieldFacet } from './field-facet';
import { withList, type ListFilter } from './search-url';
import type { FacetCounts } from './use-expert-search';

interface Props {
  query: SearchQuery;
  counts: FacetCounts;
  facets: readonly SearchFacetName[];
  onChange: (next: SearchQuery) => void;
}

/** Values with a count, plus any chosen value (even at zero, so it can be unticked). */
function optionsFor(facet: SearchFacetName, counts: FacetCounts, selected: readonly string[], ctx: LabelContext): FacetOption[] {
  const entries = counts[facet] ?? {};
  const codes = new Set([...Object.keys(entries).filter((code) => (entries[code] ?? 0) > 0), ...selected]);
  const options = [...codes].map((code) => ({ value: code, label: facetValueLabel(facet, code, ctx), count: entries[code] ?? 0 }));
  const order = fixedOrder[facet];
  if (order) return options.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value));
  return options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, ctx.language));
}

/** Opened at first: the facets most searches start with. */
const openAtFirst = new Set<SearchFacetName>(['degree', 'field', 'sector', 'locationKind']);

export function FacetPanel({ query, counts, facets, onChange }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const fieldName = useFieldNames(language);
  const places = usePlaceNames(language);
  const ctx: LabelContext = { t, language, fieldName, places };
  const levelId = useId();

  const listFacet = (facet: ListFilter) => {
    if (!facets.includes(facet)) return null;
    const selected = query[facet] ?? [];
    const options = optionsFor(facet, counts, selected, ctx);
    if (!options.length) return null;
    const title = t(`search.facets.${facet}`);
    return (
      <FacetSection key={facet} title={title} chosen={selected.length} defaultOpen={openAtFirst.has(facet)}>
        <FacetList
          name={facet}
          title={title}
          options={options}
          selected={selected}
          onChange={(values) => onChange(withList(query, facet, values))}
        />
      </FacetSection>
    );
  };

  const fieldCounts = counts.field ?? {};
  const languageOptions = optionsFor('language', counts, query.language ? [query.language] : [], ctx);
  const verifiedCount = counts.verified?.true ?? 0;

  return (
    <div className="facet-list">
      {listFacet('degree')}
      {listFacet('title')}
      {Object.keys(fieldCounts).length || query.field?.length ? (
        <FacetSection title={t('search.facets.field')} chosen={query.field?.length ?? 0} defaultOpen>
          <FieldFacet counts={fieldCounts} selected={query.field ?? []} onChange={(values) => onChange(withList(query, 'field', values))} />
        </FacetSection>
      ) : null}
      {listFacet('sector')}
      {listFacet('locationKind')}
      {listFacet('commune')}
      {listFacet('province')}
      {listFacet('country')}
      {languageOptions.length ? (
        <FacetSection title={t('search.facets.language')} chosen={query.language ? 1 : 0}>
          <FacetList
            name="language"
            title={t('search.facets.language')}
            options={languageOptions}
            selected={query.language ? [query.language] : []}
            single={{ anyLabel: t('search.anyLanguage') }}
            onChange={([code]) => onChange({ ...query, language: code, minLevel: code ? query.minLevel : undefined, page: 1 })}
          />
          <div className="field facet-level">
            <label htmlFor={levelId}>{t('search.minLevel')}</label>
            <select
              id={levelId}
              name="minLevel"
              value={query.minLevel ?? ''}
              disabled={!query.language}
              onChange={(event) => onChange({ ...query, minLevel: event.target.value || undefined, page: 1 })}
            >
              <option value="">{t('search.anyLevel')}</option>
              {minLevels.map((level) => (
                <option key={level} value={level}>
                  {cefrLabel(level, t)}
                </option>
              ))}
            </select>
          </div>
        </FacetSection>
      ) : null}
      {listFacet('availability')}
      {listFacet('mode')}
      {counts.verified || query.verified ? (
        <FacetSection title={t('search.facets.verified')} chosen={query.verified ? 1 : 0}>
          <fieldset className="facet-options">
            <legend className="visually-hidden">{t('search.facets.verified')}</legend>
            <FacetCheckbox
              name="verified"
              option={{ value: 'true', label: t('search.verifiedOnly'), count: verifiedCount }}
              checked={query.verified === 'true'}
              onChange={(checked) => onChange({ ...query, verified: checked ? 'true' : undefined, page: 1 })}
            />
          </fieldset>
        </FacetSection>
      ) : null}
    </div>
  );
}
