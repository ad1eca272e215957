//! The primary market (SPEC §4) against hand-checkable cases.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::assert_rel;
use et_engine::primary::{preset, Holder, Market, MarketConfig, Preset, Pricing, Volatility};
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

#[test]
fn one_holder_buys_every_ticket_and_the_protocol_captures_the_prices() {
    for pricing in [Pricing::Fixed { price: 0.6 }, Pricing::SecondPrice { reserve: 0.6 }] {
        let (n, slots) = (10, 1000);
        let m = Market::new(config(vec![holder(1e6, 0.9)], pricing.clone(), n, slots)).unwrap();
        let r = m.simulate();
        // Slot 1 fills the book; every later slot burns one ticket and sells one.
        let sold = (n + slots - 1) as f64;
        assert_eq!(r.totals.sold, sold, "{pricing:?}");
        assert_eq!(r.holders[0].mean.spent, r.totals.revenue);
        assert_rel(r.totals.revenue, 0.6 * sold, 1e-12, "revenue = prices paid");
        assert_rel(r.totals.capture, 0.6 * sold / slots as f64, 1e-12, "capture");
        assert_rel(r.holders[0].mean.built, 0.9 * (slots - 1) as f64, 1e-12, "built");
        assert!(r.top_share.mean.iter().all(|&s| s == 1.0));
        assert!(r.hhi.mean.iter().all(|&h| h == 10_000.0));
        assert!(r.nakamoto.mean.iter().all(|&k| k == 1.0));
        assert_eq!(r.totals.idle_slots, 1.0, "the first slot has no ticket yet");
    }
}

#[test]
fn equal_valuations_under_second_price_split_and_pay_their_valuation() {
    let slots = 20_000;
    let m = Market::new(config(
        vec![holder(1e9, 0.8), holder(1e9, 0.8)],
        Pricing::SecondPrice { reserve: 0.0 },
        4,
        slots,
    ))
    .unwrap();
    let w = m.valuations()[0];
    assert_eq!(w, 0.8 / (4.0 * 0.0 + 1.0));
    let r = m.simulate();
    for &p in &r.price.mean {
        assert_rel(p, w, 1e-12, "every ticket at the common valuation");
    }
    let bought = r.holders[0].mean.bought;
    let total = r.totals.sold;
    // Ties go to a fair coin: five standard deviations of Binomial(total, 1/2).
    assert!(
        (bought - total / 2.0).abs() < 5.0 * (total / 4.0).sqrt(),
        "{bought} of {total}"
    );
    assert_rel(r.totals.revenue, w * total, 1e-12, "revenue");
}

#[test]
fn the_highest_valuation_ends_with_every_ticket_under_second_price() {
    let holders = vec![holder(10.0, 0.7), holder(1e6, 0.9), holder(1e6, 0.8)];
    let m = Market::new(config(holders, Pricing::SecondPrice { reserve: 0.0 }, 50, 2000)).unwrap();
    let w = m.valuations().to_vec();
    let r = m.simulate();
    assert_eq!(r.holders[1].mean.tickets, 50.0);
    assert_eq!(r.holders[1].mean.bought, r.totals.sold);
    assert_eq!(r.totals.top_share, 1.0);
    assert_eq!(r.totals.hhi, 10_000.0);
    // It pays the runner-up's valuation for each ticket.
    assert_rel(
        r.holders[1].mean.spent,
        w[2] * r.totals.sold,
        1e-12,
        "pays the second-highest",
    );
}

#[test]
fn a_budget_caps_the_bid() {
    // The top holder can afford 0.5 of its 0.9 valuation at first: the runner-up (0.8)
    // outbids it until it has earned enough.
    let holders = vec![holder(0.5, 0.9), holder(1e6, 0.8)];
    let m = Market::new(config(holders, Pricing::SecondPrice { reserve: 0.0 }, 1, 3)).unwrap();
    let r = m.simulate();
    assert_eq!(r.holders[1].mean.bought, 3.0);
    assert_rel(r.holders[1].mean.spent, 1.5, 1e-12, "pays the capped bid 0.5 each");
}

