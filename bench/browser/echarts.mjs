// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
//
// ECharts 5, the library the Perses web UI draws with, as a drawing baseline
// for bench.mjs.
//
// The series options are Perses' own for a line chart (perses/plugins,
// timeserieschart/src/utils/data-transform.ts, getTimeSeries): LTTB sampling,
// no symbols, lineStyle.width 1.25 (Perses' default line width, which our C++
// side draws too). One difference: progressive 0 instead of Perses'
// progressiveThreshold, so one setOption draws every point rather than the
// first chunk of a progressive render.
//
// Both modes hand the chart a whole option with notMerge, as Perses' EChart
// component does: perses/shared components/src/EChart/EChart.tsx calls
// `setOption(initialOption.current, true)` right after init() and
// `setOption(option, true)` whenever a new option (new query results)
// arrives. setOption draws synchronously: unless lazyUpdate is set, it ends
// with zr.flush() (echarts/lib/core/echarts.js, "Ensure zr refresh
// sychronously"), so the explicit flush below is only a guard.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const name = 'echarts';
export const scripts = [require.resolve('echarts/dist/echarts.min.js')];
export const version = require('echarts/package.json').version;
export const styles = [];

// Runs inside the page, after data.mjs has put the series in window.benchSeries.
export function install() {
  const div = document.getElementById('chart');
  const { times, values } = window.benchSeries;
  let chart = null;
  const draw = (option) => {
    chart.setOption(option, true);
    chart.getZr().flush();
  };
  window.benchLib = {
    // A new option with new [time, value] pairs: what Perses builds from
    // each new query result.
    input: () => ({
      animation: false,
      xAxis: { type: 'time' },
      yAxis: { type: 'value' },
      series: values.map((ys, s) => ({
        type: 'line', name: `s${s}`, data: ys.map((y, i) => [times[i], y]),
        showSymbol: false, symbol: 'none', sampling: 'lttb', progressive: 0, animation: false,
        lineStyle: { width: window.benchLineWidth },
      })),
    }),
    create: (option) => {
      chart = echarts.init(div, null, { renderer: 'canvas', devicePixelRatio: 1 });
      draw(option);
    },
    update: draw,
    destroy: () => {
      chart?.dispose();
      chart = null;
    },
    // The canvas renderer draws everything into one layer while nothing is hovered.
    canvas: () => div.querySelector('canvas'),
  };
}
