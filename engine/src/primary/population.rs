//! Holder populations: the tiered one of the ET-Simulation model and simpler ones.

use super::config::Holder;
use crate::error::{EngineError, Result};

/// A named holder population.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Preset {
    /// SPEC §4's tiers: 20 % top (capture 0.85–0.95, budget 400–1000), 40 % middle
    /// (0.75–0.85, 300–700), 40 % tail (0.6–0.75, 200–500); margins 0.15.
    Tiered,
    /// Identical holders (capture 0.85, budget 500, margin 0.15).
    Equal,
    /// One holder with capture 0.95 and budget 1000; the others as `Equal` but 0.8.
    Dominant,
}

impl Preset {
    /// The preset's name as in the JS interface.
    pub fn name(self) -> &'static str {
        match self {
            Self::Tiered => "tiered",
            Self::Equal => "equal",
            Self::Dominant => "dominant",
        }
    }

    /// Parses a name, naming the field `field` in the error.
    pub fn parse(name: &str, field: &str) -> Result<Self> {
        match name {
            "tiered" => Ok(Self::Tiered),
            "equal" => Ok(Self::Equal),
            "dominant" => Ok(Self::Dominant),
            other => Err(EngineError::invalid(
                field,
                format!("must be one of tiered, equal, dominant; got \"{other}\""),
            )),
        }
    }
}

/// Evenly spread midpoints of `[lo, hi]`, highest first: `hi − (hi − lo)(i + ½)/m`.
fn spread(lo: f64, hi: f64, i: usize, m: usize) -> f64 {
    hi - (hi - lo) * (i as f64 + 0.5) / m as f64
}

/// `count ≥ 1` holders of a preset, all with per-slot discount `discount`. Within a tier
/// the capture rates and budgets are spread evenly (not drawn), highest first, so the
/// population does not depend on a seed and reads well in a table.
pub fn preset(kind: Preset, count: usize, discount: f64) -> Result<Vec<Holder>> {
    if count == 0 {
        return Err(EngineError::invalid("holders.count", "must be at least 1, got 0"));
    }
    let holder = |capture: f64, budget: f64| Holder {
        budget,
        capture,
        discount,
        margin: 0.15,
    };
    Ok(match kind {
        Preset::Equal => vec![holder(0.85, 500.0); count],
        Preset::Dominant => std::iter::once(holder(0.95, 1000.0))
            .chain(std::iter::repeat_n(holder(0.8, 500.0), count - 1))
            .collect(),
        Preset::Tiered => {
            let top = ((count as f64 * 0.2).round() as usize).clamp(1, count);
            let middle = ((count as f64 * 0.4).round() as usize).min(count - top);
            let tail = count - top - middle;
            let tier = |m: usize, c: (f64, f64), b: (f64, f64)| {
                (0..m).map(move |i| holder(spread(c.0, c.1, i, m), spread(b.0, b.1, i, m).round()))
            };
            tier(top, (0.85, 0.95), (400.0, 1000.0))
                .chain(tier(middle, (0.75, 0.85), (300.0, 700.0)))
                .chain(tier(tail, (0.6, 0.75), (200.0, 500.0)))
                .collect()
        }
    })
}

/// The study's tier of holder `k` (0-based) among `n`: `k ≤ 0.2 n` top, `k ≤ 0.6 n`
/// middle, else tail; `(capture range, budget range)`.
fn study_tier(k: usize, n: usize) -> ((f64, f64), (f64, f64)) {
    let (k, n) = (k as f64, n as f64);
    if k <= 0.2 * n {
        ((0.85, 0.95), (400.0, 1000.0))
    } else if k <= 0.6 * n {
        ((0.75, 0.85), (300.0, 700.0))
    } else {
        ((0.6, 0.75), (200.0, 500.0))
    }
}

/// Draws the study's population of `count` holders (SPEC §4.1): by tier, budget and
/// capture uniform in the tier's ranges (the capture range scaled by `capture_spread`
/// about its midpoint), aggressiveness `a ~ N(0.15, 0.02)` (the margin) and volatility
/// specialisation `s ~ N(1, 0.5)`, values `≤ 0` becoming 0.1; no discounting.
/// Returns the holders and their specialisations.
///
/// ```
/// use et_engine::numeric::random::{stream, Source};
/// use et_engine::primary::draw_population;
/// let a = draw_population(10, 1.0, &mut Source::new(stream(5, 0)));
/// assert_eq!(a, draw_population(10, 1.0, &mut Source::new(stream(5, 0))));
/// assert!((0.85..=0.95).contains(&a.0[2].capture) && (0.6..=0.75).contains(&a.0[7].capture));
/// ```
pub fn draw_population<R: rand::Rng>(
    count: usize,
    capture_spread: f64,
    src: &mut crate::numeric::random::Source<R>,
) -> (Vec<Holder>, Vec<f64>) {
    let mut holders = Vec::with_capacity(count);
    let mut spec = Vec::with_capacity(count);
    let positive = |x: f64| if x <= 0.0 { 0.1 } else { x };
    for k in 0..count {
        let ((c0, c1), (b0, b1)) = study_tier(k, count);
        let budget = b0 + (b1 - b0) * src.open01();
        let mid = (c0 + c1) / 2.0;
        let capture = mid + capture_spread * (c1 - c0) * (src.open01() - 0.5);
        let margin = positive(0.15 + 0.02 * src.normal()).min(0.99);
        spec.push(positive(1.0 + 0.5 * src.normal()));
        holders.push(Holder {
            budget,
            capture,
            discount: 0.0,
            margin,
        });
    }
    (holders, spec)
}
