// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
//
// Reference figure for the drawing benchmark: how long ECharts 5, the library
// the Perses web UI draws with, takes to draw 50 series x 10,000 points into a
// 1200x600 canvas in headless Chromium. Prints one line per run, then
// `echarts_draw_ms median=.. min=.. max=.. runs=15` as the last line.
//
// What is timed (echarts_draw_ms): setOption(option, true) on a fresh chart,
// then zr.flush(), then a 1-pixel getImageData(). setOption already flushes
// zrender synchronously (echarts/lib/core/echarts.js: "Ensure zr refresh
// sychronously"), so the flush is only a guard; but Chromium records canvas
// 2D calls and rasterises them lazily, and the readback forces that
// rasterisation, so the figure covers the pixels, as a QPainter figure would.
// The time to the next requestAnimationFrame is printed too (frame_ms) but
// not summarised: it adds a wait for the next 60 Hz tick (0-16.7 ms) that is
// not drawing work and would only add noise to the comparison. Each run
// starts after a forced GC, so no run pays for the previous chart's garbage.
// CHROMIUM=/path/to/chromium overrides /usr/bin/chromium.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';

const WARMUPS = 3;
const RUNS = 15;
const require = createRequire(import.meta.url);
const echartsPath = require.resolve('echarts/dist/echarts.min.js');

// Runs inside the page. Builds the data and option once, so only drawing is timed.
function setup() {
  // The C++ side reproduces this data exactly: keep the generator and order as they are.
  let x = 12345;
  const rand = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  const series = [];
  for (let s = 0; s < 50; s++) {
    const data = new Array(10000);
    for (let i = 0; i < 10000; i++) {
      data[i] = [1700000000000 + i * 15000,
                 s * 10 + 20 * Math.sin(i / 300 + s) + (rand() / 2 ** 32) * 5];
    }
    // Perses' line options; progressive 0 so a single setOption draws everything.
    series.push({ type: 'line', name: `s${s}`, data, showSymbol: false, symbol: 'none',
                  sampling: 'lttb', progressive: 0, animation: false });
  }
  window.benchOption = {
    animation: false,
    xAxis: { type: 'time' },
    yAxis: { type: 'value' },
    series,
  };
  window.benchChart = null;
}

// Runs inside the page: one timed draw on a fresh chart.
function drawOnce() {
  if (window.benchChart) window.benchChart.dispose();
  window.gc();
  const div = document.getElementById('chart');
  const chart = window.benchChart = echarts.init(div, null, { renderer: 'canvas', devicePixelRatio: 1 });
  const t0 = performance.now();
  chart.setOption(window.benchOption, true);
  chart.getZr().flush();
  const t1 = performance.now();
  const canvas = div.querySelector('canvas');
  canvas.getContext('2d').getImageData(0, 0, 1, 1);
  const t2 = performance.now();
  return new Promise((resolve) => requestAnimationFrame(() => {
    resolve({ setOptionMs: t1 - t0, drawMs: t2 - t0, frameMs: performance.now() - t0,
              canvas: `${canvas.width}x${canvas.height}` });
  }));
}

const fmt = (v) => v.toFixed(1);
const median = (a) => {
  const s = [...a].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--js-flags=--expose-gc'],
}).catch((e) => {
  console.error(`bench: cannot start Chromium: ${e.message.split('\n')[0]}`);
  process.exit(1);
});
try {
  // deviceScaleFactor 1 so the canvas really is 1200x600 pixels.
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => { console.error(`bench: page error: ${e.message}`); process.exitCode = 1; });
  await page.setContent('<body style="margin:0"><div id="chart" style="width:1200px;height:600px"></div></body>');
  // addScriptTag with a path inlines the file: no network, no file:// page needed.
  await page.addScriptTag({ path: echartsPath });
  const echartsVersion = await page.evaluate(() => echarts.version);
  console.log(`# echarts ${echartsVersion}, chromium ${browser.version()}, ` +
              `${WARMUPS} warm-ups, ${RUNS} runs, 50 series x 10000 points, 1200x600`);
  await page.evaluate(setup);

  const draws = [];
  for (let r = 0; r < WARMUPS + RUNS; r++) {
    const m = await page.evaluate(drawOnce);
    if (m.canvas !== '1200x600') throw new Error(`canvas is ${m.canvas}, expected 1200x600`);
    const label = r < WARMUPS ? `warmup ${r + 1}` : `run ${r - WARMUPS + 1}`;
    console.log(`${label}: draw_ms=${fmt(m.drawMs)} setoption_ms=${fmt(m.setOptionMs)} frame_ms=${fmt(m.frameMs)}`);
    if (r >= WARMUPS) draws.push(m.drawMs);
  }

  // Guards against timing an empty chart: the last draw must have put lines on the canvas.
  const inked = await page.evaluate(() => {
    const c = document.querySelector('#chart canvas');
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) n++;
    return n;
  });
  if (inked < 50000) throw new Error(`only ${inked} pixels drawn: the chart looks empty`);
  if (process.exitCode) throw new Error('the page reported errors');

  console.log(`echarts_draw_ms median=${fmt(median(draws))} min=${fmt(Math.min(...draws))} ` +
              `max=${fmt(Math.max(...draws))} runs=${draws.length}`);
} catch (e) {
  console.error(`bench: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
