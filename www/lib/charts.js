// Charts of a run, drawn with Observable Plot, each with a table alternative,
// a caption and PNG/SVG export.
//
// Why Plot: it draws the marks these charts need (bands with areaY, lines,
// rectangles for pre-binned histograms, rules, pointer tips) in a few
// declarative lines, outputs plain SVG (printable, exportable, readable by
// screen readers through aria attributes) and needs nothing but D3. It is
// loaded from www/vendor/ (built there by scripts/bundle.mjs), never from a
// CDN.
//
// Content-Security-Policy: Plot adds a <style> element to each SVG; with
// style-src 'self' the browser would refuse it, so it is removed before the
// SVG enters the document and the same rules live in style.css (.ms-plot).

import { t, fmtBy, fmtYear, fmtPct, fmtInt, fmtRatio, pick } from './i18n.js';
import { loadOnce } from './dom.js';

/**
 * Loads the charts' library (www/vendor/plot.js: the parts of Observable Plot
 * called here, with the parts of d3 they need; see scripts/bundle.mjs) once,
 * or again after a failure; resolves to its namespace (`Plot.plot`, ...).
 */
export const loadPlot = loadOnce(() =>
  import('../vendor/plot.js').catch((e) => {
    throw new Error(`could not load the charts' library: ${e.message ?? e}`);
  })
);

const CHART_SERIES = 6;

/**
 * The charts' colours, read from the palette's --chart-* custom properties
 * (lib/palette.css) at the time of drawing, so a chart is drawn in the
 * colours of the page or widget that shows it (its theme, its accent).
 */
export function chartColours(el = globalThis.document?.documentElement) {
  const css = el && globalThis.getComputedStyle ? getComputedStyle(el) : null;
  const v = (name) => css?.getPropertyValue(`--chart-${name}`).trim() || 'currentColor';
  return {
    band: v('band'),
    line: v('line'),
    target: v('target'),
    halo: v('halo'),
    hist: v('hist'),
    ref: v('ref'),
    series: Array.from({ length: CHART_SERIES }, (_, i) => v(`series-${i + 1}`)),
  };
}

const CLASS = 'ms-plot';

// The charts' text is 11 px on the page; presentation mode draws it at 20 px,
// and the margins that hold the axes' labels grow with it.
let textScale = 1;
/** Sets the size of the charts' text against the page's (1: the page's; 20 / 11 in presentation mode). */
export function setChartTextScale(k) {
  textScale = k > 0 ? k : 1;
}

/** What every chart's options share: the class its styles hang on, its size and margins. */
export const frame = (width, height, marginLeft = 56) => ({
  className: CLASS,
  width,
  height,
  marginLeft: Math.round(marginLeft * textScale),
  marginRight: Math.round(24 * textScale),
  // Plot's own top and bottom margins (20 and 30 px) unless the text is larger.
  ...(textScale === 1 ? {} : { marginTop: Math.round(20 * textScale), marginBottom: Math.round(30 * textScale) }),
});

export function finishSvg(node, label) {
  const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  for (const s of node.querySelectorAll('style')) s.remove();
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  // Plot names its marks with aria-label on <g> elements, which ARIA does not
  // allow there (the SVG is one image with its own label); keep them as data.
  for (const g of svg.querySelectorAll('g[aria-label]')) {
    g.dataset.mark = g.getAttribute('aria-label');
    g.removeAttribute('aria-label');
  }
  return node;
}

/**
 * The x axis of years. Every year is labelled where each gets about 44 px of
 * text (scaled with the charts' text), else every second, third... year, from
 * the first: at 360 px eleven years' labels ran into each other.
 */
export function yearAxis(years, width = 640) {
  const room = Math.max(120, width - 90 * textScale);
  const every = Math.max(1, Math.ceil((years.length * 44 * textScale) / room));
  return {
    label: t('axis.year'),
    tickFormat: (d) => fmtYear(d),
    ticks: years.length <= 12 * every ? years.filter((_, i) => i % every === 0) : undefined,
    domain: [years[0], years[years.length - 1]],
    inset: 12,
  };
}

/** Rows {year, p5, p25, p50, p75, p95, mean} for one series of a result. */
export function seriesRows(result, name) {
  const s = result.series[name];
  if (!s) return [];
  return result.years.map((year, i) => ({
    year,
    p5: s.p5[i],
    p10: s.p10?.[i],
    p25: s.p25[i],
    p50: s.p50[i],
    p75: s.p75[i],
    p90: s.p90?.[i],
    p95: s.p95[i],
    mean: s.mean[i],
  }));
}

