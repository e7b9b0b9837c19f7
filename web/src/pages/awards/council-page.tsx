import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { awardKeys, myAssignments, myNominations } from '../../api/awards.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';

/** My nominations (made by me or my organisation, or naming me) with their states. */
export function MyNominationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const q = useQuery({ queryKey: awardKeys.mine, queryFn: myNominations });
  usePageTitle(t('awards.w.myNominations'));
  return (
    <div className="page awards">
      <div className="page-head">
        <h1>{t('awards.w.myNominations')}</h1>
        <Link className="button-primary" to="/awards/nominate">
          {t('awards.w.nominateTitle')}
        </Link>
      </div>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data?.items.length === 0 ? <p>{t('awards.w.noNominations')}</p> : null}
      {q.data?.items.length ? (
        <table className="data-table responsive-table">
          <thead>
            <tr>
              <th scope="col">{t('awards.w.workTitle')}</th>
              <th scope="col">{t('awards.w.award')}</th>
              <th scope="col">{t('awards.w.statusCol')}</th>
              <th scope="col">{t('awards.w.created')}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.items.map((n) => (
              <tr key={n.id} data-testid="my-nomination">
                <th scope="row">
                  <Link className="cell-title" to={`/awards/nominations/${n.id}`}>
                    {n.work.title}
                  </Link>
                </th>
                <td data-label={t('awards.w.award')}>
                  {language === 'en' ? n.awardTitleEn : n.awardTitle} {n.year}
                </td>
                <td data-label={t('awards.w.statusCol')}>
                  <span className={`badge status-${n.status}`}>{t(`awards.w.status.${n.status}`)}</span>
                  {n.phase && n.status === 'in_phase' ? ` (${t('awards.w.phaseN', { n: n.phase })})` : null}
                </td>
                <td data-label={t('awards.w.created')}>{formatDate(n.createdAt, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}

/**
 * The council workspace: my seats (award, year, phase, role, method, ballot kind, deadline), the
 * nominations assigned (recused ones marked, without scores), what I still owe, and my declarations of interest.
 */
export function CouncilPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const q = useQuery({ queryKey: awardKeys.assignments, queryFn: myAssignments });
  usePageTitle(t('awards.w.councilTitle'));
  const declarations = (q.data?.items ?? []).flatMap((s) =>
    s.nominations.filter((n) => n.recusal).map((n) => ({ seat: s, n, recusal: n.recusal! })),
  );
  return (
    <div className="page awards">
      <h1>{t('awards.w.councilTitle')}</h1>
      <p className="lead">{t('awards.w.councilLead')}</p>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data?.items.length === 0 ? <p>{t('awards.w.noSeats')}</p> : null}
      {q.data?.items.map((s) => (
        <section key={s.memberId} className="panel" data-testid="council-seat">
          <h2>
            {s.awardTitle} {s.year} — {t('awards.w.phaseN', { n: s.phase })}
          </h2>
          <p>
            {t('awards.w.myRole')}: <strong>{t(`awards.w.role.${s.role}`)}</strong> ·{' '}
            {s.method === 'ballot' ? t(`awards.w.method.ballot_${s.ballot}`) : t('awards.w.method.mean_score')}
            {s.endsAt ? ` · ${t('awards.w.deadline', { date: formatDate(s.endsAt, language) })}` : null}
          </p>
          {s.method === 'ballot' && s.ballot === 'secret' ? <p className="muted">{t('awards.w.secretBallot')}</p> : null}
          {s.role === 'secretary' || s.role === 'chair' ? (
            <p>
              <Link to={`/awards/console/${s.awardId}/${s.roundId}/${s.phase}`} data-testid="open-console">
                {t('awards.w.openConsole')}
              </Link>
            </p>
          ) : null}
          {s.nominations.length === 0 ? <p>{t('awards.w.noAssigned')}</p> : null}
          <ul className="card-list">
            {s.nominations.map((n) => (
              <li key={n.id} className="card" data-testid="assigned-nomination" data-recused={n.recused}>
                <Link to={`/awards/nominations/${n.id}`}>{n.workTitle}</Link>{' '}
                <span className={`badge status-${n.status}`}>{t(`awards.w.status.${n.status}`)}</span>{' '}
                {n.recused ? (
                  <span className="badge badge-warn">{t('awards.w.recused')}</span>
                ) : s.role === 'secretary' ? null : (
                  <span className={`badge ${(s.method === 'ballot' ? n.voted : n.scored) ? 'badge-ok' : ''}`}>
                    {s.method === 'ballot'
                      ? t(n.voted ? 'awards.w.voted' : 'awards.w.notVoted')
                      : t(n.scored ? 'awards.w.scored' : 'awards.w.notScored')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="panel" data-testid="declarations">
        <h2>{t('awards.w.declarations')}</h2>
        {declarations.length === 0 ? <p>{t('awards.w.noDeclarations')}</p> : null}
        <ul>
          {declarations.map(({ seat, n, recusal }) => (
            <li key={`${seat.memberId}-${n.id}`}>
              {n.workTitle} ({seat.awardTitle} {seat.year}, {t('awards.w.phaseN', { n: seat.phase })}):{' '}
              {recusal.codes.map((c) => t(`awards.w.conflict.${c}`, { defaultValue: c })).join(', ')}
              {recusal.evidence ? ` — ${recusal.evidence}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
