//! Tests of `tables.rs` (beside it).

use et_engine::primary::{et_simulation, Market};

use super::*;

fn outcome(rules: &[PricingRule], runs: u64) -> MarketOutcome {
    let results = rules
        .iter()
        .map(|&rule| {
            let (cfg, opts) = et_simulation(rule, 300, runs, 3);
            (rule, Market::with_options(cfg, opts).unwrap().simulate())
        })
        .collect();
    MarketOutcome {
        results,
        se: [0.0; 3],
        holders: Vec::new(),
        mu: 30.0,
        seconds: 0.0,
        workers: 0,
    }
}

#[test]
fn rules_are_ranked_only_when_their_paired_difference_is_significant() {
    let o = outcome(
        &[PricingRule::Eip1559, PricingRule::FirstPrice, PricingRule::BondingCurve],
        30,
    );
    let text = ranking(&o).unwrap();
    let (best, diffs) = against_the_best(&o);
    assert_ne!(o.results[best].0, PricingRule::Eip1559, "{text}");
    let eip = diffs[0].unwrap();
    assert!(eip.significant() && eip.mean < 0.0, "{eip:?}");
    assert!(
        text.contains("captures more than") && text.contains("EIP-1559 (by"),
        "{text}"
    );
    // The same rule twice is indistinguishable from itself (difference 0, SE 0).
    let twice = outcome(&[PricingRule::SecondPrice, PricingRule::SecondPrice], 5);
    let text = ranking(&twice).unwrap();
    assert!(
        text.contains("second price (by 0, SE 0) is indistinguishable from it at 5 runs"),
        "{text}"
    );
    assert!(!text.contains("captures more"), "{text}");
    // One run: no standard error, no ranking.
    assert!(ranking(&outcome(&[PricingRule::SecondPrice, PricingRule::Eip1559], 1))
        .unwrap()
        .contains("no ranking"));
}

#[test]
fn the_comparison_uses_the_measure_shown() {
    let o = outcome(&[PricingRule::SecondPrice, PricingRule::Eip1559], 4);
    let t = &o.results[0].1.totals;
    assert_eq!(measured_top(t, ConcMeasure::Won), t.won_top_share);
    assert_eq!(measured(t, ConcMeasure::Held), (t.hhi, t.nakamoto));
    assert_ne!(t.won_top_share, t.top_share, "the two measures differ here");
}
