//! The Allocation page (SPEC §2): revenue against fairness across mechanisms.

use std::cell::Cell;
use std::rc::Rc;

use et_engine::contest::tradeoff::default_alphas;
use et_engine::contest::{solve, Mechanism, Outcome, MIXED_TOLERANCE};
use yew::prelude::*;

use crate::charts::allocation::{
    per_player_figure, strategies_figure, sybil_figure, tradeoff_figure, versus_alpha_figure, TradePoint,
};
use crate::components::{Chart, Notices, Select, Slider, ValueEditor};
use crate::format;
use crate::state::allocation::{alpha_param, value_param, Action, AllocationState, Mech, Preset, MAX_PLAYERS};
use crate::url_state::Route;

/// Properties of [`AllocationPage`].
#[derive(Properties, PartialEq)]
pub struct PageProps {
    /// The route the page was opened with.
    pub route: Route,
}

/// Points on the trade-off curve.
const CURVE_POINTS: usize = 40;

/// The trade-off over α, computed one α at a time so the page keeps painting.
#[hook]
fn use_tradeoff(values: Vec<f64>) -> Rc<Vec<TradePoint>> {
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
                    crate::app::next_tick().await;
                    if generation.get() != mine {
                        return;
                    }
                    if let Ok(o) = solve(&values, Mechanism::tullock(a).unwrap_or(Mechanism::ProportionalAllPay)) {
                        points.push(TradePoint::of(a, &o));
                        curve.set(Rc::new(points.clone()));
                    }
                }
            });
        });
    }
    (*curve).clone()
}

/// The page.
#[function_component]
pub fn AllocationPage(props: &PageProps) -> Html {
    let (state, parsed) = crate::state::use_url_state::<AllocationState>(&props.route);
    let s = &*state;
    let outcome = use_memo(s.clone(), |s| solve(&s.values, s.mechanism()));
    let auctions = use_memo(s.values.clone(), |v| {
        let wta = solve(v, Mechanism::WinnerTakeAll)
            .ok()
            .map(|o| TradePoint::of(f64::NAN, &o));
        let ap = solve(v, Mechanism::AllPayAuction)
            .ok()
            .map(|o| TradePoint::of(f64::INFINITY, &o));
        (wta, ap)
    });
    let curve = use_tradeoff(s.values.clone());
    let current = match (&*outcome, s.mech) {
        (Ok(o), Mech::Tullock) => Some(TradePoint::of(s.alpha, o)),
        _ => None,
    };
    let d = state.dispatcher();
    let dispatch = move |a: Action| d.dispatch(a);
    let cb = |f: fn(f64) -> Action| {
        let d = dispatch.clone();
        Callback::from(move |v: f64| d(f(v)))
    };
    let presets = Preset::ALL.iter().map(|&p| {
        let d = dispatch.clone();
        html! { <button class="preset" onclick={move |_| d(Action::Preset(p))}>{ p.label() }</button> }
    });
    let trade = match &*auctions {
        (Some(w), Some(a)) => Some(Rc::new(tradeoff_figure(&curve, w, a, current.as_ref()))),
        _ => None,
    };
    html! {
        <div class="page allocation">
            <Notices items={parsed.1.clone()} />
            <aside class="controls" aria-label="Allocation controls">
                <h2>{ "Players and mechanism" }</h2>
                <div class="presets">{ for presets }</div>
                <ValueEditor values={s.values.clone()} param={value_param()} min={2} max={MAX_PLAYERS}
                    on_set={{ let d = dispatch.clone(); move |(i, v)| d(Action::SetValue(i, v)) }}
                    on_add={{ let d = dispatch.clone(); move |_| d(Action::AddPlayer) }}
                    on_remove={{ let d = dispatch.clone(); move |i| d(Action::RemovePlayer(i)) }} />
                <Select id="ctl-mechanism" label="Mechanism" selected={Mech::ALL.iter().position(|m| *m == s.mech).unwrap_or(0)}
                    options={Mech::ALL.iter().map(|m| AttrValue::from(m.label())).collect::<Vec<_>>()}
                    on_change={{ let d = dispatch.clone(); move |i: usize| d(Action::Mech(Mech::ALL[i])) }} />
                if s.mech == Mech::Tullock {
                    <Slider param={alpha_param()} value={s.alpha} on_change={cb(Action::Alpha)}
                        hint="α < 1 spreads the block space (fairer), α > 1 concentrates it; ∞ is the all-pay auction" />
                }
            </aside>
            <section class="results">
                { outcome_summary(s, &outcome) }
                <div class="chart-grid">
                    if let Some(f) = trade { <Chart figure={f} name="tradeoff" /> }
                    <Chart figure={Rc::new(versus_alpha_figure(&curve, s.alpha))} name="versus-alpha" />
                    if let Ok(o) = &*outcome {
                        <Chart figure={Rc::new(per_player_figure(o))} name="players" />
                        if let Some(st) = &o.strategies {
                            <Chart figure={Rc::new(strategies_figure(st))} name="strategies" />
                        }
                    }
                    <Chart figure={Rc::new(sybil_figure(s.alpha))} name="sybil" />
                </div>
                if curve.len() < CURVE_POINTS {
                    <p class="hint" role="status">{ format!("Tracing the trade-off: {} of {CURVE_POINTS} values of α…", curve.len()) }</p>
                }
            </section>
        </div>
    }
}

