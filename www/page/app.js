// Entry point of the page. The slow things start first: compiling the engine
// and starting the workers, which then wait for the compiled module. The rest
// of the page's code (dist/page.js, fetched in parallel through its
// modulepreload hint) is loaded meanwhile.

import { compileModule } from '../lib/engine.js';
import { WorkerPool } from '../lib/pool.js';
import { poolRunner } from '../lib/runner.js';

performance.mark('mentorsim:app-start');
const pool = new WorkerPool({ module: compileModule() });
// For diagnostics from the console and the browser tests: the pool (its workers,
// how many were replaced after a fault) and, once a run is done, the last answer.
globalThis.mentorsim = { pool };
// The same runner interface as the widget's (lib/runner.js).
import('./page.js').then((m) => m.start({ runner: poolRunner('workers', pool) }));
