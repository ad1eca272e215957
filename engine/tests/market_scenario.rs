//! The primary market's ET-Simulation options (SPEC §4.1) against hand-checkable cases.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::assert_rel;
use et_engine::numeric::random::{stream, Source};
use et_engine::primary::{
    draw_population, et_simulation, won_concentration, Assignment, Drawn, Holder, Initial, Market, MarketConfig,
    Options, Pricing, PricingRule, Rules, Strategy,
};
use et_engine::rewards::Reward;

fn holder(budget: f64, capture: f64) -> Holder {
    Holder {
        budget,
        capture,
        discount: 0.0,
        margin: 0.0,
    }
}

fn config(holders: Vec<Holder>, pricing: Pricing, max_tickets: u64, slots: u64) -> MarketConfig {
    MarketConfig {
        max_tickets,
        slots,
        runs: 1,
        seed: 7,
        reward: Reward::constant(1.0).unwrap(),
        volatility: None,
        pricing,
        holders,
        expiry: None,
        refund: 0.0,
        jit_resale: false,
        points: slots,
    }
}

fn epoch() -> Options {
    Options {
        assignment: Assignment::Epoch,
        ..Options::default()
    }
}

#[test]
fn epoch_assignment_gives_a_ticket_at_most_one_slot_and_empty_slots_pay_no_one() {
    // One holder with cash for 10 tickets at price 1, earning 1 a win. N = 100 > 64:
    // epoch 0 has no ticket (32 idle slots); each later epoch assigns the 10 tickets
    // bought meanwhile to its first 10 slots (22 idle), and every win buys one more.
    let cfg = config(vec![holder(10.0, 1.0)], Pricing::Fixed { price: 1.0 }, 100, 96);
    let r = Market::with_options(cfg, epoch()).unwrap().simulate();
    assert_eq!(r.totals.idle_slots, 32.0 + 22.0 + 22.0);
    assert_eq!(r.holders[0].mean.wins, 20.0);
    assert!(r.holders[0].mean.wins <= r.holders[0].mean.bought, "a ticket wins once");
    assert_eq!(r.holders[0].mean.built, 20.0, "idle slots pay no one");
    assert_eq!(r.totals.rewards, 96.0);
    // N ≤ 64: an empty slot takes a random unassigned held ticket; only slot 0 is idle.
    let cfg = config(vec![holder(10.0, 1.0)], Pricing::Fixed { price: 1.0 }, 64, 96);
    let r = Market::with_options(cfg, epoch()).unwrap().simulate();
    assert_eq!(r.totals.idle_slots, 1.0);
    assert_eq!(r.holders[0].mean.wins, 95.0);
}

#[test]
fn the_initial_allocation_is_paid_from_budgets_but_is_not_revenue() {
    let opts = Options {
        initial: Some(Initial {
            count: 50,
            price: 3.0,
            even_only: false,
        }),
        ..Options::default()
    };
    // A posted price of 100 that no one pays: only the initial tickets exist.
    let holders = vec![holder(100.0, 0.5), holder(100.0, 0.5)];
    let r = Market::with_options(config(holders, Pricing::Fixed { price: 100.0 }, 50, 10), opts)
        .unwrap()
        .simulate();
    assert_eq!((r.totals.revenue, r.totals.sold, r.totals.capture), (0.0, 0.0, 0.0));
    let spent: f64 = r.holders.iter().map(|h| h.mean.spent).sum();
    let bought: f64 = r.holders.iter().map(|h| h.mean.bought).sum();
    assert_eq!((spent, bought), (150.0, 50.0));
    assert_eq!(r.totals.idle_slots, 0.0);
}

#[test]
fn even_only_hands_out_the_even_numbered_initial_tickets_to_any_holder() {
    // The study's start under EIP-1559 and the AMM: of tickets 1 to 20 only 2, 4, …, 20
    // are handed out (10), each to a random holder; the odd ones stay on sale (here at a
    // price nobody pays).
    let opts = Options {
        initial: Some(Initial {
            count: 20,
            price: 1.0,
            even_only: true,
        }),
        ..Options::default()
    };
    let holders = vec![holder(100.0, 0.5); 4];
    let r = Market::with_options(config(holders, Pricing::Fixed { price: 100.0 }, 20, 1), opts)
        .unwrap()
        .simulate();
    let bought: Vec<f64> = r.holders.iter().map(|h| h.mean.bought).collect();
    assert_eq!(bought.iter().sum::<f64>(), 10.0, "{bought:?}");
    assert!(
        bought[1] + bought[3] > 0.0,
        "odd-indexed holders get tickets too: {bought:?}"
    );
    assert_eq!(r.totals.revenue, 0.0, "not revenue");
}

