//! The embed panel of a chart: an `<iframe>` snippet (controls opt-in), a Markdown
//! snippet for platforms that show no iframes, and copy buttons.

use yew::prelude::*;

use crate::hooks::url::current_hash;
use crate::url_state::{Route, SHELL_KEYS};

/// `s` with `&`, `"`, `<` and `>` escaped, for an HTML attribute.
fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// `hash` with `extra` (`k=v&…`) appended to its query.
fn with_query(hash: &str, extra: &str) -> String {
    if extra.is_empty() {
        hash.to_string()
    } else if hash.ends_with('?') {
        format!("{hash}{extra}")
    } else {
        format!("{hash}&{extra}")
    }
}

/// The page's address without its hash, and the current view's hash without embed keys.
fn live_view() -> (String, String) {
    let hash = Route::parse(&current_hash()).hash_without(&SHELL_KEYS);
    let base = web_sys::window()
        .map(|w| w.location())
        .map(|l| format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default()))
        .unwrap_or_default();
    (base, hash)
}

/// The `<iframe>` that shows chart `name` alone (with its page's controls if asked).
pub fn iframe_snippet(name: &str, title: &str, controls: bool) -> String {
    let (base, hash) = live_view();
    let extra = if controls {
        format!("embed={name}&controls=1")
    } else {
        format!("embed={name}")
    };
    format!(
        "<iframe src=\"{}\" width=\"720\" height=\"{}\" style=\"border:0;max-width:100%\" title=\"ET Explorer: {}\"></iframe>",
        attr_escape(&format!("{base}{}", with_query(&hash, &extra))),
        if controls { 760 } else { 480 },
        attr_escape(title)
    )
}

/// Markdown: the chart's PNG (a file the author uploads) linking to the live view.
pub fn markdown_snippet(name: &str, title: &str) -> String {
    let (base, hash) = live_view();
    let alt = title.replace(['[', ']'], "");
    format!("[![{alt}](et-explorer-{name}.png)]({base}{hash})\n*Interactive version: [ET Explorer]({base}{hash})*")
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
    html! {
        <div class="embed-panel">
            <label class="check" for={check_id.clone()}>
                <input type="checkbox" id={check_id} checked={*controls} onchange={toggle} />
                { "Show the page's controls in the frame" }
            </label>
            { snippet(format!("embed-{name}-iframe"), "Embed code (sites that allow iframes)", iframe_snippet(name, title, *controls), &copied) }
            { snippet(format!("embed-{name}-markdown"), format!("Markdown (ethresear.ch, Mirror, Substack): download the PNG above (et-explorer-{name}.png), upload it where you post, and the image links to the live view"), markdown_snippet(name, title), &copied) }
        </div>
    }
}
