//! A labelled slider (linear or logarithmic) with a number field that takes typed values.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::format;
use crate::url_state::{Param, Scale};

/// Slider positions on a logarithmic scale.
const LOG_STEPS: f64 = 1000.0;

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

fn position(p: &Param, v: f64) -> f64 {
    match p.scale {
        Scale::Linear(_) | Scale::Field => v,
        Scale::Log => {
            let (lo, hi) = (p.min.ln(), p.max.ln());
            ((v.clamp(p.min, p.max).ln() - lo) / (hi - lo) * LOG_STEPS).round()
        }
    }
}

fn value_at(p: &Param, pos: f64) -> f64 {
    let v = match p.scale {
        Scale::Linear(_) | Scale::Field => pos,
        Scale::Log => {
            let (lo, hi) = (p.min.ln(), p.max.ln());
            format::round_sig((lo + pos / LOG_STEPS * (hi - lo)).exp(), 3)
        }
    };
    let v = if p.integer { v.round() } else { v };
    v.clamp(p.min, p.max)
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
    let (min, max, step) = match p.scale {
        Scale::Linear(step) => (p.min, p.max, step),
        Scale::Log | Scale::Field => (0.0, LOG_STEPS, 1.0),
    };
    let shown = (*draft).clone().unwrap_or_else(|| format::sig(props.value, 6));
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
                        oninput={on_range} />
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
