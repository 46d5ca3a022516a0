//! A programme of partners is their sum, trial by trial; a partner with no
//! money starts no duo; shares that do not add up, and a partner's own bad
//! value, are refused with the field named.

use mentorsim::model::outputs::{Series, SERIES};
use mentorsim::model::presets;
use mentorsim::model::units::Unit;
use mentorsim::{merge, simulate, simulate_partial, Model, RunOptions, Scenario};

const SEED: u64 = 2025;

fn actiris() -> Scenario {
    presets::get("actiris-2028").expect("preset")
}

fn is_limit(k: usize) -> bool {
    [
        Series::LimitedByMoney,
        Series::LimitedByMentors,
        Series::LimitedByPlan,
    ]
    .iter()
    .any(|s| *s as usize == k % SERIES.len())
}

#[test]
fn in_each_trial_the_partners_add_up_to_the_programme() {
    let model = Model::new(&actiris()).expect("valid");
    let mut compared = 0;
    for trial in 0..200 {
        let (programme, parts) = model.trial_record_parts(SEED, trial);
        assert_eq!(parts.len(), 4);
        for (k, years) in programme.values.iter().enumerate() {
            if is_limit(k) {
                continue;
            }
            let unit = SERIES[k % SERIES.len()].unit;
            for (t, &whole) in years.iter().enumerate() {
                let sum: f64 = parts.iter().map(|p| p.values[k][t]).sum();
                if matches!(unit, Unit::Eur) {
                    let tol = 1e-9 * whole.abs().max(1.0);
                    assert!(
                        (sum - whole).abs() <= tol,
                        "series {k} year {t}: {sum} vs {whole}"
                    );
                } else {
                    assert_eq!(sum, whole, "series {k} year {t} of trial {trial}");
                }
                compared += 1;
            }
        }
    }
    assert!(compared > 200 * 60, "only {compared} values compared");
}

#[test]
fn the_programme_is_limited_by_money_where_any_partner_is() {
    let model = Model::new(&actiris()).expect("valid");
    let money = Series::LimitedByMoney as usize;
    let plan = Series::LimitedByPlan as usize;
    let (mut by_money, mut not) = (0, 0);
    for trial in 0..200 {
        let (programme, parts) = model.trial_record_parts(SEED, trial);
        for t in 0..programme.values[money].len() {
            let any = parts.iter().any(|p| p.values[money][t] > 0.0);
            assert_eq!(programme.values[money][t], f64::from(u8::from(any)));
            let limits: f64 = [money, Series::LimitedByMentors as usize, plan]
                .iter()
                .map(|&s| programme.values[s][t])
                .sum();
            assert_eq!(limits, 1.0);
            if any {
                by_money += 1;
            } else {
                not += 1;
            }
        }
    }
    // Both cases occur, so the rule was tested both ways.
    assert!(by_money > 0 && not > 0, "{by_money} / {not}");
}

#[test]
fn a_partner_with_no_money_starts_no_duo() {
    let mut s = actiris();
    s.partners[0].budget_share += s.partners[3].budget_share;
    s.partners[3].budget_share = 0.0;
    let model = Model::new(&s).expect("valid");
    let started = Series::DuosStarted as usize;
    for trial in 0..200 {
        let (programme, parts) = model.trial_record_parts(SEED, trial);
        assert!(parts[3].values[started].iter().all(|&x| x == 0.0));
        assert!(programme.values[started].iter().any(|&x| x > 0.0));
    }
    let r = simulate(
        &s,
        &RunOptions {
            trials: 300,
            seed: SEED,
            ..Default::default()
        },
    )
    .unwrap();
    let pls = &r.partners["pour-la-solidarite"];
    assert_eq!(pls.series["duos_started_cumulative"].p95.last(), Some(&0.0));
    // No duo, no cost per duo: undefined in every trial.
    assert_eq!(pls.totals["cost_per_duo"].undefined_share, 1.0);
}