#[test]
fn first_price_bids_shade_by_the_number_of_bidders() {
    let holders = vec![holder(1e6, 0.9), holder(1e6, 0.8), holder(1e6, 0.6)];
    let m = Market::new(config(holders, Pricing::FirstPrice { reserve: 0.0 }, 3, 100)).unwrap();
    let r = m.simulate();
    assert_eq!(r.holders[0].mean.bought, r.totals.sold);
    assert_rel(
        r.holders[0].mean.spent,
        0.9 * 2.0 / 3.0 * r.totals.sold,
        1e-12,
        "bid w(K'−1)/K'",
    );
}

#[test]
fn eip1559_price_rises_above_target_and_falls_below() {
    let holders = (0..10).map(|i| holder(1e6, 0.5 + 0.05 * i as f64)).collect();
    let pricing = Pricing::Eip1559 {
        initial: 0.1,
        target: 50.0,
        quotient: 8.0,
        max_sales: 4,
    };
    let r = Market::new(config(holders, pricing, 100, 3000)).unwrap().simulate();
    let (p, held) = (&r.quote.mean, &r.outstanding.mean);
    let (mut up, mut down) = (0, 0);
    for t in 0..p.len() - 1 {
        let expected = p[t] * (1.0 + (held[t] - 50.0) / (50.0 * 8.0));
        assert_rel(p[t + 1], expected, 1e-12, "update rule");
        if held[t] > 50.0 {
            assert!(p[t + 1] > p[t]);
            up += 1;
        } else if held[t] < 50.0 {
            assert!(p[t + 1] < p[t]);
            down += 1;
        }
    }
    assert!(up > 10 && down > 10, "both directions seen: {up} up, {down} down");
}

#[test]
fn bonding_curve_prices_rise_with_the_tickets_held() {
    let pricing = Pricing::BondingCurve { base: 0.1, slope: 2.0 };
    let r = Market::new(config(vec![holder(1e6, 0.9)], pricing, 20, 1))
        .unwrap()
        .simulate();
    // One slot: tickets cost 0.1 e^(2 h/20) for h = 0, 1, … while that is ≤ 0.9.
    let prices: Vec<f64> = (0..20)
        .map(|h| 0.1 * (2.0 * h as f64 / 20.0).exp())
        .take_while(|&p| p <= 0.9)
        .collect();
    assert_eq!(r.totals.sold, prices.len() as f64);
    assert_rel(r.totals.revenue, prices.iter().sum(), 1e-9, "revenue along the curve");
}

#[test]
fn expiry_burns_tickets_at_the_right_slot_and_refunds_the_stated_fraction() {
    let slots = 50;
    let mut c = config(vec![holder(1e6, 1.0)], Pricing::Fixed { price: 0.2 }, 4, slots);
    c.expiry = Some(1);
    c.refund = 0.25;
    let m = Market::new(c).unwrap();
    // Valuation times the chance of a draw within one slot: 1/4.
    assert_rel(m.valuations()[0], 0.25, 1e-15, "valuation with expiry");
    let r = m.simulate();
    // Every slot after the first: one ticket drawn, the other three bought a slot ago expire.
    let later = (slots - 1) as f64;
    assert_eq!(r.holders[0].mean.wins, later);
    assert_eq!(r.totals.expired, 3.0 * later);
    assert_eq!(r.totals.sold, 4.0 * slots as f64);
    assert_rel(r.totals.refunds, 0.25 * 0.2 * 3.0 * later, 1e-12, "refunds");
    assert_rel(
        r.totals.revenue,
        0.2 * r.totals.sold - r.totals.refunds,
        1e-12,
        "net revenue",
    );
}

#[test]
fn tickets_are_conserved_with_expiry() {
    let mut c = config(
        preset(Preset::Tiered, 10, 0.0).unwrap(),
        Pricing::Fixed { price: 5.0 },
        30,
        5000,
    );
    c.reward = Reward::exponential(20.0).unwrap();
    c.expiry = Some(40);
    let r = Market::new(c).unwrap().simulate();
    let wins: f64 = r.holders.iter().map(|h| h.mean.wins).sum();
    let held: f64 = r.holders.iter().map(|h| h.mean.tickets).sum();
    assert_eq!(r.totals.sold, wins + r.totals.expired + held);
    assert!(r.totals.expired > 0.0);
}

