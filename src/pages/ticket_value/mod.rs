//! The Ticket value page (SPEC §1) with the lottery engine panel: the closed forms, the
//! Monte Carlo in workers, streaks, pools and holders.

pub mod engine;
pub mod engine_figures;
pub mod figures;
pub mod lottery;
pub mod math;
pub mod page;
pub mod runs;
pub mod state;
pub mod tables;

pub use page::TicketValuePage;
