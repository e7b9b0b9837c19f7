import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { actOnRequest, type DataRequest, requestQueue } from '../../api/privacy.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { usePageTitle } from '../../lib/use-page-title';
import { RequestsTable } from './requests-table';
import '../../i18n/parts/privacy';

type Filter = 'open' | 'closed' | 'all';

/** /admin/privacy/requests: the queue, soonest deadline first, with the legal clocks and the actions. */
export function AdminPrivacyRequestsPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.adminRequestsTitle'));
  const [filter, setFilter] = useState<Filter>('open');
  const queue = useQuery({ queryKey: ['admin', 'privacy-requests', filter], queryFn: () => requestQueue(filter) });
  return (
    <div className="page admin-privacy-page">
      <h1>{t('privacy.adminRequestsTitle')}</h1>
      <p className="lead">{t('privacy.adminRequestsIntro')}</p>
      <div className="form-actions" role="group">
        {(['open', 'closed', 'all'] as const).map((f) => (
          <button key={f} type="button" className="button-secondary button-small" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(`privacy.filter${f === 'open' ? 'Open' : f === 'closed' ? 'Closed' : 'All'}`)}
          </button>
        ))}
      </div>
      {queue.isPending ? <Loading /> : null}
      {queue.isError ? <QueryError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.data ? <RequestsTable items={queue.data.items} staff actions={(r) => <RequestActions request={r} />} /> : null}
    </div>
  );
}

function RequestActions({ request }: { request: DataRequest }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [processors, setProcessors] = useState(false);
  const [text, setText] = useState('');
  const [days, setDays] = useState(15);
  const act = useMutation({
    mutationFn: (body: Parameters<typeof actOnRequest>[1]) => actOnRequest(request.id, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['admin', 'privacy-requests'] }),
  });
  if (!['received', 'acknowledged', 'extended'].includes(request.status)) return null;
  const id = `req-${request.id}`;
  return (
    <div className="request-actions">
      {act.isError ? <QueryError error={act.error} /> : null}
      {request.status === 'received' ? (
        <p>
          <label>
            <input type="checkbox" checked={processors} onChange={(e) => setProcessors(e.target.checked)} /> {t('privacy.processors')}
          </label>{' '}
          <button
            type="button"
            className="button-small"
            onClick={() => act.mutate({ action: 'acknowledge', involvesProcessors: processors })}
          >
            {t('privacy.acknowledge')}
          </button>
        </p>
      ) : null}
      <label htmlFor={`${id}-text`}>{t('privacy.outcome')}</label>
      <textarea id={`${id}-text`} rows={2} value={text} onChange={(e) => setText(e.target.value)} />
      <p className="form-actions">
        <button
          type="button"
          className="button-small"
          disabled={text.trim().length < 3}
          onClick={() => act.mutate({ action: 'fulfil', outcome: text })}
        >
          {t('privacy.fulfil')}
        </button>
        <button
          type="button"
          className="button-secondary button-small"
          disabled={text.trim().length < 3}
          onClick={() => act.mutate({ action: 'reject', outcome: text })}
        >
          {t('privacy.reject')}
        </button>
        {!request.extendedAt ? (
          <>
            <label htmlFor={`${id}-days`} className="visually-hidden">
              {t('privacy.extendDays')}
            </label>
            <input
              id={`${id}-days`}
              type="number"
              min={1}
              max={15}
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
              style={{ width: '4em' }}
            />
            <button
              type="button"
              className="button-secondary button-small"
              disabled={text.trim().length < 3}
              onClick={() => act.mutate({ action: 'extend', days, reason: text })}
            >
              {t('privacy.extend')}
            </button>
          </>
        ) : null}
      </p>
    </div>
  );
}
