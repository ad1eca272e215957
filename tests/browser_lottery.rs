//! The lottery engine's charts drawn on real canvases in headless Chrome.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use et_engine::centralization::pool_risk;
use et_engine::rewards::Reward;
use et_engine::ticket_mc::TicketMonteCarlo;
use et_explorer::charts::lottery::{holders_figure, mc_vs_n, pool_figure, streak_figure, value_histogram};
use et_explorer::charts::Figure;
use et_explorer::components::chart::render;
use et_explorer::state::ticket::TicketState;
use et_explorer::views::lottery_side::holders_run;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Draws `fig` on a fresh 640 × 320 canvas; returns the fraction of pixels near `rgb`.
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

fn experiment(n: f64) -> TicketMonteCarlo {
    TicketMonteCarlo::new(n, 0.01, Reward::lognormal(1.0, 2.0).unwrap(), 0).unwrap()
}

#[wasm_bindgen_test]
fn monte_carlo_points_and_histogram_are_drawn() {
    let s = TicketState {
        mu: 1.0,
        sd: 2.0,
        d: 0.01,
        n: 100.0,
        ..TicketState::default()
    };
    let curve: Vec<_> = [1.0, 100.0, 1e4]
        .iter()
        .map(|&n| (n, experiment(n).run(3, 20_000)))
        .collect();
    let fig = mc_vs_n(&s, &curve).unwrap();
    assert!(drawn(&fig, (213, 94, 0)) > 0.0005, "vermilion Monte Carlo points");
    let hist = value_histogram(&experiment(100.0).run(3, 50_000));
    // Bars are sky blue at 75 % opacity over white.
    assert!(drawn(&hist, (128, 199, 238)) > 0.05, "sky-blue histogram bars");
}

#[wasm_bindgen_test]
fn streak_pool_and_holder_charts_are_drawn() {
    let s = TicketState::default();
    assert!(
        drawn(&streak_figure(&s).unwrap(), (0, 114, 178)) > 0.002,
        "streak curve"
    );
    let pts = pool_risk(&experiment(50.0), &[1, 4, 16, 64], 200, 1).unwrap();
    assert!(drawn(&pool_figure(&pts, 200), (0, 114, 178)) > 0.002, "pool line");
    let (r, expected) = holders_run(&s).unwrap();
    let fig = holders_figure(&r, &expected, &s.lottery.holders);
    assert!(
        drawn(&Rc::new(fig), (0, 158, 115)) > 0.002,
        "second holder's green line"
    );
}
