import { listAuditQuerySchema, type ListAuditQuery } from '@hpen/server/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { listAudit } from '../../api/admin.api';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { AuditFiltersForm, auditFilterKeys, type AuditFilters } from './audit-filters-form';
import { AuditTable } from './audit-table';

/** Filters live in the URL (bookmarkable, linked to from the users list). */
function useAuditQuery() {
  const [params, setParams] = useSearchParams();
  const parsed = listAuditQuerySchema.safeParse(Object.fromEntries(params));
  const query: ListAuditQuery = parsed.success ? parsed.data : { page: 1, pageSize: 20 };
  const apply = (filters: AuditFilters, page = 1) => {
    const next = new URLSearchParams();
    for (const key of auditFilterKeys) {
      const value = filters[key];
      if (value) next.set(key, value);
    }
    if (page > 1) next.set('page', String(page));
    setParams(next);
  };
  return { query, apply, setPage: (page: number) => apply(query, page) };
}

export function AdminAuditPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { query, apply, setPage } = useAuditQuery();
  usePageTitle(t('adminAudit.title'));
  const audit = useQuery({
    queryKey: ['admin', 'audit', query],
    queryFn: () => listAudit(query),
    placeholderData: keepPreviousData,
  });

  return (
    <div className="page page-wide">
      <h1>{t('adminAudit.title')}</h1>
      <p className="muted">{t('adminAudit.intro')}</p>
      <section className="panel">
        <AuditFiltersForm key={auditFilterKeys.map((key) => query[key] ?? '').join('|')} filters={query} onApply={apply} />
        {audit.isPending ? <Loading /> : null}
        {audit.isError ? <QueryError error={audit.error} onRetry={() => void audit.refetch()} /> : null}
        {audit.data ? (
          <>
            <p className="results-count" role="status">
              {t('adminAudit.results', { total: formatNumber(audit.data.total, language) })}
            </p>
            {audit.data.items.length === 0 ? <p>{t('adminAudit.none')}</p> : <AuditTable entries={audit.data.items} />}
            <Pagination page={audit.data.page} pageSize={audit.data.pageSize} total={audit.data.total} onPage={setPage} />
          </>
        ) : null}
      </section>
    </div>
  );
}
