//! Mixed equilibria above the pure range and ties (issue 14): closed forms (Baye–Kovenock–
//! de Vries, Wang's semi-mixed equilibrium, the all-pay-equivalent numbers above α = 2),
//! the numerical solver against them, refinement stability, three or more players, the
//! independent best-response check on every returned equilibrium, unsorted values and ties.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::assert_rel;
use et_engine::contest::tradeoff::tradeoff;
use et_engine::contest::{mixed, solve, solve_with, tullock, Mechanism};

fn tullock_at(values: &[f64], alpha: f64) -> et_engine::contest::Outcome {
    solve(values, Mechanism::tullock(alpha).unwrap()).unwrap()
}

#[test]
fn semi_mixed_two_players_closed_form() {
    // (4, 2), α = 1.5: s = 1/3, b₂ = 2/3, b₁ = b₂ 2^(2/3), p = ½ 2^(2/3).
    let o = tullock_at(&[4.0, 2.0], 1.5);
    let g = 0.5f64.powf(-1.0 / 1.5);
    let (b1, b2, p) = (2.0 / 3.0 * g, 2.0 / 3.0, 0.5 * g);
    assert_eq!((o.pure, o.method), (false, "closed-form"));
    assert_rel(o.metrics.revenue, b1 + p * b2, 1e-14, "revenue");
    assert_rel(o.allocations[1], p / 3.0, 1e-14, "weak share");
    assert_rel(o.payments[1], p * b2, 1e-14, "weak payment");
    assert!(o.metrics.utilities[1].abs() < 1e-14);
    assert!(o.exploitability <= 1e-12 * 4.0, "{}", o.exploitability);
    // At α = 2 it meets the all-pay-equivalent numbers: revenue 1.5.
    assert_rel(tullock_at(&[4.0, 2.0], 2.0).metrics.revenue, 1.5, 1e-14, "α = 2");
    // Unsorted: the same equilibrium with the players swapped.
    let s = tullock_at(&[2.0, 4.0], 1.5);
    assert_rel(s.allocations[0], o.allocations[1], 1e-14, "swapped");
    assert_eq!(s.strategies.as_ref().unwrap()[1].support.len(), 1);
}

#[test]
fn above_two_all_pay_equivalent_and_the_numeric_solver_agrees() {
    for (v1, v2, alpha, tol) in [
        (1.0, 1.0, 3.0, 1e-5),
        (1.0, 1.0, 2.5, 1e-4),
        (4.0, 2.0, 3.0, 1e-2),
        (4.0, 2.0, 4.0, 1e-2),
    ] {
        let o = tullock_at(&[v1, v2], alpha);
        assert_eq!(o.method, "closed-form+double-oracle");
        assert_rel(
            o.metrics.revenue,
            v2 / 2.0 + v2 * v2 / (2.0 * v1),
            1e-14,
            "all-pay revenue",
        );
        assert!(
            o.exploitability <= 1e-4 * v1,
            "({v1},{v2}) α={alpha}: {}",
            o.exploitability
        );
        // The numerical strategies' revenue is within `tol` of the closed form.
        assert!(
            o.revenue_error <= tol * v1,
            "({v1},{v2}) α={alpha}: {}",
            o.revenue_error
        );
        let s = o.strategies.unwrap();
        assert!(s.iter().all(|st| (st.probs.iter().sum::<f64>() - 1.0).abs() < 1e-9));
    }
}

#[test]
fn refinement_stability_four_significant_digits() {
    // Symmetric α = 3: two refinements (1e-3 and 1e-4 of the top value) agree to 4 digits
    // and with full dissipation.
    let r = mixed::refine(1.0, 1.0, 3.0, 1e-4).unwrap();
    let rev: f64 = (0..2)
        .map(|i| {
            r.pair.bids[i]
                .iter()
                .zip(&r.pair.probs[i])
                .map(|(b, q)| b * q)
                .sum::<f64>()
        })
        .sum();
    assert!(r.revenue_change <= 5e-5 * rev, "{}", r.revenue_change);
    assert_rel(rev, 1.0, 5e-5, "full dissipation");
    // Closed forms are stable by construction: the LP on refined grids approaches them.
    let coarse = solve_with(&[4.0, 2.0], Mechanism::tullock(1.5).unwrap(), Some(80)).unwrap();
    let fine = solve_with(&[4.0, 2.0], Mechanism::tullock(1.5).unwrap(), Some(320)).unwrap();
    assert!(
        fine.revenue_error <= coarse.revenue_error + 1e-9,
        "{} {}",
        fine.revenue_error,
        coarse.revenue_error
    );
    assert!(fine.revenue_error <= 1e-2, "{}", fine.revenue_error);
}

