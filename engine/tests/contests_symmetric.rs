//! Three or more players tied at the top above the symmetric pure range (issue 14): the
//! symmetric cascade, checked against payoffs summed atom by atom (not the solver's
//! Laplace transform), continuity with the pure equilibrium at α = m/(m − 1), full
//! dissipation (the all-pay auction's revenue), two refinements, outsiders.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::assert_rel;
use et_engine::contest::check::maximize;
use et_engine::contest::symmetric::solve_tied;
use et_engine::contest::tradeoff::tradeoff;
use et_engine::contest::{solve, Mechanism, Outcome};

fn tullock_at(values: &[f64], alpha: f64) -> Outcome {
    solve(values, Mechanism::tullock(alpha).unwrap()).unwrap()
}

/// The utility of bid `b` with value `v` against two independent draws from the atoms
/// summed over every pair of atoms.
fn brute_utility(v: f64, b: f64, bids: &[f64], probs: &[f64], alpha: f64) -> f64 {
    let w = |x: f64| if x > 0.0 { x.powf(alpha) } else { 0.0 };
    let mut share = 0.0;
    for (c, pc) in bids.iter().zip(probs) {
        for (d, pd) in bids.iter().zip(probs) {
            let s = w(*c) + w(*d);
            share += pc * pd * if w(b) + s > 0.0 { w(b) / (w(b) + s) } else { 1.0 / 3.0 };
        }
    }
    v * share - b
}

