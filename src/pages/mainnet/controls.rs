//! The Mainnet page's controls: the window (presets, dates and slots), how slots
//! without a value count, the tickets, the discount and the seed.

use et_engine::choice::Choice;
use et_engine::rewards::mainnet::time::{parse_date, slot_date};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::params::{last_slot_of_date, params, Field, ModeChoice, WindowPreset, FIRST_SLOT, LAST_SLOT};
use super::state::{Action, MainnetState};
use crate::components::{AboutModel, ChoiceSelect, SeedField, Slider};
use crate::worker::reward::MissingChoice;

/// The slider (or number field) of numeric control `f`.
fn slider(s: &MainnetState, d: &Callback<Action>, f: Field) -> Html {
    let on_change = d.reform(move |v: f64| Action::Set(f, v));
    html! { <Slider param={params()[f as usize].clone()} value={s.get(f)} {on_change} /> }
}

/// A date field for the window's first (`end` false) or last day; a date outside the
/// data is clamped to it, and text that is no date changes nothing.
fn date_field(s: &MainnetState, d: &Callback<Action>, end: bool) -> Html {
    let (field, label, id) = match end {
        false => (Field::From, "First day (UTC)", "ctl-from-date"),
        true => (Field::To, "Last day (UTC)", "ctl-to-date"),
    };
    let d = d.clone();
    let onchange = Callback::from(move |e: Event| {
        let text = e.target_unchecked_into::<HtmlInputElement>().value();
        let slot = if end {
            last_slot_of_date(&text)
        } else {
            parse_date(&text)
        };
        if let Some(slot) = slot {
            d.emit(Action::Set(field, slot.clamp(FIRST_SLOT, LAST_SLOT) as f64));
        }
    });
    html! {
        <div class="field date-field">
            <label for={id}>{ label }</label>
            <input type="date" {id} min={slot_date(FIRST_SLOT)} max={slot_date(LAST_SLOT)}
                value={slot_date(s.get(field) as u64)} {onchange} />
        </div>
    }
}

/// The window: presets, dates, slots.
fn window(s: &MainnetState, d: &Callback<Action>) -> Html {
    let presets = WindowPreset::ALL.iter().map(|&p| {
        let onclick = d.reform(move |_: MouseEvent| Action::Window(p));
        let current = (p.window() == s.window()).then_some("true");
        html! { <button class="preset" aria-pressed={current.unwrap_or("false")} {onclick}>{ p.label() }</button> }
    });
    html! {
        <>
            <h2>{ "Window" }</h2>
            <AboutModel anchor="mainnet-page" />
            <div class="presets" role="group" aria-label="Window presets">{ for presets }</div>
            { date_field(s, d, false) }
            { date_field(s, d, true) }
            { slider(s, d, Field::From) }
            { slider(s, d, Field::To) }
            <ChoiceSelect<MissingChoice> id="ctl-missing" label="Slots without a value (missed, local, relay not covered)"
                selected={s.missing} on_change={d.reform(Action::Missing)} />
        </>
    }
}

/// Every control of the page.
pub fn controls(s: &MainnetState, d: &Callback<Action>) -> Html {
    html! {
        <aside class="controls" aria-label="Mainnet controls">
            { window(s, d) }
            <h2>{ "Tickets" }</h2>
            { slider(s, d, Field::N) }
            { slider(s, d, Field::Annual) }
            <ChoiceSelect<ModeChoice> id="ctl-mode" label="A ticket's rewards: the window's slots"
                selected={s.mode} on_change={d.reform(Action::Mode)} />
            <SeedField param={params()[Field::Seed as usize].clone()} value={s.get(Field::Seed)}
                on_change={d.reform(|v| Action::Set(Field::Seed, v))} />
        </aside>
    }
}
