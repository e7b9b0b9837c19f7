import { useQuery } from '@tanstack/react-query';
import type { Overview, PublicCell } from '@hpen/server/contracts';
import { type FormEvent, useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { listOrganisations } from '../../api/organisations.api';
import { getOverview, reportKeys, type ReportFiltersQuery } from '../../api/reports.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { FieldFrame } from '../../forms/fields';
import { useTranslation } from '../../i18n/use-translation';
import { formatDateTime, formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { usePageTitle } from '../../lib/use-page-title';
import { CellTable, Chart, toRows } from './chart';
import { type Dimension, useLabels } from './labels';

const FILTER_KEYS = ['from', 'to', 'agencyId', 'associationId', 'field'] as const;

/** `/reports`: the staff dashboard; every filter lives in the URL (a view can be shared or bookmarked). */
export function DashboardPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.title'));
  const [params, setParams] = useSearchParams();
  const id = useId();
  const filters = useMemo(() => {
    const f: ReportFiltersQuery = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const q = useQuery({ queryKey: reportKeys.overview(filters), queryFn: () => getOverview(filters) });
  const orgs = useQuery({ queryKey: ['organisations', 'public'], queryFn: listOrganisations, staleTime: 300_000 });
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) {
      const v = String(data.get(k) ?? '').trim();
      if (v) next.set(k, v);
    }
    setParams(next);
  };
  const associations = orgs.data?.items.filter((o) => o.kind === 'association' || o.kind === 'union') ?? [];
  return (
    <div className="page reports" data-testid="reports-dashboard">
      <div className="page-head">
        <h1>{t('reports.title')}</h1>
        <Link to="/reports/annual">{t('reports.annualNav')}</Link>
      </div>
      <p className="lead">{t('reports.lead')}</p>
      <FiguresAsOf asOf={q.data?.asOf} />
      <form className="report-filters" onSubmit={onSubmit} aria-label={t('reports.filters')} key={params.toString()}>
        <FieldFrame id={`${id}-from`} label={t('reports.from')}>
          <input id={`${id}-from`} type="date" name="from" defaultValue={filters.from ?? ''} />
        </FieldFrame>
        <FieldFrame id={`${id}-to`} label={t('reports.to')}>
          <input id={`${id}-to`} type="date" name="to" defaultValue={filters.to ?? ''} />
        </FieldFrame>
        <FieldFrame id={`${id}-agency`} label={t('reports.agency')}>
          <select id={`${id}-agency`} name="agencyId" defaultValue={filters.agencyId ?? ''}>
            <option value="">{t('reports.any')}</option>
            {orgs.data?.items.map((o) => (
              <option key={o.id} value={o.id}>
                {o.nameVi}
              </option>
            ))}
          </select>
        </FieldFrame>
        <FieldFrame id={`${id}-association`} label={t('reports.association')}>
          <select id={`${id}-association`} name="associationId" defaultValue={filters.associationId ?? ''}>
            <option value="">{t('reports.any')}</option>
            {associations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.nameVi}
              </option>
            ))}
          </select>
        </FieldFrame>
        <FieldFrame id={`${id}-field`} label={t('reports.field')}>
          <input id={`${id}-field`} name="field" inputMode="numeric" pattern="\d{1,3}" maxLength={3} defaultValue={filters.field ?? ''} />
        </FieldFrame>
        <div className="actions">
          <button type="submit" className="button-primary">
            {t('reports.apply')}
          </button>
          <button type="button" className="button-secondary" onClick={() => setParams(new URLSearchParams())}>
            {t('reports.clear')}
          </button>
        </div>
      </form>
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {q.data ? <OverviewView o={q.data} /> : null}
    </div>
  );
}

