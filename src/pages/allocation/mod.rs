//! The Allocation page (SPEC §2): contests for block space, revenue against fairness.

pub mod curve_figures;
pub mod exactness;
pub mod figures;
pub mod page;
pub mod state;
pub mod strategy_figures;
pub mod tables;
pub mod trace;

pub use page::AllocationPage;
