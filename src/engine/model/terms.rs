//! What a trial's draws fix for all its years: prices, rates, the effect,
//! what one additional job is worth to each account, discount factors.

use crate::model::outputs::{Perspective, PERSPECTIVES};
use crate::model::params::{Draws, ParamId as P};
use crate::model::priors::Form;
use crate::model::scenario::Scenario;

/// One value per account (perspective).
pub(super) type PerAccount = [f64; PERSPECTIVES.len()];

/// What a trial's draws fix for all its years.
pub(super) struct Terms {
    /// Cost indexation and the real discount rate.
    pub(super) g: f64,
    pub(super) r: f64,
    /// The rates of the outcomes (self-employed and training conditional).
    pub(super) p_e: f64,
    pub(super) p_s: f64,
    pub(super) p_t: f64,
    /// The effect on the rate of employment (drawn, or `p_e - baseline`).
    pub(super) effect: f64,
    /// What one additional job is worth to each account, in start-year
    /// prices, over the horizon.
    pub(super) value: PerAccount,
    pub(super) fixed_cost: f64,
    pub(super) per_mentor: f64,
    pub(super) realisation: f64,
    /// EUR of the cost's price year brought to start-year prices.
    pub(super) cost_to_start: f64,
    /// The cost per duo of the first year, EUR as paid.
    pub(super) cost_at_start: f64,
    /// Discount factors `k` years after a cohort's start, `(1 + r)^-k`.
    pub(super) later: [f64; 8],
    /// The volunteers' time a duo takes, in start-year prices.
    pub(super) volunteer_per_duo: f64,
    /// What one month in work of an additional job is worth to all public
    /// budgets, in start-year prices, after displacement.
    pub(super) public_month: f64,
}

impl Terms {
    pub(super) fn of(d: &Draws, sc: &Scenario, form: Form) -> Terms {
        let y0 = f64::from(sc.start_year);
        let g = d[P::CostIndexation];
        let r = d[P::DiscountRate];
        let p_e = d[P::Employed];
        let to_start_prices = libm::pow(1.0 + g, y0 - sc.fiscal.price_year);
        let cost_to_start = libm::pow(1.0 + g, y0 - sc.cost_price_year());
        // A cohort's outcomes come within 24 months after a duo of at most
        // 36, so at most 6 years are needed.
        let mut later = [1.0f64; 8];
        for k in 1..later.len() {
            later[k] = later[k - 1] / (1.0 + r);
        }
        Terms {
            g,
            r,
            p_e,
            p_s: d[P::SelfEmployed],
            p_t: d[P::Training],
            effect: match form {
                Form::Effect => d[P::Effect],
                Form::Baseline => p_e - d[P::Baseline],
                Form::OddsRatio => effect_of_odds_ratio(p_e, d[P::OddsRatio]),
            },
            value: job_value(d, sc, to_start_prices),
            fixed_cost: d[P::FixedCost],
            per_mentor: d[P::DuosPerMentor],
            realisation: d[P::Realisation],
            cost_to_start,
            cost_at_start: d[P::CostPerDuo] * cost_to_start,
            later,
            volunteer_per_duo: d[P::VolunteerHours] * d[P::ShadowWage] * to_start_prices,
            public_month: public_month(d) * (1.0 - d[P::Displacement]) * to_start_prices,
        }
    }
}

/// The effect on the rate of employment of an odds ratio `or` (with
/// mentoring against without) at the mentees' gross rate `p_e`: the rate
/// without mentoring `p0` has odds `odds(p_e) / or`, so `p0 = p_e / (p_e +
/// or (1 - p_e))`, and the effect is `p_e - p0`. Zero where the rate is 0
/// or 1 (no odds to change) or the odds ratio leaves nothing to compare.
pub(super) fn effect_of_odds_ratio(p_e: f64, or: f64) -> f64 {
    let den = p_e + or * (1.0 - p_e);
    if den > 0.0 {
        p_e - p_e / den
    } else {
        0.0
    }
}

/// The months one additional job is worth over the horizon, discounted,
/// with `persistence` the share of the additional employment still there
/// a year later: `m1 + sum_{k=1}^{H-1} 12 (p (1 - d) / (1 + r))^k`. It
/// grows with `persistence`, and every account's benefit is in proportion
/// to it.
pub(super) fn months(d: &Draws, sc: &Scenario, persistence: f64) -> f64 {
    let r = d[P::DiscountRate];
    let mut per_job = d[P::MonthsFirstYear].min(12.0);
    let mut survive = 1.0;
    for _ in 1..sc.fiscal.horizon_years {
        survive *= persistence * (1.0 - d[P::EmploymentDecay]) / (1.0 + r);
        per_job += 12.0 * survive;
    }
    per_job
}

/// What a month in work is worth to all public budgets, before
/// displacement, in the prices of `fiscal.price_year`.
fn public_month(d: &Draws) -> f64 {
    let ui = d[P::UnemploymentShare] * d[P::UnemploymentMonth];
    let ris = d[P::IntegrationShare] * d[P::IntegrationMonth];
    ui + ris + d[P::Contributions] + d[P::RegionalReturn]
}

/// The smallest persistence in [0, 1] at which a benefit of `per_month`
/// (EUR a month a job is worth, all jobs, present value) covers `cost`, the
/// rest of the trial as drawn: 0 when even 0 pays back, infinite (never)
/// when even 1 does not. `months` grows with persistence, so bisection
/// finds it.
pub(super) fn break_even_persistence(d: &Draws, sc: &Scenario, per_month: f64, cost: f64) -> f64 {
    let covers = |p: f64| per_month * months(d, sc, p) >= cost;
    if covers(0.0) {
        return 0.0;
    }
    if !covers(1.0) {
        return f64::INFINITY;
    }
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if covers(mid) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    hi
}

/// What one additional job is worth to each account, per month in work, in
/// start-year prices; `per_job` months, discounted within the horizon.
pub(super) fn job_value(d: &Draws, sc: &Scenario, to_start_prices: f64) -> PerAccount {
    let per_job = months(d, sc, d[P::Persistence]);
    let keep = (1.0 - d[P::Displacement]) * per_job * to_start_prices;
    let ui = d[P::UnemploymentShare] * d[P::UnemploymentMonth];
    let ris = d[P::IntegrationShare] * d[P::IntegrationMonth];
    // The federal state refunds the CPAS a share of the integration income
    // it pays (F12): that share of each euro saved is the federal state's.
    let refund = d[P::IntegrationRefund];
    let (tax, earn, regional) = (d[P::Contributions], d[P::NetEarnings], d[P::RegionalReturn]);
    let mut value = [0.0; PERSPECTIVES.len()];
    value[Perspective::Region as usize] = regional * keep;
    value[Perspective::Federal as usize] = (ui + tax + ris * refund) * keep;
    value[Perspective::Local as usize] = ris * (1.0 - refund) * keep;
    value[Perspective::Participants as usize] = (earn - ui - ris) * keep;
    value[Perspective::Public as usize] = (ui + ris + tax + regional) * keep;
    value[Perspective::Society as usize] = (earn + tax + regional) * keep;
    // A year in work is worth `wellbeing_points` WELLBYs: a twelfth of it a
    // month, valued in the prices of `fiscal.price_year` like the rest.
    value[Perspective::Wellbeing as usize] =
        d[P::WellbeingPoints] * d[P::WellbyValue] / 12.0 * keep;
    value
}
