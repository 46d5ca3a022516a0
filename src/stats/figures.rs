//! The figures a result gives of one output from its sketches: the mean and
//! seven quantiles, each with its Monte Carlo standard error, per year for a
//! series and with a histogram for a total.

use crate::stats::share::share_se;
use crate::stats::sketch::{Histogram, Sketch, View};
use serde::Serialize;

/// Mean and quantiles of a series, one entry per year, each with its Monte
/// Carlo standard error beside it under the same name and `_se` (`p95` and
/// `p95_se`): see [`Sketch::mean_se`] and [`Sketch::quantile_se`] for the
/// methods. `null` in JSON where a cell has no value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesSummary {
    pub mean: Vec<f64>,
    pub mean_se: Vec<f64>,
    pub p5: Vec<f64>,
    pub p5_se: Vec<f64>,
    pub p10: Vec<f64>,
    pub p10_se: Vec<f64>,
    pub p25: Vec<f64>,
    pub p25_se: Vec<f64>,
    pub p50: Vec<f64>,
    pub p50_se: Vec<f64>,
    pub p75: Vec<f64>,
    pub p75_se: Vec<f64>,
    pub p90: Vec<f64>,
    pub p90_se: Vec<f64>,
    pub p95: Vec<f64>,
    pub p95_se: Vec<f64>,
}

/// Mean, quantiles and histogram of a total; `None` where undefined values
/// (no additional job, no cost) decide it. Each figure has its Monte Carlo
/// standard error beside it under the same name and `_se`, as in
/// [`SeriesSummary`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalSummary {
    pub mean: Option<f64>,
    pub mean_se: Option<f64>,
    pub p5: Option<f64>,
    pub p5_se: Option<f64>,
    pub p10: Option<f64>,
    pub p10_se: Option<f64>,
    pub p25: Option<f64>,
    pub p25_se: Option<f64>,
    pub p50: Option<f64>,
    pub p50_se: Option<f64>,
    pub p75: Option<f64>,
    pub p75_se: Option<f64>,
    pub p90: Option<f64>,
    pub p90_se: Option<f64>,
    pub p95: Option<f64>,
    pub p95_se: Option<f64>,
    /// Share of trials where the total is undefined.
    pub undefined_share: f64,
    /// Monte Carlo standard error of that share, with Wilson's term: [`share_se`].
    pub undefined_share_se: f64,
    /// Distribution of the defined values.
    pub histogram: Histogram,
}

/// The quantiles every summary reports.
const QS: [f64; 7] = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];

impl SeriesSummary {
    /// The summary of a series' cells, one per year.
    pub fn of(cells: &[Sketch]) -> SeriesSummary {
        // Each cell's buckets laid out once for all its figures.
        let views: Vec<View> = cells.iter().map(Sketch::view).collect();
        let per_year = |f: &dyn Fn(&View) -> Option<f64>| {
            views
                .iter()
                .map(|c| f(c).unwrap_or(f64::NAN))
                .collect::<Vec<_>>()
        };
        let q = |q: f64| per_year(&|c| c.quantile(q));
        let q_se = |q: f64| per_year(&|c| c.quantile_se(q));
        SeriesSummary {
            mean: per_year(&|c| c.mean()),
            mean_se: per_year(&|c| c.mean_se()),
            p5: q(QS[0]),
            p5_se: q_se(QS[0]),
            p10: q(QS[1]),
            p10_se: q_se(QS[1]),
            p25: q(QS[2]),
            p25_se: q_se(QS[2]),
            p50: q(QS[3]),
            p50_se: q_se(QS[3]),
            p75: q(QS[4]),
            p75_se: q_se(QS[4]),
            p90: q(QS[5]),
            p90_se: q_se(QS[5]),
            p95: q(QS[6]),
            p95_se: q_se(QS[6]),
        }
    }
}

impl TotalSummary {
    /// The summary of a total's sketch over `n` trials.
    pub fn of(sketch: &Sketch, n: f64) -> TotalSummary {
        let u = sketch.undefined_share();
        let s = sketch.view();
        TotalSummary {
            mean: s.mean(),
            mean_se: s.mean_se(),
            p5: s.quantile(QS[0]),
            p5_se: s.quantile_se(QS[0]),
            p10: s.quantile(QS[1]),
            p10_se: s.quantile_se(QS[1]),
            p25: s.quantile(QS[2]),
            p25_se: s.quantile_se(QS[2]),
            p50: s.quantile(QS[3]),
            p50_se: s.quantile_se(QS[3]),
            p75: s.quantile(QS[4]),
            p75_se: s.quantile_se(QS[4]),
            p90: s.quantile(QS[5]),
            p90_se: s.quantile_se(QS[5]),
            p95: s.quantile(QS[6]),
            p95_se: s.quantile_se(QS[6]),
            undefined_share: u,
            undefined_share_se: share_se(u, n),
            histogram: s.histogram(30),
        }
    }
}
