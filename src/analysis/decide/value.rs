//! What better evidence is worth to a fund-or-not decision: the expected
//! value of perfect information, on everything and on one input.

use crate::engine::model::Model;
use crate::model::error::Error;
use crate::model::options::RunOptions;
use crate::model::outputs::{row_len, Total, PERSPECTIVES};
use crate::model::params::Draws;
use crate::model::priors::PRIORS;
use crate::model::scenario::Scenario;
use crate::model::text::Text;
use crate::stats::order::order_of;
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
    // Never below zero: a rounding of the two sums is not a value.
    (with_info - now).max(0.0)
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
    // Never below zero (within each bin the positive part of the mean is at
    // most the mean of the positive parts): a rounding is not a value.
    (with_info / n as f64 - (net[..n].iter().sum::<f64>() / n as f64).max(0.0)).max(0.0)
}

/// The Monte Carlo standard errors of [`evpi`] and [`evppi`]: each
/// estimate is the mean over trials of `g_i = NB_i 1[fund, knowing] -
/// NB_i 1[fund, now]` (with `knowing` the trial itself for the EVPI and its
/// bin's mean for the EVPPI), so its error is `sd(g) / sqrt(n)`, the
/// decisions held as estimated. Returns `(evpi_se, evppi_se)`.
pub fn value_se(theta: &[f64], net: &[f64], bins: usize) -> (f64, f64) {
    let n = theta.len().min(net.len());
    if n < 2 {
        return (0.0, 0.0);
    }
    let net = &net[..n];
    let fund_now = net.iter().sum::<f64>() / n as f64 > 0.0;
    let now = |x: f64| if fund_now { x } else { 0.0 };
    let all: Vec<f64> = net.iter().map(|&x| x.max(0.0) - now(x)).collect();
    let order = order_of(&theta[..n]);
    let bins = bins.clamp(1, n);
    let mut partial = vec![0.0; n];
    for b in 0..bins {
        let (from, to) = (b * n / bins, (b + 1) * n / bins);
        if to == from {
            continue;
        }
        let mean = order[from..to].iter().map(|&i| net[i]).sum::<f64>() / (to - from) as f64;
        for &i in &order[from..to] {
            partial[i] = if mean > 0.0 { net[i] } else { 0.0 } - now(net[i]);
        }
    }
    (mean_se(&all), mean_se(&partial))
}

/// P5, median and P95 of `x` (nearest rank), NaN when empty.
fn quantiles(x: &mut [f64]) -> [f64; 3] {
    if x.is_empty() {
        return [f64::NAN; 3];
    }
    x.sort_by(f64::total_cmp);
    let at = |q: f64| x[((q * (x.len() - 1) as f64).round() as usize).min(x.len() - 1)];
    [at(0.05), at(0.5), at(0.95)]
}

/// The standard error of the mean of `x`.
fn mean_se(x: &[f64]) -> f64 {
    let n = x.len() as f64;
    let m = x.iter().sum::<f64>() / n;
    let var = x.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (n - 1.0);
    (var / n).sqrt()
}

/// What better evidence is worth under one counterfactual, per account that
/// bears a cost (EUR, present value in start-year prices, for the whole
/// programme): perfect information on everything and on the effect alone,
/// each with its Monte Carlo standard error, and the share of trials in
/// which the account's benefit exceeds its cost (where that is 0 or 1, no
/// evaluation can change the decision, and both values are zero).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Worth {
    /// Per account, the value of knowing everything.
    pub evpi: BTreeMap<&'static str, f64>,
    /// Its Monte Carlo standard error.
    pub evpi_se: BTreeMap<&'static str, f64>,
    /// Per account, the value of knowing the effect of mentoring.
    pub evppi_effect: BTreeMap<&'static str, f64>,
    /// Its Monte Carlo standard error.
    pub evppi_effect_se: BTreeMap<&'static str, f64>,
    /// Per account, the share of trials in which it pays back.
    pub p_pays_back: BTreeMap<&'static str, f64>,
    /// All public budgets' benefit-cost ratio across trials: P5, median,
    /// P95 (by sorting the trials' ratios; infinite where a trial has no
    /// cost).
    pub ratio_public: [f64; 3],
    /// For a programme of partners, per partner id and account, the value
    /// of knowing the partner's own rate of employment (what its own results
    /// would reveal), and its standard error. Partners that share the
    /// programme's rate (no results of their own) share one unknown: knowing
    /// one's results is knowing the others'.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub evppi_partner: BTreeMap<String, BTreeMap<&'static str, f64>>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub evppi_partner_se: BTreeMap<String, BTreeMap<&'static str, f64>>,
}

