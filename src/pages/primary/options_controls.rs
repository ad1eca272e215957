//! The Primary market page's controls for the ET-Simulation options (SPEC §4.1), the
//! scenario picker, the drawn population and the sweep.

use et_engine::primary::{Assignment, Rules, Strategy};
use yew::prelude::*;

use super::choices::{InitialTo, Resale, ScenarioKey, SweepBy};
use super::link::SWEEP_RANGE;
use super::params::{params, Field};
use super::state::{Action, MarketState};
use crate::components::{ChoiceSelect, ListField, Slider};
use crate::format;

/// The slider of numeric control `f`.
pub fn slider(s: &MarketState, d: &Callback<Action>, f: Field) -> Html {
    let on_change = d.reform(move |v: f64| Action::Set(f, v));
    html! { <Slider param={params()[f as usize].clone()} value={s.get(f)} {on_change} /> }
}

/// The scenario picker.
pub fn scenario(s: &MarketState, d: &Callback<Action>) -> Html {
    html! {
        <>
            <h2>{ "Scenario" }</h2>
            <ChoiceSelect<ScenarioKey> id="ctl-scenario" label="Scenario" selected={s.scenario} on_change={d.reform(Action::Scenario)} />
            if s.scenario == ScenarioKey::EtSimulation {
                <p class="hint">{ "The study's default for each of its rules, run by the engine as the study runs it (SPEC §4.1). Editing a model control below makes the view custom." }</p>
            }
        </>
    }
}

/// The study's options: assignment, initial tickets, volatility, strategy, rule
/// variants, sell-back and the resale market.
pub fn options(s: &MarketState, d: &Callback<Action>) -> Html {
    let resale = if s.resale { Resale::On } else { Resale::Off };
    html! {
        <>
            <h2>{ "ET-Simulation options" }</h2>
            <ChoiceSelect<Assignment> id="ctl-assign" label="Slot assignment" selected={s.assignment} on_change={d.reform(Action::Assignment)} />
            <ChoiceSelect<Rules> id="ctl-rules" label="Rule variants" selected={s.rules} on_change={d.reform(Action::Rules)} />
            <ChoiceSelect<Strategy> id="ctl-strategy" label="Bidding strategy" selected={s.strategy} on_change={d.reform(Action::Strategy)} />
            { slider(s, d, Field::InitCount) }
            if s.get(Field::InitCount) > 0.0 {
                { slider(s, d, Field::InitPrice) }
                <ChoiceSelect<InitialTo> id="ctl-initto" label="Initial tickets handed out" selected={s.initial_to} on_change={d.reform(Action::InitialTo)} />
            }
            { slider(s, d, Field::MarketVol) }
            if s.rules == Rules::Study { { slider(s, d, Field::SellBack) } }
            <ChoiceSelect<Resale> id="ctl-resale" label="Resale market among holders" selected={resale}
                on_change={d.reform(|r: Resale| Action::Resale(r == Resale::On))} />
        </>
    }
}

/// A drawn population: its size, the spread of capture rates, and run 1's draw
/// (read-only: every run draws its own from the seed).
pub fn drawn(s: &MarketState, d: &Callback<Action>) -> Html {
    let rows = s.holders.iter().enumerate().map(|(k, h)| {
        html! {
            <tr>
                <th scope="row">{ k + 1 }</th>
                <td>{ format::sig(h.budget, 4) }</td><td>{ format::sig(h.capture, 3) }</td><td>{ format::sig(h.margin, 3) }</td>
            </tr>
        }
    });
    html! {
        <>
            { slider(s, d, Field::Count) }
            { slider(s, d, Field::Spread) }
            <details class="holders-drawn">
                <summary>{ format!("Run 1's draw of the {} holders (read-only)", s.holders.len()) }</summary>
                <p class="hint">{ "Drawn from the seed in the study's tiers: every run draws its own population; this is run 1's. Aggressiveness is the margin." }</p>
                <table class="mc-table" aria-label="Drawn holders, run 1">
                    <thead><tr><th scope="col">{ "#" }</th><th scope="col">{ "budget" }</th><th scope="col">{ "capture c" }</th><th scope="col">{ "aggressiveness a" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </details>
        </>
    }
}

/// The sweep: its parameter and size.
pub fn sweep(s: &MarketState, d: &Callback<Action>) -> Html {
    html! {
        <>
            <h2>{ "Sweep" }</h2>
            <ChoiceSelect<SweepBy> id="ctl-sweep" label="Sweep against" selected={s.sweep} on_change={d.reform(Action::Sweep)} />
            if s.sweep != SweepBy::Off {
                <ListField param={SWEEP_RANGE} label="Sweep range (from, to)" max={2}
                    values={let (lo, hi) = s.sweep_range.unwrap_or(s.sweep.default_range()); vec![lo, hi]}
                    on_change={d.reform(Action::SweepRange)} />
                { slider(s, d, Field::SweepPoints) }
                { slider(s, d, Field::SweepRuns) }
                { slider(s, d, Field::SweepSlots) }
                <p class="hint">{ "Every rule compared, one job per point and rule in the workers, the page's seed at every point." }</p>
            }
        </>
    }
}
