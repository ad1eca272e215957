//! The Mechanisms page's "Mainnet builders, Oct 2023 – Apr 2024" preset
//! ([`MAINNET_BUILDERS`]) against the data: the fit re-run from the builders' shares of
//! blocks in `fixtures/mainnet_summary.json` (computed from the source CSV by
//! `scripts/mainnet_fixture.py`) gives the preset's captures to their printed digits, and
//! an independent Monte Carlo of the block auction with the preset reproduces every
//! target share within 2 percentage points.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use et_engine::choice::Choice;
use et_engine::mechanisms::fit::{block_shares, fit_block_shares, mainnet_captures, MAINNET_BUILDERS, MAINNET_SPREAD};
use et_engine::mechanisms::run::{total, BLOCK};
use et_engine::mechanisms::{Mechanism, SlotModel};
use et_engine::rewards::Reward;
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/mainnet_summary.json");

/// The whole range's builders with at least 1 % of the blocks, then the rest as one.
fn targets() -> (Vec<String>, Vec<f64>) {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let w = &fixture["windows"][0];
    assert_eq!(w["name"], "whole range");
    let builders = w["summary"]["builders"].as_array().unwrap();
    let (mut names, mut shares) = (Vec::new(), Vec::new());
    for b in builders {
        let s = b["share"].as_f64().unwrap();
        if s >= 0.01 {
            names.push(b["name"].as_str().unwrap().to_string());
            shares.push(s);
        }
    }
    let rest = builders.len() - names.len();
    names.push(format!("the other {rest} builders"));
    shares.push(1.0 - shares.iter().sum::<f64>());
    (names, shares)
}

fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

#[test]
fn the_fit_from_the_data_gives_the_preset() {
    let (names, shares) = targets();
    let f = fit_block_shares(&shares, MAINNET_SPREAD).unwrap();
    for i in 0..names.len() {
        eprintln!(
            "{:>22}  target {:.4}  capture {:.6}  share {:.6}",
            names[i], shares[i], f.captures[i], f.shares[i]
        );
    }
    eprintln!("{} iterations", f.iterations);
    assert_eq!(names.len(), MAINNET_BUILDERS.len());
    for (i, b) in MAINNET_BUILDERS.iter().enumerate() {
        assert_eq!(b.name, names[i]);
        assert_eq!(b.share, round4(shares[i]), "{}", b.name);
        assert_eq!(b.capture, round4(f.captures[i]), "{}", b.name);
    }
    // The printed captures still give each share within 0.05 points.
    let rounded = block_shares(&mainnet_captures(), MAINNET_SPREAD, 0.0);
    for (s, t) in rounded.iter().zip(&shares) {
        assert!((s - t).abs() < 5e-4, "{s} vs {t}");
    }
}

#[test]
fn the_block_auction_reproduces_the_shares_within_two_points() {
    let (names, shares) = targets();
    // Any reward law: who builds does not depend on R.
    let mut m = SlotModel::new(Reward::lognormal(0.05, 0.15).unwrap(), mainnet_captures()).unwrap();
    m.spread = MAINNET_SPREAD;
    let slots: u64 = 400_000;
    let blocks = m.run_blocks(&m.prices().unwrap(), 20_240_409, 0..slots.div_ceil(BLOCK), slots);
    let sums = &total(&blocks, m.captures.len()).mechanisms[Mechanism::BlockAuction.index()];
    assert_eq!(sums.local, 0);
    let built = &sums.built;
    let exact = block_shares(&mainnet_captures(), MAINNET_SPREAD, 0.0);
    for i in 0..shares.len() {
        let s = built[i] as f64 / slots as f64;
        let se = (exact[i] * (1.0 - exact[i]) / slots as f64).sqrt();
        eprintln!("{:>22}  target {:.4}  simulated {:.4}", names[i], shares[i], s);
        assert!((s - shares[i]).abs() < 0.02, "{}: {s} vs {}", names[i], shares[i]);
        assert!(
            (s - exact[i]).abs() < 5.0 * se,
            "{}: {s} vs closed form {}",
            names[i],
            exact[i]
        );
    }
}
