import type { ReactNode } from 'react';
import type { DataRequest } from '../../api/privacy.api';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import '../../i18n/parts/privacy';

/** Data requests with their clocks; staff pass a subject column and actions per row. */
export function RequestsTable({
  items,
  staff,
  actions,
}: {
  items: DataRequest[];
  staff?: boolean;
  actions?: (r: DataRequest) => ReactNode;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <table className="data-table responsive-table" data-testid="requests-table">
      <thead>
        <tr>
          {staff ? <th scope="col">{t('privacy.colSubject')}</th> : null}
          <th scope="col">{t('privacy.colType')}</th>
          <th scope="col">{t('privacy.colStatus')}</th>
          <th scope="col">{t('privacy.colReceived')}</th>
          <th scope="col">{t('privacy.colAckBy')}</th>
          <th scope="col">{t('privacy.colDue')}</th>
          <th scope="col">{t('privacy.colOutcome')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr key={r.id} data-testid="request-row" className={r.overdue ? 'row-overdue' : undefined}>
            {staff ? (
              <td data-label={t('privacy.colSubject')}>
                {r.subjectName ?? '—'}
                <br />
                <small className="muted">{r.subjectEmail ?? ''}</small>
              </td>
            ) : null}
            <th scope="row" data-label={t('privacy.colType')}>
              {t(`privacy.types.${r.type}`)}
              {r.selfService ? <small className="muted"> ({t('privacy.selfService')})</small> : null}
              {r.details ? <small className="muted block">{r.details}</small> : null}
            </th>
            <td data-label={t('privacy.colStatus')}>
              <span className={r.overdue ? 'badge badge-warn' : 'badge'}>{t(`privacy.statuses.${r.status}`)}</span>
              {r.overdue ? <strong> {t('privacy.overdue')}</strong> : null}
              <small className="muted block">{t('privacy.policyVersion', { version: r.policyVersion })}</small>
            </td>
            <td data-label={t('privacy.colReceived')}>{formatDate(r.receivedAt, language)}</td>
            <td data-label={t('privacy.colAckBy')}>{r.acknowledgedAt ? '✓' : formatDate(r.acknowledgeBy, language)}</td>
            <td data-label={t('privacy.colDue')}>{r.completedAt ? '✓' : formatDate(r.dueAt, language)}</td>
            <td data-label={t('privacy.colOutcome')}>
              {r.outcome ?? ''}
              {actions ? actions(r) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
