//! The headlines a comparison of two scenarios reports: where a trial
//! holds each, which way is better, in the order the page and the command
//! line show them (the binding's `schema()` hands them to the page).

use crate::model::outputs::{Series, Total};

/// One headline of a comparison: where to read it and which way is better.
#[derive(Debug, Clone, Copy)]
pub struct Headline {
    /// Its name in the result.
    pub name: &'static str,
    /// Where a trial holds it.
    pub at: Where,
    /// True when more is better.
    pub more_is_better: bool,
}

/// Where a trial holds a headline.
#[derive(Debug, Clone, Copy)]
pub enum Where {
    /// A series' running total at the last year.
    Cumulative(Series),
    /// A total.
    Total(Total),
}

/// The headlines a comparison reports `p_b_better` for.
pub const HEADLINES: [Headline; 13] = [
    Headline {
        name: "duos_started_cumulative",
        at: Where::Cumulative(Series::DuosStarted),
        more_is_better: true,
    },
    Headline {
        name: "employed_cumulative",
        at: Where::Cumulative(Series::Employed),
        more_is_better: true,
    },
    Headline {
        name: "net_additional_employed_cumulative",
        at: Where::Cumulative(Series::NetAdditionalEmployed),
        more_is_better: true,
    },
    Headline {
        name: "public_cost_cumulative",
        at: Where::Cumulative(Series::PublicCost),
        more_is_better: false,
    },
    Headline {
        name: "cost_per_net_job",
        at: Where::Total(Total::CostPerNetJob),
        more_is_better: false,
    },
    Headline {
        name: "benefit_cost_ratio",
        at: Where::Total(Total::BenefitCostRatio),
        more_is_better: true,
    },
    Headline {
        name: "net_region",
        at: Where::Total(Total::NetRegion),
        more_is_better: true,
    },
    Headline {
        name: "net_eu",
        at: Where::Total(Total::NetEu),
        more_is_better: true,
    },
    Headline {
        name: "net_federal",
        at: Where::Total(Total::NetFederal),
        more_is_better: true,
    },
    Headline {
        name: "net_local",
        at: Where::Total(Total::NetLocal),
        more_is_better: true,
    },
    Headline {
        name: "net_participants",
        at: Where::Total(Total::NetParticipants),
        more_is_better: true,
    },
    Headline {
        name: "net_public",
        at: Where::Total(Total::NetPublic),
        more_is_better: true,
    },
    Headline {
        name: "net_society",
        at: Where::Total(Total::NetSociety),
        more_is_better: true,
    },
];

/// The headlines' names, in order (worked out when compiling).
pub const HEADLINE_NAMES: [&str; HEADLINES.len()] = {
    let mut names = [""; HEADLINES.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = HEADLINES[i].name;
        i += 1;
    }
    names
};
