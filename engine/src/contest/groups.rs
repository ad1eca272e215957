//! Ties: players with equal values bid equally in a pure equilibrium (it is unique for
//! `α ≤ 1`), so the solve runs on the distinct values with their multiplicities and
//! the bids are expanded back to the players — `O(k)` for the grouping and expansion,
//! the equations and the best-response check on the classes only.

/// The most distinct values grouped; profiles with more are solved player by player.
pub const MAX_CLASSES: usize = 4096;
const SLOTS: usize = 2 * 4096;

/// Players by value class.
#[derive(Debug, Clone, PartialEq)]
pub struct Groups {
    /// The distinct values, in order of first appearance.
    pub values: Vec<f64>,
    /// How many players have each value.
    pub counts: Vec<f64>,
    /// Each player's class.
    pub class: Vec<u32>,
}

/// Groups `values` by exact equality, or `None` when there are more than
/// [`MAX_CLASSES`] distinct values (the scan stops as soon as it sees that many).
///
/// ```
/// use et_engine::contest::groups::group;
/// let g = group(&[2.0, 1.0, 2.0, 2.0]).unwrap();
/// assert_eq!((g.values, g.counts, g.class), (vec![2.0, 1.0], vec![3.0, 1.0], vec![0, 1, 0, 0]));
/// ```
pub fn group(values: &[f64]) -> Option<Groups> {
    // Open addressing on the bits of each (positive, finite) value; 0 marks a free slot.
    let mut keys = vec![0u64; SLOTS];
    let mut slot_class = vec![0u32; SLOTS];
    let mut g = Groups {
        values: Vec::new(),
        counts: Vec::new(),
        class: Vec::with_capacity(values.len()),
    };
    for &v in values {
        let bits = v.to_bits();
        let mut h = (bits.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 51) as usize;
        loop {
            if keys[h] == bits {
                let c = slot_class[h];
                g.counts[c as usize] += 1.0;
                g.class.push(c);
                break;
            }
            if keys[h] == 0 {
                if g.values.len() == MAX_CLASSES {
                    return None;
                }
                let c = g.values.len() as u32;
                keys[h] = bits;
                slot_class[h] = c;
                g.values.push(v);
                g.counts.push(1.0);
                g.class.push(c);
                break;
            }
            h = (h + 1) % SLOTS;
        }
    }
    Some(g)
}

impl Groups {
    /// One number per class expanded to one per player.
    pub fn expand(&self, per_class: &[f64]) -> Vec<f64> {
        self.class.iter().map(|&c| per_class[c as usize]).collect()
    }
}

/// The Stein (2002) closed form at `α = 1` on classes: each class's bid. A class is
/// active or not as a whole (`v > X_m` holds for every member or none).
pub fn proportional_bids(g: &Groups) -> Vec<f64> {
    let mut order: Vec<usize> = (0..g.values.len()).collect();
    order.sort_by(|&a, &b| g.values[b].total_cmp(&g.values[a]));
    let (mut inv_sum, mut count, mut x) = (0.0, 0.0, 0.0);
    for (rank, &i) in order.iter().enumerate() {
        let (inv, n) = (inv_sum + g.counts[i] / g.values[i], count + g.counts[i]);
        let xm = (n - 1.0) / inv;
        if rank >= 1 && g.values[i] <= xm {
            break;
        }
        (inv_sum, count, x) = (inv, n, xm);
    }
    g.values
        .iter()
        .map(|&v| if v > x { x * (1.0 - x / v) } else { 0.0 })
        .collect()
}

/// The pure equilibrium for `0 < α ≤ 1` on classes: each class's bid.
///
/// ```
/// use et_engine::contest::groups::{group, pure_concave};
/// // Three equal players at α = 1: b = v (k − 1)/k² = 2/9 each.
/// let b = pure_concave(&group(&[1.0, 1.0, 1.0]).unwrap(), 1.0).unwrap();
/// assert!((b[0] - 2.0 / 9.0).abs() < 1e-15);
/// ```
pub fn pure_concave(g: &Groups, alpha: f64) -> Option<Vec<f64>> {
    if alpha == 1.0 {
        return Some(proportional_bids(g));
    }
    let active = vec![true; g.values.len()];
    let shares = super::tullock::share_equilibrium_counted(&g.values, &g.counts, alpha, &active)?;
    Some(super::tullock::bids_from_shares(&g.values, alpha, &shares))
}

/// Allocations and the largest gain from a unilateral deviation, per class, for the
/// class bids `bids` (one best-response search per class).
pub fn allocations_and_gain(g: &Groups, bids: &[f64], alpha: f64) -> (Vec<f64>, f64) {
    let w = super::tullock::weights(bids, alpha);
    let total: f64 = w.iter().zip(&g.counts).map(|(w, n)| w * n).sum();
    let k: f64 = g.counts.iter().sum();
    let x: Vec<f64> = if total > 0.0 {
        w.iter().map(|wi| wi / total).collect()
    } else {
        vec![1.0 / k; w.len()]
    };
    // The others' weight of a class member, from prefix and suffix sums over the classes
    // (no cancellation against the total).
    let mut suffix = vec![0.0; w.len() + 1];
    for c in (0..w.len()).rev() {
        suffix[c] = suffix[c + 1] + g.counts[c] * w[c];
    }
    let (mut prefix, mut worst) = (0.0, 0.0f64);
    for c in 0..w.len() {
        let u = g.values[c] * x[c] - bids[c];
        let others = prefix + suffix[c + 1] + (g.counts[c] - 1.0) * w[c];
        let best = super::check::tullock_best_response(g.values[c], others, alpha, bids[c]);
        worst = worst.max(best - u);
        prefix += g.counts[c] * w[c];
    }
    (x, worst.max(0.0))
}
