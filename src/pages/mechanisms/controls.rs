//! The Mechanisms page's controls: builders, the slot's value, the rules' inputs,
//! tickets, validators and the run.

use et_engine::choice::Choice;
use et_engine::mechanisms::{Mechanism, TicketSource};
use et_engine::rewards::RewardKind;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::params::{capture_param, params, Field, Preset, MAX_BUILDERS};
use super::state::{Action, MechanismsState};
use crate::components::reward_data::data_note;
use crate::components::{AboutModel, ChoiceSelect, DataPanel, ListField, MainnetChoice, SeedField, Slider};

/// The slider of numeric control `f`.
fn slider(s: &MechanismsState, d: &Callback<Action>, f: Field) -> Html {
    let on_change = d.reform(move |v: f64| Action::Set(f, v));
    html! { <Slider param={params()[f as usize].clone()} value={s.get(f)} {on_change} /> }
}

/// What the mainnet preset is, shown while its builders are set.
fn mainnet_hint() -> String {
    use et_engine::mechanisms::fit::{MAINNET_BUILDERS, MAINNET_SPREAD, MAINNET_WINDOW};
    let pct = |x: f64| format!("{:.1} %", 100.0 * x);
    let (rest, named) = MAINNET_BUILDERS.split_last().expect("builders");
    let named: Vec<String> = named.iter().map(|b| format!("{} {}", b.name, pct(b.share))).collect();
    format!(
        "Fitted to the data, {MAINNET_WINDOW}: under the block auction these builders build the \
         shares of blocks that mainnet's did ({}; {} as one, {}), each within 0.05 points. \
         The spread σ_b = {MAINNET_SPREAD} is stated, not fitted (shares fix only ln(c_i/c_1)/σ_b), \
         and there is no local builder (c₀ = 0). The preset leaves the slot's value as it is: \
         choose “{}” below to replay the data's payments.",
        named.join(", "),
        rest.name,
        pct(rest.share),
        RewardKind::Mainnet.label()
    )
}

/// The builders: presets, the capture list and the spread.
fn builders(s: &MechanismsState, d: &Callback<Action>) -> Html {
    let presets = Preset::ALL.iter().map(|&p| {
        let onclick = d.reform(move |_: MouseEvent| Action::Preset(p));
        html! { <button class="preset" {onclick}>{ p.label() }</button> }
    });
    html! {
        <>
            <h2>{ "Builders" }</h2>
            <AboutModel anchor="mechanisms" />
            <div class="presets">{ for presets }</div>
            if Preset::Mainnet.matches(&s.captures, s.get(Field::Spread), s.get(Field::Local)) {
                <div class="hint">{ mainnet_hint() }</div>
            }
            <ListField param={capture_param()} label="Builders' capture rates c_i (0–1)" values={s.captures.clone()}
                max={MAX_BUILDERS} on_change={d.reform(Action::Captures)} />
            { slider(s, d, Field::Spread) }
            { slider(s, d, Field::Local) }
        </>
    }
}

/// The slot's value: its law, or the user's data.
fn value(s: &MechanismsState, d: &Callback<Action>) -> Html {
    let uses_data = s.dist.uses_data();
    let note = data_note(s.data.as_ref());
    html! {
        <>
            <h2>{ "The slot's value" }</h2>
            <ChoiceSelect<RewardKind> id="ctl-reward" label="Value per slot R" selected={s.dist} on_change={d.reform(Action::Dist)} />
            if uses_data {
                <DataPanel on_load={d.reform(Action::Data)}><div class="hint">{ note }</div></DataPanel>
            }
            if s.dist == RewardKind::Mainnet {
                <MainnetChoice on_ready={d.reform(|()| Action::MainnetReady)} />
            } else if s.data.is_none() || !uses_data {
                { slider(s, d, Field::Mu) }
                if s.dist.uses_sd() || uses_data { { slider(s, d, Field::Sd) } }
            }
        </>
    }
}

/// The rules' own inputs, the tickets and the validators.
fn rules(s: &MechanismsState, d: &Callback<Action>) -> Html {
    html! {
        <>
            <h2>{ "Rules" }</h2>
            { slider(s, d, Field::Deadline) }
            { slider(s, d, Field::Lookahead) }
            { slider(s, d, Field::Annual) }
            { slider(s, d, Field::Partial) }
            <ChoiceSelect<TicketSource> id="ctl-tickets" label="Ticket revenue from" selected={s.tickets} on_change={d.reform(Action::Tickets)} />
            { slider(s, d, Field::Tickets) }
            if s.tickets == TicketSource::Contest { { slider(s, d, Field::Alpha) } }
            { slider(s, d, Field::Validators) }
        </>
    }
}

/// Which mechanisms to show.
fn shown(s: &MechanismsState, d: &Callback<Action>) -> Html {
    let boxes = Mechanism::ALL.iter().map(|&m| {
        let onchange =
            d.reform(move |e: Event| Action::Toggle(m, e.target_unchecked_into::<HtmlInputElement>().checked()));
        let id = format!("show-{}", m.key());
        html! {
            <label class="check" for={id.clone()}>
                <input type="checkbox" id={id} checked={s.shown.contains(&m)} {onchange} />
                { m.label() }
            </label>
        }
    });
    html! {
        <fieldset class="checks">
            <legend>{ "Mechanisms shown" }</legend>
            { for boxes }
        </fieldset>
    }
}

/// Every control of the page.
pub fn controls(s: &MechanismsState, d: &Callback<Action>) -> Html {
    html! {
        <aside class="controls" aria-label="Mechanisms controls">
            { builders(s, d) }
            { value(s, d) }
            { rules(s, d) }
            <h2>{ "Run" }</h2>
            { shown(s, d) }
            { slider(s, d, Field::Slots) }
            <SeedField param={params()[Field::Seed as usize].clone()} value={s.get(Field::Seed)}
                on_change={d.reform(|v| Action::Set(Field::Seed, v))} />
        </aside>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_mainnet_hint_names_the_window_the_builders_and_the_reward_choice() {
        let h = super::mainnet_hint();
        for part in [
            "Oct 2023 – Apr 2024",
            "beaverbuild 36.3 %",
            "f1b.io 1.2 %",
            "the other 59 builders as one, 3.2 %",
            "σ_b = 0.5",
            "c₀ = 0",
            "Mainnet, Oct 2023",
        ] {
            assert!(h.contains(part), "{part}: {h}");
        }
    }
}
