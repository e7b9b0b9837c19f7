import type { AdminUser } from '@hpen/server/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { listUsers } from '../../api/admin.api';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { QueryError } from '../../components/query-error';
import { FormMessage } from '../../forms/form-parts';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { InviteStaffForm } from './invite-staff-form';
import { useUserFilters } from './user-filters';
import { UserFiltersForm } from './user-filters-form';
import { UsersTable } from './users-table';

export function AdminUsersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const queryClient = useQueryClient();
  const { query, apply, setPage } = useUserFilters();
  const [notice, setNotice] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  usePageTitle(t('adminUsers.title'));

  const users = useQuery({
    queryKey: ['admin', 'users', query],
    queryFn: () => listUsers(query),
    placeholderData: keepPreviousData,
  });

  const onChanged = (updated: AdminUser) => {
    setNotice({ kind: 'success', text: t('adminUsers.saved', { name: updated.fullName }) });
    void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  };
  const onError = (error: unknown) => setNotice({ kind: 'error', text: describeError(error, t) });

  return (
    <div className="page page-wide">
      <h1>{t('adminUsers.title')}</h1>
      <InviteStaffForm />
      <section className="panel" aria-labelledby="users-list-title">
        <h2 id="users-list-title">{t('adminUsers.listTitle')}</h2>
        {/* Re-keyed by the URL so back/forward navigation resets the draft filters. */}
        <UserFiltersForm key={JSON.stringify([query.q, query.role, query.status, query.organisationId])} filters={query} onApply={apply} />
        <FormMessage kind="success">{notice?.kind === 'success' ? notice.text : null}</FormMessage>
        <FormMessage kind="error">{notice?.kind === 'error' ? notice.text : null}</FormMessage>
        {users.isPending ? <Loading /> : null}
        {users.isError ? <QueryError error={users.error} onRetry={() => void users.refetch()} /> : null}
        {users.data ? (
          <>
            <p className="results-count" role="status">
              {t('adminUsers.results', { total: formatNumber(users.data.total, language) })}
            </p>
            {users.data.items.length === 0 ? (
              <p>{t('adminUsers.none')}</p>
            ) : (
              <UsersTable users={users.data.items} currentUserId={session.user?.id} onChanged={onChanged} onError={onError} />
            )}
            <Pagination page={users.data.page} pageSize={users.data.pageSize} total={users.data.total} onPage={setPage} />
          </>
        ) : null}
      </section>
    </div>
  );
}