#[test]
fn three_tied_players_gain_nothing_by_the_atom_by_atom_check() {
    for alpha in [1.6, 2.0, 2.5, 3.0] {
        let o = tullock_at(&[1.0, 1.0, 1.0], alpha);
        assert_eq!(o.method, "symmetric-cascade", "α={alpha}");
        let s = &o.strategies.as_ref().unwrap()[0];
        assert!((s.probs.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        let u = |b: f64| brute_utility(1.0, b, &s.support, &s.probs, alpha);
        let own: f64 = s.support.iter().zip(&s.probs).map(|(b, q)| q * u(*b)).sum();
        let gain = maximize(&u, 1.0).1 - own;
        // The engine's figure and the independent one agree, and both are small.
        assert!(
            gain <= 1e-4 && o.exploitability <= 1e-4,
            "α={alpha}: {gain} {}",
            o.exploitability
        );
        assert!(
            (gain - o.exploitability).abs() <= 1e-9,
            "α={alpha}: {gain} {}",
            o.exploitability
        );
        // Every tied player bids; each wins a third.
        assert!(o.allocations.iter().all(|x| (x - 1.0 / 3.0).abs() < 1e-12));
    }
}

#[test]
fn more_tied_players_within_the_bound() {
    for m in [4usize, 5, 7] {
        for alpha in [1.6, 2.0, 3.0] {
            let o = tullock_at(&vec![2.0; m], alpha);
            assert_eq!(o.method, "symmetric-cascade", "m={m} α={alpha}");
            assert!(o.exploitability <= 1e-4 * 2.0, "m={m} α={alpha}: {}", o.exploitability);
            // Shares add to 1 among the tied players: revenue = v − m u, and the gain
            // of bidding (almost) 0 is −u, so the revenue is within m · gain of v.
            let m_f = m as f64;
            assert!(
                (o.metrics.revenue - 2.0).abs() <= m_f * o.exploitability + 1e-9,
                "m={m} α={alpha}: {} {}",
                o.metrics.revenue,
                o.exploitability
            );
        }
    }
}

#[test]
fn continuous_at_the_end_of_the_pure_range() {
    // (1, 1, 1): pure up to α = 1.5 with revenue 3 · α · 2/9 = 1 there; just above, the
    // cascade starts from the pure bid with full dissipation.
    let pure = tullock_at(&[1.0, 1.0, 1.0], 1.5);
    assert!(pure.pure);
    assert_rel(pure.metrics.revenue, 1.0, 1e-12, "pure at 1.5");
    for alpha in [1.5001, 1.501, 1.51] {
        let o = tullock_at(&[1.0, 1.0, 1.0], alpha);
        assert!(!o.pure, "α={alpha}");
        assert!(
            (o.metrics.revenue - 1.0).abs() <= 1e-4,
            "α={alpha}: {}",
            o.metrics.revenue
        );
        // The top atom tends to the pure bid 1/3 and carries almost all the mass.
        let s = &o.strategies.as_ref().unwrap()[0];
        let (top, mass) = (*s.support.last().unwrap(), *s.probs.last().unwrap());
        assert!((top - 1.0 / 3.0).abs() < 0.01 && mass > 0.98, "α={alpha}: {top} {mass}");
    }
}

#[test]
fn the_curve_over_alpha_has_no_gaps_or_jumps_for_tied_players() {
    for v in [vec![1.0, 1.0, 1.0], vec![1.0, 1.0, 1.0, 0.5], vec![1.0; 5]] {
        let alphas: Vec<f64> = (0..=40).map(|i| 1.2 + 0.05 * i as f64).collect();
        let curve = tradeoff(&v, &alphas).unwrap();
        let r: Vec<f64> = curve
            .iter()
            .map(|p| p.outcome.as_ref().unwrap().metrics.revenue)
            .collect();
        for i in 1..r.len() {
            // The pure stretch rises with slope ≤ v (m − 1)/m; the mixed one stays at v.
            assert!(
                (r[i] - r[i - 1]).abs() <= 0.05,
                "{v:?} α={}: {} → {}",
                alphas[i],
                r[i - 1],
                r[i]
            );
        }
        // The tied players keep equal shares all along (fairness never drops to 0
        // because of a broken tie).
        for p in &curve {
            let o = p.outcome.as_ref().unwrap();
            let m = v.iter().filter(|x| **x == 1.0).count() as f64;
            assert!((o.allocations[0] - 1.0 / m).abs() < 1e-9, "{v:?} α={}", p.alpha);
        }
    }
}

#[test]
fn two_refinements_agree() {
    // The cascade refined to 1e-4 and to 1e-5 of v: revenues agree to 4 digits, both at
    // the all-pay auction's full dissipation.
    for (m, alpha) in [(3, 2.0), (4, 2.5), (5, 1.8)] {
        let coarse = solve_tied(1.0, m, alpha, 1e-4).unwrap();
        let fine = solve_tied(1.0, m, alpha, 1e-5).unwrap();
        assert!(fine.gain <= 1e-5 && coarse.gain <= 1e-4, "m={m} α={alpha}");
        assert!(fine.atoms.bids.len() >= coarse.atoms.bids.len());
        assert!((fine.revenue - coarse.revenue).abs() <= 1e-3, "m={m} α={alpha}");
        assert!(
            (fine.revenue - 1.0).abs() <= m as f64 * 1e-5 + 1e-9,
            "m={m} α={alpha}: {}",
            fine.revenue
        );
    }
}

#[test]
fn the_all_pay_strategy_is_not_a_tullock_equilibrium_but_its_revenue_is_the_limit() {
    // Baye–Kovenock–de Vries: CDF √(b/v) for three tied players. Against it in the
    // Tullock contest at α = 3 a player gains more than 1 % of v (so it is not used as a
    // closed form there), yet the cascade's revenue meets its revenue v.
    // 300 log-spaced cells on [1e-9, 1] (the mass √1e-9 below them at the first one).
    let n = 300;
    let edges: Vec<f64> = (0..=n).map(|k| 10f64.powf(-9.0 + 9.0 * k as f64 / n as f64)).collect();
    let bids: Vec<f64> = edges.windows(2).map(|e| 0.5 * (e[0] + e[1])).collect();
    let mut probs: Vec<f64> = edges.windows(2).map(|e| e[1].sqrt() - e[0].sqrt()).collect();
    probs[0] += edges[0].sqrt();
    assert!((probs.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    let u = |b: f64| brute_utility(1.0, b, &bids, &probs, 3.0);
    let own: f64 = bids.iter().zip(&probs).map(|(b, q)| q * u(*b)).sum();
    assert!(maximize(&u, 1.0).1 - own > 0.01);
    let o = tullock_at(&[1.0, 1.0, 1.0], 3.0);
    assert!((o.metrics.revenue - 1.0).abs() <= 3.0 * o.exploitability + 1e-9);
}

#[test]
fn a_lower_value_stays_out() {
    let o = tullock_at(&[1.0, 1.0, 1.0, 0.5], 2.0);
    assert_eq!((o.method, o.bids[3], o.allocations[3]), ("symmetric-cascade", 0.0, 0.0));
    assert!(o.exploitability <= 1e-4, "{}", o.exploitability);
    // Entering against the three cascades, summed atom by atom: no gain.
    let s = &o.strategies.as_ref().unwrap()[0];
    let w = |x: f64| if x > 0.0 { x.powf(2.0) } else { 0.0 };
    let enter = |b: f64| {
        let mut share = 0.0;
        for (c, pc) in s.support.iter().zip(&s.probs) {
            for (d, pd) in s.support.iter().zip(&s.probs) {
                for (e, pe) in s.support.iter().zip(&s.probs) {
                    share += pc * pd * pe * w(b) / (w(b) + w(*c) + w(*d) + w(*e));
                }
            }
        }
        0.5 * share - b
    };
    assert!(maximize(&enter, 0.5).1 <= 1e-4);
}

#[test]
fn the_refinement_names_outsiders_only_when_there_are_some() {
    let m = Mechanism::Tullock(2.0);
    let all = solve(&[1.0, 1.0, 1.0], m).unwrap();
    let some = solve(&[1.0, 1.0, 1.0, 0.5], m).unwrap();
    assert_eq!((all.method, some.method), ("symmetric-cascade", "symmetric-cascade"));
    assert!(!all.refinement.unwrap().contains("stay out"));
    assert!(some.refinement.unwrap().ends_with("; the other players stay out"));
}
