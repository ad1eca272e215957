//! One page a model.

pub mod math;
pub mod ticket_value;

pub use ticket_value::TicketValuePage;