#[test]
fn a_run_reports_each_partner_shaped_as_the_run() {
    let opts = RunOptions {
        trials: 400,
        seed: SEED,
        ..Default::default()
    };
    let r = simulate(&actiris(), &opts).unwrap();
    let ids: Vec<&str> = r.partners.keys().map(String::as_str).collect();
    assert_eq!(
        ids,
        [
            "backstage-network",
            "duo-for-a-job",
            "pour-la-solidarite",
            "team4job"
        ]
    );
    for (id, p) in &r.partners {
        let series: Vec<_> = p.series.keys().collect();
        let totals: Vec<_> = p.totals.keys().collect();
        assert_eq!(series, r.series.keys().collect::<Vec<_>>(), "{id}");
        assert_eq!(totals, r.totals.keys().collect::<Vec<_>>(), "{id}");
    }
    // The means add up (the sum of means is the mean of sums).
    let mean = |m: &[f64]| *m.last().unwrap();
    let whole = mean(&r.series["duos_started_cumulative"].mean);
    let sum: f64 = r
        .partners
        .values()
        .map(|p| mean(&p.series["duos_started_cumulative"].mean))
        .sum();
    assert!((whole - sum).abs() < 1e-6 * whole, "{whole} vs {sum}");
    // Partners whose figures are published differ from each other: Team4Job
    // costs less a duo than DUO for a JOB in most trials (E12 against E18).
    let median = |id: &str| r.partners[id].totals["cost_per_duo"].p50.unwrap();
    assert!(median("team4job") < median("duo-for-a-job"));
    assert!(r.partners["backstage-network"].no_published_results);
    assert!(!r.partners["duo-for-a-job"].no_published_results);
}

#[test]
fn partials_of_a_programme_of_partners_merge_to_the_whole_run() {
    let s = actiris();
    let opts = RunOptions {
        trials: 300,
        seed: SEED,
        ..Default::default()
    };
    let whole = simulate(&s, &opts).unwrap();
    let half = |first: u64, count: u64| {
        simulate_partial(
            &s,
            &RunOptions {
                first_trial: first,
                trial_count: Some(count),
                ..opts
            },
        )
        .unwrap()
    };
    let parts = [half(170, 130), half(0, 170)];
    let bytes: Vec<_> = parts.iter().map(|p| p.to_bytes()).collect();
    let back = bytes
        .iter()
        .map(|b| mentorsim::Partial::from_bytes(b).unwrap())
        .collect();
    assert_eq!(merge(&s, &opts, back).unwrap(), whole);
}

#[test]
fn shares_that_do_not_add_up_and_a_partner_s_own_bad_value_name_the_field() {
    let mut s = actiris();
    s.partners[1].budget_share = 0.5;
    s.partners[2].intake_share = 1.5;
    s.partners[3].id = "team4job".into();
    s.partners[2].outcomes.employed = Some(mentorsim::model::distribution::Param::fixed(1.7));
    let fields: Vec<String> = s.validate().into_iter().map(|p| p.field).collect();
    for want in [
        "partners.budget_share",
        "partners[2].intake_share",
        "partners.intake_share",
        "partners[3].id",
        "partners[2].outcomes.employed",
    ] {
        assert!(fields.iter().any(|f| f == want), "{want} not in {fields:?}");
    }
    // The programme's own fields are not repeated under each partner.
    assert!(
        !fields.iter().any(|f| f.starts_with("partners[0]")),
        "{fields:?}"
    );
}

