//! The resale market among holders (SPEC §4.1) under the settings its fast paths depend
//! on: constant bids with and without expiry, epoch assignment with `N` above and below
//! 64 (the fill-in of empty slots), per-slot draws, drawn bids. A fingerprint of every
//! run's flows, the same bits on every target.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use et_engine::primary::{
    et_simulation, study_pricing, Assignment, Market, MarketConfig, Options, PricingRule, Strategy,
};

/// The study's default (400 slots, 3 runs, seed 42) with resale, changed by `edit`.
fn print(rule: PricingRule, edit: impl Fn(&mut MarketConfig, &mut Options)) -> String {
    let fold = |xs: &mut dyn Iterator<Item = f64>| xs.fold(0u64, |h, v| h.rotate_left(5) ^ v.to_bits());
    let (mut cfg, mut opts) = et_simulation(rule, 400, 3, 42);
    opts.resale = true;
    edit(&mut cfg, &mut opts);
    let m = Market::with_options(cfg, opts).unwrap();
    let runs: Vec<_> = (0..3).map(|r| m.run(r)).collect();
    let flows = fold(&mut runs.iter().flat_map(|s| {
        s.holders
            .iter()
            .flat_map(|h| [h.resale, h.built, h.spent, h.wins, h.tickets, h.refunds])
    }));
    let series = fold(&mut runs.iter().flat_map(|s| s.revenue.iter().chain(&s.won_hhi).copied()));
    let totals = fold(
        &mut runs
            .iter()
            .flat_map(|s| [s.totals.revenue, s.totals.sold, s.totals.capture]),
    );
    format!("{flows:016x} {series:016x} {totals:016x}")
}

#[test]
fn resale_fingerprint_is_identical_natively_and_in_wasm() {
    let mut prints = Vec::new();
    // The study's default with resale under each rule (constant bids, no expiry).
    for rule in [
        PricingRule::FirstPrice,
        PricingRule::SecondPrice,
        PricingRule::Eip1559,
        PricingRule::BondingCurve,
    ] {
        prints.push(print(rule, |_, _| {}));
    }
    // N = 48 (empty slots filled in from the unassigned tickets), shaded bids.
    prints.push(print(PricingRule::SecondPrice, |cfg, opts| {
        cfg.max_tickets = 48;
        cfg.pricing = study_pricing(PricingRule::SecondPrice, 48);
        opts.initial.as_mut().unwrap().count = 47;
        opts.strategy = Strategy::Shaded;
    }));
    // Per-slot draws; naive bids (all alike: ties).
    prints.push(print(PricingRule::FirstPrice, |_, opts| {
        opts.assignment = Assignment::PerSlot;
        opts.strategy = Strategy::Naive;
    }));
    // Expiry (unassigned tickets valued by their chance before it) with constant bids.
    prints.push(print(PricingRule::SecondPrice, |cfg, _| {
        cfg.expiry = Some(80);
        cfg.refund = 0.5;
    }));
    // Drawn bids, with and without expiry.
    prints.push(print(PricingRule::SecondPrice, |_, opts| {
        opts.strategy = Strategy::Random
    }));
    prints.push(print(PricingRule::FirstPrice, |cfg, opts| {
        cfg.expiry = Some(64);
        opts.strategy = Strategy::Conservative;
    }));
    assert_eq!(
        prints.join("\n"),
        include_str!("market_resale_fingerprint.txt").trim(),
        "update tests/market_resale_fingerprint.txt only if the simulation changed on purpose"
    );
}
