// Working offline: once the first full answer is on screen, registers sw.js
// (the service worker at the site's root) and hands it the list of this
// site's files the page loaded (its modules, styles, the engine, the charts),
// so that a reload without network finds them all. Not before: installing, it
// fetches the engine and the page's core files again, which on a first visit
// competed with the first answer for the network and the processor. Does
// nothing where service workers are not available (a file:// page, a
// sandboxed frame, an old browser).

// Files the page loads later or elsewhere (its workers, the charts, and what
// the "Share" and "Embed this" buttons load on their first press), kept too.
const LATER_FILES = [
  'lib/worker.js',
  'pkg/mentorsim.js',
  'pkg/mentorsim_bg.wasm',
  'vendor/plot.js',
  'vendor/qrcode.mjs',
  'dist/embed-dialog.js',
  'page/embed-dialog.css',
];

/** The service worker's registration (null where there is none), once asked for. */
let registration = null;

function register() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return Promise.resolve(null);
  return navigator.serviceWorker.register(new URL('../sw.js', import.meta.url), { scope: new URL('../', import.meta.url).pathname }).catch(() => null);
}

/** Registers the service worker (once) and sends it every same-origin file the page has loaded so far. */
export async function keepForOffline() {
  registration ??= register();
  if (!(await registration)) return;
  const reg = await navigator.serviceWorker.ready;
  const urls = new Set([location.href, ...LATER_FILES.map((f) => new URL(`../${f}`, import.meta.url).href)]);
  for (const e of performance.getEntriesByType('resource')) if (new URL(e.name).origin === location.origin) urls.add(e.name);
  reg.active?.postMessage({ cache: [...urls] });
}