#[test]
fn the_split_found_reaches_its_chance_on_other_trials_and_stays_within_its_bounds() {
    use mentorsim::analysis::decide::{split, split_against, with_split, Goal};
    let s = actiris();
    let opts = RunOptions {
        trials: 2000,
        seed: 17,
        ..Default::default()
    };
    let a = split(&s, Goal::Chance(0), 0.1, 2.0, &opts).unwrap();
    // The search never ends below where it started, on its own trials.
    assert!(a.b.value >= a.a.value, "{a:?}");
    assert!(
        a.b.value > a.a.value + 3.0 * a.a.se,
        "the split moves the chance: {a:?}"
    );
    let sum: f64 = a.shares_b.iter().sum();
    assert!((sum - 1.0).abs() < 1e-9);
    for (b, own) in a.shares_b.iter().zip(&a.shares_a) {
        assert!(
            *b <= 2.0 * own + 1e-9 && *b >= own / 2.0 - 1e-9,
            "{b} against {own}"
        );
    }
    // Run again with another seed, the split reaches the chance it claims
    // within three standard errors.
    let other = RunOptions { seed: 99, ..opts };
    let again = &simulate(&a.scenario, &other).unwrap().targets[0];
    let se = (a.b_check.se.powi(2) + again.probability_met_se.powi(2)).sqrt();
    assert!(
        (again.probability_met - a.b_check.value).abs() < 3.0 * se,
        "claimed {} ± {}, again {}",
        a.b_check.value,
        a.b_check.se,
        again.probability_met
    );
    // The scenario's own split against itself: the same figure, bit for bit.
    let same = split_against(&s, Goal::Chance(0), &a.shares_a, &opts).unwrap();
    assert_eq!(same.a, same.b);
    // A split must have one share per partner, adding up to 1.
    let err = with_split(&s, &[0.5, 0.5]).unwrap_err().to_string();
    assert!(err.contains("one share per partner"), "{err}");
    let err = with_split(&s, &[0.5, 0.5, 0.5, 0.5])
        .unwrap_err()
        .to_string();
    assert!(err.contains("adding up to 1"), "{err}");
    let t4j = presets::get("team4job").unwrap();
    assert!(with_split(&t4j, &[1.0]).is_err());
}

#[test]
fn knowing_a_partner_s_results_is_worth_at_most_knowing_everything() {
    use mentorsim::analysis::decide::value_of_information;
    let mut s = actiris();
    s.counterfactual = mentorsim::model::priors::get("programme-comparison")
        .unwrap()
        .counterfactual();
    let v = value_of_information(
        &s,
        &RunOptions {
            trials: 2000,
            seed: SEED,
            ..Default::default()
        },
    )
    .unwrap();
    let w = &v.own;
    assert_eq!(w.evppi_partner.len(), 4);
    for (id, by_account) in &w.evppi_partner {
        for (account, value) in by_account {
            // Within each bin the mean's positive part is at most the mean of
            // the positive parts: exactly, not within noise.
            assert!(
                *value >= 0.0 && *value <= w.evpi[account] + 1e-6,
                "{id} {account}: {value} > {}",
                w.evpi[account]
            );
        }
    }
    // The two partners without results share the programme's rate: one unknown.
    assert_eq!(
        w.evppi_partner["backstage-network"],
        w.evppi_partner["pour-la-solidarite"]
    );
    // A programme without partners has none.
    let t4j = presets::get("team4job").unwrap();
    let v = value_of_information(
        &t4j,
        &RunOptions {
            trials: 500,
            seed: SEED,
            ..Default::default()
        },
    )
    .unwrap();
    assert!(v.own.evppi_partner.is_empty());
}

/// actiris-2028 with DUO for a JOB on its own budget, plan and mentors: its
/// 2024-2027 request (E18) and its own pool; the others share the rest.
fn duo_on_its_own() -> Scenario {
    let mut s = actiris();
    let text = r#"{
        "intake": {"per_year": [612, 612, 612, 612]},
        "budget": {"constant": 1244500},
        "mentors": {
            "pool": {"initial": {"dist": "fixed", "value": 700}, "recruits_per_year": {"dist": "fixed", "value": 150},
                     "retention": {"dist": "beta", "events": 82, "non_events": 18}},
            "duos_per_mentor_year": {"dist": "fixed", "value": 1.0}
        }
    }"#;
    let own: serde_json::Value = serde_json::from_str(text).unwrap();
    let q = &mut s.partners[0];
    q.intake = Some(serde_json::from_value(own["intake"].clone()).unwrap());
    q.budget = Some(serde_json::from_value(own["budget"].clone()).unwrap());
    q.mentors = Some(serde_json::from_value(own["mentors"].clone()).unwrap());
    let rest: f64 = s.partners[1..].iter().map(|q| q.budget_share).sum();
    for q in &mut s.partners[1..] {
        q.budget_share /= rest;
        q.intake_share /= rest;
        q.mentor_share /= rest;
    }
    let q = &mut s.partners[0];
    (q.budget_share, q.intake_share, q.mentor_share) = (0.0, 0.0, 0.0);
    s
}

