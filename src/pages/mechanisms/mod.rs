//! The Mechanisms page (SPEC §5): execution tickets beside PBS, MEV-burn, slot and
//! execution auctions and partial blocks, on one shared slot model.

pub mod controls;
pub mod figures;
pub mod page;
pub mod params;
pub mod run;
pub mod state;
pub mod tables;

pub use page::MechanismsPage;