/** The targets of a run that belong on a fan chart of `metric` in `mode`. */
export function targetsFor(result, metric, cumulative) {
  return (result.targets ?? []).filter(
    (tg) => tg.metric === metric && (tg.kind === 'cumulative') === cumulative
  );
}

/**
 * A fan chart: P5–P95 and P25–P75 bands, the median line, target markers.
 * Returns the SVG (or figure) node Plot made.
 */
export function fanChart(Plot, { result, metric, cumulative, unit = 'count', yLabel, label, width = 640, height = 320, ghost = null, tipExtra = null }) {
  const rows = seriesRows(result, cumulative ? `${metric}_cumulative` : metric);
  // A pinned scenario (B against A): its median dashed and its P5–P95 outlined, under B's marks.
  const ghostRows = ghost ? seriesRows(ghost, cumulative ? `${metric}_cumulative` : metric) : [];
  const targets = targetsFor(result, metric, cumulative).map((tg) => ({ ...tg, text: pick(tg.label) }));
  const f = (x) => fmtBy(unit, x, { compact: true });
  const colours = chartColours();
  const node = Plot.plot({
    ...frame(width, height, 64),
    x: yearAxis(result.years, width),
    y: { label: yLabel, grid: true, tickFormat: f, zero: true },
    marks: [
      Plot.ruleY([0]),
      ...(ghostRows.length
        ? [
            Plot.line(ghostRows, { x: 'year', y: 'p5', stroke: colours.ref, strokeWidth: 1, strokeDasharray: '2,3' }),
            Plot.line(ghostRows, { x: 'year', y: 'p95', stroke: colours.ref, strokeWidth: 1, strokeDasharray: '2,3' }),
            Plot.line(ghostRows, { x: 'year', y: 'p50', stroke: colours.ref, strokeWidth: 2, strokeDasharray: '6,4' }),
            Plot.text(ghostRows.slice(-1), { x: 'year', y: 'p50', text: () => 'A', dx: 10, fill: colours.ref, fontWeight: 'bold' }),
          ]
        : []),
      Plot.areaY(rows, { x: 'year', y1: 'p5', y2: 'p95', fill: colours.band, fillOpacity: 0.18 }),
      Plot.areaY(rows, { x: 'year', y1: 'p25', y2: 'p75', fill: colours.band, fillOpacity: 0.38 }),
      Plot.line(rows, { x: 'year', y: 'p50', stroke: colours.line, strokeWidth: 2.5 }),
      Plot.dot(rows, { x: 'year', y: 'p50', fill: colours.line, r: 3 }),
      Plot.dot(targets, { x: 'year', y: 'value', symbol: 'diamond', r: 7, fill: colours.target, stroke: colours.halo }),
      Plot.text(targets, { x: 'year', y: 'value', text: (d) => f(d.value), dy: -12, fill: colours.target, fontWeight: 'bold' }),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: 'year',
          y: 'p50',
          title: (d) =>
            [
              fmtYear(d.year),
              t('tip.kv', { k: t('tip.median'), v: f(d.p50) }),
              t('tip.kv', { k: 'P25–P75', v: `${f(d.p25)} – ${f(d.p75)}` }),
              t('tip.kv', { k: 'P5–P95', v: `${f(d.p5)} – ${f(d.p95)}` }),
              tipExtra?.(d.year) ?? '',
            ]
              .filter(Boolean)
              .join('\n'),
          // A few years far apart: answer anywhere near a year, not only within 40 px.
          maxRadius: width / 2,
        })
      ),
    ],
  });
  return finishSvg(node, label);
}

/** Rows {x1, x2, count, share} of a pre-binned histogram from the engine. */
export function histogramRows(hist) {
  if (!hist || !hist.edges || !hist.counts) return [];
  // Trials beyond the binned range (below/above) still count in the shares.
  const total = hist.counts.reduce((a, b) => a + b, 0) + (hist.below ?? 0) + (hist.above ?? 0) || 1;
  return hist.counts.map((count, i) => ({ x1: hist.edges[i], x2: hist.edges[i + 1], count, share: count / total }));
}

