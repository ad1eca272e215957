//! The lottery engine's charts drawn on real canvases in headless Chrome.
#![cfg(target_arch = "wasm32")]

mod support;

use std::rc::Rc;

use et_engine::lottery::monte_carlo::TicketMonteCarlo;
use et_engine::lottery::pools::pool_risk;
use et_engine::rewards::Reward;
use et_explorer::pages::ticket_value::engine_figures::{
    holders_figure, mc_vs_n, pool_figure, streak_figure, value_histogram,
};
use et_explorer::pages::ticket_value::runs::holders_run;
use et_explorer::pages::ticket_value::state::TicketState;
use support::drawn;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
    assert!(drawn(&pool_figure(&pts), (0, 114, 178)) > 0.002, "pool line");
    let (r, expected) = holders_run(&s).unwrap();
    let fig = holders_figure(&r, &expected, &s.lottery.holders);
    assert!(
        drawn(&Rc::new(fig), (0, 158, 115)) > 0.002,
        "second holder's green line"
    );
}
