// One controller for the page and the widget: the state read from the
// address (with its fallback and notices), the scenario as the reader edits
// it, validation, the debounce before a run, the run generation that drops
// superseded answers, cancellation and progress throttling. It touches no
// DOM: each view passes hooks and draws what they are given.
//
//   const session = new Session({ api, runner, hooks, debounceMs });
//   const notices = session.boot(location.search, { langs: LANGS });
//   session.changed({ now: true });
//
// Hooks (all optional):
//   invalid(problems)          the inputs cannot run; the last answer stays, stale
//   scheduled({live})          valid inputs, a run is coming (live: a quick answer first)
//   running(snapshot)          a run starts: {scenario, trials, seed}
//   progress(done, total)      at most once per frame
//   result(last, isCurrent)    draw `last` ({scenario, trials, seed, result, ms, workers, quick});
//                              resolve false when superseded (isCurrent() turned false)
//   quick(last)                a quick answer is on screen (last.quick: its few trials); the full one follows
//   ready(last)                the answer on screen matches the inputs, at the full trial count
//   failed(error)              the engine failed
//
// Live answers (quickTrials > 0): an edit that is not `now` or `immediate` (a
// slider moving, a number typed) is answered at once from the first
// `quickTrials` trials, then in full as soon as that quick answer is drawn,
// unless the inputs moved meanwhile: then another quick answer first. No
// wait is added: while the hand moves, quick answers follow it as fast as
// the engine gives them; when it rests, the full run replaces the last one.
// Trial i draws from its own streams, so a quick answer is the first trials
// of the full run (common random numbers): the numbers settle, not jump.
//
// A view that draws only part of a quick answer (the page: its headline
// cards) passes `quickSeries(scenario)`, the names of the series it reads:
// the engine then summarises only those, which is most of a quick run's
// work. Such an answer goes to the hooks (last.series: the names) but does
// not become `last`, which stays the last full answer for everything else
// that reads it (exports, charts, the decision tools). A view that shows
// only some series of a full answer too passes `fullSeries(scenario)`: its
// full runs summarise those alone (last.series: the names), and what needs
// every series asks for them when it is needed.

import { t, fmtInt, setLang, getLang } from './i18n.js';
import { parseQuery, applyEdits, diffScenario, setPath, getPath, clone } from './state.js';
import { useEngine, schema, limits } from './schema.js';
import { Cancelled } from './pool.js';

/** A validation problem ({field, message}) as one line of text. */
export function problemText(p) {
  return p.field ? `${p.field}: ${p.message}` : p.message;
}

/** Several problems as one line. */
export function problemsText(problems) {
  return problems.map(problemText).join('; ');
}

/** The notice for what was wrong in an address ('' when nothing was). */
export function urlNoticeText(notices) {
  if (!notices.length) return '';
  const { trials_max: max } = limits();
  const line = (n) => t(n.key, { value: n.value ?? '', detail: n.detail ?? '', min: fmtInt(1), max: fmtInt(max) });
  // Edits left out one by one: the rest of the link still applies.
  const dropped = notices.filter((n) => n.dropped);
  const other = notices.filter((n) => !n.dropped);
  const parts = [];
  if (other.length) parts.push(t('notice.url', { detail: other.map(line).join(' ') }));
  if (dropped.length) parts.push(t('notice.droppedEdits', { detail: dropped.map(line).join(' ') }));
  return parts.join(' ');
}

// Text that looks like markup or script: it is shown as it is, as text.
const MARKUP = /<\s*[a-z!/]|javascript:|on\w+\s*=/i;

const defaultFrame = (f) => (globalThis.requestAnimationFrame ? globalThis.requestAnimationFrame(f) : setTimeout(f, 16));

/** Trials of a live answer while an input moves, for the page and the widget. */
export const LIVE_TRIALS = 1000;

export class Session {
  /**
   * @param {object} o
   * @param {object} o.api        the engine's bindings (preset, validate, ...)
   * @param {object} o.runner     {run(scenario, {trials, seed}, onProgress), cancel()} (runner.js)
   * @param {object} [o.hooks]    see above
   * @param {number} [o.debounceMs]  the wait before a run when there are no live answers
   * @param {number} [o.quickTrials]  trials of a live answer; 0: none, runs wait debounceMs
   * @param {Function} [o.quickSeries]  scenario -> the series names a quick answer needs (all when absent)
   * @param {Function} [o.fullSeries]   scenario -> the series names a full answer needs (all when absent)
   * @param {Function} [o.frame]  schedules progress (requestAnimationFrame)
   */
  constructor({ api, runner, hooks = {}, debounceMs = 150, quickTrials = 0, quickSeries = null, fullSeries = null, frame = defaultFrame }) {
    this.api = api;
    useEngine(api);
    this.runner = runner;
    this.hooks = hooks;
    this.debounceMs = debounceMs;
    this.quickTrials = quickTrials;
    this.quickSeries = quickSeries;
    this.fullSeries = fullSeries;
    this.quickBusy = false; // a quick run is in flight
    this.quickDirty = false; // the inputs moved while it ran
    this.frame = frame;
    this.state = null; // {preset, edits, trials, seed, lang, present, pin}
    this.base = null; // the preset's scenario
    this.scenario = null; // as edited (may be invalid)
    this.last = null; // the last full answer: {scenario, trials, seed, result, ms, workers, series?}
    this.localErrors = new Map(); // field -> message, from inputs the engine never sees (a non-number)
    this.problems = [];
    this.gen = 0;
    this.timer = 0;
    this.progressPending = false;
    this.runningGen = 0; // the run whose progress may still be shown
    this.failedGen = 0; // the last run that failed
  }

