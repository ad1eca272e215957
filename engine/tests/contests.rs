//! Allocation contests: SPEC §7's cases, hand-derived cases, the closed form against the
//! general solver, and the independent best-response check on random value profiles.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::assert_rel;
use et_engine::contest::{solve, tullock, Mechanism, MIXED_TOLERANCE};
use et_engine::numeric::random::{stream, Source};

fn profiles(count: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut src = Source::new(stream(seed, 0));
    (0..count)
        .map(|i| {
            let k = 2 + i % 7;
            (0..k).map(|_| 0.1 + 10.0 * src.open01() * src.open01()).collect()
        })
        .collect()
}

#[test]
fn spec_reference_case_four_two() {
    let o = solve(&[4.0, 2.0], Mechanism::ProportionalAllPay).unwrap();
    assert_rel(o.bids[0], 8.0 / 9.0, 1e-12, "b1");
    assert_rel(o.bids[1], 4.0 / 9.0, 1e-12, "b2");
    assert_rel(o.allocations[0], 2.0 / 3.0, 1e-12, "x1");
    assert_rel(o.allocations[1], 1.0 / 3.0, 1e-12, "x2");
    assert_rel(o.metrics.revenue, 4.0 / 3.0, 1e-12, "revenue");
    assert_rel(o.metrics.fairness, 2f64.sqrt() / 3.0, 1e-12, "fairness");
    assert!((o.metrics.fairness - 0.4714).abs() < 5e-5);
    assert!(o.pure && o.exploitability < 1e-9 * 4.0, "{}", o.exploitability);

    let w = solve(&[4.0, 2.0], Mechanism::WinnerTakeAll).unwrap();
    assert_eq!(w.allocations, vec![1.0, 0.0]);
    assert_eq!(
        (w.metrics.revenue, w.metrics.fairness, w.exploitability),
        (2.0, 0.0, 0.0)
    );
}

#[test]
fn all_pay_auction_by_hand() {
    // v = (4, 2): x₂ = 2/8, E[b₁] = 1, E[b₂] = 4/8, u₁ = 2, u₂ = 0.
    let o = solve(&[2.0, 4.0, 1.0], Mechanism::AllPayAuction).unwrap();
    assert_rel(o.allocations[1], 0.75, 1e-15, "x strong");
    assert_rel(o.allocations[0], 0.25, 1e-15, "x weak");
    assert_eq!(o.allocations[2], 0.0);
    assert_rel(o.metrics.revenue, 1.5, 1e-15, "revenue");
    assert_rel(o.metrics.utilities[1], 2.0, 1e-15, "u strong");
    assert!(o.metrics.utilities[0].abs() < 1e-15);
    assert!(!o.pure && o.exploitability < 1e-9, "{}", o.exploitability);
    let s = o.strategies.unwrap();
    assert_rel(s[0].probs[0], 0.5, 1e-15, "weak atom at 0");
    assert!((s[1].probs.iter().sum::<f64>() - 1.0).abs() < 1e-12);
}

#[test]
fn symmetric_players_by_hand() {
    // k equal values v: b = α v (k − 1)/k², x = 1/k; pure for α ≤ k/(k − 1).
    for (k, alpha) in [(2usize, 0.5), (3, 1.0), (5, 0.8), (4, 1.3), (2, 2.0)] {
        let v = vec![3.0; k];
        let o = solve(&v, Mechanism::tullock(alpha).unwrap()).unwrap();
        let kf = k as f64;
        assert!(o.pure, "k={k} α={alpha}");
        for i in 0..k {
            assert_rel(o.bids[i], alpha * 3.0 * (kf - 1.0) / (kf * kf), 1e-9, "symmetric bid");
            assert_rel(o.allocations[i], 1.0 / kf, 1e-9, "symmetric share");
        }
        assert!(o.exploitability <= 1e-9 * 3.0, "k={k} α={alpha}: {}", o.exploitability);
    }
}

