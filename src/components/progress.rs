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

/// A pool run's state on a page: the progress bar with Cancel while it runs, the reason a
/// run could not start (`setup`, e.g. a control the engine refuses, named), and the
/// last run's error (a cancel, a failed worker).
pub fn run_status<T>(
    status: &crate::worker::status::RunStatus<T>,
    label: &'static str,
    on_cancel: Callback<()>,
    setup: Option<&String>,
) -> Html {
    html! {
        <>
            if status.running {
                <Progress done={status.done} total={status.total} {label} {on_cancel} />
            }
            if let Some(e) = setup { <div class="no-equilibrium" role="alert">{ e.clone() }</div> }
            if let Some(e) = &status.error { <div class="hint" role="status">{ e.clone() }</div> }
        </>
    }
}
