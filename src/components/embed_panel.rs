//! The embed panel of a chart: an `<iframe>` snippet (controls opt-in), a Markdown
//! snippet for platforms that show no iframes, and copy buttons. The snippets link the
//! published address (`scripts/publish`), else this page's, with a warning when that
//! only opens on this machine.

use yew::prelude::*;

use super::chart_tools::current_provenance;
use crate::url_state::site::{current_link, is_private, link_base};

/// `s` with `&`, `"`, `<` and `>` escaped, for an HTML attribute.
fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `link` with `extra` (`k=v&…`) appended to its query.
fn with_query(link: &str, extra: &str) -> String {
    if extra.is_empty() {
        link.to_string()
    } else if link.ends_with('?') {
        format!("{link}{extra}")
    } else if link.contains('?') {
        format!("{link}&{extra}")
    } else {
        format!("{link}?{extra}")
    }
}

/// The `<iframe>` of chart `name` at `link` (with its page's controls if asked).
pub fn iframe_code(link: &str, name: &str, title: &str, controls: bool) -> String {
    let extra = if controls {
        format!("embed={name}&controls=1")
    } else {
        format!("embed={name}")
    };
    format!(
        "<iframe src=\"{}\" width=\"720\" height=\"{}\" style=\"border:0;max-width:100%\" title=\"ET Explorer: {}\"></iframe>",
        attr_escape(&with_query(link, &extra)),
        if controls { 760 } else { 480 },
        attr_escape(title)
    )
}

/// Markdown: the chart's PNG `file` (a file the author uploads) linking to `link`.
pub fn markdown_code(link: &str, file: &str, title: &str) -> String {
    let alt = title.replace(['[', ']'], "");
    format!("[![{alt}]({file})]({link})\n*Interactive version: [ET Explorer]({link})*")
}

/// The `<iframe>` that shows chart `name` alone in the current view.
pub fn iframe_snippet(name: &str, title: &str, controls: bool) -> String {
    iframe_code(&current_link(), name, title, controls)
}

/// Markdown for chart `name` in the current view, naming the PNG its download gives.
pub fn markdown_snippet(name: &str, title: &str) -> String {
    let cite = current_provenance(name, title);
    markdown_code(&cite.link, &cite.file_name("png"), title)
}

/// When the snippets point to an address only this machine or network opens: what that
/// means for a reader and how to publish.
fn local_warning(base: &str) -> Html {
    if !is_private(base) {
        return html! {};
    }
    html! {
        <p class="embed-local" role="note">
            <strong>{ "Only works on this machine: " }</strong>
            { format!("these snippets point to {base}, which readers of your post cannot open. ") }
            { "Publish the site first — " }
            <code>{ "scripts/publish https://your.site/path/" }</code>
            { " builds it for that address (see the README, “Publishing”) — and the snippets will use it." }
        </p>
    }
}

/// Properties of [`EmbedPanel`].
#[derive(Properties, PartialEq)]
pub struct EmbedPanelProps {
    pub name: AttrValue,
    pub title: AttrValue,
}

/// A snippet with its label and a copy button.
fn snippet(id: String, label: impl Into<String>, code: String, copied: &UseStateHandle<Option<String>>) -> Html {
    let label: String = label.into();
    let copy = {
        let (copied, code, id) = (copied.clone(), code.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            let ok = crate::export::copy_to_clipboard(&code);
            copied.set(Some(if ok { id.clone() } else { String::new() }));
        })
    };
    let state = match copied.as_deref() {
        Some(c) if c == id => "Copied",
        Some("") => "Select the text and copy it",
        _ => "Copy",
    };
    html! {
        <div class="snippet">
            <label for={id.clone()}>{ label.clone() }</label>
            <textarea id={id} class="embed-snippet" readonly=true rows="3" value={code} />
            <button class="copy" onclick={copy} aria-label={format!("{state}: {label}")}>{ state }</button>
        </div>
    }
}

/// The snippets to put a chart in a post.
#[function_component]
pub fn EmbedPanel(props: &EmbedPanelProps) -> Html {
    let controls = use_state_eq(|| false);
    let copied = use_state_eq(|| None::<String>);
    let toggle = {
        let controls = controls.clone();
        Callback::from(move |e: Event| controls.set(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked()))
    };
    let (name, title) = (props.name.as_str(), props.title.as_str());
    let check_id = format!("embed-{name}-controls");
    let file = current_provenance(name, title).file_name("png");
    html! {
        <div class="embed-panel">
            { local_warning(&link_base()) }
            <label class="check" for={check_id.clone()}>
                <input type="checkbox" id={check_id} checked={*controls} onchange={toggle} />
                { "Show the page's controls in the frame" }
            </label>
            { snippet(format!("embed-{name}-iframe"), "Embed code (sites that allow iframes)", iframe_snippet(name, title, *controls), &copied) }
            { snippet(format!("embed-{name}-markdown"), format!("Markdown (ethresear.ch, Mirror, Substack): download the PNG above ({file}), upload it where you post, and the image links to the live view"), markdown_snippet(name, title), &copied) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_name_the_link_and_the_png() {
        let link = "https://example.org/et/#/allocation?v=4,3&mv=3";
        let code = iframe_code(link, "tradeoff", "Revenue & fairness", false);
        assert_eq!(
            code,
            "<iframe src=\"https://example.org/et/#/allocation?v=4,3&amp;mv=3&amp;embed=tradeoff\" width=\"720\" height=\"480\" style=\"border:0;max-width:100%\" title=\"ET Explorer: Revenue &amp; fairness\"></iframe>"
        );
        assert!(iframe_code(link, "tradeoff", "t", true)
            .contains("embed=tradeoff&amp;controls=1\" width=\"720\" height=\"760\""));
        let md = markdown_code(link, "et-explorer-allocation-tradeoff-0123abcd.png", "The [trade-off]");
        assert_eq!(
            md,
            "[![The trade-off](et-explorer-allocation-tradeoff-0123abcd.png)](https://example.org/et/#/allocation?v=4,3&mv=3)\n*Interactive version: [ET Explorer](https://example.org/et/#/allocation?v=4,3&mv=3)*"
        );
        assert_eq!(with_query("https://x/#/a", "embed=b"), "https://x/#/a?embed=b");
    }
}
