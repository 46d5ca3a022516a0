// The page's own buttons and the events of the window: the language, the
// link and its copy, presentation mode and its two views, print (the charts
// and the tornado redrawn at the size of paper), the downloads, Cancel and
// Run again, and "Embed this" (embed-dialog.js, loaded on its first press).

import { t, setLang, getLang, onLangChange, translateDom, locale } from '../lib/i18n.js';
import { shareUrl } from '../lib/state.js';
import { setChartTextScale } from '../lib/charts.js';
import { download } from '../lib/export.js';
import { installShare } from './share.js';
import { notice } from './notices.js';
import { renderResults, redrawCharts, exportLast, csvText } from './render.js';
import { drawDrivers } from './tools.js';
import { renderControls, inputsChanged, renderSourcesNow } from './inputs.js';
import { cancelRun, readyStatus } from './run-status.js';
import { $, app, chartHeight, shortLink, updateUrl } from './shared.js';

// The charts' text on the page and in presentation mode (page/style.css, page/room.css).
const PAGE_TEXT_PX = 11;
const PRESENT_TEXT_PX = 20;
// The width the tornado is drawn at for print (page/room.css prints it half a page wide).
const PRINT_TORNADO_PX = 520;

/**
 * In presentation mode the screen holds one view below the answers: the
 * chart, or what drives the answer (the tornado); the reader switches.
 */
function setPresentView(drivers) {
  document.body.classList.toggle('present-drivers', drivers);
  $('btn-view-chart').setAttribute('aria-pressed', String(!drivers));
  $('btn-view-drivers').setAttribute('aria-pressed', String(drivers));
  if (!drivers) requestAnimationFrame(() => redrawCharts(undefined, chartHeight()));
}

/** Presentation mode on or off: in the address, and the charts drawn again at the size the mode shows them. */
export function setPresent(on) {
  if (!app.state) return;
  app.state.present = on;
  document.body.classList.toggle('present', on);
  const b = $('btn-present');
  b.setAttribute('aria-pressed', String(on));
  b.textContent = on ? t('btn.presentExit') : t('btn.present');
  setChartTextScale(on ? PRESENT_TEXT_PX / PAGE_TEXT_PX : 1);
  updateUrl();
  // Charts are drawn at the size they are shown, so that their text stays at the size the mode asks for.
  requestAnimationFrame(() => redrawCharts(undefined, chartHeight()));
}

/** Says when the page runs from this browser's copy (sw.js) with no network. */
export function watchOnline() {
  const el = $('offline');
  const show = () => {
    el.hidden = navigator.onLine;
    el.textContent = navigator.onLine ? '' : t('offline.now');
  };
  window.addEventListener('offline', show);
  window.addEventListener('online', show);
  onLangChange(show);
  show();
}

async function copyLink() {
  if (!app.state) return;
  const url = shareUrl(app.state);
  const out = $('share-url');
  out.value = url;
  out.hidden = false;
  try {
    // A browser may leave the request pending (no permission asked in a headless run): give up after a second.
    await Promise.race([navigator.clipboard.writeText(url), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
    $('copy-status').textContent = t('btn.copied');
  } catch {
    out.select();
    $('copy-status').textContent = t('btn.copyFailed');
  }
}

/**
 * "Embed this" (embed-dialog.js), only where the page has its button, and
 * loaded on its first press: few readers open it. Once installed, the dialog
 * listens to the button itself.
 */
function wireEmbed() {
  if (!$('btn-embed')) return;
  let dialog = null;
  const first = () => {
    dialog ??= import('./embed-dialog.js').then((m) => m.installEmbedDialog({ button: $('btn-embed'), getState: () => app.state, getScenario: () => app.scenario }));
    dialog.then(
      (d) => d.open(),
      (e) => {
        dialog = null;
        $('btn-embed').addEventListener('click', first, { once: true });
        notice(e.message ?? String(e), 'error');
      }
    );
  };
  $('btn-embed').addEventListener('click', first, { once: true });
}

/** The scenario as a file, the answer's quantiles as CSV and the answer as JSON (the last two with every series). */
function wireDownloads() {
  $('dl-csv').addEventListener('click', () => exportLast((last) => download(`mentorsim-${last.scenario.id || 'scenario'}-quantiles.csv`, csvText(last), 'text/csv')));
  $('dl-json').addEventListener('click', () => app.scenario && download(`mentorsim-${app.scenario.id || 'scenario'}.json`, `${JSON.stringify(app.scenario, null, 2)}\n`, 'application/json'));
  $('dl-result').addEventListener('click', () => exportLast((last) => download(`mentorsim-${last.scenario.id || 'scenario'}-result.json`, `${JSON.stringify(last.result, null, 2)}\n`, 'application/json')));
}

/** The language menu, and everything said again in the language chosen. */
function wireLanguage() {
  const sel = $('lang');
  sel.value = getLang();
  sel.addEventListener('change', () => {
    app.state && (app.state.lang = sel.value);
    setLang(sel.value);
  });
  onLangChange(() => {
    sel.value = getLang();
    translateDom();
    if (!app.scenario) return;
    updateUrl();
    setPresent(app.state.present);
    renderControls();
    renderSourcesNow();
    if (app.last) renderResults();
    app.share?.refresh();
    if (document.body.dataset.state === 'ready' && app.last) readyStatus();
  });
}

/** On paper: the charts three to a row and the tornado half a page wide, drawn at that size so their text stays legible; the link and the date. */
function wirePrint() {
  window.addEventListener('beforeprint', () => {
    redrawCharts(340, 160);
    // Drawn narrow, the tornado's text prints at about 7 pt (drawn for the screen, 4 pt).
    drawDrivers({ width: PRINT_TORNADO_PX });
    $('print-url').textContent = t('print.generated', { url: app.state ? shortLink() : location.href });
    $('print-date').textContent = new Intl.DateTimeFormat(locale(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date());
  });
  window.addEventListener('afterprint', () => {
    redrawCharts();
    drawDrivers();
  });
}

/** Wires every button of the page that is there before the engine loads. */
export function wireStatic() {
  wireLanguage();
  $('btn-copy').addEventListener('click', copyLink);
  $('btn-present').addEventListener('click', () => setPresent(!app.state?.present));
  $('btn-view-chart').addEventListener('click', () => setPresentView(false));
  $('btn-view-drivers').addEventListener('click', () => setPresentView(true));
  $('btn-print').addEventListener('click', () => window.print());
  wirePrint();
  wireEmbed();
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && app.state?.present) setPresent(false);
  });
  wireDownloads();
  $('btn-cancel').addEventListener('click', cancelRun);
  $('btn-rerun').addEventListener('click', () => {
    $('btn-rerun').hidden = true;
    inputsChanged(true);
  });
  app.share = installShare({ button: $('btn-share'), getUrl: shortLink });
}
