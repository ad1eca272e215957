//! Log-rewards drawn two at a time, one a lane of a [`LaneSource`], for the Monte Carlo's
//! two-lane kernel.

use super::laws::Reward;
use crate::numeric::fastmath;
use crate::numeric::lane_source::LaneSource;
use crate::numeric::lanes::F64x2;

/// A computation generic over a two-lane log-reward sampler `source ↦ (ln R₀, ln R₁)`,
/// run by [`Reward::with_ln_lanes`] with one closure type per law.
pub trait LnLanesUser {
    /// What the computation returns.
    type Output;
    /// Runs the computation with the law's sampler.
    fn run<F: FnMut(&mut LaneSource) -> F64x2>(self, ln_reward: F) -> Self::Output;
}

impl Reward {
    /// Runs `user` with this law's two-lane log-reward sampler, or hands `user` back for a
    /// list of observed rewards (its draws depend on the slot; it keeps the one-stream
    /// sampler of [`Reward::with_ln_sampler`]).
    ///
    /// Each lane draws what [`Reward::sample_ln`] draws from a sequential stream, except
    /// that uniforms have 52 random bits instead of 53 (see [`LaneSource`]) and a Pareto
    /// multiplies by `1/α`.
    pub fn with_ln_lanes<U: LnLanesUser>(&self, user: U) -> Result<U::Output, U> {
        Ok(match self {
            Self::Constant { ln_mean, .. } => {
                let c = F64x2::splat(*ln_mean);
                user.run(|_| c)
            }
            Self::Exponential { ln_mean, .. } => {
                user.run(|s: &mut LaneSource| s.exp1().map(|e| ln_mean + fastmath::ln(e)))
            }
            Self::LogNormal { mu_ln, sigma_ln, .. } => {
                let (mu, sigma) = (F64x2::splat(*mu_ln), F64x2::splat(*sigma_ln));
                user.run(|s: &mut LaneSource| mu + sigma * s.normal())
            }
            Self::Pareto { tail, ln_scale, .. } => {
                let inv = 1.0 / tail;
                user.run(|s: &mut LaneSource| s.open01().map(|u| ln_scale - fastmath::ln(u) * inv))
            }
            Self::Empirical { .. } => return Err(user),
        })
    }
}
