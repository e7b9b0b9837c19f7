import { useEffect, useRef, useState } from 'react';
import type { PublicCell } from '@hpen/server/contracts';
import { useTranslation } from '../../i18n/use-translation';
import { formatNumber } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';

export interface ChartRow {
  key: string;
  label: string;
  count: number | null;
}

/** ECharts is loaded only when a chart first renders (its own chunk, outside every page's first load). */
type EchartsSetup = { drawBars: (el: HTMLElement, rows: ChartRow[], kind: 'bar' | 'line') => () => void };
let echartsModule: Promise<EchartsSetup> | null = null;
const loadEcharts = () => (echartsModule ??= import('./echarts-setup'));

/**
 * A bar chart with its data table and a one-line text summary, so the figures are there for a
 * screen reader, a keyboard, or a browser without the chart. Hidden (suppressed) values show as such.
 */
export function Chart({ id, title, rows, kind = 'bar' }: { id: string; title: string; rows: ChartRow[]; kind?: 'bar' | 'line' }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void loadEcharts().then(({ drawBars }) => {
      if (disposed || !ref.current) return;
      dispose = drawBars(ref.current, rows, kind);
      setReady(true);
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [rows, kind]);
  const language = useLanguage();
  const shown = rows.filter((r) => r.count !== null);
  const top = [...shown].sort((a, b) => b.count! - a.count!)[0];
  const summary = top
    ? t('reports.summary', { title, count: rows.length, top: top.label, value: formatNumber(top.count!, language) })
    : t('reports.summaryEmpty', { title });
  return (
    <figure className="chart" data-testid={`chart-${id}`} aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>
        <h3>{title}</h3>
        <p className="chart-summary">{summary}</p>
      </figcaption>
      {rows.length ? (
        <div ref={ref} className="chart-canvas" aria-hidden="true" style={{ height: Math.max(160, Math.min(rows.length, 16) * 26 + 40) }}>
          {ready ? null : <span className="muted">{t('reports.chartLoading')}</span>}
        </div>
      ) : null}
      {rows.length ? (
        <details>
          <summary>{t('reports.showTable')}</summary>
          <CellTable rows={rows} />
        </details>
      ) : null}
    </figure>
  );
}

export function CellTable({ rows, ranked = false }: { rows: ChartRow[]; ranked?: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            {ranked ? <th scope="col">{t('reports.rank')}</th> : null}
            <th scope="col">{t('reports.colKey')}</th>
            <th scope="col" className="num">
              {t('reports.colCount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key}>
              {ranked ? <td>{i + 1}</td> : null}
              <th scope="row">{r.label}</th>
              <td className="num">{r.count === null ? t('reports.hiddenValue') : formatNumber(r.count, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Cells to chart rows, labelled; the pooled small cells get their own label. */
export function toRows(cells: PublicCell[], label: (key: string) => string, suppressedLabel: string): ChartRow[] {
  return cells.map((c) => ({ key: c.key, label: c.key === '_suppressed' ? suppressedLabel : label(c.key), count: c.count }));
}
