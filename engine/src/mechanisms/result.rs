//! From a run's sums to one row a mechanism: the mean split with standard errors,
//! builder concentration, the oracle accuracy and one validator's yearly income.

use super::income::{yearly_income, Income};
use super::mechanism::Mechanism;
use super::model::SlotModel;
use super::rules::Prices;
use super::run::{total, BlockSums, Sums};
use crate::choice::Choice;
use crate::rates::SLOTS_PER_YEAR;

/// Standard errors of a row's estimates.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct StdErrors {
    pub value: f64,
    pub protocol: f64,
    pub proposer: f64,
    pub builder: f64,
    pub unextracted: f64,
    pub hhi: f64,
    pub top_share: f64,
    pub oracle_accuracy: f64,
}

/// One mechanism's outcome, per slot in ETH unless said otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub mechanism: Mechanism,
    /// The mean slot value `E[R]`; the four parts below sum to it.
    pub value: f64,
    /// Burned or raised by the protocol.
    pub protocol: f64,
    /// Paid to the slot's proposer (with what it builds locally).
    pub proposer: f64,
    /// The builder side's surplus (with ticket holders' and resale gains).
    pub builder: f64,
    /// Value no one extracted.
    pub unextracted: f64,
    /// Herfindahl–Hirschman index (0–10,000) of blocks built by each builder.
    pub hhi: f64,
    /// The largest builder's share of blocks.
    pub top_share: f64,
    /// Share of blocks the proposers built locally.
    pub local_share: f64,
    /// Protocol capture / value.
    pub oracle_accuracy: f64,
    /// One validator's yearly income from the mechanism.
    pub income: Income,
    pub std_errors: StdErrors,
}

/// The comparison of every mechanism on one run of slots.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub slots: u64,
    /// One row a mechanism, in [`Mechanism::ALL`] order.
    pub rows: Vec<Row>,
    /// The prices the run used (ticket values and revenue, auction prices ahead).
    pub prices: Prices,
}

fn mean_se(sum: f64, squares: f64, n: f64) -> (f64, f64) {
    let mean = sum / n;
    let var = (squares / n - mean * mean).max(0.0);
    (mean, (var / n).sqrt())
}

/// HHI of shares with its delta-method standard error (multinomial counts).
fn hhi(shares: &[f64], n: f64) -> (f64, f64) {
    let h = crate::metrics::hhi(shares.iter().copied());
    let s2 = h / 10_000.0;
    let s3: f64 = shares.iter().map(|s| s * s * s).sum();
    (h, 10_000.0 * (4.0 * (s3 - s2 * s2).max(0.0) / n).sqrt())
}

fn row(mech: Mechanism, m: &Sums, value: [f64; 2], n: f64, income: Income) -> Row {
    let (v, v_se) = mean_se(value[0], value[1], n);
    let part = |k: usize| mean_se(m.parts[k], m.squares[k], n);
    let ((protocol, p_se), (proposer, q_se), (builder, b_se), (unextracted, u_se)) =
        (part(0), part(1), part(2), part(3));
    let shares: Vec<f64> = m.built.iter().map(|&b| b as f64 / n).collect();
    let (h, h_se) = hhi(&shares, n);
    let top = shares.iter().copied().fold(0.0, f64::max);
    let accuracy = if v > 0.0 { protocol / v } else { 0.0 };
    // Var(P − a R) / n over R̄²: the ratio's delta-method error.
    let var_ratio = m.squares[0] / n - 2.0 * accuracy * m.protocol_value / n + accuracy * accuracy * value[1] / n;
    let resid = (var_ratio - (protocol - accuracy * v).powi(2)).max(0.0);
    let accuracy_se = if v > 0.0 { (resid / n).sqrt() / v } else { 0.0 };
    Row {
        mechanism: mech,
        value: v,
        protocol,
        proposer,
        builder,
        unextracted,
        hhi: h,
        top_share: top,
        local_share: m.local as f64 / n,
        oracle_accuracy: accuracy,
        income,
        std_errors: StdErrors {
            value: v_se,
            protocol: p_se,
            proposer: q_se,
            builder: b_se,
            unextracted: u_se,
            hhi: h_se,
            top_share: (top * (1.0 - top) / n).sqrt(),
            oracle_accuracy: accuracy_se,
        },
    }
}

impl SlotModel {
    /// The comparison from the sums of every block of a run (in any order).
    pub fn finish(&self, prices: Prices, blocks: &[BlockSums], seed: u64) -> Comparison {
        let t = total(blocks, self.captures.len());
        let n = (t.slots as f64).max(1.0);
        let proposals = SLOTS_PER_YEAR / self.validators;
        let rows = Mechanism::ALL
            .iter()
            .zip(&t.mechanisms)
            .map(|(&mech, m)| {
                let income = yearly_income(m, n, proposals, seed, mech.index() as u64);
                row(mech, m, t.value, n, income)
            })
            .collect();
        Comparison {
            slots: t.slots,
            rows,
            prices,
        }
    }

    /// Compares every mechanism over `slots` slots drawn from `seed`, on this thread.
    ///
    /// ```
    /// use et_engine::mechanisms::{Mechanism, SlotModel};
    /// use et_engine::rewards::Reward;
    ///
    /// // Two identical builders, no spread: the block auction pays the proposer everything.
    /// let m = SlotModel::new(Reward::exponential(0.1)?, vec![1.0, 1.0])?;
    /// let c = m.compare(7, 10_000)?;
    /// let block = &c.rows[Mechanism::BlockAuction as usize];
    /// assert!((block.proposer - block.value).abs() < 1e-12);
    /// # Ok::<(), et_engine::EngineError>(())
    /// ```
    pub fn compare(&self, seed: u64, slots: u64) -> crate::error::Result<Comparison> {
        crate::error::within("slots", slots as f64, 1.0, 1e10)?;
        let prices = self.prices()?;
        let blocks = self.run_blocks(&prices, seed, 0..slots.div_ceil(super::run::BLOCK), slots);
        Ok(self.finish(prices, &blocks, seed))
    }
}
