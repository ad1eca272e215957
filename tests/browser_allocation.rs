//! The Allocation page's charts drawn on real canvases in headless Chrome.
#![cfg(target_arch = "wasm32")]

mod support;

use et_engine::contest::{solve, Mechanism};
use et_explorer::pages::allocation::curve_figures::{tradeoff_figure, versus_alpha_figure, TradePoint};
use et_explorer::pages::allocation::figures::{per_player_figure, sybil_figure};
use et_explorer::pages::allocation::strategy_figures::strategies_figure;
use et_explorer::pages::allocation::trace::trace_point;
use support::drawn;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn tradeoff_and_alpha_charts_are_drawn() {
    let v = [4.0, 2.0];
    let curve: Vec<TradePoint> = [0.2, 0.5, 1.0, 1.5, 2.0]
        .iter()
        .map(|&a| TradePoint::of(a, &solve(&v, Mechanism::tullock(a).unwrap()).unwrap()))
        .collect();
    let wta = TradePoint::of(f64::NAN, &solve(&v, Mechanism::WinnerTakeAll).unwrap());
    let ap = TradePoint::of(f64::INFINITY, &solve(&v, Mechanism::AllPayAuction).unwrap());
    assert!(
        drawn(&tradeoff_figure(&curve, &wta, &ap, Some(&curve[2])), (0, 114, 178)) > 0.001,
        "curve"
    );
    assert!(
        drawn(&versus_alpha_figure(&curve, 1.0), (0, 158, 115)) > 0.001,
        "fairness line"
    );
    assert!(drawn(&sybil_figure(0.5), (204, 121, 167)) > 0.001, "q = 10 line");
}

#[wasm_bindgen_test]
fn per_player_and_strategy_charts_are_drawn() {
    let pure = solve(&[4.0, 2.0, 1.0], Mechanism::ProportionalAllPay).unwrap();
    // Allocation bars: blue at 75 % over white.
    assert!(
        drawn(&per_player_figure(&pure), (64, 149, 197)) > 0.01,
        "allocation bars"
    );
    let mixed = solve(&[1.0, 1.0], Mechanism::tullock(3.0).unwrap()).unwrap();
    let fig = strategies_figure(mixed.strategies.as_ref().unwrap(), &[1.0, 1.0]);
    assert!(drawn(&fig, (230, 159, 0)) > 0.001, "player 2's CDF");
}

#[wasm_bindgen_test]
fn three_players_curve_with_its_mixed_stretch_and_strategies_are_drawn() {
    // (4, 2, 1): pure below α ≈ 1.4, mixed above; a gap drawn where an α has no point.
    let v = [4.0, 2.0, 1.0];
    let mut curve: Vec<TradePoint> = [0.3, 1.0, 1.3, 1.5, 3.0].iter().map(|&a| trace_point(&v, a)).collect();
    curve.insert(4, TradePoint::missing(2.0));
    let wta = TradePoint::of(f64::NAN, &solve(&v, Mechanism::WinnerTakeAll).unwrap());
    let ap = TradePoint::of(f64::INFINITY, &solve(&v, Mechanism::AllPayAuction).unwrap());
    assert!(
        drawn(&tradeoff_figure(&curve, &wta, &ap, None), (86, 180, 233)) > 0.0005,
        "mixed dots"
    );
    assert!(
        drawn(&versus_alpha_figure(&curve, 1.5), (0, 114, 178)) > 0.001,
        "revenue"
    );
    // Wang's semi-mixed equilibrium: player 2's CDF and its two atoms (orange at 75 %).
    let o = solve(&v, Mechanism::tullock(1.5).unwrap()).unwrap();
    let fig = strategies_figure(o.strategies.as_ref().unwrap(), &v);
    assert!(drawn(&fig, (230, 159, 0)) > 0.001, "player 2's CDF");
    assert!(drawn(&fig, (236, 183, 64)) > 0.001, "player 2's atoms");
}
