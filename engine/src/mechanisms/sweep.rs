//! Sweeps: the comparison as one input varies.

use super::model::SlotModel;
use super::result::Comparison;
use crate::error::{EngineError, Result};

choices! {
    /// An input a sweep varies.
    pub enum SweepParam {
        /// The builders' idiosyncratic spread `σ_b`.
        Spread = ("spread", "Builder spread σ_b"),
        /// Slots `L` between an auction held ahead and its slot.
        Lookahead = ("lookahead", "Lookahead L (slots)"),
        /// MEV-burn's share `g` of the value arriving after the deadline.
        DeadlineShare = ("deadline-share", "Value after the MEV-burn deadline g"),
        /// The number of builders `k`: the first `k` of the list, or the last one repeated.
        Builders = ("builders", "Number of builders k"),
    }
}

impl SlotModel {
    /// The model with `param` set to `value`; errors name the parameter's field.
    pub fn with(&self, param: SweepParam, value: f64) -> Result<SlotModel> {
        let mut m = self.clone();
        match param {
            SweepParam::Spread => m.spread = value,
            SweepParam::Lookahead => m.lookahead = value,
            SweepParam::DeadlineShare => m.deadline_share = value,
            SweepParam::Builders => {
                if !(1.0..=super::model::MAX_BUILDERS as f64).contains(&value) || value.fract() != 0.0 {
                    return Err(EngineError::invalid(
                        "builders",
                        format!(
                            "a sweep needs a whole number of builders from 1 to {}, got {value}",
                            super::model::MAX_BUILDERS
                        ),
                    ));
                }
                let last = *self.captures.last().unwrap_or(&1.0);
                m.captures = (0..value as usize)
                    .map(|i| *self.captures.get(i).unwrap_or(&last))
                    .collect();
            }
        }
        m.validate()?;
        Ok(m)
    }

    /// The comparison at each of `values` of `param`, each run on the same seed.
    ///
    /// ```
    /// use et_engine::mechanisms::{Mechanism, SlotModel, SweepParam};
    /// use et_engine::rewards::Reward;
    ///
    /// let m = SlotModel::new(Reward::constant(1.0)?, vec![0.9, 0.9])?;
    /// let points = m.sweep(SweepParam::DeadlineShare, &[0.0, 1.0], 1, 1_000)?;
    /// let burned = |c: &et_engine::mechanisms::Comparison| c.rows[Mechanism::MevBurn as usize].protocol;
    /// assert!((burned(&points[0]) - 0.9).abs() < 1e-12 && burned(&points[1]) == 0.0);
    /// # Ok::<(), et_engine::EngineError>(())
    /// ```
    pub fn sweep(&self, param: SweepParam, values: &[f64], seed: u64, slots: u64) -> Result<Vec<Comparison>> {
        values
            .iter()
            .map(|&v| self.with(param, v)?.compare(seed, slots))
            .collect()
    }
}
