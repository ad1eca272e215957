//! The ET-Simulation study's default scenario (SPEC §4.1) against the study's reported
//! numbers: HHI of slots won ≈ 3,000–5,000 under the auctions, ≈ 1,100 under EIP-1559;
//! protocol share 40–77 % depending on the rule. Means over 50 runs of 500 slots.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::assert_rel;
use et_engine::primary::{
    et_simulation, Assignment, Holder, Initial, Market, MarketConfig, Options, Pricing, PricingRule, Rules, Totals,
};
use et_engine::rewards::Reward;

fn totals(rule: PricingRule) -> Totals {
    let (cfg, opts) = et_simulation(rule, 500, 50, 2025);
    Market::with_options(cfg, opts).unwrap().simulate().totals
}

#[test]
fn auctions_concentrate_slots_won_as_in_the_study() {
    for rule in [PricingRule::FirstPrice, PricingRule::SecondPrice] {
        let t = totals(rule);
        assert!(
            (3_000.0..=5_000.0).contains(&t.won_hhi),
            "{rule:?}: won HHI {}",
            t.won_hhi
        );
        // The study's top is 77 %; first-price lands at 78 % here (a point above).
        assert!(
            (0.70..=0.80).contains(&t.capture),
            "{rule:?}: protocol share {}",
            t.capture
        );
        assert_eq!(t.idle_slots, 0.0, "{rule:?}: the book stays full");
    }
}

#[test]
fn the_amm_captures_within_the_studys_range() {
    let t = totals(PricingRule::BondingCurve);
    assert!((0.40..=0.77).contains(&t.capture), "protocol share {}", t.capture);
    assert!((3_000.0..=6_000.0).contains(&t.won_hhi), "won HHI {}", t.won_hhi);
}

/// EIP-1559 spreads slots won as in the study (HHI ≈ 1,100), but its protocol share is
/// about 22 %, below the study's 40 %: the price, updated before and after each slot's
/// sales by `(H − N/2)/(8 · N/2)`, runs away (×1.27 a slot at `H = N`) while more than
/// `N/2` tickets are held; no one buys for tens of slots, the book drains below 32, and
/// whole epochs go idle (about a fifth of the slots) whose rewards count in the
/// denominator. With per-slot draws (no idle slots) the share is still 26 %; with one
/// update a slot (after the sales, SPEC §4's timing) it is 35 %: the double update is the
/// main cause. The study's public `purchase_functions.py` updates twice a slot as well,
/// on the held, unredeemed count: we keep the rule as SPEC §4.1 states it rather than
/// tune it (docs/models.md, "EIP-1559 reading").
#[test]
fn eip1559_spreads_slots_won_as_in_the_study() {
    let t = totals(PricingRule::Eip1559);
    assert!((900.0..=1_300.0).contains(&t.won_hhi), "won HHI {}", t.won_hhi);
    assert!((0.15..=0.30).contains(&t.capture), "protocol share {}", t.capture);
    assert!(t.idle_slots > 50.0, "idle slots {}", t.idle_slots);
}

/// The study's EIP-1559 slot by hand (SPEC §4.1; the study's `purchase_tickets_EIP_1559`):
/// `N = 20` (target 10, `q = 8`, at most 4 sales), 10 initial tickets, one holder valuing
/// a ticket at `w = 0.796 · 25 = 19.9` with the cash. Slot 0 redeems one ticket (`H = 9`);
/// before the sales `p = 20 (1 − 1/80) = 19.75 < w`, so 4 tickets sell at 19.75 (`H = 13`);
/// after them `p = 19.75 (1 + 3/80) = 20.490625`. (With one update a slot, after the
/// sales, nothing sells at 20 and 19.75 is posted; testing `w` against the price before
/// the update, 20, as the study's code does, would sell none either.)
#[test]
fn eip1559_updates_the_price_before_and_after_the_sales_on_the_held_count() {
    let cfg = MarketConfig {
        max_tickets: 20,
        slots: 1,
        runs: 1,
        seed: 3,
        reward: Reward::constant(25.0).unwrap(),
        volatility: None,
        pricing: Pricing::Eip1559 {
            initial: 20.0,
            target: 10.0,
            quotient: 8.0,
            max_sales: 4,
        },
        holders: vec![Holder {
            budget: 1000.0,
            capture: 0.796,
            discount: 0.0,
            margin: 0.0,
        }],
        expiry: None,
        refund: 0.0,
        jit_resale: false,
        points: 1,
    };
    let opts = Options {
        assignment: Assignment::PerSlot,
        initial: Some(Initial {
            count: 10,
            price: 0.0,
            even_only: false,
        }),
        rules: Rules::Study,
        ..Options::default()
    };
    let r = Market::with_options(cfg, opts).unwrap().simulate();
    assert_eq!(r.totals.sold, 4.0);
    assert_rel(r.totals.revenue, 4.0 * 19.75, 1e-12, "revenue");
    assert_rel(r.quote.mean[0], 20.490625, 1e-12, "price after the slot");
    assert_eq!(r.outstanding.mean[0], 13.0);
}

/// A fingerprint of the study's default under each rule (constant bids, no sell-back, no
/// resale: the one-pass auction and the buy-only AMM), the same bits on every target.
#[test]
fn study_default_fingerprint_is_identical_natively_and_in_wasm() {
    let fold = |xs: &[f64]| xs.iter().fold(0u64, |h, v| h.rotate_left(5) ^ v.to_bits());
    let mut prints = Vec::new();
    for rule in [
        PricingRule::FirstPrice,
        PricingRule::SecondPrice,
        PricingRule::Eip1559,
        PricingRule::BondingCurve,
    ] {
        let (mut cfg, opts) = et_simulation(rule, 400, 2, 42);
        cfg.points = 40;
        let r = Market::with_options(cfg, opts).unwrap().simulate();
        prints.push(format!(
            "{:016x} {:016x} {:016x}",
            fold(&r.protocol_revenue.mean),
            fold(&r.won_hhi.mean),
            fold(&r.quote.mean)
        ));
    }
    assert_eq!(
        prints.join("\n"),
        include_str!("market_study_fingerprint.txt").trim(),
        "update tests/market_study_fingerprint.txt only if the simulation changed on purpose"
    );
}
