//! What a run records and what the aggregate over runs reports.

use super::concentration::concentration;

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
    /// What the tickets still held at the end are worth to their holder: each at the
    /// holder's valuation without its margin, `c μ / (N d + 1)` times the expiry factor
    /// (the engine's bid value `w` with `m = 0`).
    pub held_value: f64,
}

impl HolderFlows {
    /// Realized profit: `built + resale + refunds − spent` (tickets still held count 0).
    pub fn profit(&self) -> f64 {
        self.built + self.resale + self.refunds - self.spent
    }

    /// Profit with the tickets still held valued: [`profit`](Self::profit) `+ held_value`.
    pub fn valued_profit(&self) -> f64 {
        self.profit() + self.held_value
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
    /// Concentration of the slots won over the run (Nakamoto at 51 %, as in the study).
    pub won_top_share: f64,
    pub won_hhi: f64,
    pub won_nakamoto: f64,
}

impl Totals {
    pub(crate) fn to_array(self) -> [f64; TOTALS] {
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
            self.won_top_share,
            self.won_hhi,
            self.won_nakamoto,
        ]
    }

    pub(crate) fn from_array(a: [f64; TOTALS]) -> Self {
        let [rewards, revenue, capture, refunds, sold, expired, idle_slots, top_share, hhi, nakamoto, won_top_share, won_hhi, won_nakamoto] =
            a;
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
            won_top_share,
            won_hhi,
            won_nakamoto,
        }
    }
}

/// The number of fields of [`Totals`].
pub(crate) const TOTALS: usize = 13;

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
    /// Concentration of the slots won so far.
    pub won_top_share: Vec<f64>,
    pub won_hhi: Vec<f64>,
    pub won_nakamoto: Vec<f64>,
    /// Each holder's value of a fresh ticket in this run (drawn populations differ by run).
    pub valuations: Vec<f64>,
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
            won_top_share: v(),
            won_hhi: v(),
            won_nakamoto: v(),
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

    pub(crate) fn record_won(&mut self, won: &[u32]) {
        let c = super::concentration::won_concentration(won);
        self.won_top_share.push(c.top_share);
        self.won_hhi.push(c.hhi);
        self.won_nakamoto.push(c.nakamoto);
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
    /// Profit with the tickets still held valued ([`HolderFlows::valued_profit`]): mean,
    /// 10 % and 90 % quantiles over runs.
    pub valued_profit: f64,
    pub valued_profit_lo: f64,
    pub valued_profit_hi: f64,
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
    /// Concentration of the slots won so far.
    pub won_top_share: Band,
    pub won_hhi: Band,
    pub won_nakamoto: Band,
    /// Each holder's mean share of the outstanding tickets at each point.
    pub shares: Vec<Vec<f64>>,
    pub holders: Vec<HolderSummary>,
    /// Totals: mean, 10 % and 90 % quantiles over runs.
    pub totals: Totals,
    pub totals_lo: Totals,
    pub totals_hi: Totals,
    pub runs: u64,
    /// Each run's capture, in run order: rules run on the same seed meet the same rewards
    /// in run `r`, so two rules compare run by run ([`paired_difference`]).
    ///
    /// [`paired_difference`]: super::compare::paired_difference
    pub run_captures: Vec<f64>,
}

/// Net protocol revenue as a share of all rewards (0 before any reward).
pub(crate) fn capture(t: &Totals) -> f64 {
    if t.rewards > 0.0 {
        t.revenue / t.rewards
    } else {
        0.0
    }
}
