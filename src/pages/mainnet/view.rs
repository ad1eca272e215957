//! What the page draws from the data itself, for a window: the summary, each day's
//! payments, the tail, the builders' weekly shares and the longest run one builder held
//! against the ticket lottery's. All computed by the engine (`rewards::mainnet`,
//! `lottery::longest_run`).

use et_engine::lottery::longest_run::{expected_longest, longest_run_tail, MAX_STEPS};
use et_engine::rewards::mainnet::daily::{daily, weekly_builders, Day, Weeks};
use et_engine::rewards::mainnet::tail::{tail, Tail};
use et_engine::rewards::mainnet::{summary, MainnetData, MainnetSummary};

/// Builders shown by name in the weekly shares (the rest as "others").
pub const TOP_BUILDERS: usize = 5;

/// The longest run one builder controlled, against a ticket holder of its share.
#[derive(Debug, Clone, PartialEq)]
pub struct Streak {
    pub builder: String,
    /// The builder's share of the window's blocks with a builder.
    pub share: f64,
    /// Its longest run of consecutive slots in the window.
    pub actual: u64,
    /// The window's slots (the lottery's horizon).
    pub horizon: u64,
    /// `P(longest run ≥ L)` for `L = 1, 2, …` for a holder of `share` of the tickets.
    pub tail: Vec<f64>,
    /// The holder's expected longest run.
    pub expected: f64,
}

/// The data's view of a window: what the first chart needs.
#[derive(Debug, Clone, PartialEq)]
pub struct DataView {
    pub summary: MainnetSummary,
    pub days: Vec<Day>,
}

/// The rest of the window's view (computed a frame later on the first load).
#[derive(Debug, Clone, PartialEq)]
pub struct MoreView {
    /// `None` when the window has too few values for a tail.
    pub tail: Option<Tail>,
    pub weeks: Weeks,
    pub streak: Option<Streak>,
}

/// The ticket lottery's longest run for the builder of the window's longest run.
fn streak(s: &MainnetSummary) -> Option<Streak> {
    let run = s.longest_run.as_ref()?;
    let share = s.builders.iter().find(|b| b.name == run.builder)?.share;
    let room = (MAX_STEPS / s.slots.max(1) as f64) as u64;
    let max_run = (2 * run.slots + 4).min(room).max(1) as u32;
    let tail = longest_run_tail(share, s.slots, max_run).ok()?;
    Some(Streak {
        builder: run.builder.clone(),
        share,
        actual: run.slots,
        horizon: s.slots,
        expected: expected_longest(&tail),
        tail,
    })
}

/// The view of the slots `from..=to`; an error names what is wrong with the window.
pub fn data_view(d: &MainnetData, from: u64, to: u64) -> Result<DataView, String> {
    let e = |e: et_engine::EngineError| e.to_string();
    let summary = summary(d, Some(from), Some(to)).map_err(e)?;
    let days = daily(d, Some(from), Some(to)).map_err(e)?;
    Ok(DataView { summary, days })
}

/// The tail, the weekly shares and the longest run of the window summarised by `s`.
pub fn more_view(d: &MainnetData, s: &MainnetSummary) -> Result<MoreView, String> {
    let weeks = weekly_builders(d, s, TOP_BUILDERS).map_err(|e| e.to_string())?;
    Ok(MoreView {
        tail: tail(d, Some(s.first_slot), Some(s.last_slot)).ok(),
        streak: streak(s),
        weeks,
    })
}
