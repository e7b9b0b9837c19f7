import { verificationItemTypes, verificationStatuses } from '@hpen/server/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { curationKeys, listQueue, type QueueItem, type QueueQuery } from '../../api/curation.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { SelectField, TextField } from '../../forms/fields';
import { useTranslation } from '../../i18n/use-translation';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { ageClass, ageLabel, itemSummary, verifierName } from '../../components/curation/curation-labels';
import { VerificationStatusBadge } from '../../components/curation/status-badges';
import { useAssociations, useScopedAssociationOptions } from './use-curation';

type Filters = Record<'status' | 'itemType' | 'associationId' | 'minAgeDays', string>;

/** The URL holds the filters, so a filtered queue can be bookmarked and survives a reload. */
function filtersFrom(params: URLSearchParams): Filters {
  return {
    status: params.get('status') ?? '',
    itemType: params.get('itemType') ?? '',
    associationId: params.get('associationId') ?? '',
    minAgeDays: params.get('minAgeDays') ?? '',
  };
}

/** The shared contract reads the URL's filters (one it rejects lists everything); zod comes with the first list, not the page. */
async function queryFrom(filters: Filters): Promise<QueueQuery> {
  const { queueQuerySchema } = await import('./decision-schemas');
  const parsed = queueQuerySchema.safeParse(Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')));
  return parsed.success ? parsed.data : {};
}

export function VerificationQueuePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const applied = filtersFrom(params);
  const [draft, setDraft] = useState<Filters>(applied);
  const queue = useQuery({ queryKey: curationKeys.queue(applied), queryFn: async () => listQueue(await queryFrom(applied)) });
  const { options: associationOptions } = useScopedAssociationOptions();
  usePageTitle(t('curation.queue.title'));

  const set = (name: keyof Filters) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: event.target.value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '')));
  };
  const clear = () => {
    setDraft(filtersFrom(new URLSearchParams()));
    setParams({});
  };

  return (
    <>
      <h1>{t('curation.queue.title')}</h1>
      <p className="muted">{t('curation.queue.intro')}</p>
      <form className="filters panel" onSubmit={apply} role="search">
        <SelectField
          name="status"
          label={t('curation.queue.status')}
          value={draft.status || 'pending'}
          onChange={set('status')}
          options={verificationStatuses.map((s) => ({ value: s, label: t(`verification.status.${s}`) }))}
        />
        <SelectField
          name="itemType"
          label={t('curation.queue.itemType')}
          value={draft.itemType}
          onChange={set('itemType')}
          placeholder={t('curation.queue.anyType')}
          options={verificationItemTypes.map((type) => ({ value: type, label: t(`verification.itemTypeShort.${type}`) }))}
        />
        {associationOptions.length > 1 ? (
          <SelectField
            name="associationId"
            label={t('curation.queue.associationId')}
            value={draft.associationId}
            onChange={set('associationId')}
            placeholder={t('curation.queue.anyAssociation')}
            options={associationOptions}
          />
        ) : null}
        <TextField
          name="minAgeDays"
          type="number"
          inputMode="numeric"
          min={0}
          max={3650}
          label={t('curation.queue.minAgeDays')}
          value={draft.minAgeDays}
          onChange={set('minAgeDays')}
        />
        <div className="filters-actions">
          <button type="submit" className="button-primary">
            {t('curation.queue.apply')}
          </button>
          <button type="button" className="button-ghost" onClick={clear}>
            {t('curation.queue.clear')}
          </button>
        </div>
      </form>
      <section className="panel">
        {queue.isPending ? <Loading /> : null}
        {queue.isError ? <QueryError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
        {queue.data ? (
          <>
            <p className="results-count" role="status">
              {t('curation.queue.results', { count: queue.data.items.length })}
            </p>
            {queue.data.items.length === 0 ? <p>{t('curation.queue.none')}</p> : <QueueTable items={queue.data.items} />}
          </>
        ) : null}
      </section>
    </>
  );
}

function QueueTable({ items }: { items: QueueItem[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const associations = useAssociations().data?.items;
  return (
    <table className="data-table responsive-table">
      <thead>
        <tr>
          <th scope="col">{t('curation.queue.colExpert')}</th>
          <th scope="col">{t('curation.queue.colItem')}</th>
          <th scope="col">{t('curation.queue.colAssociation')}</th>
          <th scope="col">{t('curation.queue.colAge')}</th>
          <th scope="col">{t('curation.queue.colStatus')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-testid="verification-row" data-status={item.status}>
            <th scope="row" data-label={t('curation.queue.colExpert')}>
              <Link className="cell-title" to={`/curation/verifications/${item.id}`} data-testid="open-verification">
                {item.fullName}
              </Link>
              <span className="cell-sub">{t('curation.queue.files', { count: item.files.length })}</span>
            </th>
            <td data-label={t('curation.queue.colItem')}>
              <span className="cell-title">{t(`verification.itemTypeShort.${item.itemType}`)}</span>
              <span className="cell-sub">{itemSummary(t, language, item.itemType, item.snapshot)}</span>
            </td>
            <td data-label={t('curation.queue.colAssociation')}>
              {verifierName(t, language, associations, item.associationId, item.associationName)}
            </td>
            <td data-label={t('curation.queue.colAge')}>
              <span className={`badge ${ageClass(item.ageDays)}`}>{ageLabel(t, item.ageDays)}</span>
            </td>
            <td data-label={t('curation.queue.colStatus')}>
              <VerificationStatusBadge status={item.status} />
              <Link className="button-secondary button-small row-action" to={`/curation/verifications/${item.id}`}>
                {t('curation.queue.review')}
                <span className="visually-hidden"> {item.fullName}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
