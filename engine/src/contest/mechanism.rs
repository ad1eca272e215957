//! The contests' vocabulary: mechanisms, strategies, outcomes and the values check.

use super::metrics::Metrics;
use crate::error::{finite, EngineError, Result};

choices! {
    /// The allocation mechanisms, without the Tullock exponent (menu order).
    pub enum MechanismKind {
        /// `x_i = b_i / Σ b_j`, everyone pays.
        ProportionalAllPay = ("proportional-all-pay", "Proportional all-pay (α = 1)"),
        /// `x_i = b_i^α / Σ b_j^α`, everyone pays.
        Tullock = ("tullock", "Tullock contest, exponent α"),
        /// Highest bid wins and alone pays.
        WinnerTakeAll = ("winner-take-all", "Winner-take-all (first price)"),
        /// Highest bid wins, everyone pays.
        AllPayAuction = ("all-pay-auction", "All-pay auction (α → ∞)"),
    }
}

/// An allocation mechanism.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mechanism {
    /// `x_i = b_i / Σ b_j`, everyone pays (Tullock with α = 1).
    ProportionalAllPay,
    /// `x_i = b_i^α / Σ b_j^α`, everyone pays.
    Tullock(f64),
    /// Highest bid wins and alone pays its bid.
    WinnerTakeAll,
    /// Highest bid wins, everyone pays (α → ∞).
    AllPayAuction,
}

impl Mechanism {
    /// Parses the JS spelling with its exponent; errors name `mechanism` or `alpha`.
    pub fn parse(name: &str, alpha: Option<f64>) -> Result<Self> {
        match name {
            "proportional-all-pay" => Ok(Self::ProportionalAllPay),
            "tullock" => {
                let a = alpha.ok_or_else(|| EngineError::invalid("alpha", "is required for the tullock mechanism"))?;
                Self::tullock(a)
            }
            "winner-take-all" => Ok(Self::WinnerTakeAll),
            "all-pay-auction" => Ok(Self::AllPayAuction),
            other => Err(EngineError::invalid(
                "mechanism",
                format!("must be proportional-all-pay, tullock, winner-take-all or all-pay-auction; got \"{other}\""),
            )),
        }
    }

    /// Tullock with a validated exponent `α > 0` (finite).
    pub fn tullock(alpha: f64) -> Result<Self> {
        finite("alpha", alpha)?;
        if alpha <= 0.0 {
            return Err(EngineError::invalid("alpha", format!("must be positive, got {alpha}")));
        }
        Ok(if alpha == 1.0 {
            Self::ProportionalAllPay
        } else {
            Self::Tullock(alpha)
        })
    }

    /// The exponent (1 for proportional, ∞ for the all-pay auction).
    pub fn alpha(self) -> Option<f64> {
        match self {
            Self::ProportionalAllPay => Some(1.0),
            Self::Tullock(a) => Some(a),
            Self::AllPayAuction => Some(f64::INFINITY),
            Self::WinnerTakeAll => None,
        }
    }
}

/// One player's mixed strategy: bids and their probabilities.
///
/// For an equilibrium with atoms (a grid or exact atoms) `support` and `probs` are the
/// atoms; for a closed form with a continuous part (`cdf` present) `support` is a fine
/// grid of bids, `cdf[j] = P(b ≤ support[j])` exactly, and `probs[j]` the mass on
/// `(support[j−1], support[j]]` (`probs[0]` the atom at `support[0]`), so the probs
/// still add up to one and a chart can draw either the CDF or the density.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Strategy {
    pub support: Vec<f64>,
    pub probs: Vec<f64>,
    /// The exact CDF at `support` (discretised closed forms only).
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub cdf: Option<Vec<f64>>,
}

/// An equilibrium outcome. For a mixed equilibrium, bids and payments are expected values.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub mechanism: Mechanism,
    /// Whether the equilibrium is in pure strategies.
    pub pure: bool,
    pub bids: Vec<f64>,
    pub allocations: Vec<f64>,
    pub payments: Vec<f64>,
    pub metrics: Metrics,
    /// The largest gain any player gets by a unilateral deviation, found by an
    /// independent best-response search on the continuous game.
    pub exploitability: f64,
    /// Each player's mixed strategy (mixed equilibria only).
    pub strategies: Option<Vec<Strategy>>,
    /// How the outcome was computed: `"closed-form"`, `"share-equations"` (pure, solved
    /// numerically), `"lp"` (a mixed equilibrium on a fixed grid), `"double-oracle"`
    /// (linear programs on grids grown by continuous best responses),
    /// `"closed-form+double-oracle"` (closed-form numbers, numerically computed strategies),
    /// or `"symmetric-cascade"` (three or more tied top values: [`super::symmetric`]).
    pub method: &'static str,
    /// The grid or refinement behind a numerical mixed equilibrium (e.g. the grid sizes
    /// and the tolerance it was refined to); `None` for closed forms and pure equilibria.
    pub refinement: Option<String>,
    /// An estimate of the revenue's error: 0 for closed forms; for numerical mixed
    /// equilibria the change in revenue between the last two refinements (or the
    /// distance to the closed form where one is known).
    pub revenue_error: f64,
}

impl Outcome {
    /// An outcome of `(bids, allocations, payments)` with its metrics; the
    /// exploitability starts at 0, the method at `method`, no strategies.
    pub fn new(values: &[f64], mechanism: Mechanism, pure: bool, bxp: [Vec<f64>; 3], method: &'static str) -> Self {
        let metrics = super::metrics::metrics(values, &bxp[1], &bxp[2]);
        Self::with_metrics(mechanism, pure, bxp, metrics, method)
    }

    /// [`Outcome::new`] with the metrics computed already.
    pub fn with_metrics(
        mechanism: Mechanism,
        pure: bool,
        bxp: [Vec<f64>; 3],
        metrics: Metrics,
        method: &'static str,
    ) -> Self {
        let [bids, allocations, payments] = bxp;
        Outcome {
            mechanism,
            pure,
            bids,
            allocations,
            payments,
            metrics,
            exploitability: 0.0,
            strategies: None,
            method,
            refinement: None,
            revenue_error: 0.0,
        }
    }
}

/// Validates the values: at least two, each finite and positive; errors name `values`.
pub fn check_values(values: &[f64]) -> Result<()> {
    if values.len() < 2 {
        return Err(EngineError::invalid(
            "values",
            format!("need at least two players, got {}", values.len()),
        ));
    }
    for (i, &v) in values.iter().enumerate() {
        if !v.is_finite() || v <= 0.0 {
            return Err(EngineError::invalid(
                format!("values[{i}]"),
                format!("must be a positive finite value, got {v}"),
            ));
        }
    }
    Ok(())
}
