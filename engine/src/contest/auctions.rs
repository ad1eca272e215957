//! The two auction mechanisms: winner-take-all (first price) and the all-pay auction.

/// Indices of the two highest values (the first wins ties).
pub fn top_two(values: &[f64]) -> (usize, usize) {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]).then(a.cmp(&b)));
    (order[0], order[1])
}

/// Winner-take-all, first price, complete information: the top value bids the
/// second-highest value and wins (ties go to it); the runner-up bids its value.
/// Returns `(bids, allocations, payments)`.
pub fn winner_take_all(values: &[f64]) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let (a, b) = top_two(values);
    let k = values.len();
    let (mut bids, mut x, mut p) = (vec![0.0; k], vec![0.0; k], vec![0.0; k]);
    bids[a] = values[b];
    bids[b] = values[b];
    x[a] = 1.0;
    p[a] = values[b];
    (bids, x, p)
}

/// The best gain from deviating in winner-take-all: the top other bid `h` can be met
/// (winning ties only for the higher value) for `v − h`.
pub fn winner_take_all_exploitability(values: &[f64], bids: &[f64], utilities: &[f64]) -> f64 {
    let (top, _) = top_two(values);
    (0..values.len())
        .map(|i| {
            let h = bids
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, b)| *b)
                .fold(0.0, f64::max);
            let wins_ties = i == top;
            let best = if wins_ties {
                values[i] - h
            } else {
                values[i] - h - f64::EPSILON * h
            };
            (best.max(0.0) - utilities[i]).max(0.0)
        })
        .fold(0.0, f64::max)
}

/// The all-pay auction's equilibrium (Baye, Kovenock & de Vries 1996): the two highest
/// values `v₁ ≥ v₂` mix; player 1 bids uniformly on `[0, v₂]`; player 2 bids 0 with
/// probability `1 − v₂/v₁` and otherwise uniformly on `[0, v₂]`. Others bid nothing.
///
/// # Formula
/// `x₂ = v₂/(2v₁)`, `E[b₁] = v₂/2`, `E[b₂] = v₂²/(2v₁)`, `u₁ = v₁ − v₂`, `u₂ = 0`.
pub struct AllPay {
    pub strong: usize,
    pub weak: usize,
    pub v1: f64,
    pub v2: f64,
}

impl AllPay {
    /// The equilibrium for `values`.
    pub fn new(values: &[f64]) -> Self {
        let (strong, weak) = top_two(values);
        AllPay {
            strong,
            weak,
            v1: values[strong],
            v2: values[weak],
        }
    }

    /// `P(b ≤ x)` of the strong (`true`) or weak player's bid.
    pub fn cdf(&self, strong: bool, x: f64) -> f64 {
        let u = (x / self.v2).clamp(0.0, 1.0);
        if strong {
            u
        } else {
            1.0 - self.v2 / self.v1 + u * self.v2 / self.v1
        }
    }

    /// `(bids, allocations, payments)` in expectation.
    pub fn outcome(&self, k: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
        let (mut b, mut x) = (vec![0.0; k], vec![0.0; k]);
        b[self.strong] = self.v2 / 2.0;
        b[self.weak] = self.v2 * self.v2 / (2.0 * self.v1);
        x[self.weak] = self.v2 / (2.0 * self.v1);
        x[self.strong] = 1.0 - x[self.weak];
        (b.clone(), x, b)
    }

    /// Best gain from deviating, against the exact CDFs on a fine grid of bids: player
    /// `i` wins with a bid `b > 0` when every mixing opponent bids less.
    pub fn exploitability(&self, values: &[f64], utilities: &[f64]) -> f64 {
        let atom = 1.0 - self.v2 / self.v1;
        (0..values.len())
            .map(|i| {
                let v = values[i];
                let (face_strong, face_weak) = (i != self.strong, i != self.weak);
                let f = |b: f64| {
                    if b == 0.0 {
                        // Only the strong player can tie the weak one's atom at 0.
                        return if i == self.strong { v * atom / 2.0 } else { 0.0 };
                    }
                    let mut win = 1.0;
                    if face_strong {
                        win *= self.cdf(true, b);
                    }
                    if face_weak {
                        win *= self.cdf(false, b);
                    }
                    v * win - b
                };
                (super::check::maximize(&f, v).1 - utilities[i]).max(0.0)
            })
            .fold(0.0, f64::max)
    }
}
