//! A labelled drop-down of choices.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`Select`].
#[derive(Properties, PartialEq)]
pub struct SelectProps {
    /// Element id (the label points to it).
    pub id: AttrValue,
    /// Label shown above.
    pub label: AttrValue,
    /// Option labels.
    pub options: Vec<AttrValue>,
    /// Index of the selected option.
    pub selected: usize,
    /// Called with the chosen index.
    pub on_change: Callback<usize>,
}

/// A `<select>` with its label.
#[function_component]
pub fn Select(props: &SelectProps) -> Html {
    let onchange = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| {
            let s: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(i) = s.value().parse::<usize>() {
                cb.emit(i);
            }
        })
    };
    html! {
        <div class="select">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} {onchange}>
                { for props.options.iter().enumerate().map(|(i, o)| html! {
                    <option value={i.to_string()} selected={i == props.selected}>{ o.clone() }</option>
                }) }
            </select>
        </div>
    }
}
