//! A seed's field with a "New seed" button.

use yew::prelude::*;

use super::slider::Slider;
use crate::url_state::Param;

/// Properties of [`SeedField`].
#[derive(Properties, PartialEq)]
pub struct SeedFieldProps {
    /// The seed's parameter (a number field).
    pub param: Param,
    /// The seed in force.
    pub value: f64,
    /// Called with a new seed, typed or drawn.
    pub on_change: Callback<f64>,
}

/// A fresh seed below 10⁹.
pub fn fresh_seed() -> f64 {
    (js_sys::Math::random() * 1e9).floor()
}

/// The seed's field and a button that draws a fresh one.
#[function_component]
pub fn SeedField(props: &SeedFieldProps) -> Html {
    let new_seed = props.on_change.reform(|_: MouseEvent| fresh_seed());
    html! {
        <div class="seed-row">
            <Slider param={props.param.clone()} value={props.value} on_change={props.on_change.clone()} />
            <button class="preset" onclick={new_seed}>{ "New seed" }</button>
        </div>
    }
}
