//! The presets reproduce their sources; money that the plan and the mentors
//! could use is spent; net jobs never pass jobs; the evidence priors move the
//! answer the way the evidence says.
#![cfg(not(target_arch = "wasm32"))]

use mentorsim::engine::model::Model;
use mentorsim::model::outputs::{Series, Total, N_SERIES};
use mentorsim::model::{presets, priors};
use mentorsim::{simulate, RunOptions};

/// Mean and Monte Carlo standard error of a total over `n` trials.
fn mean_se(id: &str, total: Total, n: u64) -> (f64, f64) {
    let model = Model::new(&presets::get(id).unwrap()).unwrap();
    let xs: Vec<f64> = (0..n)
        .map(|i| model.trial_record(3, i).totals[total as usize])
        .collect();
    let m = xs.iter().sum::<f64>() / n as f64;
    let var = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / (n - 1) as f64;
    (m, (var / n as f64).sqrt())
}

/// The preset's mean is within 3 Monte Carlo SE of the source, widened by
/// half a unit of the source's last digit when the source is a rounded
/// percentage ("74 %" is anything from 73.5 % to 74.5 %); a source given as
/// counts is exact.
fn reproduces_within(id: &str, total: Total, source: f64, rounding: f64) {
    let (m, se) = mean_se(id, total, 4000);
    assert!(
        (m - source).abs() < 3.0 * se + rounding,
        "{id}: {} mean {m:.4}, source {source} (3 SE = {:.4}, rounding {rounding})",
        total.name(),
        3.0 * se
    );
}

/// A source given as counts.
fn reproduces(id: &str, total: Total, source: f64) {
    reproduces_within(id, total, source, 0.0);
}

/// Half a unit of a whole percentage.
const WHOLE_PERCENT: f64 = 0.005;

#[test]
fn duo_for_a_job_2015_2021_in_work_63_positive_77() {
    // E1-E3: 1,701 and 2,079 of 2,700 mentees.
    for id in ["duo-for-a-job", "targets-2030-2035"] {
        reproduces(id, Total::RateEmployed, 1701.0 / 2700.0);
        reproduces(id, Total::RatePositive, 2079.0 / 2700.0);
    }
}

#[test]
fn actiris_2022_leavers_in_work_65_within_its_band_and_each_partner_its_own_source() {
    // E5's 65 % (all partners, 2022) is read with an effective n of 50: a
    // standard deviation of 6.7 points. The four partners' own rates (DUO
    // for a JOB 2015-2021, Team4Job's 2016-2018 pilot, the programme's for
    // the two without figures) give less: the programme must stay within
    // two of E5's standard deviations, and the gap is in docs/MODEL.md.
    let (m, _) = mean_se("actiris-2028", Total::RateEmployed, 4000);
    let sd = (0.65f64 * 0.35 / 51.0).sqrt();
    assert!(
        (m - 0.65).abs() < 2.0 * sd,
        "mean {m:.4}, E5 0.65 +- {:.4}",
        2.0 * sd
    );
    assert!(
        m < 0.65,
        "the partners' own rates give less than E5: {m:.4}"
    );
}

#[test]
fn team4job_77_jobs_and_8_businesses_of_152() {
    reproduces("team4job", Total::RateEmployed, 77.0 / 152.0);
    reproduces("team4job", Total::RateSelfEmployed, 8.0 / 152.0);
}

#[test]
fn brussels_2018_statement_74_positive() {
    // E16: "74 %". The preset's mean is 0.7404 (its Betas' means; 400,000
    // trials give 0.7404 +- 0.0001).
    reproduces_within(
        "brussels-2018-2019",
        Total::RatePositive,
        0.74,
        WHOLE_PERCENT,
    );
}

#[test]
fn actiris_2028_spends_its_budget_when_money_is_the_limit() {
    // Each partner's share of EUR 2.2 M, spent where money limits it.
    let scenario = presets::get("actiris-2028").unwrap();
    let model = Model::new(&scenario).unwrap();
    let mut limited = 0;
    for i in 0..2000 {
        let (_, parts) = model.trial_record_parts(5, i);
        for (part, partner) in parts.iter().zip(&scenario.partners) {
            let budget = 2_200_000.0 * partner.budget_share;
            for t in 0..4 {
                if part.values[Series::LimitedByMoney as usize][t] == 1.0 {
                    limited += 1;
                    let spent = part.values[Series::PublicCost as usize][t];
                    assert!(
                        (0.98 * budget..=budget * (1.0 + 1e-12)).contains(&spent),
                        "trial {i} year {t} {}: spent {spent} of {budget}",
                        partner.id
                    );
                }
            }
        }
    }
    // Money limits most of the later years of the partners that cost more
    // a duo (Team4Job's cheaper duos leave it money to spare): a fifth of
    // all partner-years at least, so that the check above ran.
    assert!(limited > 32_000 / 5, "{limited}");
}

#[test]
fn net_jobs_never_exceed_jobs() {
    for id in presets::ids() {
        let model = Model::new(&presets::get(id).unwrap()).unwrap();
        let (emp, net) = (
            N_SERIES + Series::Employed as usize,
            N_SERIES + Series::NetAdditionalEmployed as usize,
        );
        for i in 0..500 {
            let rec = model.trial_record(8, i);
            for (e, n) in rec.values[emp].iter().zip(&rec.values[net]) {
                assert!(n <= e, "{id} trial {i}: net {n} > employed {e}");
            }
        }
    }
}

#[test]
fn priors_move_the_answer_the_way_the_evidence_says() {
    let opts = RunOptions {
        trials: 3000,
        seed: 2,
        ..RunOptions::default()
    };
    let mut answers = Vec::new();
    for prior in [
        "independent-evaluations",
        "young-registrants",
        "programme-comparison",
    ] {
        let mut s = presets::get("actiris-2028").unwrap();
        s.counterfactual = priors::get(prior).unwrap().counterfactual();
        let r = simulate(&s, &opts).unwrap();
        answers.push((
            r.counterfactual.effect.mean.unwrap(),
            r.totals["benefit_cost_ratio"].p50.unwrap(),
            r.p_benefit_exceeds_cost,
        ));
    }
    // A larger measured effect: a larger return, more often above the cost.
    for w in answers.windows(2) {
        assert!(
            w[0].0 < w[1].0 && w[0].1 < w[1].1 && w[0].2 <= w[1].2,
            "{answers:?}"
        );
    }
    // The independent evidence does not make the public return cover the cost;
    // the programme's own comparison does, in most trials.
    assert!(answers[0].1 < 1.0 && answers[2].1 > 1.0, "{answers:?}");
}

#[test]
fn every_preset_names_a_prior_and_matches_it() {
    for id in presets::ids() {
        let s = presets::get(id).unwrap();
        let name = s.counterfactual.prior.clone().expect("a named prior");
        let prior = priors::get(&name).expect("a known prior").counterfactual();
        let dist =
            |p: &Option<mentorsim::model::distribution::Param>| p.as_ref().map(|p| p.dist.clone());
        assert_eq!(dist(&s.counterfactual.effect), dist(&prior.effect), "{id}");
        assert_eq!(
            dist(&s.counterfactual.baseline),
            dist(&prior.baseline),
            "{id}"
        );
    }
}
