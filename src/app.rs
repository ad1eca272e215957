//! The app shell: header, navigation between pages, hash routing.

use et_engine::choice::Choice;
use yew::prelude::*;

use crate::components::chart::EmbedTarget;
use crate::components::embed_check::EmbedCheck;
use crate::components::Notices;
use crate::hooks::use_route;
use crate::pages::Page;
use crate::url_state::version::version_notices;
use crate::url_state::{Route, APP_VERSION, MODEL_VERSION, SHELL_KEYS};

/// The page a bundle renders. The site is one wasm bundle a page (index.html's loader
/// picks the route's; a route to another page reloads into that page's bundle), so each
/// bundle links only its own page, models and solvers.
#[derive(Clone, Copy)]
pub struct Bundle {
    pub page: Page,
    /// The page's component for a route.
    pub view: fn(Route) -> Html,
}

impl PartialEq for Bundle {
    fn eq(&self, other: &Self) -> bool {
        self.page == other.page
    }
}

/// The app's root properties: its bundle.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub bundle: Bundle,
}

/// The page a route names, with a notice for an unknown one.
fn resolve(route: &Route) -> (Page, Option<String>) {
    match Page::from_key(&route.page) {
        Some(p) => (p, None),
        None if route.page.is_empty() => (Page::TicketValue, None),
        None => (
            Page::TicketValue,
            Some(format!(
                "There is no page “{}”; showing {}.",
                crate::format::plain(&route.page, 40),
                Page::TicketValue.label()
            )),
        ),
    }
}

/// The page's component, or a line saying its bundle is on its way (the loader reloads
/// into it when the route names another page).
fn page_view(bundle: Bundle, page: Page, route: &Route) -> Html {
    if page == bundle.page {
        (bundle.view)(route.clone())
    } else {
        html! { <p class="loading" role="status">{ format!("Loading {}…", page.label()) }</p> }
    }
}

/// "Share": copies the link to this view (every setting, today's model version) at the
/// published address if the site has one.
#[function_component]
fn ShareButton() -> Html {
    let copied = use_state_eq(|| None::<bool>);
    let share = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let link = crate::url_state::site::current_link();
            copied.set(Some(crate::export::copy_to_clipboard(&link)));
        })
    };
    let share_text = match *copied {
        Some(true) => "Link copied",
        Some(false) => "Copy the address bar: it holds every setting",
        None => "Share",
    };
    html! {
        <button class="share" onclick={share} title="Copy a link that restores this exact view">{ share_text }</button>
    }
}

/// The header: brand, navigation and Share.
fn header(page: Page) -> Html {
    let nav = Page::ALL.iter().map(|&p| {
        let current = (p == page).then_some("page");
        html! { <a href={format!("#/{}", p.key())} aria-current={current}>{ p.label() }</a> }
    });
    html! {
        <header class="site-header">
            <a class="brand" href="#/">{ "ET Explorer" }</a>
            <span class="tagline">{ "the economics of Ethereum execution tickets" }</span>
            <nav aria-label="Pages">{ for nav }</nav>
            <ShareButton />
        </header>
    }
}

/// The whole app.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let route = use_route();
    let (page, notice) = resolve(&route);
    let view = page_view(props.bundle, page, &route);
    if let Some(chart) = route.embed() {
        let open = route.hash_without(&SHELL_KEYS);
        let changed = !version_notices(&route, page.key()).is_empty();
        return embedded(chart, route.embed_controls(), view, &open, changed);
    }
    let versions = version_notices(&route, page.key());
    let bad_embed = route
        .get("embed")
        .is_some()
        .then(|| "Ignored the link's embed: a chart name is lowercase letters, digits and dashes.".to_string());
    html! {
        <>
            { header(page) }
            <main>
                <h1 class="page-title">{ page.label() }</h1>
                <Notices items={notice.into_iter().chain(bad_embed).chain(versions).collect::<Vec<_>>()} />
                { view }
            </main>
            <footer class="site-footer">
                { "Values in ETH, time in slots of 12 s. Every control is in the URL: copy it to share this exact view." }
                <br />
                <span class="version">{ format!("ET Explorer {APP_VERSION} · model version {MODEL_VERSION} · ") }
                    <a href="models.html">{ "the models" }</a></span>
            </footer>
        </>
    }
}

/// One chart alone, chrome-less, filling its frame (with its page's controls when asked;
/// notices of ignored link parameters stay visible): the rest of the page is hidden by a style naming the chart, whose name
/// was checked to be plain (lowercase letters, digits, dashes).
fn embedded(chart: &str, controls: bool, page: Html, open: &str, changed: bool) -> Html {
    let mut css = format!(
        ".embed-root figure.chart:not([data-chart=\"{chart}\"]), .embed-root .formula, .embed-root .summary, \
         .embed-root table, .embed-root .verdict, .embed-root h2, .embed-root h3, .embed-root .about-model, \
         .embed-root .no-equilibrium, .embed-root .results > .hint, .embed-root .chart-error {{ display: none; }}"
    );
    if !controls {
        css.push_str(" .embed-root .controls, .embed-root .engine-controls, .embed-root .progress, .embed-root .results > .select { display: none; } .embed-root .page { grid-template-columns: minmax(0, 1fr); }");
    }
    let target = EmbedTarget(AttrValue::from(chart.to_string()));
    html! {
        <div class="embed-root" data-embed={chart.to_string()}>
            <style>{ css }</style>
            <h1 class="sr-only">{ format!("ET Explorer chart: {chart}") }</h1>
            <EmbedCheck chart={chart.to_string()} open={format!("./{open}")} />
            <ContextProvider<EmbedTarget> context={target}>
                { page }
            </ContextProvider<EmbedTarget>>
            <a class="embed-open" href={format!("./{open}")} target="_blank" rel="noopener">
                if changed {
                    <span class="embed-changed">{ "The model changed since this was embedded: open to see what · " }</span>
                }
                { "Open in ET Explorer ↗" }
            </a>
        </div>
    }
}
