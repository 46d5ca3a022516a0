//! A partner as a scenario of its own, and the rules a programme's
//! partners must meet (see [`crate::model::partners`]).

use crate::model::error::{shorten, Problems};
use crate::model::params::{ParamId, PARAMS};
use crate::model::partners::{Partner, PartnerOutcomes, MAX_PARTNERS, SHARES, SHARE_TOLERANCE};
use crate::model::scenario::Scenario;

impl Scenario {
    /// Partner `j` as a scenario of its own: the programme's with the
    /// partner's fields in place (its shares of money, intake and mentors
    /// are applied by the engine), and the parameters the partner sets
    /// itself, by position in [`PARAMS`].
    pub fn partner_scenario(&self, j: usize) -> (Scenario, Vec<usize>) {
        let partner = &self.partners[j];
        let mut s = self.clone();
        s.partners.clear();
        s.id = partner.id.clone();
        s.name = partner.name.clone();
        let mut owned = Vec::new();
        let mut own = |id: ParamId| owned.push(id as usize);
        if let Some(i) = &partner.intake {
            s.intake = i.clone();
        }
        if let Some(b) = &partner.budget {
            s.budget = b.clone();
        }
        if let Some(m) = &partner.mentors {
            s.mentors = m.clone();
            own(ParamId::PoolInitial);
            own(ParamId::PoolRecruits);
            own(ParamId::PoolRetention);
            own(ParamId::DuosPerMentor);
        }
        if let Some(c) = &partner.cost_per_duo {
            s.cost_per_duo = c.clone();
            own(ParamId::CostPerDuo);
        }
        if let Some(y) = partner.cost_price_year {
            s.cost_price_year = Some(y);
        }
        if let Some(r) = &partner.realisation {
            s.realisation = r.clone();
            own(ParamId::Realisation);
        }
        let o = &partner.outcomes;
        for (mine, theirs, id) in [
            (&o.dropout, &mut s.outcomes.dropout, ParamId::Dropout),
            (&o.employed, &mut s.outcomes.employed, ParamId::Employed),
            (
                &o.permanent_share,
                &mut s.outcomes.permanent_share,
                ParamId::PermanentShare,
            ),
            (
                &o.self_employed,
                &mut s.outcomes.self_employed,
                ParamId::SelfEmployed,
            ),
            (&o.training, &mut s.outcomes.training, ParamId::Training),
        ] {
            if let Some(p) = mine {
                *theirs = p.clone();
                own(id);
            }
        }
        for (name, param) in &partner.fiscal {
            if let Some(spec) = PARAMS
                .iter()
                .find(|p| p.path.strip_prefix("fiscal.") == Some(name.as_str()))
            {
                if let Some(at) = spec.get_mut(&mut s) {
                    *at = param.clone();
                    own(spec.id);
                }
            }
        }
        if let Some(c) = &partner.counterfactual {
            s.counterfactual = c.clone();
            own(ParamId::Effect);
            own(ParamId::Baseline);
            own(ParamId::OddsRatio);
        }
        (s, owned)
    }

    /// The partners' own rules: ids, shares that add up, and each partner's
    /// scenario valid (its problems named under `partners[j]`).
    pub(crate) fn check_partners(&self, p: &mut Problems) {
        let parts = &self.partners;
        if parts.is_empty() {
            return;
        }
        if parts.len() > MAX_PARTNERS {
            p.push(
                "partners",
                format!("at most {MAX_PARTNERS} partners, got {}", parts.len()),
            );
            return;
        }
        for (j, partner) in parts.iter().enumerate() {
            let at = format!("partners[{j}]");
            if partner.id.trim().is_empty() {
                p.push(&format!("{at}.id"), "a partner needs an id");
            } else if parts[..j].iter().any(|q| q.id == partner.id) {
                p.push(
                    &format!("{at}.id"),
                    format!("`{}` is the id of an earlier partner", shorten(&partner.id)),
                );
            }
            for (name, own_name, share_of) in SHARES {
                let (share, own) = share_of(partner);
                if !(0.0..=1.0).contains(&share) {
                    p.push(
                        &format!("{at}.{name}"),
                        format!("must be a share from 0 to 1, got {share}"),
                    );
                } else if own && share != 0.0 {
                    p.push(
                        &format!("{at}.{name}"),
                        format!("a partner with its own {own_name} has no share of the programme's: set {name} to 0, got {share}"),
                    );
                }
            }
            for name in partner.fiscal.keys() {
                if !PARAMS
                    .iter()
                    .any(|p| p.path.strip_prefix("fiscal.") == Some(name.as_str()))
                {
                    p.push(
                        &format!("{at}.fiscal.{}", shorten(name)),
                        "is not a public-finance parameter of a scenario",
                    );
                }
            }
            let (s, _) = self.partner_scenario(j);
            if let Err(problems) = s.checked() {
                for q in problems {
                    // Only what the partner sets can be wrong here: the
                    // programme's own fields are checked as the programme's.
                    if partner_sets(partner, &q.field) {
                        p.push(&format!("{at}.{}", q.field), q.message);
                    }
                }
            }
        }
        for (name, _, share_of) in SHARES {
            // Where every partner has its own, there is nothing to share.
            if parts.iter().all(|q| share_of(q).1) {
                continue;
            }
            let sum: f64 = parts.iter().map(|q| share_of(q).0).sum();
            if (sum - 1.0).abs() > SHARE_TOLERANCE {
                p.push(
                    &format!("partners.{name}"),
                    format!("the partners' shares must add up to 1, they add up to {sum}"),
                );
            }
        }
    }
}

/// Whether `field` (of a partner's scenario) is one the partner sets.
fn partner_sets(partner: &Partner, field: &str) -> bool {
    let top = |name: &str| field == name || field.starts_with(&format!("{name}."));
    (partner.cost_per_duo.is_some() && top("cost_per_duo"))
        || (partner.intake.is_some() && top("intake"))
        || (partner.budget.is_some() && top("budget"))
        || (partner.mentors.is_some() && top("mentors"))
        || partner.fiscal.keys().any(|k| top(&format!("fiscal.{k}")))
        || (partner.cost_price_year.is_some() && top("cost_price_year"))
        || (partner.realisation.is_some() && top("realisation"))
        || (partner.counterfactual.is_some() && top("counterfactual"))
        || PARAMS
            .iter()
            .filter(|spec| spec.path.starts_with("outcomes."))
            .any(|spec| top(spec.path) && outcome_set(&partner.outcomes, spec.path))
}

fn outcome_set(o: &PartnerOutcomes, path: &str) -> bool {
    match path {
        "outcomes.dropout" => o.dropout.is_some(),
        "outcomes.employed" => o.employed.is_some(),
        "outcomes.permanent_share" => o.permanent_share.is_some(),
        "outcomes.self_employed" => o.self_employed.is_some(),
        "outcomes.training" => o.training.is_some(),
        _ => false,
    }
}
