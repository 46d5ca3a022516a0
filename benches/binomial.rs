//! Speed of one Binomial(n, p) draw with parameters that change from call to
//! call, as in the engine: `cargo bench --bench binomial`. `btrd` is
//! `mentorsim::engine::binomial::sample`; `rand_distr` builds its `Binomial` (BTPE
//! above a mean of 10, inversion below) and draws once, as the engine does.

use divan::{black_box, Bencher};
use rand_distr::{Binomial, Distribution};

fn main() {
    divan::main();
}

/// `(n, p)` the engine meets: cohorts of 50 to 5,000 and rates of 0.05 to
/// 0.65 (a mean of 2.5 takes inversion; the rest, BTRD).
const CASES: [(u64, f64); 7] = [
    (50, 0.05),
    (50, 0.3),
    (200, 0.63),
    (1000, 0.05),
    (1000, 0.3),
    (5000, 0.1),
    (5000, 0.65),
];

const DRAWS: usize = 1000;

/// `DRAWS` draws at `(n, p)`, each through `draw`; the time divided by
/// `DRAWS` is the time of one draw.
fn run(b: Bencher, (n, p): (u64, f64), draw: fn(&mut rand_pcg::Pcg64Mcg, u64, f64) -> u64) {
    let mut rng = mentorsim::engine::rng::stream(1, 2, 3);
    b.counter(divan::counter::ItemsCount::new(DRAWS))
        .bench_local(|| {
            let mut sum = 0;
            for _ in 0..DRAWS {
                sum += draw(&mut rng, black_box(n), black_box(p));
            }
            sum
        });
}

#[divan::bench(args = CASES)]
fn btrd(b: Bencher, case: (u64, f64)) {
    run(b, case, mentorsim::engine::binomial::sample);
}

#[divan::bench(args = CASES)]
fn rand_distr(b: Bencher, case: (u64, f64)) {
    run(b, case, |rng, n, p| {
        Binomial::new(n, p).unwrap().sample(rng)
    });
}
