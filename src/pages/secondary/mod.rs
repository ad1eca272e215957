//! The Secondary market page (SPEC §3): resale of a ticket before its slot.

pub mod figures;
pub mod page;
pub mod params;
pub mod state;
pub mod tables;

pub use page::SecondaryPage;
