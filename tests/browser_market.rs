//! The Primary market page's charts drawn on real canvases in headless Chrome, from a
//! run of every pricing rule on this thread.
#![cfg(target_arch = "wasm32")]

mod support;

use et_engine::choice::Choice;
use et_engine::primary::PricingRule;
use et_explorer::pages::primary::capture::capture_figure;
use et_explorer::pages::primary::choices::ConcMeasure;
use et_explorer::pages::primary::figures::{compare_figure, price_figure, profit_figure, shares_figure};
use et_explorer::pages::primary::measure_figures::{hhi_figure, nakamoto_figure, won_shares_figure};
use et_explorer::pages::primary::params::Field;
use et_explorer::pages::primary::run::MarketJobs;
use et_explorer::pages::primary::state::{Action, MarketState};
use et_explorer::pages::primary::sweep::{sweep_jobs, sweep_outcome};
use et_explorer::pages::primary::sweep_figures::{sweep_capture_figure, sweep_hhi_figure};
use et_explorer::worker::protocol::Work;
use support::drawn;
use wasm_bindgen_test::*;
use yew::Reducible;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_primary_market_chart_is_drawn() {
    let s = std::rc::Rc::new(MarketState::default())
        .reduce(Action::Rule(PricingRule::Fixed))
        .reduce(Action::Set(Field::Slots, 3000.0))
        .reduce(Action::Set(Field::Runs, 3.0));
    assert_eq!(s.rule.key(), "fixed");
    let jobs = s.jobs().unwrap();
    let results: Vec<_> = jobs.iter().map(|(_, j)| j.run_all().unwrap().result).collect();
    let r = &results[0];
    let captures: Vec<f64> = s.holders.iter().map(|h| h.capture).collect();
    // Lines in the palette's colours; stacked layers at 85 % over white.
    assert!(drawn(&price_figure(r, 0.05, s.rule), (0, 114, 178)) > 0.001, "price");
    let shares = shares_figure(r, &captures);
    assert!(drawn(&shares, (38, 135, 189)) > 0.02, "the largest holder's layer");
    assert!(drawn(&shares, (234, 173, 38)) > 0.01, "the second's layer");
    assert!(drawn(&hhi_figure(r, ConcMeasure::Held), (213, 94, 0)) > 0.001, "HHI");
    assert!(
        drawn(&nakamoto_figure(r, ConcMeasure::Won), (204, 121, 167)) > 0.001,
        "Nakamoto"
    );
    assert!(
        drawn(&won_shares_figure(r, &captures), (64, 149, 197)) > 0.005,
        "won shares"
    );
    assert!(drawn(&capture_figure(r, 0.05), (0, 158, 115)) > 0.001, "capture");
    // Bars at 75 % over white.
    assert!(drawn(&profit_figure(r), (64, 149, 197)) > 0.005, "profit bars");
    let pts: Vec<_> = results
        .iter()
        .zip(&jobs)
        .map(|(r, (k, _))| (*k, r, r.totals.hhi))
        .collect();
    assert!(
        drawn(&compare_figure(&pts, "tickets held", "HHI"), (213, 94, 0)) > 0.0001,
        "a rule's point"
    );
}

#[wasm_bindgen_test]
fn the_study_default_sweep_draws_a_line_per_rule() {
    let mut s = MarketState::et_simulation();
    s.values[Field::SweepSlots as usize] = 100.0;
    s.values[Field::SweepRuns as usize] = 3.0;
    let (plan, jobs) = sweep_jobs(&s).unwrap().unwrap();
    let points = jobs.iter().map(|j| j.run_all().unwrap()).collect();
    let o = sweep_outcome(&Some((plan, 3, 100)), points, 0.1, 1).unwrap();
    assert_eq!(o.lines.len(), 4);
    // Second price in blue, EIP-1559 in orange.
    assert!(
        drawn(&sweep_capture_figure(o.parameter, &o.lines, 3), (0, 114, 178)) > 0.0005,
        "capture"
    );
    assert!(
        drawn(
            &sweep_hhi_figure(o.parameter, &o.lines, 3, ConcMeasure::Won),
            (230, 159, 0)
        ) > 0.0005,
        "HHI"
    );
}
