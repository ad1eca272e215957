//! The seller's optimal stopping on the lattice of [`crate::secondary`], and the forward
//! pass that turns its policy into probabilities.

use crate::error::Result;
use crate::secondary::{Action, Format, Market, Solution};

/// Node bids: `(best, second, top bidder, top bidder's value)`.
type Bids = [Vec<(f64, f64, usize, f64)>];

fn price(m: &Market, bids: &Bids, t: usize, j: usize) -> f64 {
    let (best, second, who, _) = bids[t][j];
    match (who, m.format) {
        (usize::MAX, _) => 0.0,
        (_, Format::SecondPrice) => second,
        (_, Format::PostedPrice) => best,
    }
}

/// Backward induction of the seller's value, then a forward pass of the policy.
pub(crate) fn solve(m: &Market, bids: &Bids, p: f64) -> Result<Solution> {
    let t_max = m.maturity as usize;
    let ds = 1.0 / (1.0 + m.seller_discount);
    let exercise = |j: usize| {
        m.seller_cost
            .map_or(0.0, |c| (m.forecast(m.maturity, j as u32) - c).max(0.0))
    };
    let mut policy: Vec<Vec<Action>> = (0..=t_max).map(|t| vec![Action::Wait; t + 1]).collect();
    let prices: Vec<Vec<f64>> = (0..=t_max)
        .map(|t| (0..=t).map(|j| price(m, bids, t, j)).collect())
        .collect();
    let mut values: Vec<Vec<f64>> = (0..=t_max).map(|t| vec![0.0; t + 1]).collect();
    let mut v: Vec<f64> = (0..=t_max)
        .map(|j| {
            let (pr, ex) = (price(m, bids, t_max, j), exercise(j));
            // Selling wins only if strictly better than exercising or letting it lapse.
            let (a, val) = if pr > ex {
                (Action::Sell, pr)
            } else if ex > 0.0 {
                (Action::Exercise, ex)
            } else {
                (Action::Lapse, 0.0)
            };
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
    let revenue = v[0];

    let mut sale = vec![0.0; t_max + 1];
    let (mut exercise_p, mut lapse_p, mut slot_sum, mut cost_sum, mut surplus) = (0.0, 0.0, 0.0, 0.0, 0.0);
    let mut forced = vec![0.0; t_max + 1];
    let (mut reach, mut lattice) = (vec![1.0], vec![1.0]);
    let db = 1.0 / (1.0 + m.buyer_discount);
    for t in 0..=t_max {
        let mut next = vec![0.0; t + 2];
        let mut next_lattice = vec![0.0; t + 2];
        for j in 0..=t {
            forced[t] += lattice[j] * price(m, bids, t, j) * ds.powi(t as i32);
            next_lattice[j + 1] += lattice[j] * p;
            next_lattice[j] += lattice[j] * (1.0 - p);
            let mass = reach[j];
            if mass == 0.0 {
                continue;
            }
            match policy[t][j] {
                Action::Sell => {
                    let (_, _, who, w) = bids[t][j];
                    sale[t] += mass;
                    slot_sum += mass * t as f64;
                    cost_sum += mass * m.buyers[who].cost;
                    surplus += mass * (w - price(m, bids, t, j)) * db.powi(t as i32);
                }
                Action::Exercise => {
                    exercise_p += mass;
                    cost_sum += mass * m.seller_cost.unwrap_or(0.0);
                }
                Action::Lapse => lapse_p += mass,
                Action::Wait => {
                    next[j + 1] += mass * p;
                    next[j] += mass * (1.0 - p);
                }
            }
        }
        reach = next;
        lattice = next_lattice;
    }
    let sold: f64 = sale.iter().sum();
    let lowest = m
        .buyers
        .iter()
        .map(|b| b.cost)
        .chain(m.seller_cost)
        .fold(f64::INFINITY, f64::min);
    Ok(Solution {
        revenue,
        spot_sale_probability: sale[t_max],
        sale_probability_by_slot: sale,
        seller_exercise_probability: exercise_p,
        lapse_probability: lapse_p,
        expected_sale_slot: if sold > 0.0 { slot_sum / sold } else { f64::NAN },
        builder_cost_mean: if sold + exercise_p > 0.0 {
            cost_sum / (sold + exercise_p)
        } else {
            f64::NAN
        },
        lowest_cost: lowest,
        buyer_surplus: surplus,
        forced_sale_revenue: forced,
        policy,
        value: values,
        price: prices,
    })
}
