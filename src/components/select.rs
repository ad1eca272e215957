//! A labelled drop-down of choices: [`Select`] over indices, [`ChoiceSelect`] over the
//! options of a [`Choice`] enum (its `ALL`, in menu order).

use et_engine::choice::Choice;
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

/// Properties of [`ChoiceSelect`].
#[derive(Properties)]
pub struct ChoiceSelectProps<T: Choice> {
    /// Element id (the label points to it).
    pub id: AttrValue,
    /// Label shown above.
    pub label: AttrValue,
    /// The option in force.
    pub selected: T,
    /// Called with the chosen option.
    pub on_change: Callback<T>,
    /// The options' labels, when the menu words them otherwise than [`Choice::label`].
    #[prop_or_default]
    pub labels: Option<fn(T) -> &'static str>,
}

impl<T: Choice> ChoiceSelectProps<T> {
    /// The label of option `c` in this menu.
    fn label_of(&self, c: T) -> &'static str {
        self.labels.map_or(c.label(), |f| f(c))
    }
}

impl<T: Choice> PartialEq for ChoiceSelectProps<T> {
    /// Equal when they show the same menu the same way (labels compared as text).
    fn eq(&self, other: &Self) -> bool {
        (&self.id, &self.label, self.selected, &self.on_change)
            == (&other.id, &other.label, other.selected, &other.on_change)
            && T::ALL.iter().all(|&c| self.label_of(c) == other.label_of(c))
    }
}

/// A [`Select`] of every option of `T`.
#[function_component]
pub fn ChoiceSelect<T: Choice>(props: &ChoiceSelectProps<T>) -> Html {
    let options: Vec<AttrValue> = T::ALL.iter().map(|&c| AttrValue::from(props.label_of(c))).collect();
    let on_change = props.on_change.reform(|i: usize| T::ALL[i.min(T::ALL.len() - 1)]);
    html! {
        <Select id={props.id.clone()} label={props.label.clone()} {options} selected={props.selected.index()} {on_change} />
    }
}
