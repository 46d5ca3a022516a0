// The plan's path against today's: duos started each year, the plan's median
// with its P5–P95 band, today's median dashed, and the yearly targets the plan
// was asked to meet. The plan's table (page/plan.js) holds the same numbers.

import { t, fmtBy, fmtYear } from './i18n.js';
import { frame, yearAxis, chartColours, finishSvg } from './charts.js';

/** Rows {year, p5, p50, p95} of the plan's duos started. */
export function planRows(plan) {
  return plan.years.map((y) => ({ year: y.year, p5: y.duos_p5, p50: y.duos_p50, p95: y.duos_p95 }));
}

/** Rows {year, p50} of today's duos started each year, from a run's result (none if it has no such series). */
export function todayRows(result) {
  const s = result?.series?.duos_started;
  if (!s || !Array.isArray(s.p50)) return [];
  return result.years.map((year, i) => ({ year, p50: s.p50[i] })).filter((r) => Number.isFinite(r.p50));
}

/**
 * The chart: `plan` the engine's plan; `today` rows of todayRows(); `targets`
 * the yearly targets {year, value} the plan meets. Returns Plot's node.
 */
export function planChart(Plot, { plan, today = [], targets = [], label, width = 640, height = 240 }) {
  const rows = planRows(plan);
  const c = chartColours();
  const f = (x) => fmtBy('count', x, { compact: true });
  const years = rows.map((r) => r.year);
  const box = frame(width, height, 64);
  const node = Plot.plot({
    ...box,
    // Room for the lines' names at their right ends.
    marginRight: box.marginRight * 3,
    x: yearAxis(years, width),
    y: { label: t('plan.chartY'), grid: true, tickFormat: f, zero: true },
    marks: [
      Plot.ruleY([0]),
      Plot.areaY(rows, { x: 'year', y1: 'p5', y2: 'p95', fill: c.band, fillOpacity: 0.25 }),
      Plot.line(today, { x: 'year', y: 'p50', stroke: c.ref, strokeWidth: 2, strokeDasharray: '6,4' }),
      Plot.text(today.slice(-1), { x: 'year', y: 'p50', text: () => t('plan.chartToday'), dx: 8, textAnchor: 'start', fill: c.ref, fontWeight: 'bold' }),
      Plot.line(rows, { x: 'year', y: 'p50', stroke: c.line, strokeWidth: 2.5 }),
      Plot.dot(rows, { x: 'year', y: 'p50', fill: c.line, r: 3 }),
      Plot.text(rows.slice(-1), { x: 'year', y: 'p50', text: () => t('plan.chartPlan'), dx: 8, textAnchor: 'start', fill: c.line, fontWeight: 'bold' }),
      Plot.dot(targets, { x: 'year', y: 'value', symbol: 'diamond', r: 7, fill: c.target, stroke: c.halo }),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: 'year',
          y: 'p50',
          title: (d) => [fmtYear(d.year), t('tip.kv', { k: t('tip.median'), v: f(d.p50) }), t('tip.kv', { k: 'P5–P95', v: `${f(d.p5)} – ${f(d.p95)}` })].join('\n'),
        })
      ),
    ],
  });
  return finishSvg(node, label);
}
