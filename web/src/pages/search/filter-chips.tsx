import { useTranslation } from '../../i18n/use-translation';
import { usePlaceNames } from '../../lib/use-places';
import type { SearchQuery } from '@hpen/server/contracts';
import { useRef } from 'react';
import { Icon } from '../../components/icons';
import { useLanguage } from '../../lib/use-language';
import { useFieldNames } from '../../lib/use-taxonomy';
import { facetValueLabel, type LabelContext } from './facet-labels';
import { clearFilters, listFilters, withList } from './search-url';

export interface ActiveFilter {
  key: string;
  label: string;
  remove: (query: SearchQuery) => SearchQuery;
}

/** Every active filter as a label and a way to drop it; shared by the chips and the no-results hints. */
export function useActiveFilters(query: SearchQuery): ActiveFilter[] {
  const { t } = useTranslation();
  const language = useLanguage();
  const fieldName = useFieldNames(language);
  const places = usePlaceNames(language);
  const ctx: LabelContext = { t, language, fieldName, places };
  const filters: ActiveFilter[] = [];
  for (const facet of listFilters) {
    for (const code of query[facet] ?? []) {
      filters.push({
        key: `${facet}:${code}`,
        label: `${t(`search.facets.${facet}`)}: ${facetValueLabel(facet, code, ctx)}`,
        remove: (q) =>
          withList(
            q,
            facet,
            (q[facet] ?? []).filter((v) => v !== code),
          ),
      });
    }
  }
  if (query.language) {
    const name = facetValueLabel('language', query.language, ctx);
    filters.push({
      key: 'language',
      label: `${t('search.facets.language')}: ${query.minLevel ? t('search.languageAtLeast', { language: name, level: query.minLevel }) : name}`,
      remove: (q) => ({ ...q, language: undefined, minLevel: undefined, page: 1 }),
    });
  }
  if (query.verified) {
    filters.push({
      key: 'verified',
      label: query.verified === 'true' ? t('search.verifiedOnly') : `${t('search.facets.verified')}: ${query.verified}`,
      remove: (q) => ({ ...q, verified: undefined, page: 1 }),
    });
  }
  return filters;
}

export function FilterChips({
  query,
  filters,
  onChange,
}: {
  query: SearchQuery;
  filters: ActiveFilter[];
  onChange: (next: SearchQuery) => void;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // The pressed button disappears with its chip: keep the keyboard user near where they were.
  const refocus = () =>
    requestAnimationFrame(() => {
      const next = box.current?.querySelector<HTMLElement>('.chip-remove') ?? document.querySelector<HTMLElement>('input[name="q"]');
      next?.focus();
    });
  if (!filters.length) return null;
  return (
    <div className="filter-chips" ref={box}>
      <h2 className="visually-hidden">{t('search.activeFilters')}</h2>
      <ul className="chip-list">
        {filters.map((filter) => (
          <li key={filter.key} className="chip filter-chip" data-testid="filter-chip">
            <span>{filter.label}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={t('search.removeFilter', { label: filter.label })}
              onClick={() => {
                onChange(filter.remove(query));
                refocus();
              }}
            >
              <Icon name="close" size={14} />
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button-link"
        onClick={() => {
          onChange(clearFilters(query));
          refocus();
        }}
      >
        {t('search.clearAll')}
      </button>
    </div>
  );
}
