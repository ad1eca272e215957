//! Options of the primary market beyond SPEC §4's base model, from the ET-Simulation
//! study (SPEC §4.1). [`Options::default`] is today's model, unchanged.

use crate::error::{non_negative, within, EngineError, Result};

choices! {
    /// How slots are given to tickets.
    pub enum Assignment {
        /// Each slot draws one held ticket uniformly (SPEC §4).
        PerSlot = ("per-slot", "A uniform draw each slot"),
        /// At each epoch start, 32 distinct held tickets get the epoch's 32 slots
        /// (a lottery without replacement); with `N ≤ 64` a still-empty slot gets a
        /// random unassigned held ticket (SPEC §4.1).
        Epoch = ("epoch", "A whole epoch (32 slots) ahead"),
    }
}

choices! {
    /// What a holder bids (or, under a posted price, the most it pays), before its cash.
    pub enum Strategy {
        /// `μ c (1 − m)/(N d + 1)`: the study's `30 c (1 − a)` with margin `m = a`.
        Value = ("value", "Value μ c (1 − a)"),
        /// `μ (1 − m)`: ignores the holder's own capture.
        Naive = ("naive", "Naive μ (1 − a)"),
        /// `U(μ/3, 5μ/3)(1 − m)`, drawn for each bid (the study's `U(10, 50)` at μ = 30).
        Random = ("random", "Random U(μ/3, 5μ/3)(1 − a)"),
        /// The value shaded by `(n − 1)/n`, `n` holders (the study's first-price heuristic).
        Shaded = ("shaded", "Shaded value × (n − 1)/n"),
        /// The least of 10 reward draws, drawn for each bid.
        Conservative = ("conservative", "Conservative: min of 10 reward draws"),
    }
}

choices! {
    /// Which variant of each pricing rule runs.
    pub enum Rules {
        /// SPEC §4's rules (first-price shades by `(K′ − 1)/K′` with `K′` eligible bidders).
        Classic = ("classic", "SPEC §4 rules"),
        /// The study's: auctions on bids `min(b, cash)`, unshaded first-price; EIP-1559
        /// updated before and after the sales, buyers with `w > p` in a shuffled round;
        /// the bonding curve without a cap, in shuffled rounds, with optional sell-back.
        Study = ("study", "ET-Simulation variants"),
    }
}

impl Strategy {
    /// Whether each bid is a fresh random draw (else a holder's bid is a constant).
    pub fn draws(self) -> bool {
        matches!(self, Self::Random | Self::Conservative)
    }
}

/// Tickets handed out before the first slot, paid from budgets and not counted as revenue.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Initial {
    /// How many (at most `N`).
    pub count: u64,
    /// The price each holder pays (`≥ 0`).
    pub price: f64,
    /// Only the even-numbered of tickets 1 to `count` are handed out, the odd ones stay on
    /// sale (the study does this under EIP-1559 and AMM: 49 of 99 held at the start).
    pub even_only: bool,
}

/// A population drawn from each run's seed in the study's tiers (SPEC §4.1).
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Drawn {
    /// Holders (`≥ 1`).
    pub count: usize,
    /// Scales each tier's capture range about its midpoint (1 = the study's; 0 = every
    /// holder of a tier at the midpoint).
    pub capture_spread: f64,
}

/// The options; the default is SPEC §4's model.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Options {
    #[cfg_attr(feature = "serde", serde(with = "crate::primary::options::choice_serde"))]
    pub assignment: Assignment,
    pub initial: Option<Initial>,
    /// A drawn population (else the configuration's holders, with specialisation 1).
    pub drawn: Option<Drawn>,
    /// `σ` of the market volatility `ν ~ LogNormal(0, σ)`: the slot's builder receives
    /// `c_k R (1 + (ν − E[ν]) s_k)`.
    pub market_volatility: Option<f64>,
    #[cfg_attr(feature = "serde", serde(with = "crate::primary::options::choice_serde"))]
    pub strategy: Strategy,
    #[cfg_attr(feature = "serde", serde(with = "crate::primary::options::choice_serde"))]
    pub rules: Rules,
    /// The study's AMM sell-back: a holder valuing a ticket below `P (1 − r)` sells one
    /// back at that price (bonding curve, study rules only).
    pub sell_back: Option<f64>,
    /// A resale market among holders each slot.
    pub resale: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            assignment: Assignment::PerSlot,
            initial: None,
            drawn: None,
            market_volatility: None,
            strategy: Strategy::Value,
            rules: Rules::Classic,
            sell_back: None,
            resale: false,
        }
    }
}

impl Options {
    /// Whether these are SPEC §4's base model (run by the original code path).
    pub fn is_base(&self) -> bool {
        *self == Self::default()
    }

    /// Checks every field against the market's `N`; errors name it.
    pub(crate) fn validate(&self, max_tickets: u64) -> Result<()> {
        if let Some(i) = self.initial {
            non_negative("initial.price", i.price)?;
            if i.count > max_tickets {
                return Err(EngineError::invalid(
                    "initial.count",
                    format!("must be at most maxTickets ({max_tickets}), got {}", i.count),
                ));
            }
        }
        if let Some(d) = self.drawn {
            if d.count == 0 || d.count > 100_000 {
                return Err(EngineError::invalid(
                    "holders.count",
                    format!("must be in [1, 100000], got {}", d.count),
                ));
            }
            within("holders.captureSpread", d.capture_spread, 0.0, 1.0)?;
        }
        if let Some(s) = self.market_volatility {
            within("marketVolatility", s, 0.0, 3.0)?;
        }
        if let Some(r) = self.sell_back {
            within("sellBack", r, 0.0, 1.0)?;
        }
        Ok(())
    }
}

/// Serializes a [`Choice`](crate::choice::Choice) by its key.
#[cfg(feature = "serde")]
pub(crate) mod choice_serde {
    use crate::choice::Choice;

    pub fn serialize<C: Choice, S: serde::Serializer>(c: &C, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(c.key())
    }

    pub fn deserialize<'de, C: Choice, D: serde::Deserializer<'de>>(d: D) -> Result<C, D::Error> {
        let key: String = serde::Deserialize::deserialize(d)?;
        C::from_key(&key).ok_or_else(|| serde::de::Error::custom(format!("unknown key \"{key}\"")))
    }
}
