//! ET Explorer, the web app: a Yew single-page app over the `et-engine` crate.
//!
//! - [`pages`]: one folder a model: its page component(s), state (reducer and URL
//!   parameter table), figures (built from engine results) and tables;
//! - [`components`]: generic widgets (slider, chart, select, notices…) that know no page;
//! - [`hooks`]: the URL state, pool runs, an element's width;
//! - [`paint_order`]: the page's order of drawing (charts first, then what waits), used by
//!   components and hooks alike;
//! - [`charts`]: figures as data and their plotters drawing, generic over the backend;
//! - [`worker`]: long runs in Web Workers, one registry of job kinds;
//! - [`url_state`]: routes, parameter tables and choices in the URL, in one place.
//!
//! The site is one wasm bundle a page (`src/bin/page-*.rs`, each calling [`run`] with its
//! page's component) and the worker (`src/bin/mc-worker.rs`).

pub mod app;
pub mod charts;
pub mod components;
pub mod export;
pub mod format;
pub mod hooks;
pub mod pages;
pub mod paint_order;
pub mod url_state;
pub mod worker;

/// Shows a fatal error on the page (the `#fatal` element) instead of a blank page.
pub fn show_fatal(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = doc.get_element_by_id("fatal") {
        el.set_text_content(Some(&format!(
            "ET Explorer stopped with an error: {message}. Reload the page: your settings are kept in the URL."
        )));
        let _ = el.remove_attribute("hidden");
    }
}

/// Starts the app in the `#app` element, showing `page` (each page's bundle, in
/// `src/bin/page-*.rs`, calls this with its own component).
pub fn run(page: pages::Page, view: fn(url_state::Route) -> yew::Html) {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_fatal(&info.to_string());
    }));
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            let bundle = app::Bundle { page, view };
            yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { bundle }).render();
        }
        None => show_fatal("the page has no #app element"),
    }
}