  /**
   * Reads the state from a query string, falling back to the default preset
   * (or the preset without its edits) when anything is wrong. Chooses the
   * language the address asks for. Returns the notices ({key, value}).
   */
  boot(search, { langs, markupNotice = false }) {
    const { state, notices } = parseQuery(search, { schema: schema(), langs });
    if (state.lang) setLang(state.lang);
    state.lang = getLang();
    this.state = state;
    this.base = this.api.preset(state.preset);
    // The short form's fields: those the preset has; others are ignored, or named when they look like a field.
    for (const [path, value] of Object.entries(state.loose ?? {})) {
      if (getPath(this.base, path) !== undefined) state.edits[path] = value;
      else if (path.includes('.')) notices.push({ key: 'notice.badPath', value: path, dropped: true });
    }
    delete state.loose;
    const { scenario, kept, dropped } = this.applyEach(state.edits);
    this.scenario = scenario;
    state.edits = kept;
    notices.push(...dropped);
    if (state.pin) {
      // A pinned scenario that cannot run is left out, with a notice; B stays.
      try {
        const a = applyEdits(this.base, state.pin);
        if (this.api.validate(a).length) throw new Error('invalid');
      } catch {
        notices.push({ key: 'notice.badPin', value: '' });
        state.pin = null;
      }
    }
    if (markupNotice) {
      const markup = Object.entries(state.edits).filter(([, v]) => MARKUP.test(JSON.stringify(v)));
      if (markup.length) notices.push({ key: 'notice.markup', value: markup.map(([k]) => k).join(', ') });
    }
    return notices;
  }

  /**
   * Applies edits one at a time, keeping each that leaves a valid scenario
   * and dropping the others, each with a notice (a second pass gives an edit
   * that needs a later one its chance). Returns {scenario, kept, dropped}.
   */
  applyEach(edits) {
    let scenario = clone(this.base);
    const kept = {};
    let pending = Object.entries(edits ?? {});
    let reasons = new Map();
    for (let pass = 0; pass < 2 && pending.length; pass++) {
      const next = [];
      for (const [path, value] of pending) {
        const candidate = clone(scenario);
        if (!setPath(candidate, path, value)) {
          reasons.set(path, t('notice.noSuchField'));
          next.push([path, value]);
          continue;
        }
        let problems;
        try {
          problems = this.api.validate(candidate);
        } catch (e) {
          problems = [{ field: '', message: e.message ?? String(e) }];
        }
        if (problems.length) {
          reasons.set(path, problemsText(problems));
          next.push([path, value]);
        } else {
          scenario = candidate;
          kept[path] = value;
          reasons.delete(path);
        }
      }
      pending = next;
    }
    const dropped = pending.map(([path]) => ({ key: 'notice.droppedEdit', value: path, detail: reasons.get(path) ?? '', dropped: true }));
    return { scenario, kept, dropped };
  }

  /** The scenario pinned as A (B against A), or null. */
  pinned() {
    return this.state?.pin ? applyEdits(this.base, this.state.pin) : null;
  }

  /** Pins the scenario as it is now as A (its edits of the preset); `false` unpins. */
  pin(on = true) {
    this.state.pin = on ? clone(diffScenario(this.base, this.scenario)) : null;
  }

  /** Whether the scenario differs from its preset (as of the last valid check). */
  edited() {
    return Object.keys(this.state?.edits ?? {}).length > 0;
  }

  /** Starts again from preset `id`, with no edits. */
  choosePreset(id) {
    this.state.preset = id;
    this.state.edits = {};
    this.state.pin = null; // A was pinned on another preset
    this.base = this.api.preset(id);
    this.scenario = clone(this.base);
    this.localErrors.clear();
    this.problems = [];
  }

  /** Replaces the whole scenario (the JSON box; a file with `switchPreset`: a preset's id then becomes the base). */
  replace(scenario, { switchPreset = false } = {}) {
    if (switchPreset && scenario && this.state.preset !== scenario.id && this.api.presets().some((p) => p.id === scenario.id)) {
      this.state.preset = scenario.id;
      this.base = this.api.preset(scenario.id);
    }
    this.scenario = scenario;
    this.localErrors.clear();
  }

