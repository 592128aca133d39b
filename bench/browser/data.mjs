// SPDX-FileCopyrightText: 2026 The Perses Desktop Authors
// SPDX-License-Identifier: Apache-2.0
//
// The data every drawing baseline draws: 50 series x 10,000 points, one
// point every 15 s. bench/bench_render.cpp reproduces it exactly for our C++
// side, so keep the generator, the seed and the order of the calls as they are.
//
// seededSeries() runs inside the page (the harness hands its source to
// Chromium), so it must not use anything from outside its own body.

export function seededSeries() {
  const SERIES = 50;
  const POINTS = 10000;
  // xorshift32 seeded with 12345.
  let x = 12345;
  const rand = () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  const times = new Array(POINTS);
  for (let i = 0; i < POINTS; i++) times[i] = 1700000000000 + i * 15000;
  const values = [];
  for (let s = 0; s < SERIES; s++) {
    const ys = new Array(POINTS);
    for (let i = 0; i < POINTS; i++)
      ys[i] = s * 10 + 20 * Math.sin(i / 300 + s) + (rand() / 2 ** 32) * 5;
    values.push(ys);
  }
  // Times are in milliseconds since the epoch and the same for every series.
  return { times, values };
}
