// "Embed this": a dialog on the page that writes the code to paste into
// another site for the scenario on screen, with the answer to lead with, the
// controls the reader may move, the look and the language, shows a live
// preview (the real widget, sandboxed as the code sandboxes it) and copies
// the code.
//
//   import { installEmbedDialog } from './embed-dialog.js';
//   installEmbedDialog({
//     button: document.getElementById('btn-embed'),   // opens the dialog
//     getState: () => app.state,                      // {preset, edits, trials, seed, lang}
//     getScenario: () => app.scenario,                // optional: names the targets, hides controls it lacks
//   });
//
// It needs nothing else from the page: its words are in embed/strings.js, its
// styles in embed-dialog.css (linked once, on first use). The page loads this
// module on the button's first press; the button's own label is the page's.

import { t, pick, getLang, LANGS } from '../lib/i18n.js';
import { h, uid } from '../lib/dom.js';
import { getPath } from '../lib/state.js';
import { et } from '../embed/strings.js';
import { embedQuery, CONTROLS, EMBED_DEFAULTS, FONTS, THEMES, TITLE_MAX, PERSPECTIVE_LEADS, leadPerspective, normaliseHex } from '../embed/options.js';

const SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads';
const DEFAULT_HEIGHT = 560;
const WIDTHS = ['320', '480', '760', 'column'];
const LANG_NAMES = { fr: 'Français', nl: 'Nederlands', en: 'English' };

/** The widget's own accent for a theme when the code names none, from the palette (lib/palette.css). */
function defaultAccent(theme) {
  const probe = h('span', { class: theme === 'dark' ? 'palette-dark' : 'palette-light', hidden: true });
  document.body.append(probe);
  const accent = getComputedStyle(probe).getPropertyValue('--accent').trim();
  probe.remove();
  return normaliseHex(accent) ?? '#000000';
}

/** Text for an HTML attribute value in double quotes. */
export function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The widget's address for a page state and widget options, relative to `base` (the page's address). */
export function embedUrl(state, options, base = location.href) {
  return new URL(`embed.html${embedQuery(state, options)}`, base).href;
}

/** The code to paste: the iframe and embed-host.js. */
export function embedSnippet(src, { height = DEFAULT_HEIGHT, title = 'mentorsim', base = location.href } = {}) {
  const host = new URL('embed-host.js', base).href;
  return (
    `<iframe data-mentorsim src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${Math.round(height)}" loading="lazy" ` +
    `style="border:0;max-width:100%" sandbox="${SANDBOX}"></iframe>\n` +
    `<script src="${escapeAttr(host)}" async></script>`
  );
}

let cssLinked = false;
function linkCss() {
  if (cssLinked) return;
  cssLinked = true;
  document.head.append(h('link', { rel: 'stylesheet', href: new URL('./embed-dialog.css', import.meta.url).href }));
}

function field(label, control, cls = 'ed-field') {
  const id = control.id || uid('ed');
  control.id = id;
  return h('div', { class: cls }, h('label', { for: id, text: label }), control);
}

function select(options, value) {
  return h(
    'select',
    {},
    options.map(([v, text]) => h('option', { value: v, text, selected: v === value }))
  );
}

/** The lead answers a scenario offers: [name, label]. */
function leadOptions(scenario) {
  const out = [];
  (scenario?.targets ?? []).forEach((tg, i) => out.push([i === 0 ? 'target' : `target-${i + 1}`, et('dlg.leadTarget', { label: pick(tg.label) })]));
  if (!out.length) out.push(['target', et('dlg.leadTarget', { label: t('card.target') })]);
  for (const [name, key] of [
    ['employed', 'card.employed'],
    ['net', 'card.net'],
    ['cost-net', 'card.costNet'],
    ['started', 'card.started'],
    ['bcr', 'card.bcr'],
    ['budget', 'card.budget'],
    ['mentors', 'card.mentors'],
  ]) {
    out.push([name, t(key)]);
  }
  for (const name of PERSPECTIVE_LEADS) out.push([name, et('dlg.leadPerspective', { who: t(`persp.${leadPerspective(name)}`) })]);
  return out;
}

/** Whether the scenario has what a control moves. */
function controlAvailable(scenario, name) {
  if (!scenario) return true;
  const { path } = CONTROLS[name];
  if (name === 'budget') return typeof scenario.budget?.constant === 'number';
  const v = getPath(scenario, path);
  return v !== undefined && v !== 'unlimited';
}