/// What better evidence is worth to the fund-or-not decision: under the
/// scenario's own counterfactual, and under each named prior in its place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueOfInformation {
    /// Trials it was computed on (for each answer).
    pub trials: u64,
    /// Bins along the effect used for the conditional means.
    pub bins: usize,
    /// The named prior the scenario uses, if any.
    pub prior: Option<String>,
    /// The answer under the scenario's own counterfactual.
    #[serde(flatten)]
    pub own: Worth,
    /// The answer with each named prior in place of the scenario's
    /// counterfactual, keyed by the prior's id.
    pub by_prior: BTreeMap<&'static str, PriorWorth>,
}

/// The answer under one named prior, with the prior's name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorWorth {
    /// The prior's name in three languages.
    pub name: Text,
    /// What evidence is worth under it.
    #[serde(flatten)]
    pub worth: Worth,
}

/// The value of information of a scenario, from `opts.trials` trials, under
/// its own counterfactual and under each named prior.
pub fn value_of_information(s: &Scenario, opts: &RunOptions) -> Result<ValueOfInformation, Error> {
    let opts = RunOptions {
        first_trial: 0,
        trial_count: None,
        sensitivity: false,
        ..*opts
    };
    // About 50 trials a bin keeps the upward bias of the binned means small
    // next to the spread of the effect.
    let bins = ((opts.trials / 50) as usize).clamp(1, 200);
    let own = worth(s, &opts, bins)?;
    let mut by_prior = BTreeMap::new();
    for prior in PRIORS {
        let mut with = s.clone();
        with.counterfactual = prior.counterfactual();
        let worth = worth(&with, &opts, bins)?;
        let name = prior.name_text();
        by_prior.insert(prior.id, PriorWorth { name, worth });
    }
    Ok(ValueOfInformation {
        trials: opts.trials,
        bins,
        prior: s.counterfactual.prior.clone(),
        own,
        by_prior,
    })
}

/// What evidence is worth under the scenario `s` as it is.
fn worth(s: &Scenario, opts: &RunOptions, bins: usize) -> Result<Worth, Error> {
    let model = Model::prepare(s, opts)?;
    let width = row_len(model.years.len());
    let (mut draws, mut row) = (Draws::default(), vec![0.0; width]);
    let accounts: Vec<_> = PERSPECTIVES.iter().filter(|p| p.ratio.is_some()).collect();
    let mut nets = vec![Vec::with_capacity(opts.trials as usize); accounts.len()];
    let mut effect = Vec::with_capacity(opts.trials as usize);
    let mut ratio = Vec::with_capacity(opts.trials as usize);
    let mut parts = model.part_outputs();
    let mut rates = vec![Vec::with_capacity(opts.trials as usize); model.parts.len()];
    for trial in 0..opts.trials {
        let t = model.trial_with(opts.seed, trial, &mut draws, &mut row, &mut parts);
        rates
            .iter_mut()
            .zip(&parts.rates)
            .for_each(|(v, &x)| v.push(x));
        effect.push(t[Total::Effect]);
        ratio.push(t[Total::BenefitCostRatio]);
        for (v, spec) in nets.iter_mut().zip(&accounts) {
            v.push(t[spec.net]);
        }
    }
    let n = opts.trials.max(1) as f64;
    let mut w = Worth {
        evpi: BTreeMap::new(),
        evpi_se: BTreeMap::new(),
        evppi_effect: BTreeMap::new(),
        evppi_effect_se: BTreeMap::new(),
        p_pays_back: BTreeMap::new(),
        ratio_public: quantiles(&mut ratio),
        evppi_partner: BTreeMap::new(),
        evppi_partner_se: BTreeMap::new(),
    };
    for (partner, theta) in s.partners.iter().zip(&rates) {
        let (mut value, mut se) = (BTreeMap::new(), BTreeMap::new());
        for (a, v) in accounts.iter().zip(&nets) {
            value.insert(a.name, evppi(theta, v, bins));
            se.insert(a.name, value_se(theta, v, bins).1);
        }
        w.evppi_partner.insert(partner.id.clone(), value);
        w.evppi_partner_se.insert(partner.id.clone(), se);
    }
    for (a, v) in accounts.iter().zip(&nets) {
        let (all_se, effect_se) = value_se(&effect, v, bins);
        w.evpi.insert(a.name, evpi(v));
        w.evpi_se.insert(a.name, all_se);
        w.evppi_effect.insert(a.name, evppi(&effect, v, bins));
        w.evppi_effect_se.insert(a.name, effect_se);
        let pays = v.iter().filter(|&&x| x > 0.0).count() as f64 / n;
        w.p_pays_back.insert(a.name, pays);
    }
    Ok(w)
}
