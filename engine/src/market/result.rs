//! What a run records, and the aggregate over runs: means with 10–90 % bands.

use super::run::{capture, concentration};
use super::Market;

/// One holder's flows over a run (ETH, or counts).
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct HolderFlows {
    /// Tickets held at the end.
    pub tickets: f64,
    /// Tickets bought.
    pub bought: f64,
    /// Slots won (tickets drawn).
    pub wins: f64,
    /// Tickets that expired undrawn.
    pub expired: f64,
    /// Paid for tickets.
    pub spent: f64,
    /// Earned by building blocks (`c_k R_t`).
    pub built: f64,
    /// Net just-in-time resale: received for slots sold, less paid for slots bought.
    pub resale: f64,
    /// Refunds of expired tickets.
    pub refunds: f64,
}

impl HolderFlows {
    /// Realized profit: `built + resale + refunds − spent` (tickets still held count 0).
    pub fn profit(&self) -> f64 {
        self.built + self.resale + self.refunds - self.spent
    }
}

/// Totals of a run (or their mean or quantile over runs).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct Totals {
    /// All slots' rewards `Σ R_t`.
    pub rewards: f64,
    /// The protocol's net ticket revenue (prices less refunds).
    pub revenue: f64,
    /// `revenue / rewards`.
    pub capture: f64,
    pub refunds: f64,
    pub sold: f64,
    pub expired: f64,
    /// Slots with no ticket outstanding (their reward goes to no holder).
    pub idle_slots: f64,
    /// Concentration at the end.
    pub top_share: f64,
    pub hhi: f64,
    pub nakamoto: f64,
}

impl Totals {
    fn to_array(self) -> [f64; 10] {
        [
            self.rewards,
            self.revenue,
            self.capture,
            self.refunds,
            self.sold,
            self.expired,
            self.idle_slots,
            self.top_share,
            self.hhi,
            self.nakamoto,
        ]
    }

    fn from_array(a: [f64; 10]) -> Self {
        let [rewards, revenue, capture, refunds, sold, expired, idle_slots, top_share, hhi, nakamoto] = a;
        Self {
            rewards,
            revenue,
            capture,
            refunds,
            sold,
            expired,
            idle_slots,
            top_share,
            hhi,
            nakamoto,
        }
    }
}

/// The recorded series of one run (point-major ticket counts) and its end state.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RunSeries {
    /// The run's index (its random stream).
    pub run: u64,
    /// Paid for the tickets sold since the previous point, and how many were sold.
    pub paid: Vec<f64>,
    pub sold: Vec<f64>,
    /// The quote in the point's slot: the posted price, or an auction's last clearing price.
    pub quote: Vec<f64>,
    pub outstanding: Vec<f64>,
    pub top_share: Vec<f64>,
    pub hhi: Vec<f64>,
    pub nakamoto: Vec<f64>,
    /// Cumulative net protocol revenue.
    pub revenue: Vec<f64>,
    /// Cumulative revenue over cumulative rewards.
    pub capture: Vec<f64>,
    /// Tickets of each holder at each point (`points × holders`).
    pub tickets: Vec<u32>,
    pub holders: Vec<HolderFlows>,
    pub totals: Totals,
}

impl RunSeries {
    pub(crate) fn with_capacity(points: usize, holders: usize) -> Self {
        let v = || Vec::with_capacity(points);
        Self {
            paid: v(),
            sold: v(),
            quote: v(),
            outstanding: v(),
            top_share: v(),
            hhi: v(),
            nakamoto: v(),
            revenue: v(),
            capture: v(),
            tickets: Vec::with_capacity(points * holders),
            ..Self::default()
        }
    }

    pub(crate) fn record(
        &mut self,
        (paid, sold, quote): (f64, f64, f64),
        outstanding: usize,
        counts: &[u32],
        totals: &Totals,
    ) {
        let c = concentration(counts);
        self.paid.push(paid);
        self.sold.push(sold);
        self.quote.push(quote);
        self.outstanding.push(outstanding as f64);
        self.top_share.push(c.top_share);
        self.hhi.push(c.hhi);
        self.nakamoto.push(c.nakamoto);
        self.revenue.push(totals.revenue);
        self.capture.push(capture(totals));
        self.tickets.extend_from_slice(counts);
    }