  /** Sets one input of the scenario, dropping the local errors of that input. */
  edit(path, value, field = path) {
    for (const k of [...this.localErrors.keys()]) if (k === field || k === path || k.startsWith(`${path}.`)) this.localErrors.delete(k);
    setPath(this.scenario, path, value);
  }

  /** Sets the trial count or seed. */
  setRun(o) {
    for (const k of Object.keys(o)) this.localErrors.delete(k);
    Object.assign(this.state, o);
  }

  localError(field, message) {
    this.localErrors.set(field, message);
  }

  /** Every problem: local ones, then the engine's (a validate() that throws is one problem). */
  check() {
    const local = [...this.localErrors].map(([field, message]) => ({ field, message }));
    let engine;
    try {
      engine = this.api.validate(this.scenario);
    } catch (e) {
      engine = [{ field: '', message: e.message ?? String(e) }];
    }
    return [...local, ...engine];
  }

  /**
   * The inputs changed: validates them; when they can run, schedules a run
   * (after the debounce; `immediate`: in the next task; `now`: at once, a
   * quick answer first when there are live answers, as for the first answer
   * after loading), else cancels any run and reports the problems. Returns
   * the problems.
   */
  changed({ immediate = false, now = false } = {}) {
    const problems = this.check();
    this.problems = problems;
    clearTimeout(this.timer);
    if (problems.length) {
      this.cancel();
      this.hooks.invalid?.(problems);
      return problems;
    }
    this.state.edits = diffScenario(this.base, this.scenario);
    const live = this.quickTrials > 0 && this.quickTrials < this.state.trials && !immediate;
    this.hooks.scheduled?.({ live });
    if (now && live) this.#live();
    else if (now) this.run();
    // Live: in the next task, not after a wait; the input's own task stays short.
    else if (live) this.timer = setTimeout(() => this.#live(), 0);
    else this.timer = setTimeout(() => this.run(), immediate ? 0 : this.debounceMs);
    return problems;
  }

  /** A quick answer now (or as soon as the one in flight is drawn), then the full one. */
  async #live() {
    if (this.quickBusy) {
      this.quickDirty = true;
      return;
    }
    this.quickBusy = true;
    this.quickDirty = false;
    const gen = this.gen + 1; // the generation run() is about to take
    try {
      await this.run({ quick: true });
    } finally {
      this.quickBusy = false;
    }
    if (this.gen !== gen) return; // something else ran or was cancelled meanwhile
    if (this.failedGen === gen) return; // it failed, and said so: the full run waits for the reader to try again
    if (this.quickDirty) this.#live();
    else this.run();
  }

  /** Drops the run in flight and any scheduled one. */
  cancel() {
    clearTimeout(this.timer);
    this.gen += 1;
    this.runner.cancel();
  }

  #progress(done, total) {
    this.progressLatest = [done, total];
    if (this.progressPending) return;
    this.progressPending = true;
    const gen = this.gen;
    this.frame(() => {
      this.progressPending = false;
      // A frame that comes after its run ended (or was superseded) says nothing.
      if (this.runningGen === gen && gen === this.gen) this.hooks.progress?.(...this.progressLatest);
    });
  }

  /** Runs the scenario as it is now. Resolves when its answer is drawn, superseded or failed. */
  async run({ quick = false } = {}) {
    const gen = ++this.gen;
    const isCurrent = () => gen === this.gen;
    const snap = { scenario: clone(this.scenario), base: this.base, trials: quick ? this.quickTrials : this.state.trials, seed: this.state.seed, quick };
    const opts = { trials: snap.trials, seed: snap.seed };
    const series = quick ? this.quickSeries?.(snap.scenario) : this.fullSeries?.(snap.scenario);
    if (series) snap.series = opts.series = series;
    this.runningGen = gen;
    this.hooks.running?.(snap);
    this.#progress(0, snap.trials);
    try {
      const out = await this.runner.run(snap.scenario, opts, (done, total) => isCurrent() && this.#progress(done, total));
      if (!isCurrent()) return;
      const answer = { ...snap, ...out };
      if (!(quick && series)) this.last = answer;
      this.runningGen = 0; // computed: progress is over
      const drawn = this.hooks.result ? await this.hooks.result(answer, isCurrent) : true;
      if (!drawn || !isCurrent()) return;
      if (quick) this.hooks.quick?.(answer);
      else this.hooks.ready?.(answer);
    } catch (e) {
      if (e instanceof Cancelled || !isCurrent()) return;
      this.failedGen = gen;
      this.hooks.failed?.(e);
    } finally {
      if (this.runningGen === gen) this.runningGen = 0;
    }
  }
}
