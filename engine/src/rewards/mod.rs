//! Per-slot reward laws (SPEC §1), the user's reward data, and six months of mainnet
//! MEV-Boost rewards ([`mainnet`]).

pub mod data;
pub mod laws;
pub mod mainnet;
pub mod sample;
pub mod sample_lanes;

pub use laws::{EmpiricalData, EmpiricalMode, Reward, RewardKind};
