import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartRow } from './chart';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, SVGRenderer]);

/** Draws horizontal bars (or a line over months) into `el`; returns the disposer. */
export function drawBars(el: HTMLElement, rows: ChartRow[], kind: 'bar' | 'line') {
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  const labels = rows.map((r) => r.label);
  const values = rows.map((r) => r.count ?? 0);
  chart.setOption(
    kind === 'line'
      ? {
          animation: false,
          grid: { left: 40, right: 16, top: 16, bottom: 28 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: labels },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'line', data: values, itemStyle: { color: '#1f5fa8' } }],
        }
      : {
          animation: false,
          grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
          tooltip: { trigger: 'item' },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', data: [...labels].reverse(), axisLabel: { width: 140, overflow: 'truncate' } },
          series: [{ type: 'bar', data: [...values].reverse(), itemStyle: { color: '#1f5fa8' } }],
        },
  );
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
