import type { Shortlist } from '@hpen/server/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { deleteShortlist, downloadShortlistCsv, getShortlist, shortlistKeys, updateShortlist } from '../../api/shortlists.api';
import { Icon } from '../../components/icons';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { TextAreaField, TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDateTime } from '../../lib/format';
import { saveFile } from '../../lib/save-file';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { ShortlistItemCard } from './shortlist-item-card';

const isMissing = (error: unknown) => isApiError(error) && (error.status === 404 || error.status === 400);

/** One shortlist: its experts (agency view) with notes, rename/delete, CSV export. */
export function ShortlistPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const list = useQuery({ queryKey: shortlistKeys.one(id), queryFn: () => getShortlist(id) });
  usePageTitle(list.data?.name ?? (list.isError && isMissing(list.error) ? t('shortlists.notFoundTitle') : t('shortlists.title')));

  if (list.isPending) return <Loading />;
  if (list.isError) {
    if (isMissing(list.error)) return <ShortlistNotFound />;
    return (
      <div className="page">
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      </div>
    );
  }
  return <ShortlistView list={list.data} />;
}

function ShortlistView({ list }: { list: Shortlist }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="page shortlist-page">
      <p className="back-link">
        <Link to="/shortlists">
          <Icon name="chevronLeft" /> {t('shortlists.back')}
        </Link>
      </p>
      <div className="page-head">
        <h1 data-testid="shortlist-name">{list.name}</h1>
        <ExportButton list={list} />
      </div>
      {list.description ? <p className="lead shortlist-description">{list.description}</p> : null}
      <p className="muted">{t('shortlists.meta', { count: list.count, date: formatDateTime(list.updatedAt, language) })}</p>
      <EditShortlist key={list.id} list={list} />

      <section aria-labelledby="shortlist-items-title">
        <h2 id="shortlist-items-title">{t('shortlists.itemsTitle')}</h2>
        {list.items.length === 0 ? (
          <p className="panel">
            {t('shortlists.empty')} <Link to="/experts">{t('shortlists.findExperts')}</Link>
          </p>
        ) : (
          <ul className="shortlist-items">
            {list.items.map((item) => (
              <ShortlistItemCard key={item.profileId} listId={list.id} item={item} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The file comes through the API client (bearer token) and is saved as a blob. */
function ExportButton({ list }: { list: Shortlist }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: async () => {
      const file = await downloadShortlistCsv(list.id);
      saveFile(file);
      return file.filename;
    },
  });
  return (
    <div className="export-csv">
      <button
        type="button"
        className="button-primary"
        data-testid="export-csv"
        disabled={download.isPending || list.items.length === 0}
        aria-busy={download.isPending || undefined}
        onClick={() => download.mutate()}
      >
        {download.isPending ? <span className="spinner" aria-hidden="true" /> : <Icon name="download" />}
        {t('shortlists.exportCsv')}
      </button>
      <FormMessage kind="error">{download.isError ? describeError(download.error, t) : null}</FormMessage>
      <FormMessage kind="success">{download.isSuccess ? t('shortlists.exported', { file: download.data }) : null}</FormMessage>
    </div>
  );
}

function EditShortlist({ list }: { list: Shortlist }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useZodForm(async () => (await import('./shortlist-schemas')).shortlistPatchSchema, {
    name: list.name,
    description: list.description,
  });
  const save = useMutation({
    mutationFn: (body: { name?: string | undefined; description?: string | undefined }) => updateShortlist(list.id, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: shortlistKeys.all }),
    onError: form.applyError,
  });
  const remove = useMutation({
    mutationFn: () => deleteShortlist(list.id),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: shortlistKeys.one(list.id) });
      void queryClient.invalidateQueries({ queryKey: shortlistKeys.list });
      void navigate('/shortlists', { replace: true });
    },
  });
  return (
    <details className="panel shortlist-edit">
      <summary>{t('shortlists.edit')}</summary>
      <form className="form" noValidate onSubmit={form.handleSubmit((body) => save.mutate(body))}>
        <TextField {...form.field('name')} label={t('shortlists.name')} maxLength={120} autoComplete="off" />
        <TextAreaField {...form.field('description')} label={t('shortlists.description')} rows={3} maxLength={1000} />
        <FormMessage kind="error">{form.formError ?? (remove.isError ? describeError(remove.error, t) : null)}</FormMessage>
        <FormMessage kind="success">{save.isSuccess ? t('shortlists.saved') : null}</FormMessage>
        <div className="form-actions">
          <SubmitButton pending={save.isPending}>{t('shortlists.save')}</SubmitButton>
          <button
            type="button"
            className="button-danger"
            data-testid="delete-shortlist"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(t('shortlists.confirmDelete', { name: list.name }))) remove.mutate();
            }}
          >
            {t('shortlists.deleteList')}
          </button>
        </div>
      </form>
    </details>
  );
}

function ShortlistNotFound() {
  const { t } = useTranslation();
  return (
    <section className="page page-narrow" data-testid="not-found">
      <p className="status-code" aria-hidden="true">
        404
      </p>
      <h1>{t('shortlists.notFoundTitle')}</h1>
      <p>{t('shortlists.notFoundBody')}</p>
      <p>
        <Link to="/shortlists">{t('shortlists.back')}</Link>
      </p>
    </section>
  );
}
