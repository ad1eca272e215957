//! The primary market's inputs: holders, pricing rules, volatility and the configuration.

use crate::error::{finite, non_negative, positive, within, EngineError, Result};
use crate::rewards::laws::Reward;

/// One holder (a would-be ticket buyer and block builder).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Holder {
    /// Cash at the start (ETH), `≥ 0`.
    pub budget: f64,
    /// The share `c ∈ (0, 1]` of a slot's reward this holder extracts by building.
    pub capture: f64,
    /// Per-slot discount rate `d ≥ 0`.
    pub discount: f64,
    /// Required margin `m ∈ [0, 1)`: the holder pays at most `1 − m` of its value.
    pub margin: f64,
}

impl Holder {
    /// Checks the holder's fields, naming them `holders[i].<field>`.
    pub(crate) fn validate(&self, i: usize) -> Result<()> {
        let name = |f: &str| format!("holders[{i}].{f}");
        non_negative(&name("budget"), self.budget)?;
        finite(&name("capture"), self.capture)?;
        if !(self.capture > 0.0 && self.capture <= 1.0) {
            return Err(EngineError::invalid(
                name("capture"),
                format!("must be in (0, 1], got {}", self.capture),
            ));
        }
        non_negative(&name("discount"), self.discount)?;
        finite(&name("margin"), self.margin)?;
        if !(0.0..1.0).contains(&self.margin) {
            return Err(EngineError::invalid(
                name("margin"),
                format!("must be in [0, 1), got {}", self.margin),
            ));
        }
        Ok(())
    }

    /// The most this holder pays for a fresh ticket.
    ///
    /// # Formula
    /// `w = (1 − m) c μ / (N d + 1) · (1 − (1 − 1/N)^E)`, the last factor (the chance the
    /// ticket is drawn before it expires) only with an expiry of `E` slots.
    pub fn valuation(&self, mean_reward: f64, max_tickets: u64, expiry: Option<u64>) -> f64 {
        let n = max_tickets as f64;
        let base = (1.0 - self.margin) * self.capture * mean_reward / (n * self.discount + 1.0);
        base * expiry.map_or(1.0, |e| win_before_expiry(max_tickets, e))
    }
}

/// `1 − (1 − 1/N)^E`: the probability that a ticket is drawn within `E` slots.
pub fn win_before_expiry(max_tickets: u64, expiry: u64) -> f64 {
    let n = max_tickets as f64;
    -libm::expm1(expiry as f64 * libm::log1p(-1.0 / n))
}

choices! {
    /// The pricing rules, without their parameters (menu order: auctions first).
    pub enum PricingRule {
        /// Second-price auction per ticket.
        SecondPrice = ("second-price", "Second-price auction"),
        /// First-price auction per ticket, bids shaded `w(K′−1)/K′`.
        FirstPrice = ("first-price", "First-price auction (bids w(K′−1)/K′)"),
        /// A fixed posted price.
        Fixed = ("fixed", "Fixed posted price"),
        /// A posted price adjusting each slot, EIP-1559 style.
        Eip1559 = ("eip1559", "EIP-1559-style adjusting price"),
        /// A bonding curve on the held count.
        BondingCurve = ("bonding-curve", "Bonding curve p₀e^(κ·held/N)"),
    }
}

impl PricingRule {
    /// Whether the rule posts a price (else it is an auction).
    pub fn posted(self) -> bool {
        !matches!(self, Self::SecondPrice | Self::FirstPrice)
    }

    /// The rule's short display name, for legends and tables (the ET-Simulation
    /// study's name where it has one: its "AMM" is the bonding curve).
    pub fn short(self) -> &'static str {
        match self {
            Self::SecondPrice => "Second-price",
            Self::FirstPrice => "First-price",
            Self::Fixed => "Fixed price",
            Self::Eip1559 => "EIP-1559",
            Self::BondingCurve => "AMM (bonding curve)",
        }
    }
}

/// How the protocol sells tickets.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "rule", rename_all = "kebab-case"))]
pub enum Pricing {
    /// A posted price; willing holders with the cash buy, in random order.
    Fixed { price: f64 },
    /// Each ticket to the highest bid `min(w_k, cash_k)`, at the second-highest (at
    /// least the reserve); ties broken at random.
    SecondPrice { reserve: f64 },
    /// Each ticket to the highest bid `w_k (K' − 1)/K'` (`K'` bidders), who pays it.
    FirstPrice { reserve: f64 },
    /// A posted price that moves each slot by `(held − target)/(target · q)`, at most
    /// `max_sales` sales a slot.
    Eip1559 {
        initial: f64,
        target: f64,
        quotient: f64,
        max_sales: u64,
    },
    /// The next ticket costs `base · e^(κ · held / N)`.
    BondingCurve { base: f64, slope: f64 },
}

impl Pricing {
    /// The rule, without its parameters.
    pub fn rule(&self) -> PricingRule {
        match self {
            Self::Fixed { .. } => PricingRule::Fixed,
            Self::SecondPrice { .. } => PricingRule::SecondPrice,
            Self::FirstPrice { .. } => PricingRule::FirstPrice,
            Self::Eip1559 { .. } => PricingRule::Eip1559,
            Self::BondingCurve { .. } => PricingRule::BondingCurve,
        }
    }

