//! The Mainnet page (issue 20): six months of real mainnet slots (10 Oct 2023 –
//! 9 Apr 2024) and, on them, what execution tickets would have done.

pub mod controls;
pub mod figures;
pub mod market;
pub mod page;
pub mod params;
pub mod retro;
pub mod retro_figures;
pub mod state;
pub mod tables;
pub mod view;

pub use page::MainnetPage;
