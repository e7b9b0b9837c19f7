import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, NavLink, Route, Routes, useParams } from 'react-router';
import { awardKeys, getAward, getHonourRoll, getRoundPage, listAwards } from '../../api/awards.api';
import { RequireAuth } from '../../auth/guards';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import '../../i18n/parts/awards';
import './awards.css';

// The working pages (wizard, nomination, council workspace, secretary console) are their own chunks.
const NominatePage = lazy(async () => ({ default: (await import('./nominate-page')).NominatePage }));
const NominationPage = lazy(async () => ({ default: (await import('./nomination-page')).NominationPage }));
const MyNominationsPage = lazy(async () => ({ default: (await import('./council-page')).MyNominationsPage }));
const CouncilPage = lazy(async () => ({ default: (await import('./council-page')).CouncilPage }));
const SecretariatPage = lazy(async () => ({ default: (await import('./console-page')).SecretariatPage }));
const ConsolePage = lazy(async () => ({ default: (await import('./console-page')).ConsolePage }));

const work = (element: React.ReactNode) => (
  <RequireAuth>
    <Suspense fallback={<Loading />}>{element}</Suspense>
  </RequireAuth>
);

/** `/awards/*`: the public catalogue, award and round pages, the honour roll and printable certificates (lazy); the working pages for those signed in. */
export function AwardsArea() {
  return (
    <>
      <AwardsNav />
      <Routes>
        <Route index element={<Catalogue />} />
        <Route path="honour-roll" element={<HonourRollPage />} />
        <Route path="certificate/:nominationId" element={<Certificate />} />
        <Route path="nominate" element={work(<NominatePage />)} />
        <Route path="mine" element={work(<MyNominationsPage />)} />
        <Route path="nominations/:nominationId" element={work(<NominationPage />)} />
        <Route path="council" element={work(<CouncilPage />)} />
        <Route path="secretariat" element={work(<SecretariatPage />)} />
        <Route path="console/:id/:roundId/:phase" element={work(<ConsolePage />)} />
        <Route path=":id" element={<AwardPage />} />
        <Route path=":id/rounds/:roundId" element={<RoundPage />} />
      </Routes>
    </>
  );
}

