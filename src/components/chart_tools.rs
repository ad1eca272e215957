//! A chart's tools: downloads (PNG at 2×, SVG, CSV) and the embed panel.

use std::rc::Rc;

use yew::prelude::*;

use super::embed_panel::EmbedPanel;
use crate::charts::Figure;

/// Properties of [`ChartTools`].
#[derive(Properties, PartialEq)]
pub struct ChartToolsProps {
    /// The chart's figure.
    pub figure: Rc<Figure>,
    /// The chart's name (`data-chart`), in file names and embeds.
    pub name: AttrValue,
    /// Its size in CSS pixels (for the PNG and the SVG).
    pub width: u32,
    pub height: u32,
}

/// Downloads the chart as `kind` (`png`, `svg` or `csv`).
fn export(props: &ChartToolsProps, kind: &'static str) -> Callback<MouseEvent> {
    let (fig, name) = (props.figure.clone(), props.name.clone());
    let (width, height) = (props.width.max(320), props.height);
    Callback::from(move |_: MouseEvent| {
        let file = format!("et-explorer-{name}.{kind}");
        let href = match kind {
            "png" => crate::export::png(&fig, width, height, 2.0).ok(),
            "svg" => crate::export::svg(&fig, width, height)
                .ok()
                .map(|s| crate::export::data_url("image/svg+xml", &s)),
            _ => Some(crate::export::data_url("text/csv", &fig.to_csv())),
        };
        if let Some(href) = href {
            // A refused download leaves the page as it is.
            let _ = crate::export::download(&href, &file);
        }
    })
}

/// The download buttons, the Embed button and its panel.
#[function_component]
pub fn ChartTools(props: &ChartToolsProps) -> Html {
    let open = use_state_eq(|| false);
    let embed = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let title = &props.figure.title;
    let panel_id = format!("chart-{}-embed", props.name);
    html! {
        <>
            <div class="chart-tools">
                <span aria-hidden="true">{ "Download" }</span>
                <button data-export="png" onclick={export(props, "png")} aria-label={format!("PNG of chart: {title}")}>{ "PNG" }</button>
                <button data-export="svg" onclick={export(props, "svg")} aria-label={format!("SVG of chart: {title}")}>{ "SVG" }</button>
                <button data-export="csv" onclick={export(props, "csv")} aria-label={format!("CSV of chart: {title}")}>{ "CSV" }</button>
                <button data-export="embed" onclick={embed} aria-label={format!("Embed chart: {title}")}
                    aria-expanded={if *open { "true" } else { "false" }} aria-controls={panel_id.clone()}>{ "Embed" }</button>
            </div>
            <div id={panel_id} hidden={!*open}>
                if *open {
                    <EmbedPanel name={props.name.clone()} title={title.clone()} />
                }
            </div>
        </>
    }
}
