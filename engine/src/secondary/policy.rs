//! The seller's optimal stopping on the lattice of [`super::model`], and the forward
//! pass that turns its policy into probabilities.

use super::bids::NodeBid;
use super::model::{Action, Format, Market, Solution};
use crate::error::Result;

/// Node bids, `bids[t][j]`.
type Bids = [Vec<NodeBid>];

fn price(m: &Market, bids: &Bids, t: usize, j: usize) -> f64 {
    let (best, second, who, _) = bids[t][j];
    match (who, m.format) {
        (usize::MAX, _) => 0.0,
        (_, Format::SecondPrice) => second,
        (_, Format::PostedPrice) => best,
    }
}

/// The backward pass: the seller's policy, its value and the sale price at every node.
struct Backward {
    policy: Vec<Vec<Action>>,
    values: Vec<Vec<f64>>,
    prices: Vec<Vec<f64>>,
}

/// What the seller does at maturity, and what it gets: selling wins only if strictly
/// better than exercising or letting the right lapse.
fn at_maturity(m: &Market, bids: &Bids, j: usize) -> (Action, f64) {
    let t_max = m.maturity as usize;
    let ex = m
        .seller_cost
        .map_or(0.0, |c| (m.forecast(m.maturity, j as u32) - c).max(0.0));
    let pr = price(m, bids, t_max, j);
    if pr > ex {
        (Action::Sell, pr)
    } else if ex > 0.0 {
        (Action::Exercise, ex)
    } else {
        (Action::Lapse, 0.0)
    }
}

/// Backward induction of the seller's value.
fn backward(m: &Market, bids: &Bids, p: f64) -> Backward {
    let t_max = m.maturity as usize;
    let ds = 1.0 / (1.0 + m.seller_discount);
    let mut policy: Vec<Vec<Action>> = (0..=t_max).map(|t| vec![Action::Wait; t + 1]).collect();
    let prices: Vec<Vec<f64>> = (0..=t_max)
        .map(|t| (0..=t).map(|j| price(m, bids, t, j)).collect())
        .collect();
    let mut values: Vec<Vec<f64>> = (0..=t_max).map(|t| vec![0.0; t + 1]).collect();
    let mut v: Vec<f64> = (0..=t_max)
        .map(|j| {
            let (a, val) = at_maturity(m, bids, j);
            policy[t_max][j] = a;
            val
        })
        .collect();
    values[t_max].clone_from(&v);
    for t in (0..t_max).rev() {
        for j in 0..=t {
            let wait = (p * v[j + 1] + (1.0 - p) * v[j]) * ds;
            let pr = price(m, bids, t, j);
            if pr > wait {
                policy[t][j] = Action::Sell;
                v[j] = pr;
            } else {
                v[j] = wait;
            }
        }
        values[t].copy_from_slice(&v[..=t]);
    }
    Backward { policy, values, prices }
}

/// The forward pass: where the policy's probability mass ends, and what it carries.
#[derive(Default)]
struct Forward {
    /// The up-probability and the buyers' one-slot discount factor.
    p: f64,
    db: f64,
    sale: Vec<f64>,
    exercise: f64,
    lapse: f64,
    slot_sum: f64,
    cost_sum: f64,
    surplus: f64,
    forced: Vec<f64>,
}

impl Forward {
    /// The mass `mass` reaching node `(t, j)` under the policy; a waiting mass moves on
    /// to `next`.
    fn visit(&mut self, m: &Market, bids: &Bids, b: &Backward, (t, j): (usize, usize), mass: f64, next: &mut [f64]) {
        let (p, db) = (self.p, self.db);
        match b.policy[t][j] {
            Action::Sell => {
                let (_, _, who, w) = bids[t][j];
                self.sale[t] += mass;
                self.slot_sum += mass * t as f64;
                self.cost_sum += mass * m.buyers[who].cost;
                self.surplus += mass * (w - price(m, bids, t, j)) * db.powi(t as i32);
            }
            Action::Exercise => {
                self.exercise += mass;
                self.cost_sum += mass * m.seller_cost.unwrap_or(0.0);
            }
            Action::Lapse => self.lapse += mass,
            Action::Wait => {
                next[j + 1] += mass * p;
                next[j] += mass * (1.0 - p);
            }
        }
    }
}

/// Runs the policy forward from the root.
fn forward(m: &Market, bids: &Bids, p: f64, b: &Backward) -> Forward {
    let t_max = m.maturity as usize;
    let ds = 1.0 / (1.0 + m.seller_discount);
    let mut f = Forward {
        p,
        db: 1.0 / (1.0 + m.buyer_discount),
        sale: vec![0.0; t_max + 1],
        forced: vec![0.0; t_max + 1],
        ..Forward::default()
    };
    let (mut reach, mut lattice) = (vec![1.0], vec![1.0]);
    for t in 0..=t_max {
        let mut next = vec![0.0; t + 2];
        let mut next_lattice = vec![0.0; t + 2];
        for j in 0..=t {
            f.forced[t] += lattice[j] * price(m, bids, t, j) * ds.powi(t as i32);
            next_lattice[j + 1] += lattice[j] * p;
            next_lattice[j] += lattice[j] * (1.0 - p);
            if reach[j] != 0.0 {
                f.visit(m, bids, b, (t, j), reach[j], &mut next);
            }
        }
        reach = next;
        lattice = next_lattice;
    }
    f
}

/// Backward induction of the seller's value, then a forward pass of the policy.
pub(crate) fn solve(m: &Market, bids: &Bids, p: f64) -> Result<Solution> {
    let b = backward(m, bids, p);
    let f = forward(m, bids, p, &b);
    let sold: f64 = f.sale.iter().sum();
    let lowest = m
        .buyers
        .iter()
        .map(|b| b.cost)
        .chain(m.seller_cost)
        .fold(f64::INFINITY, f64::min);
    Ok(Solution {
        revenue: b.values[0][0],
        spot_sale_probability: f.sale[m.maturity as usize],
        expected_sale_slot: if sold > 0.0 { f.slot_sum / sold } else { f64::NAN },
        builder_cost_mean: if sold + f.exercise > 0.0 {
            f.cost_sum / (sold + f.exercise)
        } else {
            f64::NAN
        },
        sale_probability_by_slot: f.sale,
        seller_exercise_probability: f.exercise,
        lapse_probability: f.lapse,
        lowest_cost: lowest,
        buyer_surplus: f.surplus,
        forced_sale_revenue: f.forced,
        policy: b.policy,
        value: b.values,
        price: b.prices,
    })
}
