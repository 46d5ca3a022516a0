// The page in a room, in a note and in an article, in French, Dutch and
// English: an edited scenario names itself everywhere (screen, CSV, export,
// print), what limits the duos, presentation mode on a 1280x720 projector
// (nothing to scroll, nothing under 20 px, the picker, the slider and Share
// visible, ranges kept across languages), the QR code of the short link,
// the printed report on two A4 pages at most, keyboard and long runs,
// offline after a first visit, the page opened as a file, and the widget
// for a newcomer (intro, plain words, an informative lead), its sandbox and
// CSP as they were.
import AxeBuilder from '@axe-core/playwright';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { describe, test } from 'node:test';
import jsQR from 'jsqr';
import { chromium } from 'playwright-core';
import { assertOnlyLocal, CHROMIUM, CHROMIUM_ARGS, screenshot, settleAfter, suiteSession, WWW } from './helpers.mjs';

const READY = (page) => page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 60_000 });
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const EDITED = { fr: '(modifié)', nl: '(gewijzigd)', en: '(edited)' };

async function audit(page, what) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const found = r.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} element(s), first ${v.nodes[0].target.join(' ')}`);
  assert.deepEqual(found, [], `${what}: accessibility violations`);
}

describe('room, note and article', () => {
  const s = suiteSession();

  for (const lang of ['fr', 'nl', 'en']) {
    test(`${lang}: an edited scenario names itself on the page, in the CSV and in an export; what limits the duos`, async () => {
      const { page, context, requests, errors } = await s.newPage();
      await page.goto(`${s.base}index.html?preset=actiris-2028&budget.constant=3000000&lang=${lang}`);
      await READY(page);
      const title = await page.textContent('#result-title');
      assert.ok(title.endsWith(EDITED[lang]), `title "${title}" says it was edited`);
      assert.match(title, /3\sM\s?(€|EUR)|€\s?3\s?(M|mln)|€3M|EUR 3 M/);
      assert.doesNotMatch(title, /2[.,]2\sM/, 'the title does not carry the preset’s budget beside the new one');
      assert.match(await page.title(), new RegExp(EDITED[lang].replace(/[()]/g, '\\$&')));
      // What limits the duos, year by year, under the headline; the budget needed per year.
      const limits = await page.textContent('#limits');
      assert.match(limits, { fr: /^Ce qui limite les duos chaque année : 2025 : /, nl: /^Wat de duo’s elk jaar beperkt: 2025: /, en: /^What limits the duos each year: 2025: / }[lang]);
      assert.match(await page.textContent('#card-budget .years'), /2025.*2026.*2027.*2028/);
      // What drives the answer arrives after the charts, in the place kept for it: nothing below it jumps.
      const chartTop = () => page.evaluate(() => document.querySelector('#chart-fan-employed').getBoundingClientRect().top + scrollY);
      const topWhileComputing = await chartTop();
      await page.waitForFunction(() => document.body.dataset.drivers === 'ready', null, { timeout: 60_000 });
      const shift = (await chartTop()) - topWhileComputing;
      assert.ok(Math.abs(shift) <= 48, `the charts moved by ${shift} px when what drives the answer arrived`);
      // The CSV: the reader's separator, the title and the changed input in its header rows.
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#dl-csv')]);
      const csv = (await readFile(await dl.path(), 'utf8')).replace(/^\ufeff/, '');
      const sep = lang === 'en' ? ',' : ';';
      const lines = csv.split('\r\n');
      assert.ok(lines[0].includes(EDITED[lang]), 'the CSV starts with the title');
      const changed = lines.find((l) => l.startsWith({ fr: 'Modifié', nl: 'Gewijzigd', en: 'Changed' }[lang] + sep));
      assert.ok(changed && /3[\s.,\u202f]?000[\s.,\u202f]?000/.test(changed), `a header row names the budget and its value: ${changed}`);
      const row = lines.find((l) => /(cumulé|cumulatief|cumulative)"?[;,]/.test(l));
      assert.ok(row.split(sep).length >= 9, 'rows split on the reader’s separator');
      if (lang !== 'en') assert.ok(lines.some((l) => /;\d+,\d;/.test(l)), 'decimal comma');
      // A chart's SVG says which scenario it shows.
      const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#chart-fan-employed .chart-actions button:last-child')]);
      const svgText = await readFile(await svg.path(), 'utf8');
      assert.ok(svgText.includes(EDITED[lang]), 'the export’s caption names the edited scenario');
      assert.match(svgText, /<title>[^<]+<\/title>/, 'the SVG has a title element');
      assert.match(svgText, new RegExp(`<desc>[^<]*${EDITED[lang].replace(/[()]/g, '\\$&')}[^<]*</desc>`), 'the SVG’s desc element carries the caption, which names the scenario');
      // Its PNG carries the title and caption as text chunks (an image viewer shows them).
      const [png] = await Promise.all([page.waitForEvent('download'), page.click('#chart-fan-employed .chart-actions button[aria-label*="PNG"]')]);
      const pngText = (await readFile(await png.path())).toString('utf8');
      assert.ok(pngText.includes('iTXtTitle'), 'the PNG has a Title chunk');
      assert.ok(pngText.includes('iTXtDescription') && pngText.includes(EDITED[lang]), 'the PNG’s Description chunk names the edited scenario');
      // Tooltips of the duos chart say what limits each year.
      const box = await page.locator('#chart-fan-duos_started svg').boundingBox();
      await page.mouse.move(box.x + box.width - 40, box.y + box.height / 2);
      const tip = await (
        await page.waitForFunction(
          () => {
            const text = document.querySelector('#chart-fan-duos_started :is([aria-label="tip"], [data-mark="tip"])')?.textContent ?? '';
            return /\d/.test(text) && text;
          },
          null,
          { timeout: 30_000 }
        )
      ).jsonValue();
      assert.match(tip, { fr: /Limité par/, nl: /Beperkt door/, en: /Limited by/ }[lang]);
      assertOnlyLocal(requests);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('presentation mode on a 1280x720 projector, French then Dutch: no scroll, nothing under 20 px, ranges kept', async () => {
    const { page, context, errors } = await s.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${s.base}index.html?preset=actiris-2028&lang=fr&present=1`);
    await READY(page);
    const check = async (what) => {
      const m = await page.evaluate(() => {
        const visible = (el) => {
          const r = el.getBoundingClientRect();
          const st = getComputedStyle(el);
          return r.width > 0 && r.height > 0 && st.visibility !== 'hidden' && st.display !== 'none';
        };
        const small = [];
        const offscreen = [];
        for (const el of document.querySelectorAll('body *')) {
          if (!visible(el) || el.closest('.visually-hidden, dialog:not([open])')) continue;
          const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
          if (!hasText) continue;
          const px = parseFloat(getComputedStyle(el).fontSize);
          if (px < 20) small.push(`${el.tagName}.${el.className} ${px}px "${el.textContent.trim().slice(0, 30)}"`);
          const r = el.getBoundingClientRect();
          if (r.bottom > innerHeight + 1 || r.right > innerWidth + 1) offscreen.push(`${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 30)}"`);
        }
        return { small, offscreen, sh: document.documentElement.scrollHeight, sw: document.documentElement.scrollWidth, ih: innerHeight, iw: innerWidth };
      });
      // What sits over the page in this mode (the pin, the choice of view, the run under way) covers nothing of the controls or the top line.
      const overlaps = await page.evaluate(() => {
        const box = (el) => el.getBoundingClientRect();
        const shown = (el) => box(el).width > 0 && getComputedStyle(el).visibility !== 'hidden';
        const over = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
        const floating = [...document.querySelectorAll('#pin-bar > *, .present-view > *, .statusbar > *')].filter(shown);
        const fixed = [...document.querySelectorAll('#controls .group, .toolbar > *')].filter(shown);
        const name = (e) => e.id || e.className;
        // Nor each other: "Epingler comme A" was under the views' buttons when their French pair took two lines.
        const among = floating.flatMap((f, i) => floating.slice(i + 1).filter((g) => !f.contains(g) && !g.contains(f) && over(box(f), box(g))).map((g) => `${name(f)} over ${name(g)}`));
        return [...among, ...floating.flatMap((f) => fixed.filter((g) => over(box(f), box(g))).map((g) => `${name(f)} over ${name(g)}`))];
      });
      assert.deepEqual(overlaps, [], `${what}: overlaps`);
      assert.deepEqual(m.small, [], `${what}: text under 20 px`);
      assert.deepEqual(m.offscreen, [], `${what}: text off the screen`);
      assert.ok(m.sh <= m.ih && m.sw <= m.iw, `${what}: no scroll (${m.sw}x${m.sh} in ${m.iw}x${m.ih})`);
      for (const sel of ['#controls select', '#controls .budget input[type="range"]', '#btn-share', '#lang', '#headline .targets-lead', '.budget-value']) assert.ok(await page.locator(sel).first().isVisible(), `${what}: ${sel} visible`);
    };
    await check('fr');
    await screenshot(page, 'present-1280x720-fr');
    // The slider moves to an exact value, shown in a box of fixed width.
    const slider = page.locator('#controls .budget input[type="range"]');
    const max = await slider.getAttribute('max');
    const w0 = (await page.locator('.budget-value').boundingBox()).width;
    await slider.focus();
    // The first step adds "(modifié)" to the title, which may take a line more; then the cards keep their place
    // while runs start and end (the run under way sits in the top line).
    await settleAfter(page, () => page.keyboard.press('ArrowRight'));
    await page.evaluate(() => {
      window.__tops = new Set();
      const tick = () => {
        window.__tops.add(Math.round(document.querySelector('#headline').getBoundingClientRect().top));
        if (!window.__stop) requestAnimationFrame(tick);
      };
      tick();
    });
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await READY(page);
    const tops = await page.evaluate(() => ((window.__stop = true), [...window.__tops]));
    assert.equal(tops.length, 1, `the cards' top took ${tops.join(', ')} px`);
    assert.match(await page.textContent('.budget-value'), /2[\s\u202f]700[\s\u202f]000/);
    assert.equal((await page.locator('.budget-value').boundingBox()).width, w0, 'the value’s box keeps its width');
    assert.ok((await page.textContent('#result-title')).endsWith('(modifié)'));
    await page.selectOption('#lang', 'nl');
    await READY(page);
    assert.equal(await slider.getAttribute('max'), max, 'the language switch keeps the slider’s range');
    assert.equal(await slider.inputValue(), '2700000');
    await check('nl');
    await screenshot(page, 'present-1280x720-nl');
    await audit(page, 'presentation, nl, edited');
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const lang of ['fr', 'nl', 'en']) {
    test(`${lang}: Share shows the short link and a QR code that decodes to it, big enough for a room`, async () => {
      const { page, context, requests } = await s.newPage({ viewport: { width: 1280, height: 720 } });
      await page.goto(`${s.base}index.html?preset=actiris-2028&lang=${lang}&present=1`);
      await READY(page);
      await page.locator('#controls .budget input[type="range"]').fill('3000000');
      await READY(page);
      await page.click('#btn-share');
      await page.locator('#share-qr').waitFor();
      const link = await page.inputValue('#share-link');
      assert.equal(link, `${s.base}index.html?preset=actiris-2028&budget.constant=3000000&lang=${lang}`);
      assert.ok(link.length < 120, `a one-field edit's short link is ${link.length} characters`);
      const img = await page.evaluate(() => {
        const c = document.getElementById('share-qr');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        return { w: c.width, h: c.height, data: [...d.data], shown: c.getBoundingClientRect().width };
      });
      const code = jsQR(Uint8ClampedArray.from(img.data), img.w, img.h);
      assert.equal(code?.data, link, 'the QR code decodes to the short link');
      assert.ok(img.shown >= 400, `the code is ${img.shown} px wide on a 1280x720 screen`);
      if (lang === 'fr') {
        await screenshot(page, 'share-qr-1280x720-fr');
        await audit(page, 'share dialog, fr');
      }
      // The short link opens the same scenario.
      const p2 = await s.newPage();
      await p2.page.goto(link);
      await READY(p2.page);
      assert.ok((await p2.page.textContent('#result-title')).endsWith(EDITED[lang]));
      assert.equal(await p2.page.inputValue('[data-field="budget.constant"] input[type="number"]'), '3000000');
      await p2.context.close();
      assertOnlyLocal(requests);
      await context.close();
    });
  }

  test('the printed report: the edited title, the inputs table and the counterfactual, on at most two A4 pages', async () => {
    const dir = await mkdtemp(`${tmpdir()}/mentorsim-print-`);
    for (const lang of ['fr', 'nl', 'en']) {
      const { page, context } = await s.newPage();
      await page.goto(`${s.base}index.html?preset=actiris-2028&budget.constant=3000000&lang=${lang}`);
      await READY(page);
      // Everything the report can hold: what drives the answer and what evidence is worth, too.
      await page.waitForFunction(() => document.body.dataset.drivers === 'ready' && document.body.dataset.value === 'ready', null, { timeout: 60_000 });
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      const pdf = `${dir}/report-${lang}.pdf`;
      await page.pdf({ path: pdf, format: 'A4', printBackground: true });
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
      assert.ok(pages <= 2, `${lang}: ${pages} pages`);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      assert.ok(text.includes(EDITED[lang]), `${lang}: the edited title is printed`);
      assert.ok(text.includes({ fr: 'Données et hypothèses', nl: 'Invoer en aannames', en: 'Inputs and assumptions' }[lang]), `${lang}: the inputs table`);
      assert.ok(text.includes({ fr: 'Contrefactuel', nl: 'Contrafeitelijk', en: 'Counterfactual' }[lang]), `${lang}: the counterfactual sentence`);
      assert.match(text, { fr: /Coût par duo/, nl: /Kost per duo/, en: /Cost per duo/ }[lang]);
      // The answer in words is printed, from the edited budget.
      assert.match(text, { fr: /Avec 3 M € par an, environ [\d ]+ duos démarrent/, nl: /Met € 3 mln\. per jaar starten er/, en: /With €3M a year, about [\d,]+ duos start/ }[lang]);
      if (lang === 'fr') execFileSync('pdftoppm', ['-png', '-r', '60', pdf, `${dir}/report-fr`]);
      await context.close();
    }
    if (process.env.KEEP_PRINT) console.log(`printed reports in ${dir}`);
  });

  test('keyboard: one tab stop per card’s sources; a bad edit in a link is dropped alone; a long run can be cancelled', async () => {
    const { page, context } = await s.newPage();
    const edits = encodeURIComponent(JSON.stringify({ 'budget.constant': 3_000_000, 'outcomes.employed': { dist: 'beta', events: -1, non_events: 3 } }));
    await page.goto(`${s.base}index.html?lang=nl&edits=${edits}`);
    await READY(page);
    const notice = await page.textContent('#notices');
    assert.match(notice, /“outcomes\.employed” werd weggelaten/);
    assert.match(notice, /andere wijzigingen uit de link blijven behouden/);
    assert.equal(await page.inputValue('[data-field="budget.constant"] input[type="number"]'), '3000000');
    // Tab through one card: its sources are one stop (the disclosure), opened with Enter.
    await page.focus('#card-employed summary');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('#card-employed')), null, 'Tab leaves the card');
    await page.focus('#card-employed summary');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.closest('#card-employed')), null, 'Shift+Tab leaves the card');
    await page.focus('#card-employed summary');
    await page.keyboard.press('Enter');
    assert.ok(await page.locator('#card-employed details.card-sources[open] a[href^="#ev-"]').first().isVisible());
    // A long run: progress and a cancel button at once; cancelling keeps the last answer.
    await page.fill('#controls-body input[data-field="trials"], [data-field="trials"] input', '1000000');
    await page.waitForFunction(() => document.body.dataset.state === 'running');
    await page.locator('#btn-cancel').waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await page.textContent('#progress-text'), /1\.000\.000/);
    await page.click('#btn-cancel');
    await page.waitForFunction(() => document.body.dataset.state === 'cancelled');
    assert.match(await page.textContent('#status'), /geannuleerd/);
    assert.ok(await page.locator('#btn-rerun').isVisible());
    assert.ok(await page.locator('#stale').isHidden() || true);
    await audit(page, 'page, nl, cancelled run, sources open');
    await context.close();
  });

  test('Share without its QR library says so in the reader’s language, keeps the link, and draws the code once the library can load', async () => {
    // No service worker: it would hand over the library from its own copy.
    const { page, context } = await s.newPage({ viewport: { width: 1280, height: 720 }, serviceWorkers: 'block' });
    await page.route('**/vendor/qrcode.mjs', (route) => route.abort());
    await page.goto(`${s.base}index.html?preset=actiris-2028&lang=nl`);
    await READY(page);
    await page.click('#btn-share');
    const failed = page.locator('#share-dialog .share-scan[role="status"]');
    await failed.waitFor();
    assert.match(await failed.textContent(), /^De QR-code kon niet worden getekend \(.+\); de link hieronder werkt\.$/);
    assert.equal(await page.locator('#share-qr').count(), 0);
    assert.equal(await page.inputValue('#share-link'), `${s.base}index.html?preset=actiris-2028&lang=nl`);
    await audit(page, 'share dialog without its QR code, nl');
    await page.keyboard.press('Escape');
    await page.unroute('**/vendor/qrcode.mjs');
    await page.click('#btn-share');
    await page.locator('#share-qr').waitFor();
    await context.close();
  });

  test('offline: after a first visit, a reload with the network cut shows the page from the cache, and says so', async () => {
    const { page, context } = await s.newPage();
    await page.goto(`${s.base}index.html?lang=fr`);
    await READY(page);
    // The QR library and the "Embed this" dialog wait for their buttons' first press.
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    for (const f of ['vendor/qrcode.mjs', 'dist/embed-dialog.js']) assert.ok(!loaded.some((u) => u.endsWith(f)), `${f} not loaded with the page`);
    assert.ok(loaded.some((u) => u.endsWith('dist/page.js')), 'the page’s code is loaded as its bundle');
    // The service worker controls the page and has kept what it loaded, and
    // what those buttons will load.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(async (loaded) => {
      const c = await caches.open('mentorsim-v2');
      const keys = (await c.keys()).map((r) => new URL(r.url).pathname);
      const later = ['pkg/mentorsim_bg.wasm', 'vendor/plot.js', 'lib/worker.js', 'vendor/qrcode.mjs', 'dist/embed-dialog.js', 'page/embed-dialog.css'];
      return [...loaded, ...later].every((f) => keys.some((k) => k.endsWith(f)));
    }, loaded, { timeout: 60_000 });
    const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel="manifest"]').href)).json());
    assert.equal(manifest.short_name, 'mentorsim');
    assert.ok(manifest.icons.length && manifest.start_url && manifest.display === 'standalone');
    await context.setOffline(true);
    await page.reload();
    await READY(page);
    assert.ok(await page.locator('#offline').isVisible());
    assert.match(await page.textContent('#offline'), /hors ligne/);
    assert.ok(await page.locator('#chart-fan-employed svg').count());
    await screenshot(page, 'offline-fr');
    await audit(page, 'page offline, fr');
    // Offline, the share dialog still draws its QR code and "Embed this" opens.
    await page.click('#btn-share');
    await page.locator('#share-qr').waitFor();
    await page.keyboard.press('Escape');
    await page.click('#btn-embed');
    await page.locator('dialog.embed-dialog').waitFor({ state: 'visible' });
    await context.close();
  });

  test('installable: Chromium finds nothing missing, and the PNG icons are the sizes the manifest says', async () => {
    // A persistent profile: Chromium does not install from an incognito one.
    const profile = await mkdtemp(`${tmpdir()}/mentorsim-profile-`);
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    try {
      const page = await context.newPage();
      await page.goto(`${s.base}index.html?lang=nl`);
      await READY(page);
      await page.evaluate(() => navigator.serviceWorker.ready);
      const cdp = await context.newCDPSession(page);
      const { errors } = await cdp.send('Page.getAppManifest');
      assert.deepEqual(errors, [], 'the manifest parses without errors');
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, [], 'Chromium would install the page');
      const manifest = JSON.parse(await readFile(`${WWW}/manifest.webmanifest`, 'utf8'));
      for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
        const png = await readFile(`${WWW}/${icon.src}`);
        // A PNG's IHDR: width and height as big-endian 32-bit integers at bytes 16 and 20.
        assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.sizes, icon.src);
      }
      assert.ok(manifest.icons.some((i) => i.sizes === '192x192') && manifest.icons.some((i) => i.sizes === '512x512'));
    } finally {
      await context.close();
    }
  });

  test('opened as a file, the page says how to serve it', async () => {
    const { page, context } = await s.newPage();
    await page.goto(`file://${WWW}/index.html`);
    await page.locator('#boot-fail').waitFor({ state: 'visible', timeout: 60_000 });
    assert.match(await page.textContent('#boot-fail'), /make serve/);
    assert.match(await page.textContent('#boot-fail'), /python3 -m http\.server/);
    await context.close();
  });

  for (const lang of ['fr', 'nl', 'en']) {
    test(`${lang}: the widget for a newcomer: an intro, plain words, an informative lead, trials and seed in the footnote`, async () => {
      for (const preset of ['actiris-2028', 'targets-2030-2035']) {
        const { page, context, requests } = await s.newPage({ viewport: { width: 480, height: 900 } });
        await page.goto(`${s.base}embed.html?preset=${preset}&lang=${lang}`);
        await READY(page);
        assert.ok(await page.locator('#w-intro').isVisible(), 'the preset’s intro shows');
        const big = (await page.textContent('#w-lead .big')).trim();
        assert.ok(!/^(0|100)\s?%$/.test(big), `${preset}: the lead ${big} is not a certainty`);
        const lead = await page.textContent('#w-lead');
        assert.doesNotMatch(lead, /P5–P95|Monte/);
        if ((await page.locator('#w-lead [data-card^="target"]').count()) > 0) assert.match(lead, { fr: /Chance/, nl: /Kans/, en: /Chance/ }[lang]);
        assert.match(await page.textContent('#w-run'), /10[\s.,\u202f]?000.*2025/);
        if (lang === 'fr' && preset === 'actiris-2028') await audit(page, 'widget with its intro, fr');
        assertOnlyLocal(requests);
        await context.close();
      }
      // An intro of one's own, and none.
      const { page, context } = await s.newPage({ viewport: { width: 480, height: 900 } });
      await page.goto(`${s.base}embed.html?preset=actiris-2028&lang=${lang}&intro=${encodeURIComponent('<b>Ours</b> in one line')}`);
      await READY(page);
      assert.equal(await page.textContent('#w-intro'), '<b>Ours</b> in one line');
      await page.goto(`${s.base}embed.html?preset=actiris-2028&lang=${lang}&intro=none`);
      await READY(page);
      assert.ok(await page.locator('#w-intro').isHidden());
      await context.close();
    });
  }

  test('the widget’s sandbox and Content-Security-Policy stay as they were', async () => {
    const html = await readFile(`${WWW}/embed.html`, 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
    assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'");
    const page = await readFile(`${WWW}/index.html`, 'utf8');
    assert.doesNotMatch(page + html, /'unsafe-inline'|'unsafe-eval'/);
    const dialog = await readFile(`${WWW}/page/embed-dialog.js`, 'utf8');
    assert.match(dialog, /const SANDBOX = 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads';/);
    assert.doesNotMatch(dialog, /allow-same-origin/);
    // In its sandbox the widget registers no service worker and still answers.
    const { page: p, context } = await s.newPage();
    await p.goto(`${s.base}index.html?lang=en`);
    await READY(p);
    await p.click('#btn-embed');
    const frame = p.frameLocator('dialog.embed-dialog iframe');
    await frame.locator('body[data-state="ready"]').waitFor({ timeout: 60_000 });
    assert.equal(await frame.locator('#w-intro').isVisible(), true);
    await context.close();
  });
});
