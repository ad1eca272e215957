//! The Allocation page (SPEC §2): revenue against fairness across mechanisms.

use std::rc::Rc;

use et_engine::choice::Choice;
use et_engine::contest::{solve, Mechanism};
use yew::prelude::*;

use super::curve_figures::{tradeoff_figure, versus_alpha_figure, TradePoint};
use super::figures::{per_player_figure, sybil_figure};
use super::state::{alpha_param, value_param, Action, AllocationState, Mech, Preset, MAX_PLAYERS};
use super::strategy_figures::strategies_figure;
use super::tables::outcome_summary;
use super::trace::{trace_status, use_tradeoff};
use crate::components::{AboutModel, Chart, ChoiceSelect, Notices, Slider, ValueEditor};
use crate::hooks::{use_url_state, PageProps};

/// The players, the mechanism and α.
fn controls(s: &AllocationState, d: &Callback<Action>) -> Html {
    let presets = Preset::ALL.iter().map(|&p| {
        let onclick = d.reform(move |_: MouseEvent| Action::Preset(p));
        html! { <button class="preset" {onclick}>{ p.label() }</button> }
    });
    html! {
        <aside class="controls" aria-label="Allocation controls">
            <h2>{ "Players and mechanism" }</h2>
            <AboutModel anchor="allocation" />
            <div class="presets">{ for presets }</div>
            <ValueEditor values={s.values.clone()} param={value_param()} min={2} max={MAX_PLAYERS}
                on_set={d.reform(|(i, v)| Action::SetValue(i, v))}
                on_add={d.reform(|_| Action::AddPlayer)}
                on_remove={d.reform(Action::RemovePlayer)} />
            <ChoiceSelect<Mech> id="ctl-mechanism" label="Mechanism" selected={s.mech} on_change={d.reform(Action::Mech)} />
            if s.mech == Mech::Tullock {
                <Slider param={alpha_param()} value={s.alpha} on_change={d.reform(Action::Alpha)}
                    hint="α < 1 spreads the block space (fairer), α > 1 concentrates it; ∞ is the all-pay auction" />
            }
        </aside>
    }
}

/// The page.
#[function_component]
pub fn AllocationPage(props: &PageProps) -> Html {
    let (state, parsed) = use_url_state::<AllocationState>(&props.route);
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
    let dispatch = Callback::from(move |a: Action| d.dispatch(a));
    let trade = match &*auctions {
        (Some(w), Some(a)) => Some(Rc::new(tradeoff_figure(&curve, w, a, current.as_ref()))),
        _ => None,
    };
    html! {
        <div class="page allocation">
            <Notices items={parsed.1.clone()} />
            { controls(s, &dispatch) }
            <section class="results">
                { outcome_summary(s, &outcome) }
                <div class="chart-grid">
                    if let Some(f) = trade { <Chart figure={f} name="tradeoff" /> }
                    <Chart figure={Rc::new(versus_alpha_figure(&curve, s.alpha))} name="versus-alpha" />
                    if let Ok(o) = &*outcome {
                        <Chart figure={Rc::new(per_player_figure(o))} name="players" />
                        if let Some(st) = &o.strategies {
                            <Chart figure={Rc::new(strategies_figure(st, &s.values))} name="strategies" />
                        }
                    }
                    <Chart figure={Rc::new(sybil_figure(s.alpha))} name="sybil" />
                </div>
                { trace_status(&curve) }
            </section>
        </div>
    }
}
