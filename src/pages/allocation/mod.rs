//! The Allocation page (SPEC §2): contests for block space, revenue against fairness.

pub mod figures;
pub mod page;
pub mod state;
pub mod tables;

pub use page::AllocationPage;
