//! The Primary market page (SPEC §4): the protocol's sale of tickets under each pricing
//! rule, simulated in the worker pool.

pub mod capture;
pub mod choices;
pub mod controls;
pub mod figures;
pub mod holders;
pub mod holders_table;
pub mod link;
pub mod measure_figures;
pub mod options_controls;
pub mod page;
pub mod params;
pub mod run;
pub mod scenario;
pub mod state;
pub mod sweep;
pub mod sweep_figures;
pub mod tables;

pub use page::MarketPage;