/// The outcome's table, or the sentence that says why there is none.
fn outcome_summary(s: &AllocationState, outcome: &Result<Outcome, et_engine::EngineError>) -> Html {
    let o = match outcome {
        Ok(o) => o,
        Err(e) => {
            return html! { <div class="no-equilibrium" role="status"><strong>{ "No equilibrium shown. " }</strong>{ e.to_string() }</div> }
        }
    };
    let vmax = s.values.iter().cloned().fold(0.0, f64::max);
    let m = &o.metrics;
    let kind = if o.pure { "pure" } else { "mixed" };
    let sentence = match (o.pure, s.mech) {
        (false, Mech::Tullock) => format!(
            "No pure equilibrium exists at α = {} for these values: the players mix. Strategies are computed on a bid grid and certified on the continuous game: no deviation gains more than {} ETH ({} % of the top value; the tolerance is {} %).",
            format::sig(s.alpha, 3), format::sig(o.exploitability, 3), format::sig(100.0 * o.exploitability / vmax, 2), format::sig(100.0 * MIXED_TOLERANCE, 2)),
        (false, _) => "The all-pay auction has no pure equilibrium: the two highest values mix (Baye, Kovenock & de Vries 1996); bids and payments are expected values.".into(),
        (true, _) => format!("A pure equilibrium: the best unilateral deviation gains {} ETH.", format::sig(o.exploitability, 3)),
    };
    let row = |k: &str, v: String| html! { <tr><th scope="row">{ k.to_string() }</th><td>{ v }</td></tr> };
    html! {
        <>
            <p class="verdict" data-equilibrium={kind}>{ sentence }</p>
            <div class="tables">
                <table class="mc-table outcome" aria-label="Outcome">
                    <tbody>
                        { row("Equilibrium", kind.to_string()) }
                        { row("Revenue", format!("{} ETH ({} % of the top value)", format::sig(m.revenue, 5), format::sig(100.0 * m.revenue_share, 4))) }
                        { row("Fairness (geometric mean of x)", format::sig(m.fairness, 4)) }
                        { row("Entropy", format!("{} bits", format::sig(m.entropy, 4))) }
                        { row("HHI", format::sig(m.hhi, 5)) }
                        { row("Top share · Nakamoto", format!("{} · {}", format::sig(m.top_share, 4), m.nakamoto)) }
                        { row("Efficiency Σ v x / max v", format::sig(m.efficiency, 4)) }
                        { row("Exploitability", format!("{} ETH", format::sig(o.exploitability, 3))) }
                    </tbody>
                </table>
                <table class="mc-table players" aria-label="Players">
                    <thead><tr><th>{ "Player" }</th><th>{ "Value" }</th><th>{ "Bid" }</th><th>{ "Allocation" }</th><th>{ "Payment" }</th><th>{ "Utility" }</th></tr></thead>
                    <tbody>
                        { for (0..s.values.len()).map(|i| html! {
                            <tr>
                                <td>{ i + 1 }</td><td>{ format::sig(s.values[i], 4) }</td><td>{ format::sig(o.bids[i], 4) }</td>
                                <td>{ format::sig(o.allocations[i], 4) }</td><td>{ format::sig(o.payments[i], 4) }</td>
                                <td>{ format::sig(m.utilities[i], 4) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
