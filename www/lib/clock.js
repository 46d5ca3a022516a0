// The clock the workers' watchdogs read (pool.js, tasks.js): the page's own
// by default; the unit tests pass one they move by hand.
//
// A watchdog ticks on the page's thread. When that thread is held (a long
// task, a machine whose cores are all busy, a hidden tab), its tick comes
// late, and the workers' messages sent meanwhile may still be waiting behind
// it: silence measured at that tick says nothing about the workers. Such a
// tick gives every worker a fresh grace period instead of judging it.

/** performance.now() and setInterval. */
export const pageClock = {
  now: () => performance.now(),
  every(f, ms) {
    const id = setInterval(f, ms);
    return () => clearInterval(id);
  },
};

/**
 * Calls `check(now)` every `ms` on `clock`, or `grace(now)` when the tick
 * comes more than a whole period late (over 2 × ms after the previous one).
 * Returns a function that stops it.
 */
export function watchdog(clock, ms, { check, grace }) {
  let last = clock.now();
  return clock.every(() => {
    const now = clock.now();
    const late = now - last > 2 * ms;
    last = now;
    if (late) grace(now);
    else check(now);
  }, ms);
}
