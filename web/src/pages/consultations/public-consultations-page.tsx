import { useQuery } from '@tanstack/react-query';
import { Link, Route, Routes, useParams } from 'react-router';
import { consultationKeys, getPublicConsultation, listPublicConsultations } from '../../api/consultations.api';
import type { PublicConsultation } from '@hpen/server/contracts';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import './consultations.css';
import '../../i18n/parts/consultations';

/** `/public/consultations/*`: the public record, for visitors too (lazy). */
export function PublicConsultationsArea() {
  return (
    <Routes>
      <Route index element={<PublicList />} />
      <Route path=":id" element={<PublicDetail />} />
    </Routes>
  );
}

function PublicList() {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: consultationKeys.public, queryFn: listPublicConsultations });
  usePageTitle(t('consultations.public.title'));
  return (
    <div className="page public-consultations">
      <div className="page-head">
        <h1>{t('consultations.public.title')}</h1>
        <a href="/api/public/consultations/feed.atom">{t('consultations.public.feed')}</a>
      </div>
      <p className="lead">{t('consultations.public.lead')}</p>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data?.items.length === 0 ? <p>{t('consultations.public.none')}</p> : null}
      <ul className="card-list">
        {q.data?.items.map((c) => (
          <li key={c.id} className="card" data-testid="public-consultation">
            <Summary c={c} link />
          </li>
        ))}
      </ul>
    </div>
  );
}

function PublicDetail() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const q = useQuery({ queryKey: [...consultationKeys.public, id], queryFn: () => getPublicConsultation(id) });
  usePageTitle(q.data?.title ?? t('consultations.public.title'));
  if (q.isPending) return <Loading />;
  if (q.isError) return <QueryError error={q.error} />;
  const c = q.data;
  return (
    <article className="page page-narrow">
      <Summary c={c} />
      {c.reply ? (
        <section>
          <h2>{t('consultations.detail.reply')}</h2>
          <p className="pre-line">{c.reply.accepted}</p>
          <p className="pre-line">{c.reply.notAccepted}</p>
          <p className="pre-line">{c.reply.explanation}</p>
        </section>
      ) : null}
      {c.panel.length ? (
        <section>
          <h2>{t('consultations.public.panel')}</h2>
          <ul>
            {c.panel.map((m) => (
              <li key={m.profileId}>
                <Link to={`/experts/${m.profileId}`}>{m.name}</Link> · {t(`consultations.role.${m.role}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

function Summary({ c, link }: { c: PublicConsultation; link?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const Title = link ? 'h2' : 'h1';
  return (
    <>
      <p className="eyebrow">{t(`consultations.kind.${c.kind}`)}</p>
      <Title>{link ? <Link to={`/public/consultations/${c.id}`}>{c.title}</Link> : c.title}</Title>
      <p>
        {t('consultations.public.requester')}: {c.requester} · {t('consultations.public.organiser')}: {c.organiser} ·{' '}
        {t('consultations.public.closedAt')}: {formatDate(c.closedAt, language)}
      </p>
      <p className="pre-line">{c.reportSummary}</p>
    </>
  );
}
