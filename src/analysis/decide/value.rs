//! What better evidence is worth to a fund-or-not decision: the expected
//! value of perfect information, on everything and on one input.

use crate::engine::model::Model;
use crate::model::error::Error;
use crate::model::options::RunOptions;
use crate::model::outputs::{row_len, Total, PERSPECTIVES};
use crate::model::params::Draws;
use crate::model::scenario::Scenario;
use crate::stats::order::{map_of, order_of};
use serde::Serialize;
use std::collections::BTreeMap;

/// The expected value of perfect information of a fund-or-not decision
/// whose net benefit has, across trials, the values `net`:
///
/// ```text
/// EVPI = E[max(NB, 0)] - max(E[NB], 0)
/// ```
///
/// (what a decision maker would pay, at most, to know the net benefit
/// before deciding; Claxton 1999; Briggs, Claxton and Sculpher 2006, ch. 6).
pub fn evpi(net: &[f64]) -> f64 {
    let n = net.len().max(1) as f64;
    let with_info = net.iter().map(|x| x.max(0.0)).sum::<f64>() / n;
    let now = (net.iter().sum::<f64>() / n).max(0.0);
    with_info - now
}

/// The expected value of partial perfect information on one input `theta`:
///
/// ```text
/// EVPPI = E_theta[max(E[NB | theta], 0)] - max(E[NB], 0)
/// ```
///
/// with `E[NB | theta]` estimated by the mean of `net` within `bins` bins of
/// equal count along `theta` (a nonparametric regression in the spirit of
/// Strong, Oakley and Brennan 2014). Biased upwards by the noise left in each
/// bin's mean; fewer, larger bins bias it less.
pub fn evppi(theta: &[f64], net: &[f64], bins: usize) -> f64 {
    let n = theta.len().min(net.len());
    if n == 0 {
        return 0.0;
    }
    let order = order_of(&theta[..n]);
    let bins = bins.clamp(1, n);
    let mut with_info = 0.0;
    for b in 0..bins {
        let (from, to) = (b * n / bins, (b + 1) * n / bins);
        if to == from {
            continue;
        }
        let mean = order[from..to].iter().map(|&i| net[i]).sum::<f64>() / (to - from) as f64;
        with_info += mean.max(0.0) * (to - from) as f64;
    }
    with_info / n as f64 - (net[..n].iter().sum::<f64>() / n as f64).max(0.0)
}

/// What better evidence is worth to the fund-or-not decision, per account
/// that bears a cost (EUR, present value in start-year prices, for the whole
/// programme): perfect information on everything, and on the effect alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueOfInformation {
    /// Trials it was computed on.
    pub trials: u64,
    /// Per account, the value of knowing everything.
    pub evpi: BTreeMap<&'static str, f64>,
    /// Per account, the value of knowing the effect of mentoring.
    pub evppi_effect: BTreeMap<&'static str, f64>,
    /// Bins along the effect used for the conditional means.
    pub bins: usize,
}

/// The value of information of a scenario, from `opts.trials` trials.
pub fn value_of_information(s: &Scenario, opts: &RunOptions) -> Result<ValueOfInformation, Error> {
    let opts = RunOptions {
        first_trial: 0,
        trial_count: None,
        sensitivity: false,
        ..*opts
    };
    let model = Model::prepare(s, &opts)?;
    let width = row_len(model.years.len());
    let (mut draws, mut row) = (Draws::default(), vec![0.0; width]);
    let accounts: Vec<_> = PERSPECTIVES.iter().filter(|p| p.ratio.is_some()).collect();
    let mut nets = vec![Vec::with_capacity(opts.trials as usize); accounts.len()];
    let mut effect = Vec::with_capacity(opts.trials as usize);
    for trial in 0..opts.trials {
        let t = model.trial(opts.seed, trial, &mut draws, &mut row);
        effect.push(t[Total::Effect]);
        for (v, spec) in nets.iter_mut().zip(&accounts) {
            v.push(t[spec.net]);
        }
    }
    // About 50 trials a bin keeps the upward bias of the binned means small
    // next to the spread of the effect.
    let bins = ((opts.trials / 50) as usize).clamp(1, 200);
    Ok(ValueOfInformation {
        trials: opts.trials,
        evpi: map_of(accounts.iter().zip(&nets).map(|(a, v)| (a.name, evpi(v)))),
        evppi_effect: map_of(
            accounts
                .iter()
                .zip(&nets)
                .map(|(a, v)| (a.name, evppi(&effect, v, bins))),
        ),
        bins,
    })
}