#[test]
fn shares_sum_to_one_and_hhi_matches_its_definition() {
    let mut c = config(
        preset(Preset::Tiered, 25, 1e-8).unwrap(),
        Pricing::Fixed { price: 0.5 },
        200,
        4000,
    );
    c.runs = 3;
    c.points = 100;
    c.reward = Reward::lognormal(1.0, 2.0).unwrap();
    let m = Market::new(c).unwrap();
    for run in 0..3 {
        let s = m.run(run);
        for j in 0..s.outstanding.len() {
            let shares: Vec<f64> = (0..25).map(|k| s.share(j, k, 25)).collect();
            assert_rel(shares.iter().sum(), 1.0, 1e-12, "shares sum to 1");
            let hhi = 10_000.0 * shares.iter().map(|x| x * x).sum::<f64>();
            assert_rel(s.hhi[j], hhi, 1e-12, "HHI");
            let top = shares.iter().cloned().fold(0.0, f64::max);
            assert_rel(s.top_share[j], top, 1e-12, "top share");
        }
    }
    let r = m.simulate();
    for j in 0..r.slots.len() {
        assert_rel(r.shares.iter().map(|s| s[j]).sum(), 1.0, 1e-12, "mean shares sum to 1");
    }
}

#[test]
fn just_in_time_resale_goes_to_the_best_builder_at_the_second_capture() {
    // The best builder's margin keeps it from buying tickets (valuation 0.045 < 0.1).
    let best = Holder {
        margin: 0.95,
        ..holder(0.0, 0.9)
    };
    let mut c = config(vec![best, holder(1e6, 0.6)], Pricing::Fixed { price: 0.1 }, 3, 101);
    c.jit_resale = true;
    let r = Market::new(c).unwrap().simulate();
    let (a, b) = (&r.holders[0].mean, &r.holders[1].mean);
    assert_eq!(b.bought, r.totals.sold, "only the second can pay");
    assert_rel(a.built, 0.9 * 100.0, 1e-12, "the best builder builds every slot");
    assert_rel(a.resale, -0.6 * 100.0, 1e-12, "paying the second-highest capture");
    assert_rel(b.resale, 0.6 * 100.0, 1e-12, "which the ticket holder receives");
    assert_eq!(b.built, 0.0);
}

#[test]
fn the_volatility_regime_keeps_the_mean_reward() {
    let mut c = config(vec![holder(1e6, 0.9)], Pricing::Fixed { price: 0.1 }, 10, 200_000);
    c.volatility = Some(Volatility {
        persistence: 0.9,
        volatility: 0.3,
    });
    c.points = 10;
    let r = Market::new(c).unwrap().simulate();
    let mean = r.totals.rewards / 200_000.0;
    assert!((mean - 1.0).abs() < 0.04, "mean reward {mean}");
}

#[test]
fn the_same_seed_reproduces_the_same_series() {
    let mut c = config(
        preset(Preset::Tiered, 20, 1e-8).unwrap(),
        Pricing::Fixed { price: 0.3 },
        64,
        3000,
    );
    c.reward = Reward::pareto(1.0, 2.5).unwrap();
    c.runs = 4;
    c.points = 300;
    let m = Market::new(c.clone()).unwrap();
    let a = m.simulate();
    assert_eq!(a, Market::new(c.clone()).unwrap().simulate());
    // Runs shared out in any order aggregate alike.
    let runs = (0..4).rev().map(|r| m.run(r)).collect();
    assert_eq!(a, m.aggregate(runs));
    c.seed += 1;
    assert!(
        a.shares != Market::new(c).unwrap().simulate().shares,
        "another seed, other buyers"
    );
}

