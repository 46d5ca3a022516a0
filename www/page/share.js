// "Share": a dialog with the short link of the scenario as it is (the preset
// and only the edited fields, readable: ?preset=actiris-2028&budget.constant=3000000)
// and its QR code, drawn on the page by qrcode-generator (vendor/qrcode.mjs,
// served from this site), big enough to scan from the back of a room. The QR
// library is loaded the first time the dialog opens, not with the page.
//
//   installShare({ button, getUrl })   getUrl() gives the short link now

import { t } from '../lib/i18n.js';
import { h, loadOnce } from '../lib/dom.js';

const loadQr = loadOnce(() => import('../vendor/qrcode.mjs').then((m) => m.default));

/** Quiet zone around the code, in modules (the standard asks for 4). */
const QUIET = 4;

/**
 * Draws the QR code of `text` on a canvas about `size` CSS pixels wide,
 * whole pixels per module so that it stays sharp. Resolves to the canvas.
 */
export async function qrCanvas(text, size = 320) {
  const qrcode = await loadQr();
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const cell = Math.max(2, Math.floor(size / (n + 2 * QUIET)));
  const px = cell * (n + 2 * QUIET);
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, px, px);
  ctx.fillStyle = '#000';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) ctx.fillRect((c + QUIET) * cell, (r + QUIET) * cell, cell, cell);
  canvas.dataset.modules = String(n);
  return canvas;
}

export function installShare({ button, getUrl }) {
  const dialog = h('dialog', { class: 'share-dialog', id: 'share-dialog', 'aria-labelledby': 'share-title' });
  document.body.append(dialog);
  const status = h('span', { class: 'copy-status', role: 'status' });

  async function fill() {
    const url = getUrl();
    const linkId = 'share-link';
    const input = h('input', { id: linkId, type: 'text', readonly: true, value: url, class: 'share-link' });
    let canvas;
    try {
      canvas = await qrCanvas(url, 560);
      canvas.id = 'share-qr';
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', t('share.qr', { url }));
      canvas.dataset.url = url;
    } catch (e) {
      // Offline before the library was ever loaded: the link still works.
      canvas = h('p', { class: 'share-scan', role: 'status', text: t('share.qrFailed', { message: e?.message ?? String(e) }) });
    }
    dialog.replaceChildren(
      h(
        'div',
        { class: 'share-head' },
        h('h2', { id: 'share-title', text: t('share.title') }),
        h('button', { type: 'button', class: 'small', text: t('share.close'), onclick: () => dialog.close() })
      ),
      h('div', { class: 'share-body' }, canvas, h('div', { class: 'share-side' }, h('p', { class: 'share-scan', text: t('share.scan') }), h('label', { for: linkId, text: t('share.short') }), input, h('p', {}, h('button', { type: 'button', text: t('share.copy'), onclick: () => copy(url, input) }), ' ', status)))
    );
  }

  async function copy(url, input) {
    try {
      await Promise.race([navigator.clipboard.writeText(url), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000))]);
      status.textContent = t('btn.copied');
    } catch {
      input.select();
      status.textContent = t('btn.copyFailed');
    }
  }

  button.addEventListener('click', async () => {
    await fill();
    if (dialog.open) return;
    dialog.showModal();
    dialog.querySelector('.share-head button')?.focus();
  });
  return { dialog, refresh: () => dialog.open && fill() };
}