#[test]
fn all_pay_auction_n_players() {
    // Symmetric n players: full dissipation, CDF (b/v)^(1/(n−1)).
    for n in [3usize, 5] {
        let o = solve(&vec![2.0; n], Mechanism::AllPayAuction).unwrap();
        assert_rel(o.metrics.revenue, 2.0, 1e-14, "full dissipation");
        assert!(o.exploitability <= 1e-9, "{}", o.exploitability);
        let s = &o.strategies.unwrap()[0];
        let cdf = s.cdf.as_ref().unwrap();
        let j = s.support.len() / 2;
        assert_rel(cdf[j], (s.support[j] / 2.0).powf(1.0 / (n as f64 - 1.0)), 1e-14, "cdf");
        assert!((s.probs.iter().sum::<f64>() - 1.0).abs() < 1e-12);
    }
    // v₁ > v₂ ≥ v₃: only the two highest active (BKdV).
    let o = solve(&[1.0, 4.0, 2.0, 2.0], Mechanism::AllPayAuction).unwrap();
    assert_eq!(o.bids.iter().filter(|b| **b > 0.0).count(), 2);
    assert_rel(o.metrics.revenue, 1.5, 1e-14, "revenue");
    assert!(o.exploitability <= 1e-9);
}

#[test]
fn symmetric_tullock_pure_formula_up_to_n_over_n_minus_one() {
    for n in [3usize, 4, 6] {
        let alpha = n as f64 / (n as f64 - 1.0);
        let o = tullock_at(&vec![3.0; n], alpha);
        let nf = n as f64;
        assert!(o.pure);
        assert_rel(o.bids[0], alpha * 3.0 * (nf - 1.0) / (nf * nf), 1e-9, "bid");
        assert!(o.exploitability <= 1e-9 * 3.0);
    }
}