function OverviewView({ o }: { o: Overview }) {
  const { t } = useTranslation();
  const label = useLabels();
  const rows = (cells: PublicCell[], dim: Dimension) => toRows(cells, label(dim), t('reports.suppressed'));
  const e = o.experts;
  const curation = 'queue' in o.curation ? o.curation : null;
  const consult = 'byKind' in o.consultations ? o.consultations : null;
  const programs = 'applied' in o.programs ? o.programs : null;
  const awards = 'nominations' in o.awards ? o.awards : null;
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
  return (
    <>
      <ul className="tiles" aria-label={t('reports.title')}>
        <Tile label={t('reports.tiles.total')} value={e.total} testId="tile-total" />
        <Tile label={t('reports.tiles.verified')} value={e.verified} />
        <Tile label={t('reports.tiles.verifiedShare')} value={pct(e.verifiedShare)} />
        <Tile label={t('reports.tiles.completeness')} value={e.completeness} />
        {curation ? <Tile label={t('reports.tiles.queue')} value={curation.queue} /> : null}
        {consult ? <Tile label={t('reports.tiles.consultations')} value={consult.total} /> : null}
        {consult ? <Tile label={t('reports.tiles.daysToOpinion')} value={consult.daysToOpinion ?? '—'} /> : null}
        {consult ? <Tile label={t('reports.tiles.rating')} value={consult.ratingAverage ?? '—'} /> : null}
        {consult ? <Tile label={t('reports.tiles.panelPeople')} value={consult.panel.people} /> : null}
        {programs ? <Tile label={t('reports.tiles.applied')} value={programs.applied} testId="tile-applied" /> : null}
        {programs ? <Tile label={t('reports.tiles.eligible')} value={programs.eligible} /> : null}
        {programs ? <Tile label={t('reports.tiles.approved')} value={programs.approved} /> : null}
        {programs ? <Tile label={t('reports.tiles.commitmentsActive')} value={programs.commitments.active} /> : null}
        {programs ? <Tile label={t('reports.tiles.commitmentsEnded')} value={programs.commitments.ended} /> : null}
        {awards ? <Tile label={t('reports.tiles.nominations')} value={awards.nominations} /> : null}
        {awards ? <Tile label={t('reports.tiles.awarded')} value={awards.awardedPeople} testId="tile-awarded" /> : null}
      </ul>
      <section className="chart-grid">
        <Chart id="byField" title={t('reports.charts.byField')} rows={rows(e.byField, 'field')} />
        <Chart id="bySector" title={t('reports.charts.bySector')} rows={rows(e.bySector, 'sector')} />
        <Chart id="byDegree" title={t('reports.charts.byDegree')} rows={rows(e.byDegree, 'degree')} />
        <Chart id="byTitle" title={t('reports.charts.byTitle')} rows={rows(e.byTitle, 'value')} />
        <Chart id="byAgeBand" title={t('reports.charts.byAgeBand')} rows={rows(e.byAgeBand, 'value')} />
        <Chart id="byGender" title={t('reports.charts.byGender')} rows={rows(e.byGender, 'value')} />
        <Chart id="byAssociation" title={t('reports.charts.byAssociation')} rows={rows(e.byAssociation, 'association')} />
        {e.growth ? <Chart id="growth" kind="line" title={t('reports.charts.growth')} rows={rows(e.growth.created, 'value')} /> : null}
        {curation ? <Chart id="queueAgeing" title={t('reports.charts.queueAgeing')} rows={rows(curation.queueAgeing, 'value')} /> : null}
        {curation ? <Chart id="memberships" title={t('reports.charts.memberships')} rows={rows(curation.memberships, 'value')} /> : null}
        {consult ? <Chart id="byKind" title={t('reports.charts.byKind')} rows={rows(consult.byKind, 'value')} /> : null}
        {consult ? <Chart id="byStatus" title={t('reports.charts.byStatus')} rows={rows(consult.byStatus, 'value')} /> : null}
        {consult ? (
          <Chart id="byRequester" title={t('reports.charts.byRequester')} rows={rows(consult.byRequester, 'organisation')} />
        ) : null}
        {consult ? <Chart id="byRating" title={t('reports.charts.byRating')} rows={rows(consult.byRating, 'value')} /> : null}
        {consult ? <Chart id="panelGender" title={t('reports.charts.panelGender')} rows={rows(consult.panel.byGender, 'value')} /> : null}
        {consult ? (
          <Chart
            id="panelOrganisationType"
            title={t('reports.charts.panelOrganisationType')}
            rows={rows(consult.panel.byOrganisationType, 'value')}
          />
        ) : null}
        {consult ? (
          <Chart id="panelLocation" title={t('reports.charts.panelLocation')} rows={rows(consult.panel.byLocation, 'location')} />
        ) : null}
        {consult ? <Chart id="panelField" title={t('reports.charts.panelField')} rows={rows(consult.panel.byField, 'field')} /> : null}
        {programs ? (
          <Chart id="programsByStatus" title={t('reports.charts.programsByStatus')} rows={rows(programs.byStatus, 'value')} />
        ) : null}
        {programs ? (
          <Chart id="programsByProgram" title={t('reports.charts.programsByProgram')} rows={rows(programs.byProgram, 'value')} />
        ) : null}
        {awards ? <Chart id="awardsByStatus" title={t('reports.charts.awardsByStatus')} rows={rows(awards.byStatus, 'value')} /> : null}
        {awards ? (
          <Chart id="awardedByField" title={t('reports.charts.awardedByField')} rows={rows(awards.awardedByField, 'value')} />
        ) : null}
        {awards ? (
          <Chart id="awardedByYear" kind="line" title={t('reports.charts.awardedByYear')} rows={rows(awards.awardedByYear, 'value')} />
        ) : null}
      </section>
      <LocationRanking rows={rows(e.byLocation, 'location')} />
      <section className="not-available">
        {(['programs', 'awards'] as const).map((d) =>
          o.available.includes(d) ? null : (
            <p key={d} className="notice" data-testid={`not-available-${d}`}>
              <strong>{t(`reports.charts.${d}`)}:</strong> {t('reports.notAvailable')}
            </p>
          ),
        )}
      </section>
    </>
  );
}

export function LocationRanking({ rows }: { rows: ReturnType<typeof toRows> }) {
  const { t } = useTranslation();
  const ranked = [...rows].sort((a, b) => (b.count ?? -1) - (a.count ?? -1));
  return (
    <section className="location-ranking" data-testid="location-ranking">
      <h2>{t('reports.charts.byLocation')}</h2>
      <p className="muted">{t('reports.locationNote')}</p>
      <CellTable rows={ranked} ranked />
    </section>
  );
}

export function Tile({ label, value, testId }: { label: string; value: number | string | null; testId?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shown = typeof value === 'number' ? formatNumber(value, language) : value;
  return (
    <li className="tile" data-testid={testId}>
      <span className="tile-value">{shown ?? t('reports.hiddenValue')}</span>
      <span className="tile-label">{label}</span>
    </li>
  );
}

/** When the figures were computed (the stored ones are refreshed by the scheduler every few minutes). */
export function FiguresAsOf({ asOf }: { asOf: string | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!asOf) return null;
  return (
    <p className="muted" data-testid="figures-as-of">
      {t('reports.asOf', { at: formatDateTime(asOf, language) })}
    </p>
  );
}
