//! The link from a page to its model's description.

use yew::prelude::*;

/// Properties of [`AboutModel`].
#[derive(Properties, PartialEq)]
pub struct AboutModelProps {
    /// The anchor of the model in `models.html`, e.g. `ticket-value`.
    pub anchor: AttrValue,
}

/// "About this model": a link to `models.html#<anchor>`.
#[function_component]
pub fn AboutModel(props: &AboutModelProps) -> Html {
    html! {
        <a class="about-model" href={format!("models.html#{}", props.anchor)}>{ "About this model" }</a>
    }
}
