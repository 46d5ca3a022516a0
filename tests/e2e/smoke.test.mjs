// The plumbing under every other end-to-end test: the static server's headers
// and limits, Chromium starting, and the built package and charts loading in a
// page served from another origin (as an embedding site would).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertOnlyLocal, openSession, requireBuild, screenshot, startServer } from './helpers.mjs';

// A raw GET: fetch() would normalise '..' away before the server saw it.
function rawGet(origin, path) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    })
      .on('error', reject)
      .end();
  });
}

const HOST_PAGE = (app) => `<!doctype html>
<meta charset="utf-8">
<title>smoke</title>
<link rel="icon" href="data:,">
<h1>Embedding host</h1>
<div id="chart"></div>
<script type="module">
  const init = (await import('${app}pkg/mentorsim.js')).default;
  const wasm = await init({ module_or_path: '${app}pkg/mentorsim_bg.wasm' });
  const Plot = await import('${app}vendor/plot.js');
  document.querySelector('#chart').append(
    Plot.plot({ marks: [Plot.barX([3, 1, 4, 1, 5], { y: (d, i) => i, x: (d) => d })] }),
  );
  window.smoke = { memory: wasm.memory instanceof WebAssembly.Memory, svg: !!document.querySelector('#chart svg') };
</script>`;

describe('smoke', () => {
  let s;
  let hostRoot;

  before(async () => {
    requireBuild();
    hostRoot = await mkdtemp(join(tmpdir(), 'mentorsim-host-'));
    s = await openSession({ hostRoot });
    await writeFile(join(hostRoot, 'index.html'), HOST_PAGE(s.base));
  });

  after(async () => {
    await s?.close();
    if (hostRoot) await rm(hostRoot, { recursive: true, force: true });
  });

  test('serves wasm as application/wasm, open to any origin, never cached stale', async () => {
    const res = await fetch(s.base + 'pkg/mentorsim_bg.wasm');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/wasm');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d], 'wasm magic number');
  });

  test('an unchanged file is answered 304 on revalidation; a rebuilt one has a new ETag and comes whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mentorsim-serve-'));
    const server = await startServer({ root: dir });
    try {
      await writeFile(join(dir, 'a.js'), 'export const a = 1;\n');
      const first = await fetch(server.base + 'a.js');
      const tag = first.headers.get('etag');
      assert.ok(tag && first.headers.get('last-modified'), 'validators sent');
      assert.equal(first.headers.get('cache-control'), 'no-cache', 'always revalidated');
      const again = await fetch(server.base + 'a.js', { headers: { 'If-None-Match': tag } });
      assert.equal(again.status, 304);
      assert.equal((await again.arrayBuffer()).byteLength, 0);
      await writeFile(join(dir, 'a.js'), 'export const a = 22;\n');
      const rebuilt = await fetch(server.base + 'a.js', { headers: { 'If-None-Match': tag } });
      assert.equal(rebuilt.status, 200);
      assert.notEqual(rebuilt.headers.get('etag'), tag);
      assert.equal(await rebuilt.text(), 'export const a = 22;\n');
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('serves JavaScript as text/javascript', async () => {
    const res = await fetch(s.base + 'pkg/mentorsim.js');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^text\/javascript/);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
  });

  test('answers 404 for a missing file and refuses paths outside its root', async () => {
    const missing = await fetch(s.base + 'no-such-file.js');
    assert.equal(missing.status, 404);
    assert.equal(missing.headers.get('access-control-allow-origin'), '*');
    assert.equal(await rawGet(s.origin, '/..%2f..%2fCargo.toml'), 403);
    assert.equal(await rawGet(s.origin, '/%2e%2e/%2e%2e/Cargo.toml'), 404);
    assert.equal(await rawGet(s.origin, '/../Cargo.toml'), 404);
  });

  test('Chromium loads the package and a chart from another origin, and nothing from outside', async () => {
    const { page, requests, errors } = await s.newPage();
    await page.goto(s.hostBase);
    await page.waitForFunction(() => window.smoke, null, { timeout: 120_000 });
    assert.deepEqual(await page.evaluate(() => window.smoke), { memory: true, svg: true });
    await screenshot(page, 'smoke-host-page');
    assert.ok(requests.some((u) => u.endsWith('/pkg/mentorsim_bg.wasm')), 'the wasm was fetched');
    assertOnlyLocal(requests);
    assert.deepEqual(errors, []);
  });
});