/** A histogram of a total's distribution, with P5, median and P95 (and an optional reference line). */
export function histogramChart(Plot, { total, unit, xLabel, label, reference = null, width = 640, height = 280 }) {
  const rows = histogramRows(total.histogram);
  const f = (x) => fmtBy(unit, x, { compact: true });
  const qs = [total.p5, total.p50, total.p95].filter((x) => typeof x === 'number' && Number.isFinite(x));
  const colours = chartColours();
  const node = Plot.plot({
    ...frame(width, height),
    x: { label: xLabel, tickFormat: f },
    y: { label: t('axis.trials'), grid: true, tickFormat: (d) => fmtPct(d, 0) },
    marks: [
      Plot.ruleY([0]),
      Plot.rectY(rows, { x1: 'x1', x2: 'x2', y: 'share', fill: colours.hist, fillOpacity: 0.75, insetLeft: 0.5, insetRight: 0.5 }),
      Plot.ruleX(qs, { stroke: colours.ref, strokeDasharray: '4,3' }),
      reference === null ? null : Plot.ruleX([reference], { stroke: colours.target, strokeWidth: 2 }),
      Plot.tip(
        rows,
        Plot.pointerX({
          x: (d) => (d.x1 + d.x2) / 2,
          y: 'share',
          title: (d) => `${f(d.x1)} – ${f(d.x2)}\n${fmtPct(d.share, 1)} (${fmtInt(d.count)})`,
        })
      ),
    ],
  });
  return finishSvg(node, label);
}

/** Rows {year, p, label, key} of the probability of each target by year. */
export function probabilityRows(result) {
  const rows = [];
  (result.targets ?? []).forEach((tg, k) => {
    (tg.probability_by_year ?? []).forEach((p, i) => rows.push({ year: result.years[i], p, label: pick(tg.label), key: k }));
  });
  return rows;
}

/** The probability that each target is met by the end of each year. */
export function probabilityChart(Plot, { result, label, width = 640, height = 280 }) {
  const rows = probabilityRows(result);
  const keys = [...new Set(rows.map((r) => r.key))];
  const colours = chartColours();
  const node = Plot.plot({
    ...frame(width, height),
    x: yearAxis(result.years, width),
    y: { label: t('axis.probability'), domain: [0, 1], grid: true, tickFormat: (d) => fmtPct(d, 0) },
    // Ordinal: the keys are numbers, which Plot would otherwise read as a
    // continuous scale (the second target then took the range's last colour,
    // not the legend's second).
    color: { type: 'ordinal', domain: keys, range: colours.series },
    marks: [
      Plot.ruleY([0]),
      Plot.line(rows, { x: 'year', y: 'p', stroke: 'key', strokeWidth: 2.5 }),
      Plot.dot(rows, { x: 'year', y: 'p', fill: 'key', r: 3.5 }),
      Plot.tip(rows, Plot.pointer({ x: 'year', y: 'p', maxRadius: 60, title: (d) => `${d.label}\n${t('tip.kv', { k: fmtYear(d.year), v: fmtPct(d.p, 1) })}` })),
    ],
  });
  return finishSvg(node, label);
}

/**
 * The median net benefit of each account as a horizontal bar, with its
 * P5–P95 as a whisker. `rows`: [{label, median, p5, p95}] (accounts.js).
 * Any other figure by row likewise, with its own `axis` label and `fmt`
 * (each partner's duos started, partners.js).
 */
export function perspectiveChart(Plot, { rows, label, width = 640, height, axis = t('axis.net'), fmt = (x) => fmtBy('eur', x, { compact: true }) }) {
  const f = fmt;
  const colours = chartColours();
  const longest = Math.max(...rows.map((r) => r.label.length), 8);
  const node = Plot.plot({
    ...frame(width, height ?? 36 + rows.length * 30, Math.min(200, 12 + longest * 6.4)),
    x: { label: axis, tickFormat: f, grid: true, ticks: Math.max(3, Math.floor(width / 110)) },
    y: { label: null, domain: rows.map((r) => r.label) },
    marks: [
      Plot.barX(rows, { y: 'label', x: 'median', fill: colours.hist, fillOpacity: 0.75 }),
      Plot.ruleX([0], { stroke: colours.ref }),
      Plot.ruleY(rows, { y: 'label', x1: 'p5', x2: 'p95', stroke: colours.ref, strokeWidth: 1.5 }),
      Plot.tickX(rows, { y: 'label', x: 'p5', stroke: colours.ref, strokeWidth: 1.5, inset: 6 }),
      Plot.tickX(rows, { y: 'label', x: 'p95', stroke: colours.ref, strokeWidth: 1.5, inset: 6 }),
      Plot.tip(
        rows,
        Plot.pointerY({
          y: 'label',
          x: 'median',
          title: (d) => [d.label, t('tip.kv', { k: t('tip.median'), v: f(d.median) }), t('tip.kv', { k: 'P5–P95', v: `${f(d.p5)} – ${f(d.p95)}` })].join('\n'),
        })
      ),
    ],
  });
  return finishSvg(node, label);
}

/** The least width a tornado's bars keep beside its labels, in px at the page's text size. */
const TORNADO_BARS_PX = 160;

/**
 * A tornado: each input's rank correlation with an output as a horizontal
 * bar from zero, sorted by size, the sign by side and colour.
 * `rows`: [{label, rho}] (decide.js tornadoRows).
 */
