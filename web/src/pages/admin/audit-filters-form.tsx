import { listAuditQuerySchema, type ListAuditQuery } from '@hpen/server/contracts';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../forms/fields';
import { useZodForm } from '../../forms/use-zod-form';

export const auditFilterKeys = ['actorUserId', 'action', 'targetType', 'targetId'] as const;
export type AuditFilters = Pick<ListAuditQuery, (typeof auditFilterKeys)[number]>;

/** Blank inputs mean "any", which the API spells as an absent parameter. */
function prepare(values: Record<(typeof auditFilterKeys)[number], string>) {
  const out: Record<string, string> = {};
  for (const key of auditFilterKeys) if (values[key].trim()) out[key] = values[key].trim();
  return out;
}

export function AuditFiltersForm({ filters, onApply }: { filters: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const form = useZodForm(
    listAuditQuerySchema,
    {
      actorUserId: filters.actorUserId ?? '',
      action: filters.action ?? '',
      targetType: filters.targetType ?? '',
      targetId: filters.targetId ?? '',
    },
    { prepare },
  );
  return (
    <form className="filters" noValidate role="search" aria-label={t('adminUsers.filtersTitle')} onSubmit={form.handleSubmit(onApply)}>
      <TextField {...form.field('action')} label={t('adminAudit.action')} placeholder="auth.sign_in" />
      <TextField {...form.field('targetType')} label={t('adminAudit.targetType')} placeholder="user" />
      <TextField {...form.field('targetId')} label={t('adminAudit.targetId')} />
      <TextField {...form.field('actorUserId')} label={t('adminAudit.actorUserId')} spellCheck={false} />
      <div className="filters-actions">
        <button type="submit" className="button-primary">
          {t('adminAudit.apply')}
        </button>
        <button
          type="button"
          className="button-ghost"
          onClick={() => {
            form.reset({ actorUserId: '', action: '', targetType: '', targetId: '' });
            onApply({});
          }}
        >
          {t('adminAudit.clear')}
        </button>
      </div>
    </form>
  );
}
