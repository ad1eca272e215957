//! The shared one-slot model (SPEC §5) and its validated constructor.

use crate::error::{finite, non_negative, within, EngineError, Result};
use crate::rewards::Reward;

choices! {
    /// Where the execution tickets' revenue per slot comes from.
    pub enum TicketSource {
        /// SPEC §4's steady state: each slot one fresh ticket is sold in a second-price
        /// auction among the builders, at the second-highest ticket valuation.
        SteadyState = ("steady-state", "Primary-market steady state (second-price sale)"),
        /// SPEC §2's proportional contest (Tullock α) among the builders for the tickets.
        Contest = ("contest", "Allocation contest (Tullock α)"),
    }
}

/// How execution tickets are sold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tickets {
    /// Where the revenue comes from.
    pub source: TicketSource,
    /// Tickets outstanding `N`: a fresh ticket waits `N` slots on average, so it is
    /// worth `E[payoff] / (N d + 1)` (SPEC §1).
    pub count: f64,
    /// The contest exponent α (used by [`TicketSource::Contest`]).
    pub alpha: f64,
}

impl Default for Tickets {
    fn default() -> Self {
        Self {
            source: TicketSource::SteadyState,
            count: 100.0,
            alpha: 1.0,
        }
    }
}

/// The inputs every mechanism shares, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotModel {
    /// The slot's value `R` (ETH).
    pub reward: Reward,
    /// Builders' capture rates `c_i ∈ [0, 1]`.
    pub captures: Vec<f64>,
    /// The idiosyncratic spread `σ_b ≥ 0`: builder `i` extracts `c_i R e^(σ_b Z_i − σ_b²/2)`.
    pub spread: f64,
    /// The local (validator) builder's capture `c_0 ∈ [0, 1]`.
    pub local_capture: f64,
    /// MEV-burn: the share `g ∈ [0, 1]` of the value that arrives after the deadline.
    pub deadline_share: f64,
    /// Slots `L ≥ 0` between a slot or execution auction and its slot.
    pub lookahead: f64,
    /// Per-slot discount rate `d ≥ 0` of bids made ahead.
    pub discount: f64,
    /// Partial-block auctions: the share `φ ∈ [0, 1]` of the block sold just in time.
    pub partial_share: f64,
    /// How tickets are sold.
    pub tickets: Tickets,
    /// Validators sharing the proposals: one validator proposes
    /// `SLOTS_PER_YEAR / validators` slots a year on average.
    pub validators: f64,
}

/// The most builders a model may have.
pub const MAX_BUILDERS: usize = 1_000;

impl SlotModel {
    /// A model with the given reward and builders and SPEC §5's defaults elsewhere: no
    /// spread, no local builder, `g = 0.25`, `L = 32`, `d = 0`, `φ = 0.5`, tickets from the
    /// steady state with `N = 100`, one million validators. Errors name `builders[i].capture`.
    ///
    /// ```
    /// use et_engine::mechanisms::SlotModel;
    /// use et_engine::rewards::Reward;
    ///
    /// let m = SlotModel::new(Reward::constant(1.0)?, vec![0.9, 0.8])?;
    /// assert_eq!(m.captures.len(), 2);
    /// assert!(SlotModel::new(Reward::constant(1.0)?, vec![1.5]).is_err());
    /// # Ok::<(), et_engine::EngineError>(())
    /// ```
    pub fn new(reward: Reward, captures: Vec<f64>) -> Result<Self> {
        let m = Self {
            reward,
            captures,
            spread: 0.0,
            local_capture: 0.0,
            deadline_share: 0.25,
            lookahead: 32.0,
            discount: 0.0,
            partial_share: 0.5,
            tickets: Tickets::default(),
            validators: 1e6,
        };
        m.validate()?;
        Ok(m)
    }

    /// Checks every field; errors name the field as in the JS interface.
    pub fn validate(&self) -> Result<()> {
        if self.captures.is_empty() || self.captures.len() > MAX_BUILDERS {
            return Err(EngineError::invalid(
                "builders",
                format!("need 1 to {MAX_BUILDERS} builders, got {}", self.captures.len()),
            ));
        }
        for (i, &c) in self.captures.iter().enumerate() {
            within(&format!("builders[{i}].capture"), c, 0.0, 1.0)?;
        }
        within("spread", self.spread, 0.0, 3.0)?;
        within("localCapture", self.local_capture, 0.0, 1.0)?;
        within("deadlineShare", self.deadline_share, 0.0, 1.0)?;
        within("lookahead", self.lookahead, 0.0, 1e9)?;
        within("discount", self.discount, 0.0, 1.0)?;
        within("partialShare", self.partial_share, 0.0, 1.0)?;
        within("tickets.count", self.tickets.count, 1.0, 1e12)?;
        finite("tickets.alpha", self.tickets.alpha)?;
        if self.tickets.alpha <= 0.0 {
            return Err(EngineError::invalid(
                "tickets.alpha",
                format!("must be positive, got {}", self.tickets.alpha),
            ));
        }
        within("validators", self.validators, 1.0, 1e9)?;
        non_negative("reward.mean", self.reward.mean()).map(drop)
    }

    /// The factor `(1 + d)^(−L)` on bids made `L` slots ahead.
    pub fn lookahead_factor(&self) -> f64 {
        libm::exp(-self.lookahead * libm::log1p(self.discount))
    }

    /// The factor `1 / (N d + 1)` on a fresh ticket's expected payoff (SPEC §1).
    pub fn ticket_factor(&self) -> f64 {
        1.0 / (self.tickets.count * self.discount + 1.0)
    }
}
