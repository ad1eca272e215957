//! The lottery engine against the closed forms, with fixed seeds.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use et_engine::lottery::monte_carlo::{TicketMonteCarlo, BLOCK};
use et_engine::lottery::pools::{grouped_from_values, grouped_pool_risk, pool_risk};
use et_engine::lottery::process::{Process, Remint};
use et_engine::lottery::Lottery;
use et_engine::rewards::{EmpiricalMode, Reward};

fn rewards() -> Vec<Reward> {
    vec![
        Reward::constant(1.0).unwrap(),
        Reward::exponential(0.5).unwrap(),
        Reward::lognormal(1.0, 2.0).unwrap(),
        Reward::pareto(1.0, 3.5).unwrap(),
        Reward::empirical(vec![0.0, 0.5, 2.5], EmpiricalMode::Resample).unwrap(),
    ]
}

#[test]
fn mean_within_a_few_standard_errors_and_standard_error_matches_the_variance() {
    for (n, d, m) in [(100.0, 0.01, 0), (7.0, 0.05, 3), (1.0, 0.2, 0)] {
        for reward in rewards() {
            let mc = TicketMonteCarlo::new(n, d, reward.clone(), m).unwrap();
            let r = mc.run(42, 200_000);
            let l = Lottery::new(reward.mean(), reward.variance(), d, n).unwrap();
            let expect = l.lookahead_value(m as f64).unwrap();
            common::assert_rel(r.price, expect, 1e-14, "price");
            let z = if r.std_error == 0.0 {
                (r.mean / expect - 1.0) * 1e12
            } else {
                (r.mean - expect) / r.std_error
            };
            assert!(z.abs() < 4.5, "{reward:?} n={n}: mean {} vs {expect}, z = {z}", r.mean);
            // The sample sd against the closed form (sd of sd for heavy tails is wide).
            let ratio = r.sd / mc.closed_form_sd();
            let tol = if matches!(reward, Reward::Pareto { .. } | Reward::LogNormal { .. }) {
                0.2
            } else {
                0.02
            };
            assert!(
                (ratio - 1.0).abs() < tol || (r.sd == 0.0 && mc.closed_form_sd() < 1e-12),
                "{reward:?} n={n}: sd ratio {ratio}"
            );
            assert_eq!(r.samples, 200_000);
            assert!(r.payback_probability > 0.0 && r.payback_probability <= 1.0 || r.sd == 0.0);
        }
    }
}

#[test]
fn quantiles_match_the_exact_ones_for_a_constant_reward() {
    // Constant R: V = x^T, so P(V ≤ x^t) = P(T ≥ t) = q^(t−1): exact quantiles.
    let (n, d) = (20.0, 0.01);
    let r = TicketMonteCarlo::new(n, d, Reward::constant(1.0).unwrap(), 0)
        .unwrap()
        .run(1, 400_000);
    let q = 1.0 - 1.0 / n;
    for &(p, v) in &r.quantiles {
        // The smallest t with q^(t−1) ≤ p, i.e. the value x^t at the p-quantile.
        let t = (p.ln() / q.ln()).ceil() + 1.0;
        let exact = (1.0f64 + d).powf(-t);
        let next = (1.0f64 + d).powf(-(t - 1.0));
        assert!(
            v >= exact * 0.99 && v <= next * 1.01,
            "p={p}: {v} not in [{exact}, {next}]"
        );
    }
    // P(V > E[V]) = P(T < t*) with x^t* = E[V].
    let t_star = (n * d + 1.0).ln() / (1.0 + d).ln();
    let exact = 1.0 - q.powf(t_star.ceil() - 1.0);
    assert!(
        (r.payback_probability - exact).abs() < 0.005,
        "{} vs {exact}",
        r.payback_probability
    );
}

#[test]
fn any_split_into_blocks_gives_the_same_bits() {
    let mc = TicketMonteCarlo::new(100.0, 0.01, Reward::lognormal(1.0, 2.0).unwrap(), 0).unwrap();
    let samples = 5 * BLOCK + 123;
    let whole = mc.run(9, samples);
    let parts = vec![
        mc.run_blocks(9, 3..6, samples),
        mc.run_blocks(9, 0..1, samples),
        mc.run_blocks(9, 1..3, samples),
    ];
    let split = mc.finish(parts);
    assert_eq!(whole, split);
    assert_eq!(whole, mc.run(9, samples), "same seed, same result");
    assert_ne!(whole.mean, mc.run(10, samples).mean, "another seed differs");
}

