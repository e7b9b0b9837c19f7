import { useQuery } from '@tanstack/react-query';
import { Link, Route, Routes } from 'react-router';
import { consultationKeys, listConsultations } from '../../api/consultations.api';
import { RequireAuth } from '../../auth/guards';
import { isStaff } from '../../auth/staff';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { NotFoundPage } from '../not-found-page';
import { ConsultationDetailPage } from './consultation-detail-page';
import { CreateConsultationForm } from './create-consultation-form';
import { InvitationsPage } from './invitations-page';
import './consultations.css';
import '../../i18n/parts/consultations';

/** `/consultations/*`, loaded lazily: the visitor's first page does not carry it. */
export function ConsultationsArea() {
  return (
    <RequireAuth>
      <Routes>
        <Route index element={<ConsultationsPage />} />
        <Route path="invitations" element={<InvitationsPage />} />
        <Route path=":id" element={<ConsultationDetailPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireAuth>
  );
}

function ConsultationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const staff = isStaff(useSession().user);
  const cases = useQuery({ queryKey: consultationKeys.list, queryFn: listConsultations });
  usePageTitle(t('consultations.title'));
  return (
    <div className="page consultations-page">
      <div className="page-head">
        <h1>{t('consultations.title')}</h1>
        <Link className="button-secondary" to="/consultations/invitations">
          {t('consultations.invitationsNav')}
        </Link>
      </div>
      <p className="lead">{t('consultations.lead')}</p>
      <div className="consultations-layout">
        <section className="panel" aria-label={t('consultations.title')}>
          {cases.isPending ? <Loading /> : null}
          {cases.isError ? <QueryError error={cases.error} onRetry={() => void cases.refetch()} /> : null}
          {cases.data?.items.length === 0 ? <p>{t('consultations.none')}</p> : null}
          {cases.data && cases.data.items.length > 0 ? (
            <table className="data-table responsive-table">
              <thead>
                <tr>
                  <th scope="col">{t('consultations.colTitle')}</th>
                  <th scope="col">{t('consultations.colKind')}</th>
                  <th scope="col">{t('consultations.colStatus')}</th>
                  <th scope="col">{t('consultations.colDue')}</th>
                  <th scope="col">{t('consultations.colRole')}</th>
                </tr>
              </thead>
              <tbody>
                {cases.data.items.map((c) => (
                  <tr key={c.id} data-testid="consultation-row">
                    <th scope="row">
                      <Link className="cell-title" to={`/consultations/${c.id}`}>
                        {c.title}
                      </Link>
                    </th>
                    <td data-label={t('consultations.colKind')}>{t(`consultations.kind.${c.kind}`)}</td>
                    <td data-label={t('consultations.colStatus')}>
                      <span className={`badge status-${c.status}`}>{t(`consultations.status.${c.status}`)}</span>
                    </td>
                    <td data-label={t('consultations.colDue')}>{formatDate(c.dueAt, language)}</td>
                    <td data-label={t('consultations.colRole')}>
                      {t(`consultations.myRole.${c.myRole as 'organiser' | 'requester' | 'member'}`)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
        {staff ? <CreateConsultationForm /> : null}
      </div>
    </div>
  );
}
