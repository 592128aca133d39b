// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
//
// Reference figures for the drawing benchmark: how long browser chart
// libraries take to draw 50 series x 10,000 points (data.mjs) with 1.25 px
// lines into a 1200x600 canvas in headless Chromium. Each library is an
// adapter module (echarts.mjs, uplot.mjs); this file holds what they share:
// the browser, the timing loop, the statistics and the check of the result.
//
// Two modes, timed alike on every library:
//   fresh    a new chart instance is created and handed the data;
//   refresh  a chart that already shows the data is handed a new copy of it,
//            as a dashboard refresh delivers it.
// The data the library is handed is built before the clock starts, then a
// forced GC runs (so no run pays for an earlier run's garbage, and in fresh
// mode for disposing the previous chart). The clock stops once the pixels
// are on the canvas: when the library says it has drawn, a 1-pixel
// getImageData() follows, because Chromium records canvas 2D calls and
// rasterises them lazily and a readback forces that rasterisation. So the
// figures cover the pixels, as a QPainter figure would. Waiting for the next
// requestAnimationFrame instead would add 0-16.7 ms of waiting for the 60 Hz
// tick, which is not drawing work.
//
// The line width matters as much as the library: Chromium's canvas is
// software Skia here, which strokes lines of 1 px or less as hairlines and
// wider ones as real geometry. At 1.25 px (Perses' default, and what our C++
// side draws) rasterising takes 10-15 times as long as at 1 px, for both
// libraries.
//
// Each mode does WARMUPS warm-up runs, left out of the summary, then RUNS
// runs; the summary is their median, min and max. After the last run of a
// mode the canvas must be 1200x600 and hold lines (coloured pixels), and if
// BENCH_PNG_DIR is set the chart is saved there as LIBRARY_MODE.png.
//
// Usage: node bench.mjs [LIBRARY...]   (default: every library, in the order
// below). Prints one line per run, then, last, one summary line per library
// and mode: `LIBRARY_MODE_ms median=X min=X max=X runs=15`.
// CHROMIUM=/path/to/chromium overrides /usr/bin/chromium.

import { chromium } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { seededSeries } from './data.mjs';
import * as echarts from './echarts.mjs';
import * as uplot from './uplot.mjs';

// BENCH_LINE_WIDTH: the stroke width (default 1.25, Perses' default). scripts/bench sets the
// width our TimeSeriesPlot really strokes dense lines with, so both sides draw the same.
const LINE_WIDTH = Number(process.env.BENCH_LINE_WIDTH ?? 1.25);
if (!(LINE_WIDTH > 0)) throw new Error(`BENCH_LINE_WIDTH=${process.env.BENCH_LINE_WIDTH} is not a width`);
const LIBRARIES = [echarts, uplot];
const MODES = ['fresh', 'refresh'];
const WARMUPS = 3;
const RUNS = 15;
// The lines cover about 130,000 (ECharts) and 220,000 (uPlot) pixels here;
// axes and labels are grey and do not count. Far fewer means lines are missing.
const MIN_LINE_PIXELS = 50000;

// Runs inside the page: one timed run of `mode`. Returns the whole time
// (totalMs, what the summary uses) and the part spent before the readback
// (libraryMs: the library's own work and its canvas calls being recorded);
// the rest is Chromium rasterising those calls.
async function timedRun(mode) {
  const lib = window.benchLib;
  if (mode === 'fresh') lib.destroy();
  const input = lib.input();
  window.gc();
  const t0 = performance.now();
  // ECharts returns once drawn; uPlot returns a promise its draw hook settles.
  await (mode === 'fresh' ? lib.create(input) : lib.update(input));
  const t1 = performance.now();
  lib.canvas().getContext('2d').getImageData(0, 0, 1, 1);
  return { totalMs: performance.now() - t0, libraryMs: t1 - t0 };
}

// Runs inside the page: puts a chart showing the data on the page, for refresh mode.
async function showData() {
  const lib = window.benchLib;
  lib.destroy();
  await lib.create(lib.input());
}

// Runs inside the page: the canvas size and how many of its pixels are line
// colour. Both libraries leave the background transparent and draw axes,
// ticks and labels in greys; the series colours are saturated.
function inspectCanvas() {
  const c = window.benchLib.canvas();
  const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let linePixels = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (px[i + 3] === 0) continue;
    const r = px[i], g = px[i + 1], b = px[i + 2];
    if (Math.max(r, g, b) - Math.min(r, g, b) >= 64) linePixels++;
  }
  return { size: `${c.width}x${c.height}`, linePixels };
}