#[test]
fn a_partner_may_have_its_own_budget_plan_and_mentors() {
    let s = duo_on_its_own();
    assert_eq!(s.validate(), vec![]);
    let model = Model::new(&s).expect("valid");
    let (started, cost) = (Series::DuosStarted as usize, Series::PublicCost as usize);
    for trial in 0..200 {
        let (programme, parts) = model.trial_record_parts(SEED, trial);
        // Its own pool, whole: not a share of the programme's.
        assert_eq!(parts[0].values[Series::MentorsActive as usize][0], 700.0);
        for t in 0..4 {
            // Its own plan caps its duos, its own budget its money.
            assert!(parts[0].values[started][t] <= 612.0);
            assert!(parts[0].values[cost][t] <= 1_244_500.0 * (1.0 + 1e-12));
            let sum: f64 = parts.iter().map(|p| p.values[started][t]).sum();
            assert_eq!(sum, programme.values[started][t]);
        }
    }
    // A split does not move a partner's own budget: it is refused, by name.
    let err = mentorsim::analysis::decide::with_split(&s, &[0.0, 0.5, 0.25, 0.25]).unwrap_err();
    assert!(err.to_string().contains("duo-for-a-job"), "{err}");
}

#[test]
fn a_partner_s_own_budget_with_a_share_too_or_a_bad_own_plan_is_refused_by_field() {
    let mut s = duo_on_its_own();
    s.partners[0].budget_share = 0.3;
    if let Some(i) = s.partners[0].intake.as_mut() {
        i.per_year = Some(vec![612.0, 612.0]);
    }
    let fields: Vec<String> = s.validate().into_iter().map(|p| p.field).collect();
    assert!(
        fields.iter().any(|f| f == "partners[0].budget_share"),
        "{fields:?}"
    );
    assert!(
        fields.iter().any(|f| f.starts_with("partners[0].intake")),
        "{fields:?}"
    );
}

#[test]
fn a_partner_may_set_its_own_public_finance_values_and_the_others_keep_theirs() {
    let base = Model::new(&actiris()).unwrap();
    let mut s = actiris();
    s.partners[0].fiscal.insert(
        "unemployment_month".into(),
        mentorsim::model::distribution::Param::fixed(2000.0),
    );
    assert_eq!(s.validate(), vec![]);
    let model = Model::new(&s).unwrap();
    let net = mentorsim::model::outputs::Total::NetPublic as usize;
    let mut moved = 0;
    for trial in 0..100 {
        let (_, before) = base.trial_record_parts(SEED, trial);
        let (_, after) = model.trial_record_parts(SEED, trial);
        // The other partners' draws and years do not depend on it: bit for bit.
        for j in 1..4 {
            assert_eq!(
                before[j].totals, after[j].totals,
                "trial {trial} partner {j}"
            );
        }
        moved += usize::from(after[0].totals[net] != before[0].totals[net]);
    }
    assert!(moved > 90, "its own value moves its own account: {moved}");
    s.partners[0].fiscal.insert(
        "unemployment_mnth".into(),
        mentorsim::model::distribution::Param::fixed(1.0),
    );
    let fields: Vec<String> = s.validate().into_iter().map(|p| p.field).collect();
    assert!(
        fields.contains(&"partners[0].fiscal.unemployment_mnth".to_string()),
        "{fields:?}"
    );
}