    /// The mean price paid for the tickets sold before point `j` (NaN with none sold).
    pub fn price(&self, j: usize) -> f64 {
        if self.sold[j] > 0.0 {
            self.paid[j] / self.sold[j]
        } else {
            f64::NAN
        }
    }

    /// Holder `k`'s share of the outstanding tickets at point `j` (0 with none outstanding).
    pub fn share(&self, j: usize, k: usize, holders: usize) -> f64 {
        let n = self.outstanding[j];
        if n > 0.0 {
            self.tickets[j * holders + k] as f64 / n
        } else {
            0.0
        }
    }
}

/// A series' mean over runs with its 10 % and 90 % quantiles.
#[derive(Debug, Clone, Default, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Band {
    pub mean: Vec<f64>,
    pub lo: Vec<f64>,
    pub hi: Vec<f64>,
}

/// One holder's results, averaged over runs.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct HolderSummary {
    /// The most this holder pays for a fresh ticket.
    pub valuation: f64,
    /// Mean of each flow over runs.
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub mean: HolderFlows,
    /// Mean share of the tickets outstanding at the end.
    pub share: f64,
    /// Realized profit: mean, 10 % and 90 % quantiles over runs.
    pub profit: f64,
    pub profit_lo: f64,
    pub profit_hi: f64,
}

/// The aggregate of all runs.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase"))]
pub struct MarketResult {
    /// Slots elapsed at each recorded point.
    pub slots: Vec<u64>,
    /// Mean price paid (runs with no sale in a window left out; NaN if none sold).
    pub price: Band,
    /// The posted price (or an auction's last clearing price).
    pub quote: Band,
    pub outstanding: Band,
    pub top_share: Band,
    pub hhi: Band,
    pub nakamoto: Band,
    pub protocol_revenue: Band,
    pub capture: Band,
    /// Each holder's mean share of the outstanding tickets at each point.
    pub shares: Vec<Vec<f64>>,
    pub holders: Vec<HolderSummary>,
    /// Totals: mean, 10 % and 90 % quantiles over runs.
    pub totals: Totals,
    pub totals_lo: Totals,
    pub totals_hi: Totals,
    pub runs: u64,
}

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
    (mean, quantile(xs, 0.1), quantile(xs, 0.9))
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
        runs.sort_by_key(|r| r.run);
        let k = self.cfg.holders.len();
        let points = self.record_at.len();
        let n = runs.len().max(1) as f64;
        let shares = (0..k)
            .map(|h| {
                (0..points)
                    .map(|j| runs.iter().map(|r| r.share(j, h, k)).sum::<f64>() / n)
                    .collect()
            })
            .collect();
        let holders = (0..k)
            .map(|h| {
                let mut mean = HolderFlows::default();
                let mut profits = Vec::with_capacity(runs.len());
                let mut share = 0.0;
                for r in &runs {
                    let f = &r.holders[h];
                    mean.tickets += f.tickets / n;
                    mean.bought += f.bought / n;
                    mean.wins += f.wins / n;
                    mean.expired += f.expired / n;
                    mean.spent += f.spent / n;
                    mean.built += f.built / n;
                    mean.resale += f.resale / n;
                    mean.refunds += f.refunds / n;
                    share += r.share(points - 1, h, k) / n;
                    profits.push(f.profit());
                }
                let (profit, profit_lo, profit_hi) = stats(&mut profits);
                HolderSummary {
                    valuation: self.valuations[h],
                    mean,
                    share,
                    profit,
                    profit_lo,
                    profit_hi,
                }
            })
            .collect();
        let prices: Vec<Vec<f64>> = runs.iter().map(|r| (0..points).map(|j| r.price(j)).collect()).collect();
        let (mut mean, mut lo, mut hi) = ([0.0; 10], [0.0; 10], [0.0; 10]);
        for i in 0..10 {
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
            shares,
            holders,
            totals: Totals::from_array(mean),
            totals_lo: Totals::from_array(lo),
            totals_hi: Totals::from_array(hi),
            runs: runs.len() as u64,
        }
    }
}
