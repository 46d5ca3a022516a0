// lib/charts.js: a chart's PNG carries its title and caption as text chunks
// that any PNG reader accepts (each chunk's CRC checked here).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { WWW } from './engine.mjs';

const { crc32, withPngText } = await import(`${WWW}lib/export.js`);

/** The chunks of a PNG: type, data, and whether the CRC is right. */
function chunks(png) {
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out = [];
  for (let at = 8; at < png.length; ) {
    const len = view.getUint32(at);
    const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    const crcOk = view.getUint32(at + 8 + len) === crc32(png.subarray(at + 4, at + 8 + len));
    out.push({ type, data, crcOk });
    at += 12 + len;
  }
  return out;
}

test('CRC-32 as PNG computes it', () => {
  // The CRC of an IEND chunk (type only, no data) is fixed: ae 42 60 82.
  assert.equal(crc32(new TextEncoder().encode('IEND')), 0xae426082);
});

test('a PNG gets UTF-8 title and caption chunks after its header, every CRC right, the image untouched', () => {
  const png = new Uint8Array(readFileSync(`${WWW}icon-192.png`));
  const caption = 'Duos démarrés par année — P5–P95, 10 000 essais, graine 2025. Sources : E4–E7. https://example.org/mentorsim';
  const out = withPngText(png, { Title: 'Duo’s per jaar', Description: caption, Software: 'mentorsim', Empty: '' });
  const before = chunks(png);
  const after = chunks(out);
  assert.ok(after.every((c) => c.crcOk), 'every chunk’s CRC is right');
  assert.equal(after[0].type, 'IHDR');
  const texts = after.filter((c) => c.type === 'iTXt');
  const decoded = texts.map((c) => {
    const d = c.data;
    const k = d.indexOf(0);
    return [new TextDecoder().decode(d.subarray(0, k)), new TextDecoder().decode(d.subarray(k + 5))];
  });
  assert.deepEqual(decoded, [
    ['Title', 'Duo’s per jaar'],
    ['Description', caption],
    ['Software', 'mentorsim'],
  ]);
  // The other chunks are the original ones, in order.
  const rest = after.filter((c) => c.type !== 'iTXt');
  assert.deepEqual(
    rest.map((c) => [c.type, Buffer.from(c.data).toString('hex')]),
    before.map((c) => [c.type, Buffer.from(c.data).toString('hex')])
  );
});
