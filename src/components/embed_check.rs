//! In an embed: when the page has no chart of the linked name, a notice naming it and
//! listing the page's charts (instead of a blank frame).

use gloo_timers::callback::Interval;
use yew::prelude::*;

/// The `data-chart` names of the charts on the page.
fn chart_names() -> Vec<String> {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return Vec::new();
    };
    let Ok(list) = doc.query_selector_all("figure.chart[data-chart]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
        .filter_map(|e| e.get_attribute("data-chart"))
        .collect()
}

/// Properties of [`EmbedCheck`].
#[derive(Properties, PartialEq)]
pub struct EmbedCheckProps {
    /// The chart the link asks for.
    pub chart: AttrValue,
    /// The link that opens the whole page.
    pub open: AttrValue,
}

/// Watches the page's charts (some appear only after a worker's run) and explains a
/// link to a chart the page does not have.
#[function_component]
pub fn EmbedCheck(props: &EmbedCheckProps) -> Html {
    let missing = use_state_eq(|| None::<Vec<String>>);
    {
        let (missing, chart) = (missing.clone(), props.chart.to_string());
        use_effect_with(chart, move |chart| {
            let chart = chart.clone();
            let tick = Interval::new(400, move || {
                let names = chart_names();
                let found = names.contains(&chart);
                missing.set((!found && !names.is_empty()).then_some(names));
            });
            move || drop(tick)
        });
    }
    let Some(names) = &*missing else { return html! {} };
    html! {
        <div class="notices embed-missing" role="alert">
            <p>
                { format!("This page has no chart “{}”. ", props.chart) }
                { "Its charts: " }
                { for names.iter().enumerate().map(|(i, n)| html! {
                    <>{ if i > 0 { ", " } else { "" } }<code>{ n }</code></>
                }) }
                { ". " }
                <a href={props.open.clone()} target="_blank" rel="noopener">{ "Open the whole page" }</a>
            </p>
        </div>
    }
}
