//! A chart's tools: downloads (PNG, SVG, CSV) and the embed snippet.

use std::rc::Rc;

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use crate::charts::Figure;
use crate::hooks::url::current_hash;
use crate::url_state::{Route, SHELL_KEYS};

/// Properties of [`ChartTools`].
#[derive(Properties, PartialEq)]
pub struct ChartToolsProps {
    /// The chart's figure.
    pub figure: Rc<Figure>,
    /// The chart's name (`data-chart`), in file names and embeds.
    pub name: AttrValue,
    /// The canvas it is drawn on (for the PNG).
    pub canvas: NodeRef,
    /// Its size in CSS pixels (for the SVG).
    pub width: u32,
    pub height: u32,
}

/// `s` with `&`, `"`, `<` and `>` escaped, for an HTML attribute.
fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The `<iframe>` that shows chart `name` alone with its page's controls.
fn embed_snippet(name: &str, title: &str) -> String {
    let route = Route::parse(&current_hash());
    let hash = route.hash_without(&SHELL_KEYS);
    let loc = web_sys::window().map(|w| w.location());
    let base = loc
        .map(|l| format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default()))
        .unwrap_or_default();
    format!(
        "<iframe src=\"{}\" width=\"720\" height=\"480\" style=\"border:0\" title=\"ET Explorer: {}\"></iframe>",
        attr_escape(&format!("{base}{hash}&embed={name}&controls=1")),
        attr_escape(title)
    )
}

/// Downloads the chart as `kind` (`png`, `svg` or `csv`).
fn export(props: &ChartToolsProps, kind: &'static str) -> Callback<MouseEvent> {
    let (canvas, fig, name) = (props.canvas.clone(), props.figure.clone(), props.name.clone());
    let (width, height) = (props.width, props.height);
    Callback::from(move |_: MouseEvent| {
        let file = format!("et-explorer-{name}.{kind}");
        let href = match kind {
            "png" => canvas.cast::<HtmlCanvasElement>().and_then(|c| c.to_data_url().ok()),
            "svg" => crate::export::svg(&fig, width.max(320), height)
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

/// The download buttons, the Embed button and its snippet.
#[function_component]
pub fn ChartTools(props: &ChartToolsProps) -> Html {
    let snippet = use_state(|| None::<String>);
    let embed = {
        let (snippet, name, title) = (snippet.clone(), props.name.clone(), props.figure.title.clone());
        Callback::from(move |_: MouseEvent| {
            if snippet.is_some() {
                return snippet.set(None);
            }
            snippet.set(Some(embed_snippet(&name, &title)));
        })
    };
    let title = &props.figure.title;
    html! {
        <>
            <figcaption class="chart-tools">
                <span>{ "Download" }</span>
                <button data-export="png" onclick={export(props, "png")} aria-label={format!("Download {title} as PNG")}>{ "PNG" }</button>
                <button data-export="svg" onclick={export(props, "svg")} aria-label={format!("Download {title} as SVG")}>{ "SVG" }</button>
                <button data-export="csv" onclick={export(props, "csv")} aria-label={format!("Download the data of {title} as CSV")}>{ "CSV" }</button>
                <button data-export="embed" onclick={embed} aria-expanded={snippet.is_some().then_some("true")}>{ "Embed" }</button>
            </figcaption>
            if let Some(code) = &*snippet {
                <textarea class="embed-snippet" readonly=true rows="3" aria-label="Embed code: paste it into a post" value={code.clone()} />
            }
        </>
    }
}
