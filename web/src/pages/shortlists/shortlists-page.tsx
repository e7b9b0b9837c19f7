import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { createShortlist, listShortlists, shortlistKeys } from '../../api/shortlists.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { TextAreaField, TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { useTranslation } from '../../i18n/use-translation';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';

/** My shortlists: name, how many experts, when last changed; and a form for a new one. */
export function ShortlistsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const lists = useQuery({ queryKey: shortlistKeys.list, queryFn: listShortlists });
  usePageTitle(t('shortlists.title'));

  return (
    <div className="page shortlists-page">
      <div className="page-head">
        <h1>{t('shortlists.title')}</h1>
        <Link className="button-secondary" to="/experts">
          {t('shortlists.findExperts')}
        </Link>
      </div>
      <p className="lead">{t('shortlists.lead')}</p>
      <div className="shortlists-layout">
        <section className="panel" aria-labelledby="shortlists-list-title">
          <h2 id="shortlists-list-title" className="visually-hidden">
            {t('shortlists.title')}
          </h2>
          {lists.isPending ? <Loading /> : null}
          {lists.isError ? <QueryError error={lists.error} onRetry={() => void lists.refetch()} /> : null}
          {lists.data && lists.data.items.length === 0 ? <p data-testid="shortlists-empty">{t('shortlists.none')}</p> : null}
          {lists.data && lists.data.items.length > 0 ? (
            <table className="data-table responsive-table">
              <thead>
                <tr>
                  <th scope="col">{t('shortlists.colName')}</th>
                  <th scope="col">{t('shortlists.colCount')}</th>
                  <th scope="col">{t('shortlists.colUpdated')}</th>
                </tr>
              </thead>
              <tbody>
                {lists.data.items.map((list) => (
                  <tr key={list.id} data-testid="shortlist-row" data-id={list.id}>
                    <th scope="row">
                      <Link className="cell-title" to={`/shortlists/${list.id}`}>
                        {list.name}
                      </Link>
                      {list.description ? <span className="cell-sub">{list.description}</span> : null}
                    </th>
                    <td data-label={t('shortlists.colCount')}>{formatNumber(list.count, language)}</td>
                    <td data-label={t('shortlists.colUpdated')}>{formatDateTime(list.updatedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
        <CreateShortlistForm />
      </div>
    </div>
  );
}

function CreateShortlistForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(async () => (await import('./shortlist-schemas')).shortlistBodySchema, { name: '', description: '' });
  const create = useMutation({
    mutationFn: createShortlist,
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: shortlistKeys.all });
    },
    onError: form.applyError,
  });
  return (
    <section className="panel" aria-labelledby="shortlist-create-title">
      <h2 id="shortlist-create-title">{t('shortlists.createTitle')}</h2>
      <form className="form" noValidate onSubmit={form.handleSubmit((body) => create.mutate(body))}>
        <TextField
          {...form.field('name')}
          label={t('shortlists.name')}
          placeholder={t('shortlists.namePlaceholder')}
          maxLength={120}
          autoComplete="off"
        />
        <TextAreaField {...form.field('description')} label={t('shortlists.description')} rows={3} maxLength={1000} />
        <FormMessage kind="error">{form.formError}</FormMessage>
        <FormMessage kind="success">{create.isSuccess ? t('shortlists.created', { name: create.data.name }) : null}</FormMessage>
        <div className="form-actions">
          <SubmitButton pending={create.isPending}>{t('shortlists.create')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
