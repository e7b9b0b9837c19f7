import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type Commitment, confirmYear, endEarly, listCommitments, offerKeys } from '../../api/offers.api';
import { useSession } from '../../auth/use-session';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { useProgramTitles } from '../../lib/use-program-titles';
import '../../i18n/parts/offers';

/** `/commitments`: officers and employers see the commitments they oversee and confirm; an expert sees their own (lazy). */
export function CommitmentsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const scope = user?.role === 'expert' ? 'mine' : 'manage';
  const q = useQuery({ queryKey: [...offerKeys.commitments, scope], queryFn: () => listCommitments(scope) });
  usePageTitle(t('commitments.title'));
  return (
    <div className="page page-narrow">
      <h1>{t('commitments.title')}</h1>
      <p className="lead">{t('commitments.lead')}</p>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data?.items.length === 0 ? <p>{t('commitments.none')}</p> : null}
      <ul className="card-list">
        {q.data?.items.map((c) => (
          <CommitmentCard key={c.id} c={c} />
        ))}
      </ul>
    </div>
  );
}

function CommitmentCard({ c }: { c: Commitment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const programTitle = useProgramTitles(language);
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const refresh = () => client.invalidateQueries({ queryKey: offerKeys.commitments });
  const confirm = useMutation({ mutationFn: () => confirmYear(c.id, c.next!.year, ''), onSuccess: refresh });
  const exit = useMutation({ mutationFn: () => endEarly(c.id, date, reason), onSuccess: refresh });
  return (
    <li className="card" data-testid="commitment">
      <h2>
        {c.expertName} — {programTitle(c.programId, c.programCode)}
      </h2>
      <p>
        <strong>{t(`commitments.status.${c.status}`)}</strong> ·{' '}
        {t('commitments.start', { date: formatDate(c.startDate, language), years: c.years })}
      </p>
      <p>
        {t('commitments.employer')}: {c.employer || '—'}
      </p>
      <p>{t('commitments.confirmed', { years: c.confirmations.map((x) => x.year).join(', ') || '—' })}</p>
      {c.next ? <p>{t('commitments.next', { year: c.next.year, date: formatDate(c.next.dueDate, language) })}</p> : null}
      {c.can.includes('confirm') && c.next ? (
        <button type="button" onClick={() => confirm.mutate()} disabled={confirm.isPending}>
          {t('commitments.confirm', { year: c.next.year })}
        </button>
      ) : null}
      {confirm.isError ? <QueryError error={confirm.error} /> : null}
      {c.exit ? (
        <div>
          <p>
            {t('commitments.reason')}: {c.exit.reason} ({formatDate(c.exit.date, language)})
          </p>
          <p>
            {t('commitments.consequence')}: {language === 'vi' ? c.exit.consequence.text : c.exit.consequence.textEn}
          </p>
          <p>
            {c.exit.consequence.amountVnd !== null
              ? t('commitments.amount', { amount: c.exit.consequence.amountVnd.toLocaleString(language) })
              : t('commitments.toConfirm')}
            {c.exit.consequence.sourceUrl ? (
              <>
                {' '}
                <a href={c.exit.consequence.sourceUrl}>{t('commitments.source')}</a>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {c.can.includes('exit') ? (
        <details>
          <summary>{t('commitments.exit')}</summary>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              exit.mutate();
            }}
          >
            <label htmlFor={`exit-date-${c.id}`}>{t('commitments.exitDate')}</label>
            <input id={`exit-date-${c.id}`} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
            <label htmlFor={`exit-reason-${c.id}`}>{t('commitments.reason')}</label>
            <textarea id={`exit-reason-${c.id}`} value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
            <button type="submit" disabled={exit.isPending}>
              {t('commitments.exit')}
            </button>
            {exit.isError ? <QueryError error={exit.error} /> : null}
          </form>
        </details>
      ) : null}
    </li>
  );
}
