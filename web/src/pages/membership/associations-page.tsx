import { Link } from 'react-router';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber, organisationName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { memberAssociations, useAssociations } from '../../components/curation/use-associations';
import '../../i18n/parts/curation';

/** Public: the Union and its member associations with their numbers of members. */
export function AssociationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const associations = useAssociations();
  usePageTitle(t('associations.title'));
  const items = associations.data?.items ?? [];
  const union = items.find((a) => a.kind === 'union');
  const members = memberAssociations(items).sort((a, b) =>
    organisationName(a, language).localeCompare(organisationName(b, language), language),
  );
  const total = members.reduce((sum, a) => sum + a.members, 0);
  const isExpert = session.user?.role === 'expert';
  const n = (value: number) => formatNumber(value, language);

  return (
    <div className="page">
      <h1>{t('associations.title')}</h1>
      <p className="lead">{t('associations.intro')}</p>
      {associations.isPending ? <Loading /> : null}
      {associations.isError ? <QueryError error={associations.error} onRetry={() => void associations.refetch()} /> : null}
      {union ? (
        <section className="panel union-card" data-testid="union">
          <h2>{organisationName(union, language)}</h2>
          <p className="muted">{t('associations.unionSummary', { associations: n(members.length), members: n(total) })}</p>
        </section>
      ) : null}
      {associations.isSuccess ? (
        <section className="panel" aria-labelledby="associations-list">
          <h2 id="associations-list">{t('associations.listTitle')}</h2>
          {members.length === 0 ? <p>{t('associations.none')}</p> : null}
          {members.length > 0 ? (
            <table className="data-table responsive-table">
              <thead>
                <tr>
                  <th scope="col">{t('associations.colName')}</th>
                  <th scope="col">{t('associations.colMembers')}</th>
                  {isExpert ? <th scope="col">{t('associations.colActions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {members.map((a) => (
                  <tr key={a.id} data-testid="association-row" data-code={a.code}>
                    <th scope="row" data-label={t('associations.colName')}>
                      <span className="cell-title">{organisationName(a, language)}</span>
                      <span className="cell-sub" lang={language === 'vi' ? 'en' : 'vi'}>
                        {language === 'vi' ? a.nameEn : a.nameVi}
                      </span>
                    </th>
                    <td data-label={t('associations.colMembers')} data-testid="association-members">
                      {n(a.members)}
                    </td>
                    {isExpert ? (
                      <td data-label={t('associations.colActions')}>
                        <Link className="button-secondary button-small" to={`/account/memberships?apply=${a.id}`}>
                          {t('associations.apply')}
                          <span className="visually-hidden"> {organisationName(a, language)}</span>
                        </Link>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {session.status === 'anonymous' ? <p className="muted">{t('associations.signInToApply')}</p> : null}
          {isExpert ? (
            <p>
              <Link to="/account/memberships">{t('associations.myAssociations')}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
