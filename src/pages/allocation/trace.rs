//! Tracing the trade-off over α one α at a time, so the page keeps painting: every α
//! attempted is counted, those without an equilibrium become gaps in the curve.

use std::cell::Cell;
use std::rc::Rc;

use et_engine::contest::tradeoff::{curve_point, default_alphas};
use et_engine::contest::Mechanism;
use yew::prelude::*;

use super::curve_figures::{Found, TradePoint};
use crate::format;

/// Values of α on the trade-off curve.
pub const CURVE_POINTS: usize = 40;

/// The trade-off point at `alpha`, or a gap where the engine gives no equilibrium.
pub fn trace_point(values: &[f64], alpha: f64) -> TradePoint {
    Mechanism::tullock(alpha)
        .and_then(|m| curve_point(values, m))
        .map_or_else(|_| TradePoint::missing(alpha), |o| TradePoint::of(alpha, &o))
}

/// The trade-off over [`CURVE_POINTS`] values of α, growing as they are solved (one
/// point per α attempted, gaps included).
#[hook]
pub fn use_tradeoff(values: Vec<f64>) -> Rc<Vec<TradePoint>> {
    let curve = use_state(|| Rc::new(Vec::new()));
    let generation = use_mut_ref(|| Rc::new(Cell::new(0u64)));
    {
        let (curve, generation) = (curve.clone(), generation.borrow().clone());
        use_effect_with(values, move |values| {
            let mine = generation.get() + 1;
            generation.set(mine);
            curve.set(Rc::new(Vec::new()));
            let values = values.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut points = Vec::new();
                for a in default_alphas(CURVE_POINTS) {
                    gloo_timers::future::TimeoutFuture::new(0).await;
                    if generation.get() != mine {
                        return;
                    }
                    points.push(trace_point(&values, a));
                    curve.set(Rc::new(points.clone()));
                }
            });
        });
    }
    (*curve).clone()
}

/// The trace's status: progress while it runs; once done, the α without an equilibrium
/// (if any), listed where the curve has gaps.
pub fn trace_status(curve: &[TradePoint]) -> Html {
    if curve.len() < CURVE_POINTS {
        let text = format!("Tracing the trade-off: {} of {CURVE_POINTS} values of α…", curve.len());
        return html! { <p class="hint" role="status">{ text }</p> };
    }
    let gaps: Vec<String> = curve
        .iter()
        .filter(|p| p.found == Found::Nothing)
        .map(|p| format::sig(p.alpha, 3))
        .collect();
    let mixed = curve.iter().any(|p| p.found == Found::Mixed);
    let mut notes = Vec::new();
    if mixed {
        notes.push("Where no pure equilibrium exists the curve shows the mixed equilibrium's expected revenue and allocations (dashed, dots on the trade-off).".to_string());
    }
    if !gaps.is_empty() {
        notes.push(format!(
            "The engine found no equilibrium at α = {}: the curve has gaps there.",
            gaps.join(", ")
        ));
    }
    if notes.is_empty() {
        return html! {};
    }
    html! { <p class="hint trace-notes" data-gaps={gaps.len().to_string()}>{ notes.join(" ") }</p> }
}