#[test]
fn a_drawn_population_is_reproducible_from_its_seed_and_follows_the_tiers() {
    let draw = |seed| draw_population(10, 1.0, &mut Source::new(stream(seed, 0)));
    let (a, s) = draw(11);
    assert_eq!((a.clone(), s.clone()), draw(11));
    assert_ne!(a, draw(12).0);
    let tier = |k: usize| match k {
        0..=2 => ((0.85, 0.95), (400.0, 1000.0)),
        3..=6 => ((0.75, 0.85), (300.0, 700.0)),
        _ => ((0.6, 0.75), (200.0, 500.0)),
    };
    for (k, h) in a.iter().enumerate() {
        let ((c0, c1), (b0, b1)) = tier(k);
        assert!(
            (c0..=c1).contains(&h.capture) && (b0..=b1).contains(&h.budget),
            "holder {k}: {h:?}"
        );
        assert!(h.margin > 0.0 && h.discount == 0.0 && s[k] > 0.0);
    }
    // A market with a drawn population repeats itself under the same seed.
    let (cfg, opts) = et_simulation(PricingRule::SecondPrice, 300, 3, 5);
    let run = || Market::with_options(cfg.clone(), opts).unwrap().simulate();
    assert_eq!(run(), run());
}

#[test]
fn won_slot_hhi_and_nakamoto_match_their_definitions() {
    let (cfg, opts) = et_simulation(PricingRule::FirstPrice, 500, 1, 9);
    let r = Market::with_options(cfg, opts).unwrap().simulate();
    let wins: Vec<f64> = r.holders.iter().map(|h| h.mean.wins).collect();
    let total: f64 = wins.iter().sum();
    assert_eq!(total, 500.0 - r.totals.idle_slots);
    let hhi: f64 = wins.iter().map(|w| (100.0 * w / total).powi(2)).sum();
    assert_rel(r.totals.won_hhi, hhi, 1e-12, "HHI = Σ (100 s_k)²");
    let mut sorted = wins.clone();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let (mut acc, mut nakamoto) = (0.0, 0);
    while acc < 0.51 * total {
        acc += sorted[nakamoto];
        nakamoto += 1;
    }
    assert_eq!(r.totals.won_nakamoto, nakamoto as f64);
    assert_eq!(*r.won_hhi.mean.last().unwrap(), r.totals.won_hhi);
    let c = won_concentration(&[2, 1, 1]);
    assert_eq!((c.hhi, c.nakamoto), (10_000.0 * (0.25 + 0.0625 + 0.0625), 2.0));
}

#[test]
fn sell_back_pays_the_price_less_the_fee() {
    // One holder values a ticket at 0.1 and holds 5 (free) tickets; under the study's
    // curve P = e^(H/10) (base 1, slope 1, N = 10) it sells back every unassigned one at
    // P (1 − r): after slot 0's draw, at H = 4, 3, 2, 1.
    let opts = Options {
        initial: Some(Initial {
            count: 5,
            price: 0.0,
            even_only: false,
        }),
        rules: Rules::Study,
        sell_back: Some(0.25),
        ..Options::default()
    };
    let pricing = Pricing::BondingCurve { base: 1.0, slope: 1.0 };
    let r = Market::with_options(config(vec![holder(0.0, 0.1)], pricing, 10, 3), opts)
        .unwrap()
        .simulate();
    let paid: f64 = [4.0, 3.0, 2.0, 1.0].iter().map(|h: &f64| (h / 10.0).exp() * 0.75).sum();
    assert_rel(r.holders[0].mean.refunds, paid, 1e-12, "sell-backs at P(1 − r)");
    assert_rel(r.totals.revenue, -paid, 1e-12, "paid by the protocol");
    assert_eq!(
        (r.totals.sold, r.holders[0].mean.wins, r.totals.idle_slots),
        (0.0, 1.0, 2.0)
    );
}

#[test]
fn a_resale_moves_a_ticket_at_the_second_highest_bid() {
    // Only holder 0 affords the one initial ticket (price 5). In slot 0's resale it
    // offers it; bids min(value, cash) = 0.2 (its own), 0.9, 0.5: holder 1 buys at 0.5,
    // then builds the slot.
    let holders = vec![holder(10.0, 0.2), holder(4.0, 0.9), holder(4.0, 0.5)];
    let opts = Options {
        initial: Some(Initial {
            count: 1,
            price: 5.0,
            even_only: false,
        }),
        resale: true,
        ..Options::default()
    };
    let r = Market::with_options(config(holders, Pricing::Fixed { price: 100.0 }, 10, 1), opts)
        .unwrap()
        .simulate();
    let h = &r.holders;
    assert_eq!((h[0].mean.resale, h[1].mean.resale, h[2].mean.resale), (0.5, -0.5, 0.0));
    assert_eq!((h[0].mean.wins, h[1].mean.wins), (0.0, 1.0));
    assert_rel(h[1].mean.built, 0.9, 1e-12, "the buyer builds");
}

