// Writes the page's and the widget's code as a few minified files in
// www/dist/, with source maps that point back to the files in www/. A browser
// opens at most six connections to a server over HTTP/1.1, so the forty
// modules of the page queued behind one another and held up the engine's file
// and the workers; a few files are also a third of their gzipped weight. The
// sources stay as they are, and the Node tests import them.
//
// The page (index.html) loads dist/app.js, from www/page/app.js: a small file
// that starts compiling the engine and the workers at once, then imports
// dist/page.js (the rest of the page). dist/embed-dialog.js is imported on
// the "Embed this" button's first press. Code they share is in files named
// chunk-<hash>.js, which app.js and page.js import, so that every one of them
// is loaded with the page (and kept for offline use with the rest). The widget
// (embed.html) loads dist/embed.js, from www/embed/main.js, in one file.
//
// The charts' library is written to www/vendor/plot.js: the parts of
// Observable Plot that the page and the widget call, with the parts of d3
// those need, built from the two packages' own ES modules (so that what is
// never called is left out) and minified. The names are read from the code
// (every `Plot.name` in www/lib/, www/page/ and www/embed/), so a chart that
// calls a new mark gets it at the next build; a name Plot does not export
// fails the build. Next to it, plot.LICENSES.txt holds the licence of every
// package whose code is in it (Plot, d3's packages, and the few Plot needs).
//
// Left as they are: the engine's package (www/pkg/), the QR library
// (www/vendor/qrcode.mjs, loaded on first use), and the simulation worker
// (www/lib/worker.js, which imports only the engine).
//
// A module that finds a file next to itself with `import.meta.url` keeps
// finding it: each `import.meta.url` is replaced by the address of the module
// it was written in, worked out from the bundle's own.
//
//   node scripts/bundle.mjs          (run by scripts/build-wasm.sh)
import * as esbuild from 'esbuild';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const WWW = path.join(ROOT, 'www');
const OUT = path.join(WWW, 'dist');

/** A path from the bundles' folder, with forward slashes. */
const fromOut = (file) => path.relative(OUT, file).split(path.sep).join('/');

const sameAddresses = {
  name: 'same-addresses',
  setup(build) {
    // Build outputs of their own (the engine, the libraries): imported, never bundled.
    build.onResolve({ filter: /(^|\/)(pkg|vendor)\// }, (args) => ({
      path: fromOut(path.resolve(args.resolveDir, args.path)),
      external: true,
    }));
    build.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      const here = `new URL(${JSON.stringify(fromOut(args.path))}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', here), loader: 'js' };
    });
  },
};

const COMMON = {
  outdir: OUT,
  bundle: true,
  format: 'esm',
  // What the page already required: module workers, top-level await, class fields.
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  sourcesContent: false,
  plugins: [sameAddresses],
  metafile: true,
  logLevel: 'warning',
};
const entries = (names) => Object.fromEntries(Object.entries(names).map(([name, file]) => [name, path.join(WWW, file)]));

/** Every `Plot.name` the page's and the widget's code reads. */
async function plotNames() {
  const names = new Set();
  for (const dir of ['lib', 'page', 'embed']) {
    for (const f of (await readdir(path.join(WWW, dir))).filter((f) => f.endsWith('.js'))) {
      for (const [, name] of (await readFile(path.join(WWW, dir, f), 'utf8')).matchAll(/\bPlot\.([A-Za-z_$][\w$]*)/g)) names.add(name);
    }
  }
  return [...names].sort();
}

const names = await plotNames();
const plot = await import('@observablehq/plot');
const version = async (pkg) => JSON.parse(await readFile(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const missing = names.filter((n) => !(n in plot));
if (missing.length) throw new Error(`the page calls Plot.${missing.join(', Plot.')}, which Observable Plot does not export`);

await rm(OUT, { recursive: true, force: true });
const [pageBuild, widgetBuild, plotBuild] = await Promise.all([
  esbuild.build({
    ...COMMON,
    entryPoints: entries({ app: 'page/app.js', page: 'page/page.js', 'embed-dialog': 'page/embed-dialog.js' }),
    splitting: true,
    chunkNames: 'chunk-[hash]',
  }),
  // Its own build: the widget shares no file with the page.
  esbuild.build({ ...COMMON, entryPoints: entries({ embed: 'embed/main.js' }) }),
  esbuild.build({
    stdin: {
      contents: `export { ${names.join(', ')} } from '@observablehq/plot';\n`,
      resolveDir: ROOT,
      sourcefile: 'plot.js',
    },
    outfile: path.join(WWW, 'vendor', 'plot.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    // The licences are in plot.LICENSES.txt (below).
    legalComments: 'none',
    banner: { js: `// Observable Plot ${await version('@observablehq/plot')} with the parts of d3 and of the packages it needs, for Plot.${names.join(', Plot.')}; their licences are in plot.LICENSES.txt. Written by scripts/bundle.mjs.` },
    metafile: true,
    logLevel: 'warning',
  }),
]);
// The packages whose code made it into vendor/plot.js, each with its licence.
const plotOut = Object.entries(plotBuild.metafile.outputs).find(([file]) => file.endsWith('vendor/plot.js'))?.[1];
if (!plotOut) throw new Error('vendor/plot.js is missing from the outputs of its build');
const packages = new Set();
for (const [input, { bytesInOutput }] of Object.entries(plotOut.inputs)) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
  if (pkg && bytesInOutput > 0) packages.add(pkg);
}
const licences = [];
for (const pkg of [...packages].sort()) {
  const dir = path.join(ROOT, 'node_modules', pkg);
  const file = (await readdir(dir)).find((f) => /^licen[cs]e/i.test(f));
  if (!file) throw new Error(`${pkg} is in vendor/plot.js but has no licence file`);
  const heading = `${pkg} ${await version(pkg)}`;
  licences.push(`${heading}\n${'='.repeat(heading.length)}\n\n${(await readFile(path.join(dir, file), 'utf8')).trim()}\n`);
}
await writeFile(path.join(WWW, 'vendor', 'plot.LICENSES.txt'), `The code in plot.js comes from these packages, under these licences.\n\n${licences.join('\n')}`);

for (const { metafile } of [pageBuild, widgetBuild, plotBuild]) {
  for (const [file, { bytes }] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`bundle: ${path.relative(WWW, file)} ${(bytes / 1024).toFixed(1)} KiB`);
  }
}
