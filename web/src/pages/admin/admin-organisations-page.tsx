import { createOrganisationBodySchema, organisationKindSchema } from '@hpen/server/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createOrganisation } from '../../api/organisations.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { organisationsKey, useOrganisationOptions } from '../../components/use-organisations';
import { SelectField, TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { useTranslation } from '../../i18n/use-translation';
import { organisationName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';

const empty = { code: '', kind: '', nameVi: '', nameEn: '', parentId: '' };

export function AdminOrganisationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const { options, query } = useOrganisationOptions();
  usePageTitle(t('adminOrganisations.title'));
  const form = useZodForm(createOrganisationBodySchema, empty, {
    prepare: (values) => ({ ...values, parentId: values.parentId || undefined }),
  });
  const mutation = useMutation({
    mutationFn: createOrganisation,
    onError: form.applyError,
    onSuccess: () => {
      form.reset();
      return queryClient.invalidateQueries({ queryKey: organisationsKey });
    },
  });
  const kinds = organisationKindSchema.options.map((kind) => ({ value: kind, label: t(`organisationKinds.${kind}`) }));
  const items = query.data?.items ?? [];

  return (
    <div className="page page-wide">
      <h1>{t('adminOrganisations.title')}</h1>
      <p className="muted">{t('adminOrganisations.intro')}</p>
      <section className="panel" aria-labelledby="org-create-title">
        <h2 id="org-create-title">{t('adminOrganisations.createTitle')}</h2>
        <form
          className="form form-grid"
          noValidate
          onSubmit={form.handleSubmit((data) => {
            mutation.reset();
            mutation.mutate(data);
          })}
        >
          <FormMessage kind="error">{form.formError}</FormMessage>
          <FormMessage kind="success">
            {mutation.isSuccess ? t('adminOrganisations.created', { name: organisationName(mutation.data, language) }) : null}
          </FormMessage>
          <TextField {...form.field('nameVi')} label={t('adminOrganisations.nameVi')} lang="vi" required />
          <TextField {...form.field('nameEn')} label={t('adminOrganisations.nameEn')} lang="en" required />
          <TextField {...form.field('code')} label={t('adminOrganisations.code')} spellCheck={false} autoCapitalize="off" required />
          <SelectField {...form.field('kind')} label={t('adminOrganisations.kind')} placeholder="—" options={kinds} required />
          <SelectField
            {...form.field('parentId')}
            label={t('adminOrganisations.parent')}
            placeholder={t('adminOrganisations.noParent')}
            options={options}
          />
          <div className="form-actions">
            <SubmitButton pending={mutation.isPending}>{t('adminOrganisations.submit')}</SubmitButton>
          </div>
        </form>
      </section>
      <section className="panel">
        {query.isPending ? <Loading /> : null}
        {query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.isSuccess && items.length === 0 ? <p>{t('adminOrganisations.none')}</p> : null}
        {items.length > 0 ? (
          <table className="data-table responsive-table">
            <thead>
              <tr>
                <th scope="col">{t('adminOrganisations.colName')}</th>
                <th scope="col">{t('adminOrganisations.colCode')}</th>
                <th scope="col">{t('adminOrganisations.colKind')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((organisation) => (
                <tr key={organisation.id}>
                  <th scope="row" data-label={t('adminOrganisations.colName')}>
                    <span className="cell-title">{organisationName(organisation, language)}</span>
                    <span className="cell-sub" lang={language === 'vi' ? 'en' : 'vi'}>
                      {language === 'vi' ? organisation.nameEn : organisation.nameVi}
                    </span>
                  </th>
                  <td data-label={t('adminOrganisations.colCode')}>
                    <code>{organisation.code}</code>
                  </td>
                  <td data-label={t('adminOrganisations.colKind')}>{t(`organisationKinds.${organisation.kind}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}
