//! Allocation contests (SPEC §2): `k` players with values bid for a share of the block
//! space; every outcome carries its metrics and an independent exploitability.

pub mod auctions;
pub mod cascade_system;
pub mod check;
pub mod closed_forms;
pub mod field;
pub mod groups;
pub mod mechanism;
pub mod metrics;
pub mod mixed;
pub mod mixed_pair;
pub mod oracle;
pub mod solve;
pub mod symmetric;
pub mod symmetric_newton;
pub mod tied;
pub mod tradeoff;
pub mod tullock;

pub use mechanism::{check_values, Mechanism, MechanismKind, Outcome, Strategy};
pub use metrics::Metrics;
pub use solve::{solve, solve_with, MIXED_TOLERANCE};
