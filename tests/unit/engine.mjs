// The engine for unit tests: the wasm package the page loads (www/pkg, built
// by `make wasm`), instantiated in Node, and its schema given to lib/schema.js.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WWW = fileURLToPath(new URL('../../www/', import.meta.url));

let api = null;

/** The engine's bindings, loaded once; fails with the fix when the package is missing. */
export async function engine() {
  if (api) return api;
  for (const file of ['pkg/mentorsim.js', 'pkg/mentorsim_bg.wasm']) assert.ok(existsSync(WWW + file), `www/${file} is missing: run \`make wasm\` first`);
  const bindings = await import(`${WWW}pkg/mentorsim.js`);
  bindings.initSync({ module: readFileSync(`${WWW}pkg/mentorsim_bg.wasm`) });
  const { useEngine } = await import(`${WWW}lib/schema.js`);
  useEngine(bindings);
  api = bindings;
  return api;
}
