import type { SearchQuery } from '@hpen/server/contracts';
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { Icon } from '../../components/icons';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber } from '../../lib/format';
import { lazyWithQueries } from '../../lazy-with-queries';
import { useDebouncedEffect } from '../../lib/use-debounced-effect';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { FilterSheet } from './filter-sheet';
import { FilterChips, useActiveFilters } from './filter-chips';
import { SearchHitCard } from './search-hit-card';
import { NoResults, SearchIntro, SearchUnavailable } from './search-states';
import { countFilters } from './search-url';
import { useExpertSearch } from './use-expert-search';
import { useSearchState } from './use-search-state';
import '../../i18n/parts/search';
import '../../i18n/parts/profile-values';

const TYPING_DELAY_MS = 200;
/** Staff only, and only when opened: kept out of the search page's first load, with the query cache it uses. */
const EligibleView = lazyWithQueries(async () => (await import('./eligible-view')).default);
/** The filters: loaded once the first answer is on screen (or when opened), not before the page shows. */
const FacetPanel = lazy(async () => ({ default: (await import('./facet-panel')).FacetPanel }));
/** The API's last page (searchQuerySchema). */
const MAX_PAGE = 1000;

export function SearchPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { query, dropped, go, latest } = useSearchState();
  const { main, counts, staff, facets } = useExpertSearch(query);
  const filters = useActiveFilters(query);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const panelId = useId();
  const resultsRef = useRef<HTMLElement>(null);
  usePageTitle(query.q ? `${query.q} · ${t('search.title')}` : t('search.title'));

  // The box follows the URL (Back, chips, links) but a burst of typing is not interrupted.
  const [text, setText] = useState(query.q);
  const written = useRef(query.q);
  useEffect(() => {
    if (query.q !== written.current) {
      written.current = query.q;
      setText(query.q);
    }
  }, [query.q]);
  const commit = (value: string, typing: boolean) => {
    const q = value.trim();
    const current = latest.current.query;
    if (q === current.q) return;
    written.current = q;
    go({ ...current, q, page: 1 }, { typing });
  };
  useDebouncedEffect(text, TYPING_DELAY_MS, (value) => commit(value, true));

  const change = (next: SearchQuery) => go(next);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // Closing returns focus to the button, or moves to the results when asked for them.
  const closeFilters = useCallback((showResults: boolean) => {
    setFiltersOpen(false);
    if (showResults) resultsRef.current?.scrollIntoView({ block: 'start' });
    else toggleRef.current?.focus();
  }, []);
  const result = main.data;
  const stale = main.isPlaceholderData || (main.isFetching && !main.isPending);
  const filterCount = countFilters(query);
  const unavailable = main.isError && isApiError(main.error) && main.error.code === 'search.unavailable';

  return (
    <div className="page search-page">
      <h1>{t('search.title')}</h1>
      <p className="lead">{t('search.lead')}</p>
      <form
        role="search"
        className="search-bar"
        onSubmit={(event) => {
          event.preventDefault();
          commit(text, false);
        }}
      >
        <label htmlFor={`${panelId}-q`} className="visually-hidden">
          {t('search.inputLabel')}
        </label>
        <span className="search-input">
          <Icon name="search" size={20} />
          <input
            id={`${panelId}-q`}
            name="q"
            type="search"
            value={text}
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            placeholder={t('search.placeholder')}
            onChange={(event) => setText(event.target.value)}
          />
        </span>
        <button type="submit" className="button-primary">
          {t('search.submit')}
        </button>
      </form>
      {dropped ? <p className="notice notice-info">{t('search.droppedParams')}</p> : null}
      {staff ? <EligibleEntry /> : null}

      <div className="search-layout">
        <aside className="facet-panel" aria-label={t('search.filters')}>
          <button
            type="button"
            className="button-secondary facet-toggle"
            data-testid="filters-toggle"
            ref={toggleRef}
            aria-expanded={filtersOpen}
            aria-controls={panelId}
            onClick={() => setFiltersOpen((v) => !v)}
          >
            <Icon name="filter" />
            <span className="facet-toggle-label">
              {filterCount ? t('search.filtersCount', { count: filterCount }) : t('search.filters')}
            </span>
            <Icon name="chevronDown" className="facet-chevron" />
          </button>
          <FilterSheet
            id={panelId}
            open={filtersOpen}
            onClose={closeFilters}
            showResultsLabel={t('search.showResults', { total: formatNumber(result?.total ?? 0, language) })}
          >
            {filtersOpen || !main.isPending ? (
              <Suspense fallback={<Loading />}>
                <FacetPanel query={query} counts={counts} facets={facets} onChange={change} />
              </Suspense>
            ) : null}
          </FilterSheet>
        </aside>

        <section className="search-results" aria-labelledby={`${panelId}-results`} ref={resultsRef}>
          <h2 id={`${panelId}-results`} className="visually-hidden">
            {t('search.resultsTitle')}
          </h2>
          <div className="results-toolbar">
            <p className="results-count" role="status" data-testid="search-total" aria-busy={stale || undefined}>
              {result
                ? query.q
                  ? t('search.totalFor', { total: formatNumber(result.total, language), q: query.q })
                  : t('search.total', { total: formatNumber(result.total, language) })
                : null}
              {stale ? <span className="results-updating"> {t('search.updating')}</span> : null}
            </p>
            {result?.approximate ? (
              <p className="results-approximate" data-testid="search-approximate">
                {t('search.approximate')}
              </p>
            ) : null}
            <div className="sort-select">
              <label htmlFor={`${panelId}-sort`}>{t('search.sortLabel')}</label>
              <select
                id={`${panelId}-sort`}
                name="sort"
                value={query.sort}
                onChange={(event) => change({ ...query, sort: event.target.value as SearchQuery['sort'], page: 1 })}
              >
                {(['relevance', 'name', 'updated'] as const).map((sort) => (
                  <option key={sort} value={sort}>
                    {t(`search.sort.${sort}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <FilterChips query={query} filters={filters} onChange={change} />
          {result?.audience === 'agencies' ? <p className="muted search-audience">{t('search.agencyView')}</p> : null}
          {!query.q && filterCount === 0 ? (
            <SearchIntro
              onExample={(example) => {
                setText(example);
                commit(example, false);
              }}
            />
          ) : null}

          {main.isError ? (
            unavailable ? (
              <SearchUnavailable onRetry={() => void main.refetch()} />
            ) : (
              <QueryError error={main.error} onRetry={() => void main.refetch()} />
            )
          ) : main.isPending ? (
            <Loading />
          ) : result && result.total === 0 && !stale ? (
            <NoResults query={query} filters={filters} onChange={change} />
          ) : result ? (
            <>
              <ol className={stale ? 'hit-list is-stale' : 'hit-list'} aria-busy={stale || undefined}>
                {result.hits.map((hit) => (
                  <SearchHitCard key={hit.id} hit={hit} staff={staff} />
                ))}
              </ol>
              <Pagination
                page={result.page}
                pageSize={result.pageSize}
                total={Math.min(result.total, result.totalPages * result.pageSize, MAX_PAGE * result.pageSize)}
                onPage={(page) => {
                  change({ ...query, page });
                  resultsRef.current?.scrollIntoView({ block: 'start' });
                }}
              />
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}

/** The "eligible for program X" view, opened by a link (its state is `?eligibleFor=` in the URL). */
function EligibleEntry() {
  const { t } = useTranslation();
  return useSearchParams()[0].has('eligibleFor') ? (
    <Suspense fallback={null}>
      <EligibleView />
    </Suspense>
  ) : (
    <Link to="?eligibleFor=" data-testid="eligible-open">
      {t('search.eligibleOpen')}
    </Link>
  );
}
