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
    // 79 % here, about a point above the study's top of 77 %, like first-price.
    assert!((0.70..=0.80).contains(&t.capture), "protocol share {}", t.capture);
    assert!((3_000.0..=6_000.0).contains(&t.won_hhi), "won HHI {}", t.won_hhi);
}

/// EIP-1559 as in the study: slots won spread (HHI ≈ 1,100) and a protocol share inside
/// the study's range (~46 % at 500 slots). Two readings of the study's notebook set it:
/// only the even-numbered of the 99 initial tickets are handed out (49 held at the start,
/// at the target `N/2`), and a buyer qualifies against the price before the slot's first
/// update while paying the updated one; the one-slot lag makes the price swing, and some
/// epochs still go idle (docs/models.md, "EIP-1559 reading").
#[test]
fn eip1559_spreads_slots_won_and_captures_as_in_the_study() {
    let t = totals(PricingRule::Eip1559);
    assert!((900.0..=1_300.0).contains(&t.won_hhi), "won HHI {}", t.won_hhi);
    assert!((0.40..=0.55).contains(&t.capture), "protocol share {}", t.capture);
    assert!((1.0..=60.0).contains(&t.idle_slots), "idle slots {}", t.idle_slots);
}

/// The study's EIP-1559 slot by hand (SPEC §4.1; the study's `purchase_tickets_EIP_1559`):
/// `N = 20` (target 10, `q = 8`, at most 4 sales), 10 initial tickets, one holder with the
/// cash. Slot 0 redeems one ticket (`H = 9`); before the sales `p = 20 (1 − 1/80) = 19.75`.
/// A holder valuing a ticket at `w = 0.81 · 25 = 20.25`, above the price before the
/// update (20), buys 4 at 19.75 (`H = 13`), and after them `p = 19.75 (1 + 3/80) =
/// 20.490625`. At `w = 0.796 · 25 = 19.9` (above 19.75, below 20) nothing sells: the
/// study tests `w` against the old price; after the slot `p = 19.75 (1 − 1/80)`.
#[test]
fn eip1559_updates_the_price_before_and_after_the_sales_on_the_held_count() {
    let run = |capture: f64| {
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
                capture,
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
        Market::with_options(cfg, opts).unwrap().simulate()
    };
    let r = run(0.81);
    assert_eq!(r.totals.sold, 4.0);
    assert_rel(r.totals.revenue, 4.0 * 19.75, 1e-12, "revenue");
    assert_rel(r.quote.mean[0], 20.490625, 1e-12, "price after the slot");
    assert_eq!(r.outstanding.mean[0], 13.0);
    let r = run(0.796);
    assert_eq!((r.totals.sold, r.outstanding.mean[0]), (0.0, 9.0));
    assert_rel(
        r.quote.mean[0],
        19.75 * (1.0 - 1.0 / 80.0),
        1e-12,
        "price after an idle slot",
    );
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
