//! A progress bar with a Cancel button.

use yew::prelude::*;

/// Properties of [`Progress`].
#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// Work done and total (same unit).
    pub done: u64,
    pub total: u64,
    /// What is running, e.g. "Monte Carlo".
    pub label: AttrValue,
    /// Called when the user cancels.
    pub on_cancel: Callback<()>,
}

/// Shows progress while a long run is under way.
#[function_component]
pub fn Progress(props: &ProgressProps) -> Html {
    let pct = if props.total == 0 {
        0.0
    } else {
        100.0 * props.done as f64 / props.total as f64
    };
    let cancel = props.on_cancel.reform(|_: MouseEvent| ());
    html! {
        <div class="progress" role="status">
            <span>{ format!("{}: {:.0} %", props.label, pct) }</span>
            <progress max="100" value={format!("{pct:.1}")} aria-label={props.label.clone()}></progress>
            <button class="cancel" onclick={cancel}>{ "Cancel" }</button>
        </div>
    }
}