#[test]
fn closed_form_matches_the_general_solver() {
    for v in profiles(40, 1) {
        let closed = tullock::proportional_bids(&v);
        let active: Vec<bool> = vec![true; v.len()];
        let shares = tullock::share_equilibrium(&v, 1.0, &active).unwrap();
        let general = tullock::bids_from_shares(&v, 1.0, &shares);
        let vmax = v.iter().cloned().fold(0.0, f64::max);
        for (a, b) in closed.iter().zip(&general) {
            assert!((a - b).abs() <= 1e-9 * vmax, "{v:?}: {closed:?} vs {general:?}");
        }
    }
}

#[test]
fn every_pure_equilibrium_passes_the_best_response_check() {
    for (i, v) in profiles(60, 2).into_iter().enumerate() {
        let alpha = [0.2, 0.5, 0.7, 0.9, 1.0][i % 5];
        let o = solve(&v, Mechanism::tullock(alpha).unwrap()).unwrap();
        let vmax = v.iter().cloned().fold(0.0, f64::max);
        assert!(o.pure);
        assert!(
            o.exploitability <= 1e-9 * vmax,
            "{v:?} α={alpha}: exploitability {}",
            o.exploitability
        );
        assert!((o.allocations.iter().sum::<f64>() - 1.0).abs() < 1e-12);
        assert!(o.metrics.revenue <= v.iter().sum::<f64>());
    }
}

