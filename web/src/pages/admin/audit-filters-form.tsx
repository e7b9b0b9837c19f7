import { listAuditQuerySchema, type ListAuditQuery } from '@hpen/server/contracts';
import { useQuery } from '@tanstack/react-query';
import { listAuditActions } from '../../api/admin.api';
import { SelectField, TextField } from '../../forms/fields';
import { useZodForm } from '../../forms/use-zod-form';
import { useTranslation } from '../../i18n/use-translation';
import { auditActionLabel } from './audit-labels';

export const auditFilterKeys = ['actor', 'action', 'targetType', 'targetId', 'actorUserId'] as const;
export type AuditFilters = Pick<ListAuditQuery, (typeof auditFilterKeys)[number]>;

/** Blank inputs mean "any", which the API spells as an absent parameter. */
function prepare(values: Record<(typeof auditFilterKeys)[number], string>) {
  const out: Record<string, string> = {};
  for (const key of auditFilterKeys) if (values[key].trim()) out[key] = values[key].trim();
  return out;
}

export function AuditFiltersForm({ filters, onApply }: { filters: AuditFilters; onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  // The actions the log holds, labelled and sorted by label (an unlabelled code sorts as itself).
  const actions = useQuery({ queryKey: ['admin', 'audit', 'actions'], queryFn: listAuditActions, staleTime: 60_000 });
  const actionOptions = (actions.data?.items ?? [])
    .map((code) => ({ value: code, label: auditActionLabel(code, t) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const form = useZodForm(
    listAuditQuerySchema,
    {
      actor: filters.actor ?? '',
      actorUserId: filters.actorUserId ?? '',
      action: filters.action ?? '',
      targetType: filters.targetType ?? '',
      targetId: filters.targetId ?? '',
    },
    { prepare },
  );
  return (
    <form className="filters" noValidate role="search" aria-label={t('adminUsers.filtersTitle')} onSubmit={form.handleSubmit(onApply)}>
      <SelectField
        {...form.field('action')}
        label={t('adminAudit.action')}
        placeholder={t('adminAudit.anyAction')}
        options={actionOptions}
      />
      <TextField {...form.field('actor')} label={t('adminAudit.actor')} hint={t('adminAudit.actorHint')} />
      <TextField {...form.field('targetType')} label={t('adminAudit.targetType')} />
      <TextField {...form.field('targetId')} label={t('adminAudit.targetId')} spellCheck={false} />
      {filters.actorUserId ? <TextField {...form.field('actorUserId')} label={t('adminAudit.actorUserId')} spellCheck={false} /> : null}
      <div className="filters-actions">
        <button type="submit" className="button-primary">
          {t('adminAudit.apply')}
        </button>
        <button
          type="button"
          className="button-ghost"
          onClick={() => {
            form.reset({ actor: '', actorUserId: '', action: '', targetType: '', targetId: '' });
            onApply({});
          }}
        >
          {t('adminAudit.clear')}
        </button>
      </div>
    </form>
  );
}
