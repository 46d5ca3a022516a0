// What the engine says about scenarios, read once from its schema(): the
// parameters (path, domain, unit, label key, default) in the core's order,
// each distribution's fields, the presets and every limit it checks. Nothing
// here is written again on the front end: a new parameter in the core shows
// up on the page, in the widget and in the sources table by itself.
//
// useEngine(api) is called once the engine is loaded (by the session); the
// other functions throw until then. The engine's own paramSummary() gives a
// distribution's mean, median and 90 % interval as it draws them.

let engine = null;

/**
 * Reads the schema of `api` (the wasm bindings or an object with the same
 * schema() and paramSummary()). Returns the schema.
 */
export function useEngine(api) {
  const schema = api.schema();
  engine = {
    schema,
    summary: (path, p) => api.paramSummary(path, p),
    printed: (x, se) => api.printed(x, se),
    printedBound: (p, trials) => api.printedBound(p, trials),
    byPath: new Map(schema.params.map((p) => [p.path, p])),
  };
  return schema;
}

function loaded() {
  if (!engine) throw new Error('the engine schema is not loaded: call useEngine(api) first');
  return engine;
}

/** The whole schema. */
export function schema() {
  return loaded().schema;
}

/** Every limit the core checks ({trials_max, trials_default, seed_default, seed_max, ...}). */
export function limits() {
  return loaded().schema.limits;
}

/** The parameters in the core's order: [{path, domain, min, max, unit, label, default}]. */
export function params() {
  return loaded().schema.params;
}

/** One parameter's entry, or null when `path` is not a parameter. */
export function paramInfo(path) {
  return loaded().byPath.get(path) ?? null;
}

/** The fields of each kind of distribution: {fixed: ['value'], beta: ['events', 'non_events'], ...}. */
export function distFields() {
  return loaded().schema.dists;
}

/**
 * {mean, median, p5, p95} of a parameter as the engine draws it (clipped to
 * its domain); null when the parameter is not valid at `path`.
 */
export function paramSummary(path, p) {
  try {
    return loaded().summary(path, p);
  } catch (e) {
    if (!engine) throw e;
    return null;
  }
}

/**
 * How the engine prints a figure `x` with Monte Carlo standard error `se`
 * (as the CLI does): {value, decimals, band, bandDecimals}, the figure
 * rounded to the digits its error supports and its 95 % Monte Carlo band;
 * band is NaN when no error is known. Null when `x` is not a number.
 */
export function printed(x, se) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return null;
  const [value, decimals, band, bandDecimals] = loaded().printed(x, typeof se === 'number' ? se : NaN);
  return { value, decimals, band, bandDecimals };
}

/**
 * How the engine prints a chance `p` that none or all of `trials` trials
 * showed (as the CLI does): {value, decimals, above}, the bound the trials
 * allow in percent, `above` when all showed it. Null for any other chance.
 */
export function printedBound(p, trials) {
  if (typeof p !== 'number' || typeof trials !== 'number') return null;
  const b = loaded().printedBound(p, trials);
  return b.length === 3 ? { value: b[0], decimals: b[1], above: b[2] === 1 } : null;
}
