//! Aggregating runs: means with 10–90 % bands over runs.

use super::market::Market;
use super::result::{Band, HolderFlows, HolderSummary, MarketResult, RunSeries, Totals, TOTALS};

/// The `q`-quantile of `xs` (sorted in place), linearly interpolated; NaN if empty.
pub fn quantile(xs: &mut [f64], q: f64) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    xs.sort_unstable_by(f64::total_cmp);
    let h = q * (xs.len() - 1) as f64;
    let (i, f) = (h.floor() as usize, h - h.floor());
    if i + 1 < xs.len() {
        xs[i] + f * (xs[i + 1] - xs[i])
    } else {
        xs[i]
    }
}

/// Mean, 10 % and 90 % of the numbers among `xs` (NaN leaves a value out; all NaN if
/// every value is).
fn stats(xs: &mut Vec<f64>) -> (f64, f64, f64) {
    xs.retain(|x| !x.is_nan());
    if xs.is_empty() {
        return (f64::NAN, f64::NAN, f64::NAN);
    }
    let mean = xs.iter().sum::<f64>() / xs.len() as f64;
    (mean, selected(xs, 0.1), selected(xs, 0.9))
}

/// [`quantile`] by selection instead of a full sort (the same value: the `i`-th and
/// `(i + 1)`-th smallest in the same order, `f64::total_cmp`); `xs` non-empty, no NaN.
fn selected(xs: &mut [f64], q: f64) -> f64 {
    let h = q * (xs.len() - 1) as f64;
    let (i, f) = (h.floor() as usize, h - h.floor());
    let (_, &mut a, right) = xs.select_nth_unstable_by(i, f64::total_cmp);
    match right.iter().copied().min_by(f64::total_cmp) {
        Some(b) => a + f * (b - a),
        None => a,
    }
}

fn band<T>(runs: &[T], field: impl Fn(&T) -> &[f64]) -> Band {
    let points = runs.first().map_or(0, |r| field(r).len());
    let mut b = Band::default();
    let mut xs = Vec::with_capacity(runs.len());
    for j in 0..points {
        xs.clear();
        xs.extend(runs.iter().map(|r| field(r)[j]));
        let (m, lo, hi) = stats(&mut xs);
        b.mean.push(m);
        b.lo.push(lo);
        b.hi.push(hi);
    }
    b
}

impl Market {
    /// Aggregates runs, given in any order (they are put in run order first, so the
    /// result is the same however the runs were shared out).
    pub fn aggregate(&self, mut runs: Vec<RunSeries>) -> MarketResult {
        runs.sort_unstable_by_key(|r| r.run);
        let k = self.holder_count();
        let points = self.record_at.len();
        let n = runs.len().max(1) as f64;
        let shares = (0..k)
            .map(|h| {
                (0..points)
                    .map(|j| runs.iter().map(|r| r.share(j, h, k)).sum::<f64>() / n)
                    .collect()
            })
            .collect();
        let holders = self.holder_summaries(&runs, points, n);
        let prices: Vec<Vec<f64>> = runs.iter().map(|r| (0..points).map(|j| r.price(j)).collect()).collect();
        let (mut mean, mut lo, mut hi) = ([0.0; TOTALS], [0.0; TOTALS], [0.0; TOTALS]);
        for i in 0..TOTALS {
            let mut xs: Vec<f64> = runs.iter().map(|r| r.totals.to_array()[i]).collect();
            (mean[i], lo[i], hi[i]) = stats(&mut xs);
        }
        MarketResult {
            slots: self.record_at.clone(),
            price: band(&prices, |r| r),
            quote: band(&runs, |r| &r.quote),
            outstanding: band(&runs, |r| &r.outstanding),
            top_share: band(&runs, |r| &r.top_share),
            hhi: band(&runs, |r| &r.hhi),
            nakamoto: band(&runs, |r| &r.nakamoto),
            protocol_revenue: band(&runs, |r| &r.revenue),
            capture: band(&runs, |r| &r.capture),
            won_top_share: band(&runs, |r| &r.won_top_share),
            won_hhi: band(&runs, |r| &r.won_hhi),
            won_nakamoto: band(&runs, |r| &r.won_nakamoto),
            shares,
            holders,
            totals: Totals::from_array(mean),
            totals_lo: Totals::from_array(lo),
            totals_hi: Totals::from_array(hi),
            runs: runs.len() as u64,
            run_captures: runs.iter().map(|r| r.totals.capture).collect(),
        }
    }

    /// Each holder's flows averaged over runs, with its profit band.
    fn holder_summaries(&self, runs: &[RunSeries], points: usize, n: f64) -> Vec<HolderSummary> {
        let k = self.holder_count();
        (0..k)
            .map(|h| {
                let mut mean = HolderFlows::default();
                let mut profits = Vec::with_capacity(runs.len());
                let mut valued = Vec::with_capacity(runs.len());
                let (mut share, mut valuation) = (0.0, 0.0);
                for r in runs {
                    let f = &r.holders[h];
                    mean.tickets += f.tickets / n;
                    mean.bought += f.bought / n;
                    mean.wins += f.wins / n;
                    mean.expired += f.expired / n;
                    mean.spent += f.spent / n;
                    mean.built += f.built / n;
                    mean.resale += f.resale / n;
                    mean.refunds += f.refunds / n;
                    mean.held_value += f.held_value / n;
                    share += r.share(points - 1, h, k) / n;
                    profits.push(f.profit());
                    valued.push(f.valued_profit());
                    valuation += r.valuations.get(h).copied().unwrap_or(f64::NAN) / n;
                }
                let (profit, profit_lo, profit_hi) = stats(&mut profits);
                let (valued_profit, valued_profit_lo, valued_profit_hi) = stats(&mut valued);
                HolderSummary {
                    valuation: if self.opts.drawn.is_some() {
                        valuation
                    } else {
                        self.valuations[h]
                    },
                    mean,
                    share,
                    profit,
                    profit_lo,
                    profit_hi,
                    valued_profit,
                    valued_profit_lo,
                    valued_profit_hi,
                }
            })
            .collect()
    }

    /// Runs every seeded run and aggregates them.
    ///
    /// ```
    /// use et_engine::primary::{Holder, Market, MarketConfig, Pricing};
    /// use et_engine::rewards::Reward;
    /// let holder = Holder { budget: 10.0, capture: 1.0, discount: 0.0, margin: 0.0 };
    /// let cfg = MarketConfig {
    ///     max_tickets: 1,
    ///     slots: 10,
    ///     runs: 1,
    ///     seed: 1,
    ///     reward: Reward::constant(1.0).unwrap(),
    ///     volatility: None,
    ///     pricing: Pricing::Fixed { price: 0.1 },
    ///     holders: vec![holder],
    ///     expiry: None,
    ///     refund: 0.0,
    ///     jit_resale: false,
    ///     points: 10,
    /// };
    /// // One ticket at a time at 0.1: ten sold, the first slot idle, nine rewards of 1 built.
    /// let r = Market::new(cfg).unwrap().simulate();
    /// assert_eq!((r.totals.sold, r.totals.idle_slots), (10.0, 1.0));
    /// assert!((r.totals.capture - 0.1).abs() < 1e-12); // revenue 1 of rewards 10
    /// ```
    pub fn simulate(&self) -> MarketResult {
        let runs = (0..self.cfg.runs).map(|r| self.run(r)).collect();
        self.aggregate(runs)
    }
}
