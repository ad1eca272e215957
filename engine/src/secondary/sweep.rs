//! Sweeps of the secondary market over one parameter.

use super::model::Market;
use crate::error::{EngineError, Result};

/// A parameter the sweep varies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SweepParam {
    RiskAversion,
    HoldingCost,
    /// `d_S − d_B`, with `d_B` fixed.
    DiscountGap,
    Sigma,
    /// The arrival slot of buyer `i`.
    Arrival(usize),
}

/// One point of a sweep.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SweepPoint {
    pub value: f64,
    pub spot_sale_probability: f64,
    pub revenue: f64,
    pub builder_cost_mean: f64,
}

impl Market {
    /// The market with `param` set to `value`.
    pub fn with(&self, param: SweepParam, value: f64) -> Result<Market> {
        let mut m = self.clone();
        match param {
            SweepParam::RiskAversion => m.risk_aversion = value,
            SweepParam::HoldingCost => m.holding_cost = value,
            SweepParam::DiscountGap => m.seller_discount = self.buyer_discount + value,
            SweepParam::Sigma => m.sigma = value,
            SweepParam::Arrival(i) => {
                let b = m
                    .buyers
                    .get_mut(i)
                    .ok_or_else(|| EngineError::invalid("param", format!("there is no buyer {i}")))?;
                b.arrival = value.round().clamp(0.0, self.maturity as f64) as u32;
            }
        }
        Ok(m)
    }

    /// Spot-sale probability, revenue and builder cost as `param` runs over `values`.
    ///
    /// ```
    /// use et_engine::secondary::{Buyer, Format, Market, SweepParam};
    /// let m = Market {
    ///     maturity: 4,
    ///     mu: 1.0,
    ///     sigma: 0.0,
    ///     buyers: vec![Buyer { cost: 0.2, arrival: 0 }, Buyer { cost: 0.5, arrival: 0 }],
    ///     seller_cost: None,
    ///     seller_discount: 0.0,
    ///     buyer_discount: 0.0,
    ///     risk_aversion: 0.0,
    ///     holding_cost: 0.0,
    ///     format: Format::SecondPrice,
    /// };
    /// // A seller more impatient than the buyers sells at once instead of at maturity.
    /// let pts = m.sweep(SweepParam::DiscountGap, &[0.0, 0.1]).unwrap();
    /// assert_eq!((pts[0].spot_sale_probability, pts[1].spot_sale_probability), (1.0, 0.0));
    /// assert!(pts.iter().all(|p| (p.revenue - 0.5).abs() < 1e-12));
    /// ```
    pub fn sweep(&self, param: SweepParam, values: &[f64]) -> Result<Vec<SweepPoint>> {
        values
            .iter()
            .map(|&v| {
                let s = self.with(param, v)?.solve()?;
                Ok(SweepPoint {
                    value: v,
                    spot_sale_probability: s.spot_sale_probability,
                    revenue: s.revenue,
                    builder_cost_mean: s.builder_cost_mean,
                })
            })
            .collect()
    }
}
