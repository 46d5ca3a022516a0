// Writes the part of d3 that the page's charts use: d3's own per-package
// browser bundles (the same code as d3.min.js, package by package), without
// the packages that nothing here calls, in dependency order. Observable Plot
// reads d3 as one global object, so a package is left out only if none of its
// exported names is read from that object, by Plot's bundle or by the page's
// code: the script checks that, and fails the build if a left-out package is
// used after all (a newer Plot, say).
//
//   node scripts/d3-subset.mjs OUT.js     (run by scripts/build-wasm.sh)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('../', import.meta.url);
const NM = new URL('node_modules/', ROOT);
const file = (path) => readFileSync(new URL(path, NM), 'utf8');
const pkgJson = (name) => JSON.parse(file(`${name}/package.json`));

/** Interaction and animation (brushes, zooms, drags, transitions, forces) and geometry the charts do not draw. */
const LEFT_OUT = ['d3-brush', 'd3-chord', 'd3-dispatch', 'd3-drag', 'd3-ease', 'd3-force', 'd3-polygon', 'd3-quadtree', 'd3-transition', 'd3-zoom'];

const out = process.argv[2];
if (!out) throw new Error('usage: node scripts/d3-subset.mjs OUT.js');
const packages = Object.keys(pkgJson('d3').dependencies).filter((p) => p.startsWith('d3-'));
for (const p of LEFT_OUT) if (!packages.includes(p)) throw new Error(`${p} is not a part of d3 any more: update LEFT_OUT`);

// The names each left-out package exports, and where they would be read.
const plot = file('@observablehq/plot/dist/plot.umd.min.js');
const www = new URL('www/', ROOT);
const own = ['lib', 'page', 'embed']
  .flatMap((d) => readdirSync(new URL(d, www)).filter((f) => f.endsWith('.js')).map((f) => readFileSync(new URL(`${d}/${f}`, www), 'utf8')))
  .join('\n');
for (const p of LEFT_OUT) {
  const names = Object.keys(await import(p));
  if (!names.length) throw new Error(`${p}: no exported names found`);
  const used = names.filter((n) => new RegExp(`\\.${n}\\b`).test(plot) || new RegExp(`\\bd3\\.${n}\\b`).test(own));
  if (used.length) throw new Error(`${p} is left out of d3 but ${used.join(', ')} is read (by Plot or the page): keep the package`);
}

// Kept packages, each after the packages it needs (a bundle may call its
// dependencies while it is evaluated).
const kept = packages.filter((p) => !LEFT_OUT.includes(p));
const order = [];
const visit = (p, path = []) => {
  if (order.includes(p)) return;
  if (path.includes(p)) throw new Error(`circular dependency: ${[...path, p].join(' -> ')}`);
  for (const d of Object.keys(pkgJson(p).dependencies ?? {}).filter((d) => d.startsWith('d3-'))) {
    if (LEFT_OUT.includes(d)) throw new Error(`${p} needs ${d}, which is left out`);
    visit(d, [...path, p]);
  }
  order.push(p);
};
kept.forEach((p) => visit(p));

const parts = order.map((p) => {
  const text = file(`${p}/dist/${p}.min.js`);
  return text.endsWith('\n') ? text : `${text}\n`;
});
const header = `// d3 ${pkgJson('d3').version}'s packages used by the charts, from their own browser bundles (ISC licence, d3.LICENSE.txt);\n// left out: ${LEFT_OUT.join(', ')}. Written by scripts/d3-subset.mjs.\n`;
const text = header + parts.join('');
writeFileSync(out, text);
const full = file('d3/dist/d3.min.js');
console.log(`d3 subset: ${order.length} of ${packages.length} packages, ${gzipSync(text).length} bytes gzipped (all of d3: ${gzipSync(full).length})`);
