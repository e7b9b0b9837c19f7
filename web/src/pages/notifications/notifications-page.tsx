import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { listNotifications, markAllRead, notificationKeys } from '../../api/notifications.api';
import { RequireAuth } from '../../auth/guards';
import { notificationsChanged } from '../../components/use-unread-notifications';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import '../../i18n/parts/consultations';

/** `/notifications` (lazy): the in-app notification centre. */
export function NotificationsPage() {
  return (
    <RequireAuth>
      <NotificationCentre />
    </RequireAuth>
  );
}

function NotificationCentre() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: notificationKeys.list, queryFn: listNotifications });
  const read = useMutation({
    mutationFn: markAllRead,
    onSuccess: () => {
      notificationsChanged();
      return queryClient.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });
  usePageTitle(t('notifications.title'));
  return (
    <div className="page page-narrow">
      <div className="page-head">
        <h1>{t('notifications.title')}</h1>
        {q.data?.unread ? (
          <button type="button" className="button-secondary" onClick={() => read.mutate()}>
            {t('notifications.markAllRead')}
          </button>
        ) : null}
      </div>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data?.items.length === 0 ? <p>{t('notifications.none')}</p> : null}
      <ul className="card-list">
        {q.data?.items.map((n) => (
          <li key={n.id} className={`card${n.readAt ? '' : ' unread'}`} data-testid="notification">
            <p className="eyebrow">{formatDateTime(n.createdAt, language)}</p>
            <p>
              <strong>
                {n.link ? <Link to={n.link}>{language === 'en' ? n.titleEn : n.title}</Link> : language === 'en' ? n.titleEn : n.title}
              </strong>
            </p>
            <p className="pre-line">{language === 'en' ? n.bodyEn : n.body}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
