//! ET Explorer, the web app: a Yew single-page app over the `et-engine` crate.
//!
//! - [`components`]: reusable function components (slider, chart, notices);
//! - [`views`]: one page a model;
//! - [`charts`]: figures as data and their plotters drawing, testable;
//! - [`state`]: each page's state and reducer; [`url_state`]: the URL, in one place.

pub mod app;
pub mod charts;
pub mod components;
pub mod export;
pub mod format;
pub mod state;
pub mod url_state;
pub mod views;
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

/// Starts the app in the `#app` element.
pub fn run() {
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
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => show_fatal("the page has no #app element"),
    }
}
