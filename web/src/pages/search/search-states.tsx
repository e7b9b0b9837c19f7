import type { SearchQuery } from '@hpen/server/contracts';
import { useTranslation } from '../../i18n/use-translation';
import type { ActiveFilter } from './filter-chips';
import { clearFilters } from './search-url';

const examples = ['logistics', 'cảng biển', 'y tế', 'kinh te bien', 'công nghệ thông tin'];

/** Shown before anything is typed or chosen: what to type, with a few searches to try. */
export function SearchIntro({ onExample }: { onExample: (q: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="search-intro" data-testid="search-intro">
      <h2>{t('search.introTitle')}</h2>
      <p>{t('search.introBody')}</p>
      <p className="search-examples">
        <span>{t('search.examplesLabel')}</span>
        {examples.map((example) => (
          <button key={example} type="button" className="button-secondary button-small" onClick={() => onExample(example)}>
            {example}
          </button>
        ))}
      </p>
    </div>
  );
}

interface NoResultsProps {
  query: SearchQuery;
  filters: ActiveFilter[];
  onChange: (next: SearchQuery) => void;
}

/** Nothing found: say why, and offer the ways out (drop a filter, spelling, fewer words). */
export function NoResults({ query, filters, onChange }: NoResultsProps) {
  const { t } = useTranslation();
  return (
    <div className="no-results" data-testid="no-results">
      <h2>{t('search.noResultsTitle')}</h2>
      <p>
        {query.q
          ? t(filters.length ? 'search.noResultsQueryFilters' : 'search.noResultsQuery', { q: query.q })
          : t('search.noResultsFilters')}
      </p>
      <p className="no-results-lead">{t('search.suggestionsTitle')}</p>
      <ul>
        {filters.length ? (
          <li>
            {t('search.suggestRemove')}{' '}
            <span className="no-results-filters">
              {filters.map((filter) => (
                <button
                  key={filter.key}
                  type="button"
                  className="button-secondary button-small"
                  onClick={() => onChange(filter.remove(query))}
                >
                  {filter.label}
                </button>
              ))}
              {filters.length > 1 ? (
                <button type="button" className="button-link" onClick={() => onChange(clearFilters(query))}>
                  {t('search.clearAll')}
                </button>
              ) : null}
            </span>
          </li>
        ) : null}
        {query.q ? <li>{t('search.suggestSpelling')}</li> : null}
        {query.q ? <li>{t('search.suggestDiacritics')}</li> : null}
        {query.q && query.q.trim().includes(' ') ? <li>{t('search.suggestFewerWords')}</li> : null}
      </ul>
    </div>
  );
}

/** 503 search.unavailable: the rest of the site works; say so plainly and offer a retry. */
export function SearchUnavailable({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-error search-unavailable" role="alert" data-testid="search-unavailable">
      <p>
        <strong>{t('search.unavailableTitle')}</strong>
      </p>
      <p>{t('search.unavailableBody')}</p>
      <button type="button" className="button-secondary" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
