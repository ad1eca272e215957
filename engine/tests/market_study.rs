//! The ET-Simulation study's scenario (SPEC §4.1) against the study's reported numbers.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use et_engine::primary::{et_simulation, Market, PricingRule};

fn totals(rule: PricingRule) -> et_engine::primary::Totals {
    let (cfg, opts) = et_simulation(rule, 500, 50, 2025);
    Market::with_options(cfg, opts).unwrap().simulate().totals
}

#[test]
fn print_study_numbers() {
    for rule in [PricingRule::FirstPrice, PricingRule::SecondPrice, PricingRule::Eip1559, PricingRule::BondingCurve] {
        let t = totals(rule);
        println!(
            "{rule:?}: wonHhi {:.0} wonNak {:.2} hhi {:.0} share {:.3} sold {:.0} idle {:.1}",
            t.won_hhi, t.won_nakamoto, t.hhi, t.capture, t.sold, t.idle_slots
        );
    }
}

#[test]
fn debug_eip() {
    let (cfg, opts) = et_simulation(PricingRule::Eip1559, 500, 1, 2025);
    let r = Market::with_options(cfg, opts).unwrap().simulate();
    for j in (0..500).step_by(20) {
        println!("t {} out {} quote {:.2} sold {} idle? rev {:.0}", r.slots[j], r.outstanding.mean[j], r.quote.mean[j], r.price.mean[j], r.protocol_revenue.mean[j]);
    }
    for h in &r.holders { println!("{:.2} spent {:.0} wins {} bought {}", h.valuation, h.mean.spent, h.mean.wins, h.mean.bought); }
}