#[test]
fn three_or_more_players_above_the_pure_range() {
    for (v, alpha) in [
        (vec![1.0, 1.0, 1.0], 3.0),
        (vec![4.0, 2.0, 1.0], 3.0),
        (vec![4.0, 2.0, 1.0], 1.6),
        (vec![1.0, 3.0, 2.0, 0.5], 2.5),
    ] {
        let o = tullock_at(&v, alpha);
        let vmax = v.iter().cloned().fold(0.0, f64::max);
        assert!(!o.pure, "{v:?} α={alpha}");
        assert!(o.exploitability <= 1e-3 * vmax, "{v:?} α={alpha}: {}", o.exploitability);
        assert!((o.allocations.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert_eq!(o.strategies.unwrap().len(), v.len());
    }
}

#[test]
fn every_returned_equilibrium_passes_the_check() {
    let profiles: [&[f64]; 5] = [
        &[4.0, 2.0],
        &[2.0, 4.0],
        &[1.0, 1.0],
        &[5.0, 1.0, 3.0],
        &[2.0, 2.0, 1.0, 1.0],
    ];
    for v in profiles {
        let vmax = v.iter().cloned().fold(0.0, f64::max);
        for alpha in [1.2, 1.5, 1.9, 2.0, 2.5, 4.0] {
            let o = tullock_at(v, alpha);
            let tol = if o.pure {
                1e-9
            } else if v.len() == 2 {
                1e-4
            } else {
                1e-3
            };
            assert!(
                o.exploitability <= tol * vmax,
                "{v:?} α={alpha}: {} ({})",
                o.exploitability,
                o.method
            );
        }
    }
}

#[test]
fn ties_and_unsorted_values() {
    // 7 value classes in a scrambled order: equal values bid equally, and the grouped
    // solve agrees with the player-by-player solver.
    let classes = [9.0, 0.5, 3.0, 1.0, 7.0, 2.0, 0.25];
    let v: Vec<f64> = (0..700).map(|i| classes[(i * 37 + i / 7) % 7]).collect();
    for alpha in [0.3, 0.7, 1.0] {
        let o = tullock_at(&v, alpha);
        let direct = tullock::pure_concave(&v, alpha).unwrap();
        let vmax = 9.0;
        for i in 0..v.len() {
            assert!((o.bids[i] - direct[i]).abs() <= 1e-9 * vmax, "α={alpha} player {i}");
            let j = v.iter().position(|w| *w == v[i]).unwrap();
            assert_eq!(o.bids[i], o.bids[j]);
        }
        assert!(o.exploitability <= 1e-9 * vmax, "α={alpha}: {}", o.exploitability);
        assert!((o.allocations.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // The metrics on classes equal the metrics player by player.
        let m = et_engine::contest::metrics::metrics(&v, &o.allocations, &o.payments);
        let c = &o.metrics;
        assert_eq!((c.nakamoto, c.utilities.len()), (m.nakamoto, m.utilities.len()));
        for (a, b) in [
            (c.revenue, m.revenue),
            (c.fairness, m.fairness),
            (c.entropy, m.entropy),
            (c.hhi, m.hhi),
            (c.top_share, m.top_share),
            (c.efficiency, m.efficiency),
        ] {
            assert_rel(a, b, 1e-12, "metric");
        }
    }
}

#[test]
fn tradeoff_curve_has_no_gaps_and_is_smooth() {
    // (3, 2, 1.5) starts at 1.1: its three-active pure branch ends in a fold near
    // α ≈ 1.055 where the equilibrium jumps to two active (not a numerical artefact).
    for (v, from) in [
        (vec![4.0, 2.0], 0.8),
        (vec![4.0, 2.0, 1.0], 0.8),
        (vec![3.0, 2.0, 1.5], 1.1),
    ] {
        // Up to α ≈ 2.6: above 2 the numbers are the all-pay-equivalent closed form (flat).
        let alphas: Vec<f64> = (0..=32).map(|i| from + 0.05 * i as f64).collect();
        let curve = tradeoff(&v, &alphas).unwrap();
        let r: Vec<f64> = curve
            .iter()
            .map(|p| p.outcome.as_ref().unwrap().metrics.revenue)
            .collect();
        let vmax = v.iter().cloned().fold(0.0, f64::max);
        for i in 1..r.len() - 1 {
            let d2 = r[i + 1] - 2.0 * r[i] + r[i - 1];
            // A kink (pure → mixed) gives |Δ²| ≈ h · slope jump; a jump would give |Δ²| ≈ its size.
            assert!(d2.abs() <= 0.02 * vmax, "{v:?} α={}: Δ² = {d2}", alphas[i]);
        }
    }
}

#[test]
fn unsorted_heavy_tailed_values() {
    // Pareto draws (shape 1.5) in random order against the same values sorted.
    let mut x: u64 = 88172645463325252;
    let v: Vec<f64> = (0..3000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (((x >> 11) as f64 + 0.5) / 2f64.powi(53)).powf(-1.0 / 1.5)
        })
        .collect();
    let mut order: Vec<usize> = (0..v.len()).collect();
    order.sort_by(|&a, &b| v[b].total_cmp(&v[a]));
    let sorted: Vec<f64> = order.iter().map(|&i| v[i]).collect();
    let vmax = sorted[0];
    for alpha in [0.3, 0.7, 1.0] {
        let (o, s) = (tullock_at(&v, alpha), tullock_at(&sorted, alpha));
        for (rank, &i) in order.iter().enumerate() {
            assert!((o.bids[i] - s.bids[rank]).abs() <= 1e-9 * vmax, "α={alpha} player {i}");
        }
        assert!(o.exploitability <= 1e-9 * vmax, "α={alpha}: {}", o.exploitability);
        // The concentration measures by selection equal those of a full sort.
        let sorted_x = et_engine::metrics::sorted_desc(o.allocations.iter().copied());
        assert_eq!(o.metrics.nakamoto, et_engine::metrics::nakamoto(&sorted_x, 1.0));
        assert_eq!(o.metrics.top_share, sorted_x[0]);
    }
}

#[test]
fn steep_exponents_on_random_profiles_solve() {
    // α = 5 put coefficients of 1e-27 into the linear programs (rejected by the simplex
    // before they were rounded to 0); every profile now gets a certified equilibrium.
    let profiles: [&[f64]; 4] = [
        &[
            2.6884282654332106,
            0.42422899651932133,
            2.3785587832538404,
            1.5941806785487747,
        ],
        &[2.838553260139533, 2.290205092307246, 0.3436812245287302],
        &[
            7.170224645349299,
            6.019243868756116,
            2.157647933276749,
            3.703925260472343,
            6.335467180523184,
        ],
        &[3.0, 1.0],
    ];
    for v in profiles {
        let o = tullock_at(v, 5.0);
        let vmax = v.iter().cloned().fold(0.0, f64::max);
        assert!(o.exploitability <= 1e-3 * vmax, "{v:?}: {}", o.exploitability);
    }
}

#[test]
fn curve_points_above_two_are_the_closed_form_numbers_of_the_full_solve() {
    use et_engine::contest::tradeoff::curve_point;
    for values in [[4.0, 2.0], [2.0, 4.0], [1.0, 1.0], [3.0, 0.5]] {
        for alpha in [2.01, 2.5, 4.0, 9.0] {
            let m = Mechanism::Tullock(alpha);
            let (fast, full) = (curve_point(&values, m).unwrap(), solve(&values, m).unwrap());
            assert_eq!(fast.bids, full.bids, "{values:?} at α = {alpha}");
            assert_eq!(fast.allocations, full.allocations);
            assert_eq!(fast.metrics, full.metrics);
            assert_eq!((fast.method, full.method), ("closed-form", "closed-form+double-oracle"));
            assert!(fast.strategies.is_none());
        }
    }
    // At and below 2 the curve's points are the full solve's.
    let m = Mechanism::Tullock(1.5);
    assert_eq!(curve_point(&[4.0, 2.0], m).unwrap(), solve(&[4.0, 2.0], m).unwrap());
}