#[test]
fn bad_input_names_its_field() {
    let base = config(vec![holder(1.0, 0.5)], Pricing::Fixed { price: 0.1 }, 10, 10);
    let field = |f: &dyn Fn(&mut MarketConfig)| {
        let mut c = base.clone();
        f(&mut c);
        Market::new(c).unwrap_err().field().to_string()
    };
    assert_eq!(field(&|c| c.holders.clear()), "holders");
    assert_eq!(field(&|c| c.max_tickets = 0), "maxTickets");
    assert_eq!(field(&|c| c.holders[0].capture = 0.0), "holders[0].capture");
    assert_eq!(field(&|c| c.holders[0].capture = 1.5), "holders[0].capture");
    assert_eq!(field(&|c| c.holders.push(holder(-1.0, 0.5))), "holders[1].budget");
    assert_eq!(field(&|c| c.holders[0].margin = 1.0), "holders[0].margin");
    assert_eq!(field(&|c| c.refund = 1.5), "refund");
    assert_eq!(field(&|c| c.expiry = Some(0)), "expiry");
    assert_eq!(field(&|c| c.slots = 0), "slots");
    assert_eq!(
        field(&|c| {
            c.slots = 1_000_000;
            c.points = 100_000;
            c.holders = vec![holder(1.0, 0.5); 1000];
        }),
        "points"
    );
    assert_eq!(
        field(&|c| c.pricing = Pricing::Eip1559 {
            initial: 1.0,
            target: 5.0,
            quotient: 1.0,
            max_sales: 1
        }),
        "pricing.quotient"
    );
    assert_eq!(
        field(&|c| c.pricing = Pricing::Eip1559 {
            initial: 1.0,
            target: 50.0,
            quotient: 8.0,
            max_sales: 1
        }),
        "pricing.target"
    );
    assert_eq!(preset(Preset::Tiered, 0, 0.0).unwrap_err().field(), "holders.count");
}

#[test]
fn the_tiered_preset_follows_the_spec() {
    let h = preset(Preset::Tiered, 100, 0.0).unwrap();
    assert_eq!(h.len(), 100);
    let tier = |r: std::ops::Range<usize>, c: (f64, f64), b: (f64, f64)| {
        h[r].iter()
            .all(|x| (c.0..=c.1).contains(&x.capture) && (b.0..=b.1).contains(&x.budget) && x.margin == 0.15)
    };
    assert!(tier(0..20, (0.85, 0.95), (400.0, 1000.0)));
    assert!(tier(20..60, (0.75, 0.85), (300.0, 700.0)));
    assert!(tier(60..100, (0.6, 0.75), (200.0, 500.0)));
}

/// A fingerprint of a fixed run with every random element (volatility, log-normal
/// rewards, random tie-breaks and buyer order, expiry, resale): the same on every target.
#[test]
fn fixed_seed_fingerprint_is_identical_natively_and_in_wasm() {
    let mut c = config(
        preset(Preset::Tiered, 12, 1.85e-8).unwrap(),
        Pricing::Fixed { price: 0.02 },
        40,
        5000,
    );
    c.reward = Reward::lognormal(0.05, 2.0).unwrap();
    c.volatility = Some(Volatility {
        persistence: 0.95,
        volatility: 0.2,
    });
    c.expiry = Some(64);
    c.refund = 0.5;
    c.jit_resale = true;
    c.runs = 2;
    c.points = 50;
    let r = Market::new(c).unwrap().simulate();
    let fold = |xs: &[f64]| xs.iter().fold(0u64, |h, v| h.rotate_left(5) ^ v.to_bits());
    let shares: Vec<f64> = r.shares.concat();
    let print = format!(
        "{:016x} {:016x} {:016x} {:016x}",
        r.totals.rewards.to_bits(),
        fold(&r.protocol_revenue.mean),
        fold(&shares),
        fold(&r.holders.iter().map(|h| h.profit).collect::<Vec<_>>()),
    );
    assert_eq!(
        print,
        include_str!("market_fingerprint.txt").trim(),
        "update tests/market_fingerprint.txt only if the simulation changed on purpose"
    );
}

#[test]
fn tickets_still_held_are_valued_at_the_holders_value_without_margin() {
    // One holder (capture 0.9, margin 0.2, discount 0.001) buys all 10 tickets at 0.5 and
    // holds 10 at the end: each worth c μ / (N d + 1) = 0.9 / 1.01 to it.
    let mut h = holder(1e6, 0.9);
    (h.margin, h.discount) = (0.2, 0.001);
    let r = Market::new(config(vec![h], Pricing::Fixed { price: 0.5 }, 10, 100))
        .unwrap()
        .simulate();
    let s = &r.holders[0];
    assert_eq!(s.mean.tickets, 10.0);
    assert_rel(s.mean.held_value, 10.0 * 0.9 / 1.01, 1e-12, "held value");
    assert_rel(s.valued_profit, s.profit + s.mean.held_value, 1e-12, "valued profit");
    assert_rel(s.profit, 0.9 * 99.0 - 0.5 * 109.0, 1e-12, "realised profit");
}
