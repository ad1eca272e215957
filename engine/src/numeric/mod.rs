//! Shared numerics: seeded random streams and samplers, the fast `exp`/`ln` they use,
//! and the one bracketed Newton root finder every solver calls.

pub mod fastmath;
pub mod fastmath_lanes;
mod fastmath_tables;
pub mod lane_source;
pub mod lanes;
pub mod random;
pub mod root;
pub mod ziggurat;
