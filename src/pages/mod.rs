//! One folder a model: its page component(s), its state (reducer and URL parameter
//! table), its figures (built from engine results) and its tables.

pub mod allocation;
pub mod mainnet;
pub mod mechanisms;
pub mod nav;
pub mod primary;
pub mod secondary;
pub mod ticket_value;

#[cfg(test)]
mod first_view_tests;

pub use allocation::AllocationPage;
pub use mainnet::MainnetPage;
pub use mechanisms::MechanismsPage;
pub use nav::Page;
pub use primary::MarketPage;
pub use secondary::SecondaryPage;
pub use ticket_value::TicketValuePage;