    /// The rule's name as in the JS interface.
    pub fn name(&self) -> &'static str {
        crate::choice::Choice::key(self.rule())
    }

    pub(crate) fn validate(&self, max_tickets: u64) -> Result<()> {
        match *self {
            Self::Fixed { price } => non_negative("pricing.price", price).map(drop),
            Self::SecondPrice { reserve } | Self::FirstPrice { reserve } => {
                non_negative("pricing.reserve", reserve).map(drop)
            }
            Self::Eip1559 {
                initial,
                target,
                quotient,
                max_sales,
            } => {
                positive("pricing.initial", initial)?;
                within("pricing.target", target, 1.0, max_tickets as f64)?;
                finite("pricing.quotient", quotient)?;
                if quotient <= 1.0 {
                    return Err(EngineError::invalid(
                        "pricing.quotient",
                        format!("must be greater than 1 (the price would reach 0), got {quotient}"),
                    ));
                }
                if max_sales == 0 {
                    return Err(EngineError::invalid("pricing.maxSales", "must be at least 1, got 0"));
                }
                Ok(())
            }
            Self::BondingCurve { base, slope } => {
                positive("pricing.base", base)?;
                within("pricing.slope", slope, 0.0, 50.0).map(drop)
            }
        }
    }
}

/// A log-AR(1) volatility regime scaling the rewards: `x_t = ρ x_{t−1} + σ ε_t`,
/// `v_t = exp(x_t − s²/2)` with `s² = σ²/(1 − ρ²)`, so `E[v_t] = 1` and the mean reward
/// is unchanged; `x_0` starts in the stationary law.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Volatility {
    /// `ρ ∈ [0, 1)`.
    pub persistence: f64,
    /// `σ ≥ 0`.
    pub volatility: f64,
}

impl Volatility {
    /// The stationary variance of `x_t`: `s² = σ²/(1 − ρ²)`.
    #[inline]
    pub fn stationary_variance(self) -> f64 {
        self.volatility * self.volatility / (1.0 - self.persistence * self.persistence)
    }
}

/// Everything a simulation needs; checked by [`Market::new`](super::market::Market::new). The reward law is
/// generic so that a configuration can travel as data (e.g. to a worker) with the
/// reward as a description, and become a market with [`MarketConfig::with_reward`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct MarketConfig<R = Reward> {
    /// `N ≥ 1`: the most tickets outstanding.
    pub max_tickets: u64,
    /// Slots simulated (≥ 1).
    pub slots: u64,
    /// Seeded runs (≥ 1); run `r` draws from stream `r` of `seed`.
    pub runs: u64,
    pub seed: u64,
    pub reward: R,
    pub volatility: Option<Volatility>,
    pub pricing: Pricing,
    pub holders: Vec<Holder>,
    /// Slots after purchase at which an undrawn ticket is burned.
    pub expiry: Option<u64>,
    /// Fraction `φ ∈ [0, 1]` of an expired ticket's price refunded to its holder.
    pub refund: f64,
    /// Whether drawn slots are resold just in time to the best builder.
    pub jit_resale: bool,
    /// Recorded points of each series (at most the slots).
    pub points: u64,
}

impl<R> MarketConfig<R> {
    /// The same configuration with another reward (or reward description).
    pub fn with_reward<S>(&self, reward: S) -> MarketConfig<S> {
        MarketConfig {
            max_tickets: self.max_tickets,
            slots: self.slots,
            runs: self.runs,
            seed: self.seed,
            reward,
            volatility: self.volatility,
            pricing: self.pricing.clone(),
            holders: self.holders.clone(),
            expiry: self.expiry,
            refund: self.refund,
            jit_resale: self.jit_resale,
            points: self.points,
        }
    }
}

impl MarketConfig {
    /// Checks every field; errors name it.
    pub(crate) fn validate(&self) -> Result<()> {
        if self.max_tickets == 0 {
            return Err(EngineError::invalid("maxTickets", "must be at least 1, got 0"));
        }
        if self.slots == 0 {
            return Err(EngineError::invalid("slots", "must be at least 1, got 0"));
        }
        if self.runs == 0 {
            return Err(EngineError::invalid("runs", "must be at least 1, got 0"));
        }
        if self.points == 0 {
            return Err(EngineError::invalid("points", "must be at least 1, got 0"));
        }
        if self.holders.is_empty() {
            return Err(EngineError::invalid("holders", "must list at least one holder"));
        }
        for (i, h) in self.holders.iter().enumerate() {
            h.validate(i)?;
        }
        self.check_size()
    }

    /// The sizes (work, recorded counts) and the optional parts (expiry, refund, volatility).
    fn check_size(&self) -> Result<()> {
        let work = self.slots as f64 * self.holders.len() as f64 * self.runs as f64;
        if work > MAX_WORK {
            return Err(EngineError::invalid(
                "slots",
                format!("slots × holders × runs is {work:.3e}, more than the {MAX_WORK:.0e} this tool runs"),
            ));
        }
        let recorded = self.points.min(self.slots) as f64 * self.holders.len() as f64 * self.runs as f64;
        if recorded > MAX_RECORDED {
            return Err(EngineError::invalid(
            "points",
            format!("points × holders × runs is {recorded:.3e}, more than the {MAX_RECORDED:.0e} ticket counts kept; record fewer points"),
        ));
        }
        if self.expiry == Some(0) {
            return Err(EngineError::invalid("expiry", "must be at least 1 slot, got 0"));
        }
        within("refund", self.refund, 0.0, 1.0)?;
        if let Some(v) = self.volatility {
            within("volatility.persistence", v.persistence, 0.0, 0.999_999)?;
            within("volatility.volatility", v.volatility, 0.0, 5.0)?;
        }
        self.pricing.validate(self.max_tickets)
    }
}

/// The largest simulation accepted: slots × holders × runs.
pub const MAX_WORK: f64 = 1e11;

/// The most ticket counts recorded (points × holders × runs, 4 bytes each).
pub const MAX_RECORDED: f64 = 5e7;
