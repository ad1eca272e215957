//! The Mechanisms page's controls: the numeric table and the page's own menus
//! (builder presets). Mechanisms, sweeps, ticket sources and reward laws are the
//! engine's choices.

use std::sync::OnceLock;

use crate::url_state::{Param, Scale};

/// Most builders in the list.
pub const MAX_BUILDERS: usize = 24;

/// Numeric controls, in [`params`] order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Mu,
    Sd,
    Spread,
    Local,
    Deadline,
    Lookahead,
    Annual,
    Partial,
    Tickets,
    Alpha,
    Validators,
    Slots,
    Seed,
}

/// Number of numeric controls.
pub const FIELDS: usize = 13;

/// The numeric table.
#[rustfmt::skip]
pub fn params() -> &'static [Param] {
    static P: OnceLock<Vec<Param>> = OnceLock::new();
    P.get_or_init(|| {
        let p = Param::new;
        vec![
            p("mu", "Mean slot value μ", "ETH", 1e-4, 100.0, 0.05, Scale::Log, false),
            p("sd", "Slot value standard deviation", "ETH", 0.0, 1e4, 0.15, Scale::Field, false),
            p("spread", "Builder spread σ_b", "", 0.0, 3.0, 0.5, Scale::Linear(0.01), false),
            p("c0", "Local builder's capture c₀", "", 0.0, 1.0, 0.3, Scale::Linear(0.01), false),
            p("g", "Value after the MEV-burn deadline g", "", 0.0, 1.0, 0.25, Scale::Linear(0.01), false),
            p("L", "Lookahead L", "slots", 0.0, 1e7, 32.0, Scale::Field, true),
            p("r", "Bidders' annual discount rate", "", 0.0, 1.0, 0.05, Scale::Linear(0.005), false),
            p("phi", "Share φ of a partial block sold", "", 0.0, 1.0, 0.5, Scale::Linear(0.01), false),
            p("N", "Tickets outstanding N", "tickets", 1.0, 1e6, 100.0, Scale::Log, true),
            p("alpha", "Ticket contest exponent α", "", 0.05, 5.0, 1.0, Scale::Log, false),
            p("V", "Validators sharing the proposals", "validators", 1.0, 1e7, 1e6, Scale::Log, true),
            p("slots", "Slots simulated", "slots", 1e3, 1e7, 200_000.0, Scale::Log, true),
            p("seed", "Seed", "", 0.0, 9_007_199_254_740_991.0, 1.0, Scale::Field, true),
        ]
    })
}

/// A builder's capture rate's domain (the list's entries).
pub fn capture_param() -> Param {
    Param {
        key: "c",
        label: "Builder capture",
        unit: "",
        min: 0.0,
        max: 1.0,
        default: 0.9,
        scale: Scale::Field,
        integer: false,
    }
}

/// The page's default builders: an illustration (a few strong builders and a tail), not
/// data; the "Mainnet builders" preset is fitted to the data.
pub const DEFAULT_CAPTURES: [f64; 8] = [1.0, 0.97, 0.92, 0.8, 0.65, 0.5, 0.35, 0.2];

et_engine::choices! {
    /// Named builder populations (the list and the spread).
    pub enum Preset {
        /// Five equal builders.
        Equal = ("equal", "Equal builders"),
        /// One builder clearly ahead of four equals.
        Dominant = ("dominant", "One dominant builder"),
        /// Mainnet's builders over the six months of data, fitted to their shares of
        /// blocks under the block auction (`et_engine::mechanisms::fit`).
        Mainnet = ("mainnet", "Mainnet builders, Oct 2023 – Apr 2024"),
    }
}

impl Preset {
    /// The preset's capture rates and spread.
    pub fn builders(self) -> (Vec<f64>, f64) {
        use et_engine::mechanisms::fit::{mainnet_captures, MAINNET_SPREAD};
        match self {
            Self::Equal => (vec![0.95; 5], 0.3),
            Self::Dominant => (vec![1.0, 0.8, 0.8, 0.8, 0.8], 0.3),
            Self::Mainnet => (mainnet_captures(), MAINNET_SPREAD),
        }
    }

    /// The local builder's capture the preset sets, if it sets one: the mainnet fit is
    /// made without a local builder (the data's shares are of the blocks with a builder).
    pub fn local(self) -> Option<f64> {
        match self {
            Self::Mainnet => Some(0.0),
            Self::Equal | Self::Dominant => None,
        }
    }

    /// Whether these builders, spread and local builder are this preset's.
    pub fn matches(self, captures: &[f64], spread: f64, local: f64) -> bool {
        let (c, s) = self.builders();
        c == captures && s == spread && self.local().is_none_or(|l| l == local)
    }
}

/// Short names of the mechanisms, for axes (the axis title says they are mechanisms;
/// the legend and tables give the full names).
pub fn short(m: et_engine::mechanisms::Mechanism) -> &'static str {
    use et_engine::mechanisms::Mechanism::*;
    match m {
        BlockAuction => "Block",
        MevBurn => "MEV-burn",
        SlotAuction => "Slot",
        ExecutionAuction => "Execution",
        ExecutionTickets => "Tickets",
        PartialBlock => "Partial",
    }
}
