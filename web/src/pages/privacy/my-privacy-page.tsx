import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { changeConsent, confirmProfile, fileDataRequest, myConsents, myDataRequests } from '../../api/privacy.api';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { FormMessage } from '../../forms/form-parts';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate, formatDateTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { NoticeReviewPrompt } from './notice-review-prompt';
import { RequestsTable } from './requests-table';
import '../../i18n/parts/privacy';

const REQUEST_TYPES = ['access', 'correction', 'deletion', 'restriction', 'objection', 'withdrawal'] as const;

/** /account/privacy: consents per purpose with their history, my data requests, filing one. */
export function MyPrivacyPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('privacy.title'));
  const client = useQueryClient();
  const isExpert = useSession().user?.role === 'expert';
  const consents = useQuery({ queryKey: ['me', 'consents'], queryFn: myConsents });
  const requests = useQuery({ queryKey: ['me', 'data-requests'], queryFn: myDataRequests });
  const change = useMutation({
    mutationFn: ({ purpose, verb }: { purpose: string; verb: 'grant' | 'withdraw' }) => changeConsent(purpose, verb),
    onSuccess: (data) => {
      client.setQueryData(['me', 'consents'], data);
      void client.invalidateQueries({ queryKey: ['me', 'data-requests'] });
    },
  });
  const confirm = useMutation({ mutationFn: confirmProfile });
  const [type, setType] = useState<(typeof REQUEST_TYPES)[number]>('access');
  const [details, setDetails] = useState('');
  const file = useMutation({
    mutationFn: fileDataRequest,
    onSuccess: () => {
      setDetails('');
      void client.invalidateQueries({ queryKey: ['me', 'data-requests'] });
    },
  });

  return (
    <div className="page my-privacy-page">
      <p>
        <Link to="/account">← {t('nav.account')}</Link> · <Link to="/account/data">{t('privacy.dataLink')}</Link>
      </p>
      <h1>{t('privacy.title')}</h1>
      <p className="lead">{t('privacy.intro')}</p>
      <NoticeReviewPrompt />

      <section className="panel" aria-labelledby="consents-title">
        <h2 id="consents-title">{t('privacy.consentsTitle')}</h2>
        {consents.isPending ? <Loading /> : null}
        {consents.isError ? <QueryError error={consents.error} onRetry={() => void consents.refetch()} /> : null}
        <ul className="consent-list">
          {consents.data?.items.map((c) => (
            <li key={c.purpose} className="consent-item" data-testid={`consent-${c.purpose}`}>
              <div className="section-head">
                <strong>{t(`privacy.purposes.${c.purpose}`)}</strong>
                <span className={c.state === 'granted' ? 'badge badge-ok' : 'badge badge-warn'}>{t(`privacy.states.${c.state}`)}</span>
              </div>
              {c.required ? (
                <p className="muted">{t('privacy.required')}</p>
              ) : (
                <button
                  type="button"
                  className="button-secondary button-small"
                  aria-pressed={c.state === 'granted'}
                  disabled={change.isPending}
                  data-testid={`consent-toggle-${c.purpose}`}
                  onClick={() => change.mutate({ purpose: c.purpose, verb: c.state === 'granted' ? 'withdraw' : 'grant' })}
                >
                  {c.state === 'granted' ? t('privacy.withdraw') : t('privacy.grant')}
                </button>
              )}
              {c.history.length > 0 ? (
                <details>
                  <summary>{t('privacy.historyTitle', { count: c.history.length })}</summary>
                  <ul>
                    {c.history.map((h) => (
                      <li key={h.id}>
                        {formatDateTime(h.createdAt, language)} — {t(`dataRights.actions.${h.action}`, { defaultValue: h.action })} ·{' '}
                        {t(`privacy.methods.${h.method}`, { defaultValue: h.method })} · v{h.noticeVersion}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
        {change.isError ? <QueryError error={change.error} /> : null}
      </section>

      {isExpert ? (
        <section className="panel" aria-labelledby="confirm-title">
          <h2 id="confirm-title">{t('privacy.confirmTitle')}</h2>
          <p>{t('privacy.confirmBody')}</p>
          {confirm.isSuccess ? <FormMessage kind="success">{t('privacy.confirmed')}</FormMessage> : null}
          <button type="button" className="button-secondary" onClick={() => confirm.mutate()} disabled={confirm.isPending}>
            {t('privacy.confirmButton')}
          </button>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="requests-title">
        <h2 id="requests-title">{t('privacy.requestsTitle')}</h2>
        {requests.isPending ? <Loading /> : null}
        {requests.isError ? <QueryError error={requests.error} onRetry={() => void requests.refetch()} /> : null}
        {requests.data && requests.data.items.length === 0 ? <p>{t('privacy.requestsNone')}</p> : null}
        {requests.data && requests.data.items.length > 0 ? <RequestsTable items={requests.data.items} /> : null}
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            file.mutate({ type, details });
          }}
        >
          <h3>{t('privacy.fileTitle')}</h3>
          {file.isSuccess ? <FormMessage kind="success">{t('privacy.filed')}</FormMessage> : null}
          {file.isError ? <QueryError error={file.error} /> : null}
          <div className="field">
            <label htmlFor="dsr-type">{t('privacy.fileType')}</label>
            <select id="dsr-type" value={type} onChange={(e) => setType(e.target.value as (typeof REQUEST_TYPES)[number])}>
              {REQUEST_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`privacy.types.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="dsr-details">{t('privacy.fileDetails')}</label>
            <textarea id="dsr-details" rows={4} maxLength={4000} value={details} onChange={(e) => setDetails(e.target.value)} />
          </div>
          <button type="submit" disabled={file.isPending} data-testid="dsr-submit">
            {t('privacy.fileSubmit')}
          </button>
        </form>
        <p className="muted">{formatDate(new Date().toISOString(), language)}</p>
      </section>
    </div>
  );
}