export function tornadoChart(Plot, { rows, label, width = 640, height, fmt = (x) => `${x > 0 ? '+' : ''}${fmtRatio(x)}` }) {
  const colours = chartColours();
  const longest = Math.max(...rows.map((r) => r.label.length), 8);
  // The labels leave the bars at least TORNADO_BARS_PX of the width (frame()
  // scales the margin with the text), so that on a phone they are not
  // squeezed to nothing; a longer label is cut (the tip and the table beside
  // the chart give it whole).
  const margin = Math.round(Math.max(40, Math.min(320, (width - TORNADO_BARS_PX * textScale) / textScale, 12 + longest * 6.2)));
  const chars = Math.max(8, Math.floor((margin - 12) / 6.2));
  const f = fmt;
  const node = Plot.plot({
    ...frame(width, height ?? 40 + rows.length * 28, margin),
    // Room beyond ±1 for the value written at the end of a full bar.
    // Five ticks where the bars have room for them, three on a phone.
    x: { label: t('axis.rho'), domain: [-1.2, 1.2], grid: true, tickFormat: f, ticks: width - (margin + 24) * textScale < 240 ? [-1, 0, 1] : [-1, -0.5, 0, 0.5, 1] },
    y: { label: null, domain: rows.map((r) => r.label), tickFormat: (d) => (d.length > chars ? `${d.slice(0, chars - 1)}…` : d) },
    color: { type: 'ordinal', domain: [false, true], range: [colours.series[1] ?? colours.ref, colours.hist] },
    marks: [
      Plot.barX(rows, { y: 'label', x1: 0, x2: 'rho', fill: (d) => d.rho >= 0, fillOpacity: 0.85 }),
      Plot.ruleX([0], { stroke: colours.ref }),
      Plot.text(rows.filter((d) => d.rho >= 0), { y: 'label', x: 'rho', text: (d) => f(d.rho), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      Plot.text(rows.filter((d) => d.rho < 0), { y: 'label', x: 'rho', text: (d) => f(d.rho), dx: -4, textAnchor: 'end', fill: 'currentColor' }),
      Plot.tip(rows, Plot.pointerY({ y: 'label', x: 'rho', title: (d) => `${d.label}\nρ = ${f(d.rho)}` })),
    ],
  });
  return finishSvg(node, label);
}

// ---- tables ---------------------------------------------------------------

/** A <table> with a caption, header row and rows of already formatted cells. */
export function table(caption, head, body) {
  const tbl = document.createElement('table');
  const cap = document.createElement('caption');
  cap.textContent = caption;
  tbl.append(cap);
  const thead = tbl.createTHead().insertRow();
  for (const h of head) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    thead.append(th);
  }
  const tb = tbl.createTBody();
  for (const r of body) {
    const tr = tb.insertRow();
    r.forEach((cell, i) => {
      const c = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) c.scope = 'row';
      c.textContent = cell;
      tr.append(c);
    });
  }
  return tbl;
}

export function fanTable(caption, rows, unit) {
  const f = (x) => fmtBy(unit, x);
  return table(
    caption,
    [t('col.year'), 'P5', 'P25', `P50 (${t('card.median')})`, 'P75', 'P95', t('col.mean')],
    rows.map((r) => [fmtYear(r.year), f(r.p5), f(r.p25), f(r.p50), f(r.p75), f(r.p95), f(r.mean)])
  );
}

export function histogramTable(caption, total, unit) {
  const f = (x) => fmtBy(unit, x);
  return table(
    caption,
    [t('col.from'), t('col.to'), t('col.share')],
    histogramRows(total.histogram).map((r) => [f(r.x1), f(r.x2), `${fmtPct(r.share, 1)} (${fmtInt(r.count)})`])
  );
}

export function probabilityTable(caption, result) {
  const tgs = result.targets ?? [];
  return table(
    caption,
    [t('col.year'), ...tgs.map((tg) => pick(tg.label))],
    result.years.map((y, i) => [fmtYear(y), ...tgs.map((tg) => fmtPct(tg.probability_by_year?.[i], 1))])
  );
}

export function tornadoTable(caption, rows, fmt = (x) => fmtRatio(x)) {
  return table(caption, [t('drivers.col.input'), t('drivers.col.rho')], rows.map((r) => [r.label, fmt(r.rho)]));
}

export function perspectiveTable(caption, rows, f = (x) => fmtBy('eur', x)) {
  return table(
    caption,
    [t('col.perspective'), 'P5', `P50 (${t('card.median')})`, 'P95'],
    rows.map((r) => [r.label, f(r.p5), f(r.median), f(r.p95)])
  );
}