#[test]
fn two_players_above_one_pure_or_mixed_as_the_condition_says() {
    // Pure iff α ≤ 1 + (v₂/v₁)^α.
    for (v1, v2, alpha) in [
        (4.0, 2.0, 1.2),
        (4.0, 2.0, 2.0),
        (1.0, 1.0, 1.9),
        (1.0, 1.0, 2.5),
        (3.0, 1.0, 1.5),
    ] {
        let o = solve(&[v1, v2], Mechanism::tullock(alpha).unwrap()).unwrap();
        let pure_exists = alpha <= 1.0 + (v2 / v1).powf(alpha);
        assert_eq!(o.pure, pure_exists, "v=({v1},{v2}) α={alpha}");
        let tol = if o.pure { 1e-9 } else { MIXED_TOLERANCE };
        assert!(
            o.exploitability <= tol * v1,
            "v=({v1},{v2}) α={alpha}: {}",
            o.exploitability
        );
        assert!((o.allocations.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        if !o.pure {
            let s = o.strategies.as_ref().unwrap();
            assert!(s.iter().all(|st| (st.probs.iter().sum::<f64>() - 1.0).abs() < 1e-9));
        }
    }
}

#[test]
fn many_players_without_a_pure_equilibrium_get_a_mixed_one() {
    // Issue 14: no longer an error; the three tied players mix symmetrically (the
    // cascade) and dissipate the prize up to the cascade's truncation.
    let o = solve(&[1.0, 1.0, 1.0], Mechanism::tullock(3.0).unwrap()).unwrap();
    assert!(!o.pure && o.exploitability <= 1e-4, "{}", o.exploitability);
    assert_eq!(o.method, "symmetric-cascade");
    assert!(o.bids.iter().all(|b| *b > 0.0));
    assert_rel(o.metrics.revenue, 1.0, 1e-3, "full dissipation");
}

#[test]
fn bad_input_names_the_field() {
    assert_eq!(
        solve(&[1.0], Mechanism::ProportionalAllPay).unwrap_err().field(),
        "values"
    );
    assert_eq!(solve(&[], Mechanism::WinnerTakeAll).unwrap_err().field(), "values");
    assert_eq!(
        solve(&[1.0, 0.0], Mechanism::ProportionalAllPay).unwrap_err().field(),
        "values[1]"
    );
    assert_eq!(
        solve(&[f64::NAN, 1.0], Mechanism::AllPayAuction).unwrap_err().field(),
        "values[0]"
    );
    assert_eq!(Mechanism::tullock(0.0).unwrap_err().field(), "alpha");
    assert_eq!(Mechanism::parse("lottery", None).unwrap_err().field(), "mechanism");
    assert_eq!(Mechanism::parse("tullock", None).unwrap_err().field(), "alpha");
}

#[test]
fn random_profiles_never_panic_and_stay_consistent() {
    for (i, v) in profiles(80, 3).into_iter().enumerate() {
        let alpha = [0.3, 1.0, 1.5, 4.0][i % 4];
        for m in [
            Mechanism::tullock(alpha).unwrap(),
            Mechanism::WinnerTakeAll,
            Mechanism::AllPayAuction,
        ] {
            let Ok(o) = solve(&v, m) else { continue };
            assert!((o.allocations.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{v:?} {m:?}");
            assert!(o.metrics.revenue <= v.iter().sum::<f64>() + 1e-12);
            assert!(o.allocations.iter().all(|x| (0.0..=1.0 + 1e-12).contains(x)));
        }
    }
}

#[test]
fn tradeoff_curve_and_sybils() {
    use et_engine::contest::tradeoff::{default_alphas, sybil_factor, sybil_shares, tradeoff};
    let alphas = default_alphas(25);
    assert_eq!((alphas[0], alphas[24]), (0.1, 10.0));
    let mut with_inf = alphas.clone();
    with_inf.push(f64::INFINITY);
    let curve = tradeoff(&[4.0, 2.0], &with_inf).unwrap();
    for p in &curve {
        let o = p.outcome.as_ref().unwrap();
        assert!(
            o.exploitability <= MIXED_TOLERANCE * 4.0,
            "α={}: {}",
            p.alpha,
            o.exploitability
        );
    }
    // At α = 1 the curve passes through SPEC §7's point.
    let at_one = solve(&[4.0, 2.0], Mechanism::ProportionalAllPay).unwrap();
    assert_rel(at_one.metrics.revenue, 4.0 / 3.0, 1e-12, "α = 1 revenue");
    assert_eq!(sybil_factor(1.0, 5.0), 1.0);
    assert!(sybil_factor(0.5, 4.0) > 1.0 && sybil_factor(2.0, 4.0) < 1.0);
    let o = solve(&[4.0, 2.0], Mechanism::tullock(0.5).unwrap()).unwrap();
    let (before, after) = sybil_shares(&o, 0.5, 1, 4.0);
    assert!(after > before, "splitting pays below α = 1");
    assert!(tradeoff(&[4.0, 2.0], &[1.0, -1.0]).unwrap_err().field() == "alphas[1]");
}

/// Stein's closed form scans only the largest values (selected, then sorted, the
/// selection growing until the active set ends inside it): the bids equal, bit for bit,
/// those of the plain scan over every value sorted, for an active set far beyond the
/// first selection (5,000 equal-ish values) and for a small one in a long tail.
#[test]
fn stein_on_the_largest_values_equals_the_full_sort() {
    fn full_sort(values: &[f64]) -> Vec<f64> {
        let mut sorted = values.to_vec();
        sorted.sort_unstable_by(|a, b| b.total_cmp(a));
        let (mut inv_sum, mut x) = (0.0, 0.0);
        for (m, &v) in sorted.iter().enumerate() {
            inv_sum += 1.0 / v;
            let xm = m as f64 / inv_sum;
            if m >= 1 && v <= xm {
                break;
            }
            x = xm;
        }
        values
            .iter()
            .map(|&v| if v > x { x * (1.0 - x / v) } else { 0.0 })
            .collect()
    }
    // Scrambled order: i·7919 mod n visits every index once.
    let n = 20_000;
    let scrambled = |f: &dyn Fn(f64) -> f64| -> Vec<f64> { (0..n).map(|i| f(((i * 7919) % n) as f64)).collect() };
    let flat = scrambled(&|i| 1.0 + 1e-5 * i);
    let tail = scrambled(&|i| ((i + 0.5) / n as f64).powf(-1.0 / 1.5));
    for values in [flat, tail] {
        let got = et_engine::contest::tullock::proportional_bids(&values);
        let want = full_sort(&values);
        assert!(got.iter().zip(&want).all(|(a, b)| a.to_bits() == b.to_bits()));
        assert!(got.iter().filter(|b| **b > 0.0).count() >= 2);
    }
}
