//! The mentors a plan needs, year by year, from the means of the inputs.

use crate::model::scenario::{Pool, Scenario};
use serde::Serialize;

/// Mentors a plan needs, year by year, with the pool's retention applied
/// (means of the inputs).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentorNeed {
    pub year: i32,
    /// Duos the plan forms that year.
    pub duos: f64,
    /// Active mentors they need.
    pub mentors_needed: f64,
    /// Mentors still there from the year before.
    pub mentors_kept: f64,
    /// Recruits needed to make up the difference.
    pub recruits_needed: f64,
    /// Recruits the scenario assumes.
    pub recruits_assumed: f64,
}

/// The recruits a plan needs each year (the means of the inputs; the first
/// year starts from the pool's initial size).
pub fn mentor_needs(s: &Scenario) -> Vec<MentorNeed> {
    let per_mentor = s.mentors.duos_per_mentor_year.mean();
    let realisation = s.realisation.mean();
    let (mut pool, retention, assumed) = match &s.mentors.pool {
        Pool::Limited(p) => (
            p.initial.mean(),
            p.retention.mean(),
            p.recruits_per_year.mean(),
        ),
        Pool::Unlimited => (0.0, 0.0, f64::NAN),
    };
    let mut out = Vec::new();
    for (t, (year, planned)) in s.years().into_iter().zip(s.planned()).enumerate() {
        let duos = (planned * realisation).floor();
        let needed = if per_mentor > 0.0 {
            (duos / per_mentor).ceil()
        } else {
            0.0
        };
        let kept = if t == 0 { pool } else { pool * retention };
        let recruits = if t == 0 {
            (needed - kept).max(0.0)
        } else {
            (needed - kept).max(0.0).ceil()
        };
        out.push(MentorNeed {
            year,
            duos,
            mentors_needed: needed,
            mentors_kept: kept.round(),
            recruits_needed: recruits,
            recruits_assumed: assumed,
        });
        pool = kept + recruits;
    }
    out
}
