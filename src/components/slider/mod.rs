//! A labelled slider (linear or logarithmic) with a number field that takes typed values.

use web_sys::HtmlInputElement;
use yew::prelude::*;

mod keys;

use keys::{key_value, position, value_at, LOG_STEPS};

use crate::format;
use crate::url_state::{Param, Scale};

/// Properties of [`Slider`].
#[derive(Properties, PartialEq)]
pub struct SliderProps {
    /// Domain, label, unit and scale of the value.
    pub param: Param,
    /// The current value.
    pub value: f64,
    /// Called with a new valid value.
    pub on_change: Callback<f64>,
    /// A line under the control, e.g. an equivalent in other units.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
}

/// The slider's, the field's input and the field's commit callbacks: a valid value goes
/// to `on_change`; a bad typed one stays in the field with its message.
fn callbacks(
    props: &SliderProps,
    draft: &UseStateHandle<Option<String>>,
    error: &UseStateHandle<Option<String>>,
) -> (Callback<InputEvent>, Callback<InputEvent>, Callback<Event>) {
    let p = &props.param;
    let on_range = {
        let (param, cb, draft, error) = (p.clone(), props.on_change.clone(), draft.clone(), error.clone());
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(pos) = input.value().parse::<f64>() {
                draft.set(None);
                error.set(None);
                cb.emit(value_at(&param, pos));
            }
        })
    };
    let on_text_input = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            draft.set(Some(input.value()));
        })
    };
    let on_commit = {
        let (param, cb, draft, error) = (p.clone(), props.on_change.clone(), draft.clone(), error.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            match param.parse(&input.value()) {
                Ok(v) => {
                    draft.set(None);
                    error.set(None);
                    cb.emit(v);
                }
                Err(msg) => error.set(Some(msg)),
            }
        })
    };
    (on_range, on_text_input, on_commit)
}

/// Arrow, Page, Home and End keys: each press reaches the next value the slider shows
/// (the browser's own step can round back to the same value on a logarithmic scale).
fn on_key(props: &SliderProps, draft: &UseStateHandle<Option<String>>) -> Callback<KeyboardEvent> {
    let (param, value, cb, draft) = (props.param.clone(), props.value, props.on_change.clone(), draft.clone());
    Callback::from(move |e: KeyboardEvent| {
        if e.alt_key() || e.ctrl_key() || e.meta_key() {
            return;
        }
        if let Some(v) = key_value(&param, value, &e.key()) {
            e.prevent_default();
            draft.set(None);
            if v != value {
                cb.emit(v);
            }
        }
    })
}

/// A slider with a typed-value field beside it; keyboard-operable and labelled.
///
/// A typed value outside the domain is kept in the field with a message naming the
/// field; the value in force does not change until the text is valid.
#[function_component]
pub fn Slider(props: &SliderProps) -> Html {
    let p = &props.param;
    let draft = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);
    let id = format!("ctl-{}", p.key);
    let err_id = format!("{id}-error");

    let (on_range, on_text_input, on_commit) = callbacks(props, &draft, &error);
    let on_keydown = on_key(props, &draft);
    let (min, max, step) = match p.scale {
        Scale::Linear(step) => (p.min, p.max, step),
        Scale::Log | Scale::Field => (0.0, LOG_STEPS, 1.0),
    };
    // A whole number (a slot, a seed) shows every digit: six would round 7,509,685.
    let whole = p.integer && props.value.abs() < 9.007_199_254_740_992e15;
    let shown = (*draft).clone().unwrap_or_else(|| match whole {
        true => format::exact(props.value),
        false => format::compact(props.value, 6),
    });
    let value_text = format!("{} {}", format::sig(props.value, 4), p.unit);
    html! {
        <div class={classes!("slider", error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ p.label }</label>
            <div class="slider-row">
                if p.scale != Scale::Field {
                    <input type="range" id={id.clone()}
                        min={min.to_string()} max={max.to_string()} step={step.to_string()}
                        value={position(p, props.value).to_string()}
                        aria-valuetext={value_text}
                        data-scale={if p.scale == Scale::Log { "log" } else { "linear" }}
                        oninput={on_range} onkeydown={on_keydown} />
                }
                <input type="text" inputmode="decimal" class="number"
                    id={if p.scale == Scale::Field { id.clone() } else { format!("{id}-text") }}
                    aria-label={format!("{} in {}", p.label, p.unit)}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then_some(err_id.clone())}
                    value={shown} oninput={on_text_input} onchange={on_commit} />
                <span class="unit">{ p.unit }</span>
            </div>
            if let Some(msg) = &*error {
                <div class="field-error" id={err_id} role="alert">{ msg }</div>
            }
            if let Some(hint) = &props.hint {
                <div class="hint">{ hint }</div>
            }
        </div>
    }
}
