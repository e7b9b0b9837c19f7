import { useQuery } from '@tanstack/react-query';
import { listConsents } from '../../../api/data-rights.api';
import { useSession } from '../../../auth/use-session';
import { Loading } from '../../../components/loading';
import { QueryError } from '../../../components/query-error';
import { translator } from '../../../i18n/translator';
import { useTranslation } from '../../../i18n/use-translation';
import { formatDateTime } from '../../../lib/format';
import { useLanguage } from '../../../lib/use-language';
import { describeUserAgent } from '../describe-user-agent';
import '../../../i18n/parts/privacy';

/** The consent history as a table; printing the page prints just this panel (see print.css). */
export function ConsentsPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const consents = useQuery({ queryKey: ['me', 'consents'], queryFn: listConsents });
  // Every grant and withdrawal of every purpose, newest first.
  const records = consents.data?.items.flatMap((p) => p.history).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  // Consent purposes are named by the privacy messages (registry, publication, sharing, …); the notice by data rights.
  const purpose = (code: string) => {
    for (const key of [`dataRights.purposes.${code}`, `privacy.purposes.${code}`])
      if (translator.exists(key)) return t(key as never) as string;
    return code;
  };

  return (
    <section className="panel consents-panel print-target" aria-labelledby="consents-title">
      <div className="section-head">
        <h2 id="consents-title">{t('dataRights.consentsTitle')}</h2>
        <button type="button" className="button-secondary button-small no-print" onClick={() => window.print()}>
          {t('dataRights.printConsents')}
        </button>
      </div>
      <p className="muted">{t('dataRights.consentsIntro')}</p>
      <p className="print-only">
        {t('dataRights.printedFor', { email: session.user?.email ?? '', date: formatDateTime(new Date().toISOString(), language) })}
      </p>
      {consents.isPending ? <Loading /> : null}
      {consents.isError ? <QueryError error={consents.error} onRetry={() => void consents.refetch()} /> : null}
      {records && records.length === 0 ? <p>{t('dataRights.consentsNone')}</p> : null}
      {records && records.length > 0 ? (
        <table className="data-table responsive-table" data-testid="consents-table">
          <thead>
            <tr>
              <th scope="col">{t('dataRights.colTime')}</th>
              <th scope="col">{t('dataRights.colPurpose')}</th>
              <th scope="col">{t('dataRights.colNotice')}</th>
              <th scope="col">{t('dataRights.colAction')}</th>
              <th scope="col">{t('dataRights.colIp')}</th>
              <th scope="col">{t('dataRights.colDevice')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((c) => (
              <tr key={c.id} data-testid="consent-row">
                <th scope="row" data-label={t('dataRights.colTime')}>
                  {formatDateTime(c.createdAt, language)}
                </th>
                <td data-label={t('dataRights.colPurpose')}>{purpose(c.purpose)}</td>
                <td data-label={t('dataRights.colNotice')}>{c.noticeVersion}</td>
                <td data-label={t('dataRights.colAction')}>
                  <span className={c.action === 'granted' ? 'badge badge-ok' : 'badge badge-warn'}>
                    {t(`dataRights.actions.${c.action}`)}
                  </span>
                </td>
                <td data-label={t('dataRights.colIp')}>{c.ip ?? '—'}</td>
                <td data-label={t('dataRights.colDevice')}>{describeUserAgent(c.userAgent) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
