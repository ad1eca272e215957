//! A text field for a short list of numbers ("10, 30"), each checked against a [`Param`].

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::format;
use crate::url_state::Param;

/// Properties of [`ListField`].
#[derive(Properties, PartialEq)]
pub struct ListFieldProps {
    /// Domain and label of each value.
    pub param: Param,
    /// Label of the whole list.
    pub label: AttrValue,
    /// The list in force.
    pub values: Vec<f64>,
    /// Called with a new valid list.
    pub on_change: Callback<Vec<f64>>,
    /// Most values (the same bound as the URL's).
    pub max: usize,
}

/// Comma-separated values; a bad entry is kept with a message naming it.
#[function_component]
pub fn ListField(props: &ListFieldProps) -> Html {
    let draft = use_state(|| None::<String>);
    let error = use_state(|| None::<String>);
    let id = format!("ctl-{}", props.param.key);
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| draft.set(Some(e.target_unchecked_into::<HtmlInputElement>().value())))
    };
    let onchange = {
        let (param, cb, draft, error, max) = (
            props.param.clone(),
            props.on_change.clone(),
            draft.clone(),
            error.clone(),
            props.max,
        );
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let parsed: Result<Vec<f64>, String> = text.split(',').map(|t| param.parse(t)).collect();
            match parsed {
                Ok(v) if !v.is_empty() && v.len() <= max => {
                    draft.set(None);
                    error.set(None);
                    cb.emit(v);
                }
                Ok(_) => error.set(Some(format!("{}: give 1 to {max} values", param.label))),
                Err(why) => error.set(Some(why)),
            }
        })
    };
    let shown = (*draft).clone().unwrap_or_else(|| {
        props
            .values
            .iter()
            .map(|v| format::compact(*v, 6))
            .collect::<Vec<_>>()
            .join(", ")
    });
    html! {
        <div class={classes!("slider", error.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ props.label.clone() }</label>
            <div class="slider-row">
                <input type="text" class="number wide" id={id} value={shown} {oninput} {onchange}
                    aria-invalid={error.is_some().then_some("true")} />
                <span class="unit">{ props.param.unit }</span>
            </div>
            if let Some(msg) = &*error {
                <div class="field-error" role="alert">{ msg }</div>
            }
        </div>
    }
}
