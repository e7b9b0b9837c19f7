import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Breach, listBreaches, recordBreach, updateBreach } from '../../api/privacy.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDateTime } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import '../../i18n/parts/privacy';

/** /admin/privacy/breaches: the register with each breach's 72-hour notification clock. */
export function AdminBreachesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  usePageTitle(t('privacy.breachesTitle'));
  const client = useQueryClient();
  const breaches = useQuery({ queryKey: ['admin', 'breaches'], queryFn: listBreaches });
  const refresh = () => void client.invalidateQueries({ queryKey: ['admin', 'breaches'] });
  const [form, setForm] = useState({ title: '', description: '', categories: '', people: '', detectedAt: '' });
  const create = useMutation({
    mutationFn: () =>
      recordBreach({
        title: form.title,
        description: form.description,
        dataCategories: form.categories
          .split(',')
          .map((c) => c.trim())
          .filter(Boolean),
        peopleAffected: form.people ? Number(form.people) : null,
        detectedAt: new Date(form.detectedAt || Date.now()).toISOString(),
      }),
    onSuccess: () => {
      setForm({ title: '', description: '', categories: '', people: '', detectedAt: '' });
      refresh();
    },
  });
  const update = useMutation({ mutationFn: ({ id, body }: { id: string; body: object }) => updateBreach(id, body), onSuccess: refresh });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <div className="page admin-breaches-page">
      <h1>{t('privacy.breachesTitle')}</h1>
      <p className="lead">{t('privacy.breachesIntro')}</p>
      {breaches.isPending ? <Loading /> : null}
      {breaches.isError ? <QueryError error={breaches.error} onRetry={() => void breaches.refetch()} /> : null}
      {breaches.data && breaches.data.items.length === 0 ? <p>{t('privacy.breachesNone')}</p> : null}
      {breaches.data && breaches.data.items.length > 0 ? (
        <table className="data-table responsive-table" data-testid="breaches-table">
          <thead>
            <tr>
              <th scope="col">{t('privacy.breachWhat')}</th>
              <th scope="col">{t('privacy.breachDetected')}</th>
              <th scope="col">{t('privacy.breachNotifyBy')}</th>
              <th scope="col">{t('privacy.colStatus')}</th>
              <th scope="col">{t('privacy.breachNotified')}</th>
            </tr>
          </thead>
          <tbody>
            {breaches.data.items.map((b: Breach) => (
              <tr key={b.id} data-testid="breach-row" className={b.overdue ? 'row-overdue' : undefined}>
                <th scope="row" data-label={t('privacy.breachWhat')}>
                  {b.title}
                  <small className="muted block">
                    {b.dataCategories.join(', ')} {b.peopleAffected !== null ? `· ${b.peopleAffected}` : ''}
                  </small>
                </th>
                <td data-label={t('privacy.breachDetected')}>{formatDateTime(b.detectedAt, language)}</td>
                <td data-label={t('privacy.breachNotifyBy')}>
                  {formatDateTime(b.notifyBy, language)}
                  {b.overdue ? <strong> {t('privacy.overdue')}</strong> : null}
                </td>
                <td data-label={t('privacy.colStatus')}>{t(`privacy.breachStatuses.${b.status}`)}</td>
                <td data-label={t('privacy.breachNotified')}>
                  {b.authorityNotifiedAt ? `${formatDateTime(b.authorityNotifiedAt, language)} — ${b.notifiedParties}` : null}
                  {!b.authorityNotifiedAt && b.status !== 'closed' ? (
                    <button
                      type="button"
                      className="button-small"
                      onClick={() =>
                        update.mutate({
                          id: b.id,
                          body: { authorityNotifiedAt: new Date().toISOString(), notifiedParties: 'A05 – Bộ Công an' },
                        })
                      }
                    >
                      {t('privacy.breachMarkNotified')}
                    </button>
                  ) : null}
                  {b.status !== 'closed' ? (
                    <button
                      type="button"
                      className="button-secondary button-small"
                      onClick={() => update.mutate({ id: b.id, body: { status: 'closed' } })}
                    >
                      {t('privacy.breachClose')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {update.isError ? <QueryError error={update.error} /> : null}

      <form
        className="form panel"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h2>{t('privacy.breachNew')}</h2>
        {create.isError ? <QueryError error={create.error} /> : null}
        <div className="field">
          <label htmlFor="breach-title">{t('privacy.breachWhat')}</label>
          <input id="breach-title" required minLength={3} value={form.title} onChange={set('title')} />
        </div>
        <div className="field">
          <label htmlFor="breach-description">{t('privacy.breachDescription')}</label>
          <textarea id="breach-description" rows={3} value={form.description} onChange={set('description')} />
        </div>
        <div className="field">
          <label htmlFor="breach-categories">{t('privacy.breachCategories')}</label>
          <input id="breach-categories" value={form.categories} onChange={set('categories')} />
        </div>
        <div className="field">
          <label htmlFor="breach-people">{t('privacy.breachPeople')}</label>
          <input id="breach-people" type="number" min={0} value={form.people} onChange={set('people')} />
        </div>
        <div className="field">
          <label htmlFor="breach-detected">{t('privacy.breachDetected')}</label>
          <input id="breach-detected" type="datetime-local" value={form.detectedAt} onChange={set('detectedAt')} />
        </div>
        <button type="submit" disabled={create.isPending}>
          {t('privacy.breachNew')}
        </button>
      </form>
    </div>
  );
}
