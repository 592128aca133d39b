// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
//
// uPlot 1.6, a small canvas time series library built for speed, as a second
// drawing baseline for bench.mjs.
//
// When the pixels are there: uPlot never draws synchronously by default. The
// constructor and setData() only mark what changed and call commit(), which
// queues _commit() with queueMicrotask (uplot/dist/uPlot.esm.js, commit() and
// _commit()); _commit() clears the canvas, draws axes and series and then
// fires the `draw` hook. So create() and update() return a promise that the
// draw hook resolves: the draw has really happened when it settles, still in
// the same task, without waiting for a frame. (u.batch() would force the
// commit synchronously, but that is not the path a dashboard takes.)
//
// Decimation: uPlot never thins out the data it is handed, but its line path
// builder (paths.linear) switches to per-pixel-column min/max when a series
// has at least 4 points per pixel of plot width, which is the case here
// (10,000 points on some 1,100 px). Every point is still visited, but each
// pixel column becomes one vertical segment, much like M4 on our C++ side
// and in contrast to ECharts' LTTB. That is uPlot's default and we keep it.

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const name = 'uplot';
export const scripts = [require.resolve('uplot/dist/uPlot.iife.min.js')];
export const version = require('uplot/package.json').version;
export const styles = [require.resolve('uplot/dist/uPlot.min.css')];

// Runs inside the page, after data.mjs has put the series in window.benchSeries.
export function install() {
  const div = document.getElementById('chart');
  const { times, values } = window.benchSeries;
  // ECharts 5's default palette, so the two libraries' pictures compare line for line.
  const palette = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de',
                   '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc'];
  let chart = null;
  let drawn = null;
  const nextDraw = () => new Promise((resolve) => { drawn = resolve; });
  const options = () => ({
    // The whole chart, axes included, is the canvas: 1200x600 CSS pixels, and
    // as many device pixels since the page has devicePixelRatio 1 (uPlot 1.6
    // reads window.devicePixelRatio; it has no option for it).
    width: 1200,
    height: 600,
    // The x values are handed over in milliseconds, as ECharts gets them and
    // as the generator makes them, so neither library gets a converted copy;
    // `ms` is a top-level option that tells uPlot's time scale and axis.
    ms: 1,
    // The legend is an HTML table below the canvas; ECharts shows none either.
    legend: { show: false },
    cursor: { show: false },
    // Default axes: a time axis for x, a value axis for y.
    axes: [{}, {}],
    series: [{}, ...values.map((_, s) => ({
      label: `s${s}`, stroke: palette[s % palette.length], width: window.benchLineWidth, points: { show: false },
    }))],
    hooks: { draw: [() => drawn?.()] },
  });
  window.benchLib = {
    // uPlot's columnar form, new arrays every time, as a refresh delivers them.
    input: () => [times.slice(), ...values.map((ys) => ys.slice())],
    create: (data) => {
      const done = nextDraw();
      chart = new uPlot(options(), data, div);
      return done;
    },
    update: (data) => {
      const done = nextDraw();
      chart.setData(data);
      return done;
    },
    destroy: () => {
      chart?.destroy();
      chart = null;
    },
    canvas: () => chart.ctx.canvas,
  };
}
