// Why a run or a decision tool failed, in the reader's language: the pool's
// own reasons (a worker that did not start, or kept failing: pool.js
// PoolError) are translated; any other error (the engine's message on bad
// input, a browser's) is said as it came.

import { t } from './i18n.js';

/** The reason of error `e` as the reader reads it. */
export function failureText(e) {
  if (e?.name === 'PoolError' && e.code) return t(`failure.${e.code}`, e.vars ?? {});
  return String(e?.message ?? e);
}
