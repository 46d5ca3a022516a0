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
// Left as they are: the engine's package (www/pkg/), the charting libraries
// and the QR library (www/vendor/, the latter loaded on first use), and the
// simulation worker (www/lib/worker.js, which imports only the engine).
//
// A module that finds a file next to itself with `import.meta.url` keeps
// finding it: each `import.meta.url` is replaced by the address of the module
// it was written in, worked out from the bundle's own.
//
//   node scripts/bundle.mjs          (run by scripts/build-wasm.sh)
import * as esbuild from 'esbuild';
import { readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const WWW = fileURLToPath(new URL('../www/', import.meta.url));
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

await rm(OUT, { recursive: true, force: true });
const builds = await Promise.all([
  esbuild.build({
    ...COMMON,
    entryPoints: entries({ app: 'page/app.js', page: 'page/page.js', 'embed-dialog': 'page/embed-dialog.js' }),
    splitting: true,
    chunkNames: 'chunk-[hash]',
  }),
  // Its own build: the widget shares no file with the page.
  esbuild.build({ ...COMMON, entryPoints: entries({ embed: 'embed/main.js' }) }),
]);
for (const { metafile } of builds) {
  for (const [file, { bytes }] of Object.entries(metafile.outputs)) {
    if (file.endsWith('.js')) console.log(`bundle: ${path.relative(WWW, file)} ${(bytes / 1024).toFixed(1)} KiB`);
  }
}
