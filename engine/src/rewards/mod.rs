//! Per-slot reward laws (SPEC §1) and the user's reward data.

pub mod data;
pub mod laws;
pub mod sample;

pub use laws::{EmpiricalData, EmpiricalMode, Reward, RewardKind};