/** The area's own menu: public pages for everyone, the working pages for the roles that use them. */
function AwardsNav() {
  const { t } = useTranslation();
  const user = useSession().user;
  const officer = user?.role === 'officer' || user?.role === 'admin';
  return (
    <nav className="awards-nav" aria-label={t('awards.w.menu')}>
      <ul>
        <li>
          <NavLink to="/awards" end>
            {t('awards.title')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/awards/honour-roll">{t('awards.honourRoll')}</NavLink>
        </li>
        {user ? (
          <>
            <li>
              <NavLink to="/awards/mine" data-testid="awards-nav-mine">
                {t('awards.w.myNominations')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/awards/nominate" data-testid="awards-nav-nominate">
                {t('awards.w.nominateTitle')}
              </NavLink>
            </li>
          </>
        ) : null}
        {user?.role === 'expert' ? (
          <li>
            <NavLink to="/awards/council" data-testid="awards-nav-council">
              {t('awards.w.councilTitle')}
            </NavLink>
          </li>
        ) : null}
        {officer ? (
          <li>
            <NavLink to="/awards/secretariat" data-testid="awards-nav-secretariat">
              {t('awards.w.secretariat')}
            </NavLink>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

function Catalogue() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: awardKeys.all, queryFn: listAwards });
  usePageTitle(t('awards.title'));
  return (
    <div className="page awards">
      <div className="page-head">
        <h1>{t('awards.title')}</h1>
        <Link to="/awards/honour-roll">{t('awards.honourRoll')}</Link>
      </div>
      <p className="lead">{t('awards.lead')}</p>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      <ul className="card-list">
        {q.data?.items.map((a) => (
          <li key={a.id} className="card" data-testid="award">
            <h2>
              <Link to={`/awards/${a.id}`}>{a.title}</Link>
            </h2>
            <p>
              {t('awards.organiser')}: {a.organiser}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function AwardPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const q = useQuery({ queryKey: [...awardKeys.all, id], queryFn: () => getAward(id) });
  usePageTitle(q.data?.title ?? t('awards.title'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} />;
  const a = q.data;
  return (
    <article className="page page-narrow awards">
      <h1>{a.title}</h1>
      <p>
        {t('awards.organiser')}: {a.definition.organiser}
      </p>
      <h2>{t('awards.legalBasis')}</h2>
      <ul>
        {a.definition.legalBasis.map((l) => (
          <li key={l.document}>
            {l.link ? <a href={l.link}>{l.document}</a> : l.document} {l.article} [{l.certainty}]
          </li>
        ))}
      </ul>
      <h2>{t('awards.phases')}</h2>
      <ol>
        {a.definition.phases.map((p) => (
          <li key={p.n}>{p.nameVi}</li>
        ))}
      </ol>
      <h2>{t('awards.criteria')}</h2>
      <ul>
        {a.definition.criteria.map((c) => (
          <li key={c.code}>
            {c.titleVi} ({c.weight}%, {c.min}–{c.max})
          </li>
        ))}
      </ul>
      <h2>{t('awards.rounds')}</h2>
      <ul className="card-list">
        {a.rounds.map((r) => (
          <li key={r.id} className="card" data-testid="award-round">
            <Link to={`/awards/${a.id}/rounds/${r.id}`}>{t('awards.round', { year: r.year })}</Link> — {t(`awards.status.${r.status}`)}
          </li>
        ))}
      </ul>
    </article>
  );
}

function RoundPage() {
  const { t } = useTranslation();
  const { id = '', roundId = '' } = useParams();
  const language = useLanguage();
  const q = useQuery({ queryKey: [...awardKeys.all, id, roundId], queryFn: () => getRoundPage(id, roundId) });
  usePageTitle(q.data ? `${q.data.award.title} ${q.data.round.year}` : t('awards.title'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} />;
  const { award, round, results, nominationCount } = q.data;
  return (
    <article className="page page-narrow awards">
      <h1>
        {award.title} — {t('awards.round', { year: round.year })}
      </h1>
      <p>
        {t('awards.plan')}: {round.planReference}
      </p>
      <p>
        {t('awards.window', { from: formatDate(round.nominationOpensAt, language), to: formatDate(round.nominationClosesAt, language) })}
      </p>
      <p>{t('awards.nominations', { count: nominationCount })}</p>
      <h2>{t('awards.phases')}</h2>
      <ol>
        {round.phases.map((p) => (
          <li key={p.n}>
            {award.definition.phases.find((d) => d.n === p.n)?.nameVi}: {formatDate(p.startsAt, language)} –{' '}
            {formatDate(p.endsAt, language)}
          </li>
        ))}
      </ol>
      <h2>{t('awards.results')}</h2>
      {round.decision ? (
        <p>
          {t('awards.decision', {
            number: round.decision.number,
            date: formatDate(round.decision.date, language),
            signer: round.decision.signer,
          })}
        </p>
      ) : null}
      {!round.published ? <p>{t('awards.notPublished')}</p> : null}
      <ul className="card-list">
        {results.map((r) => (
          <li key={r.nominationId} className="card">
            <strong>{r.workTitle}</strong> — {r.nominees.map((n) => n.name).join(', ')}
          </li>
        ))}
      </ul>
    </article>
  );
}

function HonourRollPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const q = useQuery({ queryKey: awardKeys.roll, queryFn: getHonourRoll });
  usePageTitle(t('awards.honourRoll'));
  return (
    <div className="page awards">
      <h1>{t('awards.honourRoll')}</h1>
      <p className="lead">{t('awards.honourLead')}</p>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data?.items.length === 0 ? <p>{t('awards.none')}</p> : null}
      <ul className="card-list">
        {q.data?.items.map((i) => (
          <li key={i.nominationId} id={`n-${i.nominationId}`} className="card" data-testid="honour-roll-item">
            <p className="muted">
              {i.awardTitle} {i.year}
            </p>
            <h2>{i.workTitle}</h2>
            <p>
              {i.nominees.map((n, k) => (
                <span key={k}>
                  {k ? ', ' : ''}
                  {n.profileId ? <Link to={`/experts/${n.profileId}`}>{n.name}</Link> : n.name}
                </span>
              ))}
            </p>
            <p>
              {t('awards.decision', { number: i.decision.number, date: formatDate(i.decision.date, language), signer: i.decision.signer })}
            </p>
            <Link to={`/awards/certificate/${i.nominationId}`}>{t('awards.certificate')}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Certificate() {
  const { t } = useTranslation();
  const nominationId = useParams().nominationId ?? '';
  const language = useLanguage();
  const q = useQuery({ queryKey: awardKeys.roll, queryFn: getHonourRoll });
  const item = q.data?.items.find((i) => i.nominationId === nominationId);
  usePageTitle(t('awards.certificate'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} />;
  if (!item) return <p className="page">{t('awards.none')}</p>;
  return (
    <article className="page certificate" data-testid="certificate">
      <p className="certificate-issuer">UBND THÀNH PHỐ HẢI PHÒNG</p>
      <h1>{item.awardTitle}</h1>
      <p>
        {t('awards.certifies')} <strong>{item.nominees.map((n) => n.name).join(', ')}</strong>
      </p>
      <p>
        {t('awards.forWork')} «{item.workTitle}»
      </p>
      <p>
        {t('awards.decision', {
          number: item.decision.number,
          date: formatDate(item.decision.date, language),
          signer: item.decision.signer,
        })}
      </p>
      <button type="button" className="no-print" onClick={() => window.print()}>
        {t('awards.print')}
      </button>
    </article>
  );
}
