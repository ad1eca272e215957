//! The Secondary market page's charts drawn on real canvases in headless Chrome.
#![cfg(target_arch = "wasm32")]

mod support;

use et_engine::secondary::SweepParam;
use et_explorer::pages::secondary::figures::{forced_sale_figure, policy_figure, sale_slot_figure, sweep_figure};
use et_explorer::pages::secondary::state::SecondaryState;
use support::drawn;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn every_secondary_chart_is_drawn() {
    let state = SecondaryState::default();
    let m = state.market().unwrap();
    let s = m.solve().unwrap();
    assert!(
        drawn(&forced_sale_figure(&s), (0, 114, 178)) > 0.001,
        "forced-sale curve"
    );
    assert!(drawn(&policy_figure(&m, &s), (90, 90, 90)) > 0.01, "grey wait nodes");
    // The spot-sale bar: vermilion at 75 % over white.
    assert!(drawn(&sale_slot_figure(&s), (223, 134, 64)) > 0.0005, "spot-sale bar");
    let pts = m.sweep(SweepParam::Sigma, &[0.0, 0.05, 0.1, 0.2]).unwrap();
    assert!(
        drawn(&sweep_figure(&pts, 0.05, "σ", Some(0.05)), (213, 94, 0)) > 0.001,
        "spot-sale line"
    );
}