const fmt = (v) => v.toFixed(1);
const median = (a) => {
  const s = [...a].sort((p, q) => p - q);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Runs every mode of one library in a page of its own; returns the summary lines.
async function benchLibrary(browser, lib, pngDir) {
  // deviceScaleFactor 1 so the canvas really is 1200x600 pixels.
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  let pageError = null;
  page.on('pageerror', (e) => {
    pageError ??= e.message;
    console.error(`bench: ${lib.name}: page error: ${e.message}`);
  });
  try {
    await page.setContent('<body style="margin:0"><div id="chart" style="width:1200px;height:600px"></div></body>');
    // addScriptTag and addStyleTag with a path inline the file: no network, no file:// page needed.
    for (const path of lib.styles) await page.addStyleTag({ path });
    for (const path of lib.scripts) await page.addScriptTag({ path });
    await page.evaluate(`window.benchSeries = (${seededSeries})();`);
    await page.evaluate(`window.benchLineWidth = ${LINE_WIDTH};`);
    await page.evaluate(lib.install);
    console.log(`# ${lib.name} ${lib.version}, chromium ${browser.version()}, ${WARMUPS} warm-ups, ` +
                `${RUNS} runs, 50 series x 10000 points, 1200x600, ${LINE_WIDTH} px lines`);

    const summary = [];
    for (const mode of MODES) {
      if (mode === 'refresh') await page.evaluate(showData);
      const times = [];
      for (let r = 0; r < WARMUPS + RUNS; r++) {
        const { totalMs, libraryMs } = await page.evaluate(timedRun, mode);
        const label = r < WARMUPS ? `warmup ${r + 1}` : `run ${r - WARMUPS + 1}`;
        console.log(`${lib.name} ${mode} ${label}: ${fmt(totalMs)} ms ` +
                    `(library ${fmt(libraryMs)}, rasterising ${fmt(totalMs - libraryMs)})`);
        if (r >= WARMUPS) times.push(totalMs);
      }
      if (pageError) throw new Error(`${lib.name}: the page reported an error: ${pageError}`);

      // Guards against timing an empty or mis-sized chart.
      const { size, linePixels } = await page.evaluate(inspectCanvas);
      if (size !== '1200x600') throw new Error(`${lib.name} ${mode}: canvas is ${size}, expected 1200x600`);
      if (linePixels < MIN_LINE_PIXELS)
        throw new Error(`${lib.name} ${mode}: only ${linePixels} line pixels: the chart looks empty`);
      let saved = '';
      if (pngDir) {
        const file = join(pngDir, `${lib.name}_${mode}.png`);
        await page.locator('#chart').screenshot({ path: file });
        saved = `, saved ${file}`;
      }
      console.log(`${lib.name} ${mode}: canvas ${size}, ${linePixels} line pixels${saved}`);

      summary.push(`${lib.name}_${mode}_ms median=${fmt(median(times))} min=${fmt(Math.min(...times))} ` +
                   `max=${fmt(Math.max(...times))} runs=${times.length}`);
    }
    return summary;
  } finally {
    await page.close();
  }
}

const wanted = process.argv.slice(2);
const unknown = wanted.filter((n) => !LIBRARIES.some((lib) => lib.name === n));
if (unknown.length) {
  const known = LIBRARIES.map((lib) => lib.name).join(', ');
  console.error(`bench: unknown library ${unknown.join(', ')}; known: ${known}`);
  process.exit(2);
}
const libraries = wanted.length ? LIBRARIES.filter((lib) => wanted.includes(lib.name)) : LIBRARIES;
const pngDir = process.env.BENCH_PNG_DIR || null;
if (pngDir) await mkdir(pngDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--js-flags=--expose-gc'],
}).catch((e) => {
  console.error(`bench: cannot start Chromium: ${e.message.split('\n')[0]}`);
  process.exit(1);
});
try {
  const summary = [];
  for (const lib of libraries) summary.push(...await benchLibrary(browser, lib, pngDir));
  // Last, so a caller can take the figures with tail.
  for (const line of summary) console.log(line);
} catch (e) {
  console.error(`bench: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
