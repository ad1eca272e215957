//! The ticket lottery (SPEC §1): closed forms, the Monte Carlo of one ticket, holders
//! over time, streaks and pools, and the histograms the Monte Carlo fills.

pub mod closed_form;
pub mod display;
pub mod histogram;
pub mod intervals;
pub mod longest_run;
pub mod monte_carlo;
pub mod pools;
pub mod process;
pub mod streaks;

pub use closed_form::{Lottery, TicketSummary};