/// A fingerprint of a fixed run: the same on every target (checked natively and in wasm).
#[test]
fn fixed_seed_fingerprint_is_identical_natively_and_in_wasm() {
    let mc = TicketMonteCarlo::new(100.0, 0.01, Reward::lognormal(0.05, 2.0).unwrap(), 2).unwrap();
    let r = mc.run(2024, 3 * BLOCK);
    // Every one of 1000 single values, folded, as well as the summary.
    let singles = mc
        .pool_means(2024, 0, 1, 1000)
        .iter()
        .fold(0u64, |h, v| h.rotate_left(5) ^ v.to_bits());
    let print = format!(
        "{:016x} {:016x} {:016x} {singles:016x}",
        r.mean.to_bits(),
        r.sd.to_bits(),
        r.quantiles[4].1.to_bits()
    );
    assert_eq!(
        print,
        include_str!("fingerprint.txt").trim(),
        "update tests/fingerprint.txt only if sampling changed on purpose"
    );
}

#[test]
fn empirical_replay_reproduces_its_own_mean() {
    // Replaying data in order to a holder of every ticket: it wins every slot.
    let data = vec![0.1, 0.4, 0.0, 1.3, 0.2];
    let reward = Reward::empirical(data.clone(), EmpiricalMode::Replay).unwrap();
    let p = Process::new(vec![3], 0, 1e-9, reward, Remint::SameHolder, 5000).unwrap();
    let r = p.run(5, 1, 10).unwrap();
    let mean = data.iter().sum::<f64>() / 5.0;
    assert!((r.holders[0].reward_mean / 5000.0 - mean).abs() < 1e-12);
    assert_eq!(r.holders[0].wins_mean, 5000.0);
}

#[test]
fn process_runs_in_ranges_give_the_same_bits_in_any_order() {
    let reward = Reward::lognormal(0.05, 2.0).unwrap();
    let p = Process::new(vec![1, 5], 94, 1e-4, reward, Remint::Others, 500).unwrap();
    let whole = p.run(3, 37, 20).unwrap();
    // As threads would: ranges of runs, finished out of order, merged in run order.
    let parts = vec![
        p.run_range(3, 30..37, 20),
        p.run_range(3, 0..12, 20),
        p.run_range(3, 12..30, 20),
    ];
    assert_eq!(p.finish(parts), whole);
    assert_eq!(whole.slots.len(), 20);
    assert!(whole.holders[1].reward_mean > 0.0);
}

#[test]
fn process_simulation_agrees_with_its_closed_forms() {
    for remint in [Remint::SameHolder, Remint::Others] {
        let reward = Reward::exponential(1.0).unwrap();
        let p = Process::new(vec![5, 15], 30, 0.002, reward, remint, 3000).unwrap();
        let r = p.run(77, 400, 50).unwrap();
        for h in &r.holders {
            let z = (h.value_mean - h.value_expected) / h.value_std_error;
            assert!(z.abs() < 4.5, "{remint:?}: {h:?} z = {z}");
        }
        assert_eq!(r.cumulative_value.len(), 2);
        assert_eq!(r.slots.last(), Some(&3000));
    }
}

#[test]
fn pool_risk_falls_as_one_over_root_m() {
    let mc = TicketMonteCarlo::new(50.0, 0.01, Reward::exponential(1.0).unwrap(), 0).unwrap();
    let pts = pool_risk(&mc, &[1, 4, 16, 64], 4000, 3).unwrap();
    for p in &pts {
        assert!((p.sd_estimate / p.sd - 1.0).abs() < 0.08, "{p:?}");
    }
    assert!((pts[0].sd / pts[2].sd - 4.0).abs() < 1e-12);
}

#[test]
fn pool_tickets_drawn_a_part_at_a_time_give_the_same_bits() {
    for reward in rewards() {
        let mc = TicketMonteCarlo::new(200.0, 0.01, reward, 2).unwrap();
        let sizes = [1, 2, 8, 64];
        let whole = grouped_pool_risk(&mc, &sizes, 5000, 11).unwrap();
        let mut s = mc.pool_stream(11, 0);
        let mut values = Vec::new();
        for part in [1000, 7, 2993, 1000] {
            values.extend((0..part).map(|_| mc.pool_ticket(&mut s)));
        }
        let parts = grouped_from_values(&mc, &sizes, &values).unwrap();
        assert_eq!(format!("{whole:?}"), format!("{parts:?}"));
        assert_eq!(values, mc.pool_means(11, 0, 1, 5000));
    }
}

#[test]
fn parts_absorbed_into_one_give_the_same_bits() {
    for reward in rewards() {
        let mc = TicketMonteCarlo::new(300.0, 0.01, reward, 1).unwrap();
        let samples = 5 * BLOCK + 77;
        let parts: Vec<_> = [0..2, 2..3, 3..6]
            .into_iter()
            .map(|r| mc.run_blocks(9, r, samples))
            .collect();
        let separate = mc.finish(parts.clone());
        let mut parts = parts.into_iter();
        let mut one = parts.next().unwrap();
        parts.for_each(|p| one.absorb(p));
        assert_eq!(format!("{:?}", mc.finish(vec![one])), format!("{separate:?}"));
        assert_eq!(format!("{separate:?}"), format!("{:?}", mc.run(9, samples)));
    }
}
