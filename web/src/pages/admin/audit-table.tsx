import { roleSchema, type AuditEntry } from '@hpen/server/contracts';
import { Link } from 'react-router';
import { useTranslation } from '../../i18n/use-translation';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { auditActionLabel } from './audit-labels';

function shortId(id: string) {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <table className="data-table responsive-table audit-table">
      <thead>
        <tr>
          <th scope="col">{t('adminAudit.colTime')}</th>
          <th scope="col">{t('adminAudit.colActor')}</th>
          <th scope="col">{t('adminAudit.colAction')}</th>
          <th scope="col">{t('adminAudit.colTarget')}</th>
          <th scope="col">{t('adminAudit.colIp')}</th>
          <th scope="col">{t('adminAudit.colDetails')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const role = roleSchema.safeParse(entry.actorRole);
          const hasDetails = Object.keys(entry.details).length > 0;
          return (
            <tr key={entry.id}>
              <td data-label={t('adminAudit.colTime')}>
                <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, language)}</time>
              </td>
              <td data-label={t('adminAudit.colActor')}>
                {entry.actorUserId ? (
                  <Link to={`/admin/audit?actorUserId=${entry.actorUserId}`} title={t('adminAudit.actorEntries')}>
                    {entry.actorName ?? t('adminAudit.deletedActor')}
                  </Link>
                ) : (
                  t('adminAudit.system')
                )}
                {role.success ? <span className="cell-sub">{t(`roles.${role.data}`)}</span> : null}
              </td>
              <td data-label={t('adminAudit.colAction')}>
                {auditActionLabel(entry.action, t)}
                <span className="cell-sub">
                  <code>{entry.action}</code>
                </span>
              </td>
              <td data-label={t('adminAudit.colTarget')}>
                {entry.targetType}
                {entry.targetId ? (
                  <span className="cell-sub" title={entry.targetId}>
                    <code>{shortId(entry.targetId)}</code>
                  </span>
                ) : null}
              </td>
              <td data-label={t('adminAudit.colIp')}>{entry.ip ?? '—'}</td>
              <td data-label={t('adminAudit.colDetails')}>
                {hasDetails ? (
                  <details>
                    <summary>{t('adminAudit.showDetails')}</summary>
                    <pre>{JSON.stringify(entry.details, null, 2)}</pre>
                  </details>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
