import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { findEligibleExperts } from '../../api/offers.api';
import { getProgram, programKeys } from '../../api/programs.api';
import { Loading } from '../../components/loading';
import { Pagination } from '../../components/pagination';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate, formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { useOpenPrograms } from '../../lib/use-program-titles';
import '../../i18n/parts/eligible-search';

/**
 * Staff: "eligible for program X" beside the text search, loaded only when opened (the search
 * page's first load stays small). Its state is in the URL: `eligibleFor`, `nearly`, `epage`.
 */
export default function EligibleView() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const programId = params.get('eligibleFor') ?? '';
  const nearly = params.get('nearly') === 'true';
  const page = Math.max(1, Number(params.get('epage') ?? '1') || 1);
  const set = (changes: Record<string, string | null>) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) next.delete(k);
        else next.set(k, v);
      }
      return next;
    });
  const programs = useOpenPrograms();
  const program = useQuery({ queryKey: programKeys.one(programId), queryFn: () => getProgram(programId), enabled: Boolean(programId) });
  const result = useQuery({
    queryKey: ['experts', 'eligible', programId, nearly, page],
    queryFn: () => findEligibleExperts(programId, nearly, page),
    enabled: Boolean(programId),
  });
  const factLabel = (key: string) => program.data?.content.rules.declaredFacts.find((f) => f.key === key)?.label[language] ?? key;
  const r = result.data;
  return (
    <section className="panel eligible-view" aria-labelledby="eligible-title" data-testid="eligible-view">
      <h2 id="eligible-title">{t('eligibleSearch.title')}</h2>
      <div className="filters">
        <label className="field">
          <span className="field-label">{t('eligibleSearch.program')}</span>
          <select value={programId} onChange={(e) => set({ eligibleFor: e.target.value, epage: null })} data-testid="eligible-program">
            <option value="">{t('eligibleSearch.choose')}</option>
            {programs.data?.items.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title[language]}
              </option>
            ))}
          </select>
        </label>
        <label className="check-row">
          <input type="checkbox" checked={nearly} onChange={(e) => set({ nearly: e.target.checked ? 'true' : null, epage: null })} />
          <span>{t('eligibleSearch.nearly')}</span>
        </label>
      </div>
      {/* Always present, so that screen readers announce the line when a recomputation starts. */}
      <div role="status" aria-live="polite" className="live-region" data-testid="eligible-computing">
        {r?.computing ? <p className="notice notice-info">{t('eligibleSearch.computing')}</p> : null}
      </div>
      {result.isPending && programId ? <Loading /> : null}
      {result.isError ? <QueryError error={result.error} /> : null}
      {r ? (
        <>
          <p role="status" data-testid="eligible-counts">
            {t('eligibleSearch.counts', {
              eligible: formatNumber(r.counts.eligible, language),
              nearly: formatNumber(r.counts.nearly, language),
              scanned: formatNumber(r.counts.scanned, language),
            })}
          </p>
          <p className="muted" data-testid="eligible-as-of" data-source={r.source}>
            {t(r.source === 'precomputed' ? 'eligibleSearch.asOfPrecomputed' : 'eligibleSearch.asOfScan', {
              date: formatDate(r.asOf, language),
            })}
          </p>
          {r.assumedFacts.length ? (
            <p className="muted" data-testid="eligible-assumed">
              {t('eligibleSearch.assumed')} {r.assumedFacts.map(factLabel).join('; ')}
            </p>
          ) : null}
          <ul className="card-list">
            {r.items.map((x) => (
              <li key={x.profileId} className="card" data-testid="eligible-hit">
                <Link to={`/experts/${x.profileId}`}>{x.fullName}</Link>{' '}
                <span className={`badge outcome-${x.outcome}`}>{t(`eligibleSearch.outcome.${x.outcome}`)}</span>
                {x.workplace ? <div className="muted">{x.workplace}</div> : null}
              </li>
            ))}
          </ul>
          <Pagination page={r.page} pageSize={r.pageSize} total={r.total} onPage={(n) => set({ epage: String(n) })} />
        </>
      ) : null}
    </section>
  );
}