#[test]
fn strategies_bid_as_described() {
    // Two holders under second price with the naive strategy value a ticket alike
    // (μ(1 − m) = 1), so each sale clears at 1 whoever wins.
    let opts = Options {
        strategy: Strategy::Naive,
        rules: Rules::Study,
        ..Options::default()
    };
    let holders = vec![holder(1e6, 0.9), holder(1e6, 0.3)];
    let r = Market::with_options(config(holders, Pricing::SecondPrice { reserve: 0.0 }, 5, 50), opts)
        .unwrap()
        .simulate();
    assert_rel(r.totals.revenue, r.totals.sold, 1e-12, "every ticket at 1");
    // Study rules: first-price is not shaded (the winner pays its full value 0.9).
    let opts = Options {
        rules: Rules::Study,
        ..Options::default()
    };
    let holders = vec![holder(1e6, 0.9), holder(1e6, 0.3)];
    let r = Market::with_options(config(holders, Pricing::FirstPrice { reserve: 0.0 }, 5, 50), opts)
        .unwrap()
        .simulate();
    assert_rel(r.totals.revenue, 0.9 * r.totals.sold, 1e-12, "unshaded first price");
}

#[test]
fn bad_options_name_their_field() {
    let cfg = config(vec![holder(1.0, 0.5)], Pricing::Fixed { price: 1.0 }, 10, 10);
    let with = |o: Options| Market::with_options(cfg.clone(), o).unwrap_err().field().to_string();
    let init = |count, price| Options {
        initial: Some(Initial {
            count,
            price,
            even_only: false,
        }),
        ..Options::default()
    };
    assert_eq!(with(init(1, -1.0)), "initial.price");
    assert_eq!(with(init(11, 1.0)), "initial.count");
    let drawn = Options {
        drawn: Some(Drawn {
            count: 0,
            capture_spread: 1.0,
        }),
        ..Options::default()
    };
    assert_eq!(with(drawn), "holders.count");
    let sell = Options {
        sell_back: Some(2.0),
        ..Options::default()
    };
    assert_eq!(with(sell), "sellBack");
}

/// A fingerprint of fixed runs with every new random element (drawn population, epoch
/// assignment, market volatility, random and conservative bids, resale, sell-back,
/// expiry): the same bits on every target. `market_fingerprint.txt` stays for SPEC §4.
#[test]
fn scenario_fingerprint_is_identical_natively_and_in_wasm() {
    let fold = |xs: &[f64]| xs.iter().fold(0u64, |h, v| h.rotate_left(5) ^ v.to_bits());
    let mut prints = Vec::new();
    for (rule, strategy) in [
        (PricingRule::SecondPrice, Strategy::Random),
        (PricingRule::FirstPrice, Strategy::Conservative),
        (PricingRule::Eip1559, Strategy::Value),
        (PricingRule::BondingCurve, Strategy::Shaded),
    ] {
        let (mut cfg, mut opts) = et_simulation(rule, 400, 2, 42);
        cfg.expiry = Some(96);
        cfg.refund = 0.5;
        cfg.points = 40;
        opts.strategy = strategy;
        opts.resale = true;
        opts.sell_back = Some(0.1);
        let r = Market::with_options(cfg, opts).unwrap().simulate();
        let profits: Vec<f64> = r.holders.iter().map(|h| h.profit).collect();
        prints.push(format!(
            "{:016x} {:016x} {:016x}",
            fold(&r.protocol_revenue.mean),
            fold(&r.won_hhi.mean),
            fold(&profits)
        ));
    }
    assert_eq!(
        prints.join("\n"),
        include_str!("market_scenario_fingerprint.txt").trim(),
        "update tests/market_scenario_fingerprint.txt only if the simulation changed on purpose"
    );
}

#[test]
fn every_rule_meets_the_same_rewards_run_by_run() {
    // Common random numbers: run r's rewards, regime and market volatility come from a
    // stream of their own, so rules compare run by run (the paired differences).
    let rewards = |rule| {
        let (cfg, opts) = et_simulation(rule, 300, 3, 11);
        let m = Market::with_options(cfg, opts).unwrap();
        (0..3).map(|r| m.run(r).totals.rewards).collect::<Vec<_>>()
    };
    let first = rewards(PricingRule::SecondPrice);
    for &rule in <PricingRule as et_engine::choice::Choice>::ALL {
        assert_eq!(rewards(rule), first, "{rule:?}");
    }
    assert!(first[0] != first[1], "runs differ");
}
