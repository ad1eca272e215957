//! One page a model.

pub mod allocation;
pub mod lottery_engine;
pub mod lottery_side;
pub mod market;
pub mod market_side;
pub mod math;
pub mod secondary;
pub mod ticket_value;

pub use allocation::AllocationPage;
pub use market::MarketPage;
pub use secondary::SecondaryPage;
pub use ticket_value::TicketValuePage;