/**
 * Installs the dialog; `button` opens it. Returns {open(), close(), dialog}.
 * The previous choices (lead, controls, look) are kept between openings.
 */
export function installEmbedDialog({ button, getState, getScenario = () => null } = {}) {
  const dialog = h('dialog', { class: 'embed-dialog', 'aria-labelledby': 'ed-title' });
  document.body.append(dialog);
  // The dialog: the reader's choices, and the parts that follow them.
  const d = {
    choices: {
      lead: EMBED_DEFAULTS.lead,
      controls: [...EMBED_DEFAULTS.controls],
      theme: EMBED_DEFAULTS.theme,
      accent: null, // none until the colour is picked: the theme's own
      font: EMBED_DEFAULTS.font,
      title: '',
      lang: null,
      width: 'column',
    },
    dialog,
    getState,
    getScenario,
    preview: null,
    previewHeight: 0,
    timer: 0,
    code: null,
  };
  // Heights from the preview only: the same checks as embed-host.js.
  window.addEventListener('message', (event) => {
    if (!d.preview || event.source !== d.preview.contentWindow) return;
    const m = event.data;
    if (!m || typeof m !== 'object' || m.type !== 'mentorsim:resize') return;
    if (typeof m.height !== 'number' || !Number.isFinite(m.height) || m.height <= 0) return;
    d.previewHeight = Math.min(10_000, Math.ceil(m.height));
    d.preview.style.height = `${d.previewHeight}px`;
    writeCode(d);
  });
  const open = () => {
    linkCss();
    build(d);
    if (!dialog.open) dialog.showModal();
    dialog.querySelector('select')?.focus();
  };
  dialog.addEventListener('close', () => {
    // Stop the preview's computation; it is rebuilt on the next opening.
    clearTimeout(d.timer);
    d.preview?.remove();
    d.preview = null;
    button?.focus();
  });
  button?.addEventListener('click', open);
  return { open, close: () => dialog.close(), dialog };
}

/** The widget's address for the scenario on the page and the choices made. */
function currentUrl(d) {
  const s = d.getState() ?? {};
  const { controls, lead, theme, accent, font, title, lang } = d.choices;
  const state = { preset: s.preset, edits: s.edits ?? {}, trials: s.trials, seed: s.seed, lang: lang ?? getLang(), present: false };
  return embedUrl(state, { controls, lead, theme, accent, font, title });
}

function writeCode(d) {
  if (!d.code) return;
  d.code.value = embedSnippet(currentUrl(d), { height: d.previewHeight || DEFAULT_HEIGHT, title: d.choices.title || et('dlg.iframeTitle') });
}

/** After a choice: the code at once, the preview once the choices pause. */
function refresh(d) {
  writeCode(d);
  clearTimeout(d.timer);
  d.timer = setTimeout(() => {
    if (!d.preview) return;
    const src = currentUrl(d);
    if (d.preview.getAttribute('src') !== src) d.preview.setAttribute('src', src);
  }, 300);
}

function setWidth(d) {
  const box = d.dialog.querySelector('.ed-preview-box');
  if (!box) return;
  for (const w of WIDTHS) box.classList.toggle(`w-${w}`, d.choices.width === w);
}

/** A select of `options` ([value, label]) whose change sets `choices[key]` and then calls `then`. */
function choice(d, key, options, then = () => refresh(d)) {
  const el = select(options, d.choices[key]);
  el.addEventListener('change', () => {
    d.choices[key] = el.value;
    then(el);
  });
  return el;
}

/** A check box per control, those the scenario cannot offer disabled and left out. */
function controlBoxes(d, scenario) {
  const { choices, dialog } = d;
  return Object.keys(CONTROLS).map((name) => {
    const id = uid('ed');
    const available = controlAvailable(scenario, name);
    if (!available) choices.controls = choices.controls.filter((c) => c !== name);
    const box = h('input', { type: 'checkbox', id, value: name, checked: choices.controls.includes(name), disabled: !available });
    box.addEventListener('change', () => {
      choices.controls = Object.keys(CONTROLS).filter((n) => dialog.querySelector(`input[type="checkbox"][value="${n}"]`)?.checked);
      refresh(d);
    });
    return h('div', { class: 'ed-check' }, box, h('label', { for: id, text: et(`dlg.ctl.${name}`) }));
  });
}

