//! A chart's tools: downloads (PNG at 2×, SVG, CSV) and the embed panel.

use std::rc::Rc;

use yew::prelude::*;

use super::embed_panel::EmbedPanel;
use crate::charts::Figure;
use crate::export::Provenance;

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

/// The provenance of chart `name` (titled `title`) in the current view.
pub fn current_provenance(name: &str, title: &str) -> Provenance {
    let hash = crate::hooks::url::current_hash();
    Provenance::new(&crate::url_state::site::link_base(), &hash, name, title)
}

/// Downloads the chart as `kind` (`png`, `svg` or `csv`), citing its view (link,
/// versions, seed, parameters), named by page, chart and state.
fn export(props: &ChartToolsProps, kind: &'static str) -> Callback<MouseEvent> {
    let (fig, name) = (props.figure.clone(), props.name.clone());
    let (width, height) = (props.width.max(320), props.height);
    Callback::from(move |_: MouseEvent| {
        let cite = current_provenance(&name, &fig.title);
        let href = match kind {
            "png" => crate::export::png_cited(&fig, width, height, 2.0, &cite).ok(),
            "svg" => crate::export::svg_cited(&fig, width, height, &cite)
                .ok()
                .map(|s| crate::export::data_url("image/svg+xml", &s)),
            _ => Some(crate::export::data_url(
                "text/csv",
                &crate::export::csv_cited(&fig, &cite),
            )),
        };
        if let Some(href) = href {
            // A refused download leaves the page as it is.
            let _ = crate::export::download(&href, &cite.file_name(kind));
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
