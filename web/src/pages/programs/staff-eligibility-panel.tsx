import { useQuery } from '@tanstack/react-query';
import { getExpertEligibility, programKeys } from '../../api/programs.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { EligibilityCard } from './program-parts';
import '../../i18n/parts/programs';
import './programs.css';

/** Staff on an expert's page: which programs fit, from what the expert shares with agencies only (GET /api/experts/:id/eligibility). */
export function StaffEligibilityPanel({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const q = useQuery({ queryKey: programKeys.staff(profileId, language), queryFn: () => getExpertEligibility(profileId, language) });
  return (
    <section className="panel no-print programs" aria-labelledby="staff-eligibility" data-testid="staff-eligibility">
      <h2 id="staff-eligibility">{t('programs.staffTitle')}</h2>
      <p className="muted">{t('programs.staffLead')}</p>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data ? (
        <p className="muted" data-testid="staff-eligibility-as-of">
          {t('programs.asOf', { date: formatDate(q.data.asOf, language) })}
        </p>
      ) : null}
      {q.data?.programs.map((p) => (
        <EligibilityCard key={p.programId} p={p} links="none" />
      ))}
    </section>
  );
}