/** The widget's look: theme, accent colour, font, language and heading. */
function lookFields(d) {
  const { choices } = d;
  const accent = h('input', { type: 'color', value: normaliseHex(choices.accent ?? '') ?? defaultAccent(choices.theme) });
  accent.addEventListener('input', () => {
    choices.accent = accent.value;
    refresh(d);
  });
  const theme = choice(d, 'theme', THEMES.map((v) => [v, et(`dlg.theme.${v}`)]), () => {
    if (!choices.accent) accent.value = defaultAccent(choices.theme);
    refresh(d);
  });
  const title = h('input', { type: 'text', maxlength: TITLE_MAX, value: choices.title, spellcheck: 'true' });
  title.addEventListener('input', () => {
    choices.title = title.value;
    refresh(d);
  });
  return h(
    'fieldset',
    { class: 'ed-set' },
    h('legend', { text: et('dlg.look') }),
    field(et('dlg.theme'), theme),
    field(et('dlg.accent'), accent, 'ed-field ed-inline'),
    field(et('dlg.font'), choice(d, 'font', FONTS.map((v) => [v, et(`dlg.font.${v}`)]))),
    field(et('dlg.lang'), choice(d, 'lang', LANGS.map((l) => [l, LANG_NAMES[l]]))),
    field(et('dlg.heading'), title)
  );
}

/** The code to paste, and its Copy button with what became of the copy. */
function codeFields(d) {
  const codeId = uid('ed');
  const code = h('textarea', { id: codeId, class: 'ed-code', rows: 5, readonly: true, spellcheck: 'false' });
  const status = h('span', { class: 'ed-status', role: 'status' });
  const copy = h('button', { type: 'button', class: 'ed-copy', text: et('dlg.copy') });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.value);
      status.textContent = et('dlg.copied');
    } catch {
      code.focus();
      code.select();
      status.textContent = et('dlg.copyFailed');
    }
  });
  d.code = code;
  return [h('div', { class: 'ed-field' }, h('label', { for: codeId, text: et('dlg.code') }), code), h('div', { class: 'ed-actions' }, copy, status)];
}

/** The widget as it will look, at the width chosen. */
function previewPane(d) {
  d.previewHeight = 0;
  d.preview = h('iframe', {
    class: 'ed-frame',
    'data-mentorsim': '',
    title: `${et('dlg.preview')}: ${et('dlg.iframeTitle')}`,
    sandbox: SANDBOX,
    height: String(DEFAULT_HEIGHT),
    src: currentUrl(d),
  });
  const width = choice(d, 'width', WIDTHS.map((v) => [v, v === 'column' ? et('dlg.widthColumn') : `${v} px`]), () => setWidth(d));
  return h(
    'div',
    { class: 'ed-preview' },
    h('div', { class: 'ed-preview-head' }, h('h3', { text: et('dlg.preview') }), field(et('dlg.width'), width, 'ed-field ed-inline')),
    h('div', { class: 'ed-preview-box' }, d.preview)
  );
}

/** The dialog's content for the scenario on the page now. */
function build(d) {
  const { choices, dialog } = d;
  const scenario = d.getScenario();
  if (!choices.lang) choices.lang = getLang();
  const leads = leadOptions(scenario);
  if (!leads.some(([v]) => v === choices.lead)) choices.lead = leads[0][0];
  const options = h(
    'div',
    { class: 'ed-options' },
    field(et('dlg.lead'), choice(d, 'lead', leads)),
    h('fieldset', { class: 'ed-set' }, h('legend', { text: et('dlg.controls') }), controlBoxes(d, scenario)),
    lookFields(d),
    ...codeFields(d),
    h('p', { class: 'ed-note', text: et('dlg.note') })
  );
  const close = h('button', { type: 'button', class: 'ed-close', text: et('dlg.close'), onclick: () => dialog.close() });
  dialog.replaceChildren(
    h('div', { class: 'ed-head' }, h('h2', { id: 'ed-title', text: et('dlg.title') }), close),
    h('p', { class: 'ed-intro', text: et('dlg.intro') }),
    h('div', { class: 'ed-grid' }, options, previewPane(d))
  );
  setWidth(d);
  writeCode(d);
}
