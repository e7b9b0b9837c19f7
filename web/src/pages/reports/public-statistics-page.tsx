import { useQuery } from '@tanstack/react-query';
import type { PublicCell } from '@hpen/server/contracts';
import { getPublicStatistics, reportKeys } from '../../api/reports.api';
import { Loading } from '../../components/loading';
import { QueryError } from '../../components/query-error';
import { useTranslation } from '../../i18n/use-translation';
import { usePageTitle } from '../../lib/use-page-title';
import { Chart, toRows } from './chart';
import { FiguresAsOf, LocationRanking, Tile } from './dashboard-page';
import { type Dimension, useLabels } from './labels';
import '../../i18n/parts/reports';
import './reports.css';

/** `/statistics`: the public figures, for visitors (small cells pooled by the server). */
export function PublicStatisticsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.publicTitle'));
  const label = useLabels();
  const q = useQuery({ queryKey: reportKeys.publicStatistics, queryFn: getPublicStatistics });
  const rows = (cells: PublicCell[], dim: Dimension) => toRows(cells, label(dim), t('reports.suppressed'));
  const e = q.data?.experts;
  return (
    <div className="page reports" data-testid="public-statistics">
      <div className="page-head">
        <h1>{t('reports.publicTitle')}</h1>
        <a href="/api/public/open-data">{t('reports.openData')}</a>
      </div>
      <p className="lead">{t('reports.publicLead', { min: q.data?.minimumCell ?? 5 })}</p>
      <FiguresAsOf asOf={q.data?.asOf} />
      {q.isPending ? <Loading /> : null}
      {q.isError ? <QueryError error={q.error} onRetry={() => void q.refetch()} /> : null}
      {e ? (
        <>
          <ul className="tiles">
            <Tile label={t('reports.tiles.total')} value={e.total} testId="tile-total" />
            <Tile label={t('reports.tiles.verified')} value={e.verified} />
            <Tile label={t('reports.tiles.consultations')} value={q.data?.consultations.total ?? null} />
            <Tile label={t('reports.tiles.applied')} value={q.data?.programs.applied ?? null} />
            <Tile label={t('reports.tiles.approved')} value={q.data?.programs.approved ?? null} />
            <Tile label={t('reports.tiles.awarded')} value={q.data?.awards.awarded ?? null} />
          </ul>
          <section className="chart-grid">
            <Chart id="byField" title={t('reports.charts.byField')} rows={rows(e.byField, 'field')} />
            <Chart id="bySector" title={t('reports.charts.bySector')} rows={rows(e.bySector, 'sector')} />
            <Chart id="byDegree" title={t('reports.charts.byDegree')} rows={rows(e.byDegree, 'degree')} />
            <Chart id="byAgeBand" title={t('reports.charts.byAgeBand')} rows={rows(e.byAgeBand, 'value')} />
            {q.data ? (
              <Chart id="programsByProgram" title={t('reports.charts.programsByProgram')} rows={rows(q.data.programs.byProgram, 'value')} />
            ) : null}
            {q.data ? (
              <Chart id="awardedByField" title={t('reports.charts.awardedByField')} rows={rows(q.data.awards.awardedByField, 'value')} />
            ) : null}
          </section>
          <LocationRanking rows={rows(e.byLocation, 'location')} />
        </>
      ) : null}
    </div>
  );
}
