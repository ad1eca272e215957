//! Page states: each a plain struct, one reducer, and its URL parameter table.

pub mod allocation;
pub mod lottery;
pub mod ticket;
