// The ranges of sliders: steps of 1, 2 or 5 times a power of ten, and a
// range moved so that the value it starts at lies on its steps. The
// widget's sliders (embed/sliders.js) and the room's levers (page/levers.js).

/**
 * A slider's range moved so that `value` lies on its steps (a range input
 * snaps to min + k·step: a cost of EUR 2,030 on steps of 50 from 800 sat at
 * 2,050 while its label said 2,030). Returns {min, max, step}.
 */
export function onGrid(min, max, step, value) {
  const below = Math.max(0, Math.floor((value - min) / step + 1e-9));
  const lo = value - below * step;
  const above = Math.max(0, Math.ceil((max - value) / step - 1e-9));
  const r = (x) => Math.round(x * 1e9) / 1e9;
  return { min: r(lo), max: r(value + above * step), step };
}

/** The smallest of 1, 2, 5 × a power of ten that is at least `x`. */
export function niceStep(x) {
  const p = 10 ** Math.floor(Math.log10(Math.max(x, 1e-9)));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= x) ?? 10 * p;
}
