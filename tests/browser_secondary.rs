//! The Secondary market page's charts drawn on real canvases in headless Chrome.
#![cfg(target_arch = "wasm32")]

use et_engine::secondary::SweepParam;
use et_explorer::charts::secondary::{forced_sale_figure, policy_figure, sale_slot_figure, sweep_figure};
use et_explorer::charts::Figure;
use et_explorer::components::chart::render;
use et_explorer::state::secondary::SecondaryState;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Fraction of the pixels of `fig` drawn at 640 × 320 that are near `rgb`.
fn drawn(fig: &Figure, rgb: (u8, u8, u8)) -> f64 {
    let doc = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&canvas).unwrap();
    render(&canvas, fig, 640, 320, 1.0).expect("drawn");
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(0.0, 0.0, 640.0, 320.0).unwrap().data();
    let near = |a: u8, b: u8| (a as i32 - b as i32).abs() < 30;
    let hits = data
        .chunks_exact(4)
        .filter(|p| near(p[0], rgb.0) && near(p[1], rgb.1) && near(p[2], rgb.2))
        .count();
    hits as f64 / (640.0 * 320.0)
}

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
