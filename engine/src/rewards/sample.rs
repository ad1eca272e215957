//! Drawing rewards: one slot's reward or its logarithm, and the one match over the laws
//! that hands a monomorphic log-reward sampler to a hot loop.

use rand::Rng;

use super::laws::{EmpiricalData, EmpiricalMode, Reward};
use crate::numeric::fastmath;
use crate::numeric::random::Source;

/// A computation generic over a per-slot log-reward sampler `(source, slot) ↦ ln R`,
/// run by [`Reward::with_ln_sampler`] with one closure type per law (so its loop is
/// compiled once per law, with no match inside).
pub trait LnSamplerUser<R: Rng> {
    /// What the computation returns.
    type Output;
    /// Runs the computation with the law's sampler.
    fn run<F: FnMut(&mut Source<R>, u64) -> f64>(self, ln_reward: F) -> Self::Output;
}

impl EmpiricalData {
    /// The row used for slot `slot`: replayed in order, drawn uniformly, or read from
    /// the slot's bootstrap block.
    #[inline]
    fn row<R: Rng>(&self, mode: EmpiricalMode, src: &mut Source<R>, slot: u64) -> usize {
        let len = self.values().len() as u64;
        // `x mod len` without a division when `x < len` (the same number, faster).
        let wrap = |x: u64| if x < len { x } else { x % len };
        (match mode {
            EmpiricalMode::Replay => wrap(slot),
            EmpiricalMode::Resample => src.below(len),
            EmpiricalMode::Block { len: b } => {
                let (block, offset) = match b.is_power_of_two() {
                    true => (slot >> b.trailing_zeros(), slot & (b - 1)),
                    false => (slot / b, slot % b),
                };
                wrap(src.block_start(block, len) + offset)
            }
        }) as usize
    }

    /// The entry of `table` (the values or their logarithms) for slot `slot`; a missing
    /// row (NaN) draws a row holding a value uniformly.
    #[inline]
    fn pick<R: Rng>(&self, table: &[f64], mode: EmpiricalMode, src: &mut Source<R>, slot: u64) -> f64 {
        let x = table[self.row(mode, src, slot)];
        if x.is_nan() {
            table[self.known[src.below(self.known.len() as u64) as usize] as usize]
        } else {
            x
        }
    }
}

impl Reward {
    /// Runs `user` with this law's log-reward sampler. It draws exactly what
    /// [`Reward::sample_ln`] draws, except that a Pareto multiplies by `1/α` (computed
    /// once) where `sample_ln` divides by `α`: the seeded results of both are pinned.
    ///
    /// ```
    /// use et_engine::numeric::random::{stream, Source};
    /// use et_engine::rewards::sample::LnSamplerUser;
    /// use et_engine::rewards::Reward;
    /// struct FirstDraw<'a>(&'a mut Source<et_engine::numeric::random::EngineRng>);
    /// impl LnSamplerUser<et_engine::numeric::random::EngineRng> for FirstDraw<'_> {
    ///     type Output = f64;
    ///     fn run<F: FnMut(&mut Source<et_engine::numeric::random::EngineRng>, u64) -> f64>(self, mut f: F) -> f64 {
    ///         f(self.0, 0)
    ///     }
    /// }
    /// let r = Reward::constant(2.0).unwrap();
    /// let mut src = Source::new(stream(1, 0));
    /// assert_eq!(r.with_ln_sampler(FirstDraw(&mut src)), 2f64.ln());
    /// ```
    pub fn with_ln_sampler<R: Rng, U: LnSamplerUser<R>>(&self, user: U) -> U::Output {
        match self {
            Self::Constant { ln_mean, .. } => user.run(|_, _| *ln_mean),
            Self::Exponential { ln_mean, .. } => user.run(|s, _| ln_mean + fastmath::ln(s.exp1())),
            Self::LogNormal { mu_ln, sigma_ln, .. } => user.run(|s, _| mu_ln + sigma_ln * s.normal()),
            Self::Pareto { tail, ln_scale, .. } => {
                let inv = 1.0 / tail;
                user.run(|s, _| ln_scale - fastmath::ln(s.open01()) * inv)
            }
            r @ Self::Empirical { .. } => user.run(|s, slot| r.sample_ln(s, slot)),
        }
    }

    /// The natural logarithm of the reward of slot `slot` (−∞ for a zero reward).
    #[inline]
    pub fn sample_ln<R: Rng>(&self, src: &mut Source<R>, slot: u64) -> f64 {
        match self {
            Self::Constant { ln_mean, .. } => *ln_mean,
            Self::Exponential { ln_mean, .. } => ln_mean + fastmath::ln(src.exp1()),
            Self::LogNormal { mu_ln, sigma_ln, .. } => mu_ln + sigma_ln * src.normal(),
            Self::Pareto { tail, ln_scale, .. } => ln_scale - fastmath::ln(src.open01()) / tail,
            Self::Empirical { data, mode } => data.pick(&data.ln_values, *mode, src, slot),
        }
    }

    /// The reward of slot `slot`.
    #[inline]
    pub fn sample<R: Rng>(&self, src: &mut Source<R>, slot: u64) -> f64 {
        match self {
            Self::Constant { mean, .. } => *mean,
            Self::Exponential { mean, .. } => mean * src.exp1(),
            Self::Empirical { data, mode } => data.pick(data.values(), *mode, src, slot),
            _ => fastmath::exp(self.sample_ln(src, slot)),
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::numeric::random::stream;

    fn sample_mean(r: &Reward, n: u64) -> (f64, f64) {
        let mut src = Source::new(stream(11, 0));
        let xs: Vec<f64> = (0..n).map(|t| r.sample(&mut src, t)).collect();
        let m = xs.iter().sum::<f64>() / n as f64;
        let v = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / n as f64;
        (m, v)
    }

    #[test]
    fn moments_match_the_parameters() {
        let n = 300_000;
        for r in [
            Reward::exponential(0.05).unwrap(),
            Reward::lognormal(0.05, 2.0).unwrap(),
            Reward::pareto(0.05, 3.5).unwrap(),
        ] {
            let (m, v) = sample_mean(&r, n);
            let se = (r.variance() / n as f64).sqrt();
            assert!((m - r.mean()).abs() < 5.0 * se, "{r:?}: mean {m} vs {}", r.mean());
            assert!(
                (v / r.variance() - 1.0).abs() < 0.25,
                "{r:?}: variance {v} vs {}",
                r.variance()
            );
        }
        let c = Reward::constant(0.3).unwrap();
        let mut src = Source::new(stream(1, 1));
        assert!((0..10).all(|t| c.sample(&mut src, t) == 0.3));
    }

    #[test]
    fn empirical_replays_in_order_and_resamples() {
        let r = Reward::empirical(vec![1.0, 0.0, 2.0], EmpiricalMode::Replay).unwrap();
        let mut src = Source::new(stream(3, 0));
        let got: Vec<f64> = (0..6).map(|t| r.sample(&mut src, t)).collect();
        assert_eq!(got, vec![1.0, 0.0, 2.0, 1.0, 0.0, 2.0]);
        assert_eq!(r.mean(), 1.0);
        let (m, _) = sample_mean(
            &Reward::empirical(vec![1.0, 0.0, 2.0], EmpiricalMode::Resample).unwrap(),
            30_000,
        );
        assert!((m - 1.0).abs() < 0.03, "{m}");
    }
}
