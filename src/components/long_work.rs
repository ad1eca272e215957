//! The notice of a run estimated to be long: its estimate, a warning and "Run anyway".

use yew::prelude::*;

use crate::format;
use crate::hooks::work_cost::LONG_WORK_SECONDS;

/// A live region (always present, so that screen readers announce what appears in it)
/// holding, while a long run waits (`waiting`: its estimated seconds and size), the
/// estimate and a "Run anyway" button calling `on_confirm`. `label` names the run.
pub fn long_work(waiting: Option<&(f64, String)>, label: &'static str, on_confirm: Callback<()>) -> Html {
    let confirm = on_confirm.reform(|_: MouseEvent| ());
    html! {
        <div class="long-work" aria-live="polite" data-run={label}>
            if let Some((seconds, size)) = waiting {
                <div class="long-work-notice" data-seconds={seconds.to_string()}>
                    <p>
                        <strong>{ format!("{label}: estimated at about {}", format::duration(*seconds)) }</strong>
                        { format!(" ({size}). Runs longer than {} seconds do not start by themselves; the results shown, if any, are from an earlier run.",
                            format::readable(LONG_WORK_SECONDS, 2)) }
                    </p>
                    <button class="run-anyway" onclick={confirm}>{ "Run anyway" }</button>
                </div>
            }
        </div>
    }
}
