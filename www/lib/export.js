// A chart as a file: a standalone SVG with its title and caption, a PNG
// (with its text in PNG text chunks), and the download of either. The charts
// themselves are drawn by charts.js.

// ---- export ---------------------------------------------------------------

// Rules that a standalone SVG needs, since the page's stylesheet does not travel with it.
const EXPORT_CSS = `svg{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:10px;background:#fff;color:#111}text,tspan{white-space:pre}[aria-label="tip"],[data-mark="tip"]{display:none}`;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Splits text into lines of at most `max` characters, at spaces. */
function wrap(text, max) {
  const lines = [];
  let line = '';
  const words = String(text)
    .split(/\s+/)
    .flatMap((w) => (w.length > max ? w.match(new RegExp(`.{1,${max}}`, 'g')) : [w]));
  for (const word of words) {
    if (line && line.length + word.length + 1 > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A standalone SVG document of a chart, with its title above and its caption
 * (what it shows, trials, seed, sources) below, so the file says what it is
 * wherever it ends up. Returns {text, width, height}.
 */
export function exportSvg(node, { title = '', caption = '' } = {}) {
  const chart = (node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg')).cloneNode(true);
  const w = Number(chart.getAttribute('width')) || 640;
  const h = Number(chart.getAttribute('height')) || 320;
  const lines = caption ? wrap(caption, Math.max(40, Math.floor(w / 6.2))) : [];
  const top = title ? 30 : 6;
  const height = top + h + 8 + lines.length * 14 + 6;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('width', String(w));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${w} ${height}`);
  const el = (tag, attrs, text) => {
    const e = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    svg.append(e);
    return e;
  };
  if (title) el('title', {}, title);
  if (caption) el('desc', {}, caption);
  el('style', {}, EXPORT_CSS);
  el('rect', { width: '100%', height: '100%', fill: '#fff' });
  if (title) el('text', { x: 4, y: 20, 'font-size': 15, 'font-weight': 'bold', fill: '#111' }, title);
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(top));
  chart.removeAttribute('role');
  svg.append(chart);
  lines.forEach((line, i) => el('text', { x: 4, y: top + h + 18 + i * 14, 'font-size': 11, fill: '#333' }, line));
  return { text: new XMLSerializer().serializeToString(svg), width: w, height };
}

/** The standalone SVG document (text) of a chart. */
export function svgText(node, options) {
  return exportSvg(node, options).text;
}

/** A PNG of a chart (with its title and caption) at `scale` times its size. */
export async function pngBlob(node, options = {}, scale = 2) {
  const { text, width: w, height: h } = exportSvg(node, options);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const png = await new Promise((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png')
    );
    const text = { Title: options.title, Description: options.caption, Software: 'mentorsim' };
    return new Blob([withPngText(new Uint8Array(await png.arrayBuffer()), text)], { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(url);
  }
}

// ---- PNG text chunks --------------------------------------------------------

let crcTable;
/** CRC-32 (ISO 3309, as PNG uses) of bytes. */
export function crc32(bytes) {
  crcTable ??= Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * A PNG with text chunks (iTXt: UTF-8, uncompressed) after its header, so
 * the file carries its title and caption into an image viewer or a
 * document's properties. Empty fields are left out.
 */
export function withPngText(png, fields) {
  const enc = new TextEncoder();
  const chunks = [];
  for (const [keyword, value] of Object.entries(fields)) {
    if (!value) continue;
    // keyword NUL, compression flag 0, method 0, language tag NUL, translated keyword NUL, text.
    const data = new Uint8Array([...enc.encode(keyword), 0, 0, 0, 0, 0, ...enc.encode(String(value))]);
    const chunk = new Uint8Array(12 + data.length);
    const view = new DataView(chunk.buffer);
    view.setUint32(0, data.length);
    chunk.set(enc.encode('iTXt'), 4);
    chunk.set(data, 8);
    view.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
    chunks.push(chunk);
  }
  // The signature (8 bytes) and IHDR (4 + 4 + 13 + 4 bytes) come first.
  const head = 8 + 25;
  const out = new Uint8Array(png.length + chunks.reduce((a, c) => a + c.length, 0));
  out.set(png.subarray(0, head), 0);
  let at = head;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(head), at);
  return out;
}

/** Offers a blob or text as a download named `name`. */
export function download(name, data, type = 'text/plain') {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
