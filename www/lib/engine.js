// Loads the simulation engine (the Rust core compiled to WebAssembly) once.
//
// The .wasm file is compiled a single time into a WebAssembly.Module; the
// main thread instantiates it for the quick calls (presets, validate, merge)
// and the same Module is posted to every worker, so no worker fetches or
// compiles it again.

const PKG = new URL('../pkg/mentorsim.js', import.meta.url);
const WASM = new URL('../pkg/mentorsim_bg.wasm', import.meta.url);

let modulePromise = null;
let enginePromise = null;

/** The compiled WebAssembly.Module (started at most once). */
export function compileModule() {
  modulePromise ??= (async () => {
    const response = await fetch(WASM);
    if (!response.ok) throw new Error(`${WASM.pathname}: HTTP ${response.status}`);
    if (WebAssembly.compileStreaming && (response.headers.get('content-type') ?? '').startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(response);
    }
    return WebAssembly.compile(await response.arrayBuffer());
  })();
  return modulePromise;
}

/**
 * The engine's JavaScript API on the main thread, and the compiled module:
 * {api: {presets, preset, priors, schema, paramSummary, validate, simulate, RangeRun, merge, lastPanic, version}, module}.
 */
export function loadEngine() {
  enginePromise ??= (async () => {
    const [bindings, module] = await Promise.all([import(PKG.href), compileModule()]);
    await bindings.default({ module_or_path: module });
    return { api: bindings, module };
  })();
  return enginePromise;
}
