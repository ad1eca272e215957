//! The mainnet data's download as a page shows it: a button before it is asked for,
//! a progress bar (bytes of 6.1 MB) while it comes, the reason and a Retry button when it
//! fails, and the data's extent and credit once it is here.

use yew::prelude::*;

use crate::format;
use crate::hooks::MainnetLoad;

/// The credit the source asks for (`docs/mainnet-data.md`).
pub const CREDIT: &str = "MEV-Boost winning-bid data, dataalways/mevboost-data, CC0";

/// Properties of [`MainnetStatus`].
#[derive(Properties, PartialEq)]
pub struct MainnetStatusProps {
    /// The data's state.
    pub load: MainnetLoad,
    /// Starts or retries the download.
    pub on_load: Callback<()>,
}

fn megabytes(bytes: u64) -> String {
    format::fixed(bytes as f64 / 1e6, 1)
}

/// The download's state, with Load or Retry.
#[function_component]
pub fn MainnetStatus(props: &MainnetStatusProps) -> Html {
    let go = props.on_load.reform(|_: MouseEvent| ());
    match &props.load {
        MainnetLoad::Idle => html! {
            <div class="mainnet-load">
                <button class="load-mainnet" onclick={go}>{ "Load the mainnet data (6.1 MB)" }</button>
            </div>
        },
        MainnetLoad::Loading { done, total } => {
            let text = format!(
                "Loading the mainnet data: {} of {} MB",
                megabytes(*done),
                megabytes(*total)
            );
            html! {
                <div class="progress mainnet-load" role="status">
                    <span>{ text.clone() }</span>
                    <progress max={total.to_string()} value={done.to_string()} aria-label={text}></progress>
                </div>
            }
        }
        MainnetLoad::Failed(why) => html! {
            <div class="no-equilibrium mainnet-load mainnet-failed" role="alert">
                { format!("The mainnet data could not be loaded ({why}). Nothing else changed. ") }
                <button class="retry" onclick={go}>{ "Retry" }</button>
            </div>
        },
        MainnetLoad::Ready(d) => html! {
            <p class="hint mainnet-load mainnet-ready">{ format!(
                "Mainnet data: {} slots, {} to {} ({CREDIT}). Kept in memory on this page; a second visit reads the file from the browser's cache.",
                format::grouped(d.slots() as i64),
                et_engine::rewards::mainnet::time::slot_date(d.first_slot()),
                et_engine::rewards::mainnet::time::slot_date(d.last_slot()),
            ) }</p>
        },
    }
}

/// Properties of [`MainnetChoice`].
#[derive(Properties, PartialEq)]
pub struct MainnetChoiceProps {
    /// Called once the data is decoded on this page (the page then recomputes).
    pub on_ready: Callback<()>,
}

/// Under a page's reward menu when "Mainnet" is chosen: loads the data (first use only),
/// shows its progress or a Retry, and tells the page when it is here.
#[function_component]
pub fn MainnetChoice(props: &MainnetChoiceProps) -> Html {
    let (load, start) = crate::hooks::use_mainnet(true);
    {
        let on_ready = props.on_ready.clone();
        use_effect_with(load.data().is_some(), move |&ready| {
            if ready {
                on_ready.emit(());
            }
        });
    }
    html! {
        <div class="mainnet-choice">
            <MainnetStatus load={load} on_load={start} />
            <p class="hint">{ "The six months replayed from their first slot, slots without a value skipped: μ and sd come from the data. The Mainnet page explores any window." }</p>
        </div>
    }
}
