//! The app shell: header, navigation between pages, hash routing.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::components::Notices;
use crate::url_state::Route;
use crate::views::{AllocationPage, MarketPage, SecondaryPage, TicketValuePage};

/// The pages, in navigation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    TicketValue,
    Allocation,
    Secondary,
    Primary,
}

impl Page {
    /// Every page.
    pub const ALL: [Page; 4] = [Page::TicketValue, Page::Allocation, Page::Secondary, Page::Primary];

    /// Its name in the route.
    pub fn slug(self) -> &'static str {
        match self {
            Page::TicketValue => crate::state::ticket::PAGE,
            Page::Allocation => crate::state::allocation::PAGE,
            Page::Secondary => crate::state::secondary::PAGE,
            Page::Primary => crate::state::market::PAGE,
        }
    }

    /// Its title in the navigation.
    pub fn title(self) -> &'static str {
        match self {
            Page::TicketValue => "Ticket value",
            Page::Allocation => "Allocation",
            Page::Secondary => "Secondary market",
            Page::Primary => "Primary market",
        }
    }

    /// The page a route names; `None` for an unknown one.
    pub fn from_slug(slug: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.slug() == slug)
    }
}

/// The current location hash.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Replaces the location hash without a history entry or a `hashchange` event.
pub fn replace_hash(hash: &str) {
    let Some(w) = web_sys::window() else { return };
    if current_hash() == hash {
        return;
    }
    if let Ok(h) = w.history() {
        // A failure leaves the old URL; the page itself is unaffected.
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(hash));
    }
}

/// The whole app.
#[function_component]
pub fn App() -> Html {
    let route = use_state_eq(|| Route::parse(&current_hash()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = Closure::<dyn FnMut()>::new(move || route.set(Route::parse(&current_hash())));
            let window = web_sys::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(w) = window {
                    let _ = w.remove_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
                }
            }
        });
    }
    let (page, notice) = match Page::from_slug(&route.page) {
        Some(p) => (p, None),
        None if route.page.is_empty() => (Page::TicketValue, None),
        None => (
            Page::TicketValue,
            Some(format!(
                "There is no page “{}”; showing {}.",
                route.page.chars().take(40).collect::<String>(),
                Page::TicketValue.title()
            )),
        ),
    };
    let copied = use_state_eq(|| None::<bool>);
    let share = {
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            let href = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            copied.set(Some(crate::export::copy_to_clipboard(&href)));
        })
    };
    let share_text = match *copied {
        Some(true) => "Link copied",
        Some(false) => "Copy the address bar: it holds every setting",
        None => "Share",
    };
    let page_view = match page {
        Page::TicketValue => html! { <TicketValuePage route={(*route).clone()} /> },
        Page::Allocation => html! { <AllocationPage route={(*route).clone()} /> },
        Page::Secondary => html! { <SecondaryPage route={(*route).clone()} /> },
        Page::Primary => html! { <MarketPage route={(*route).clone()} /> },
    };
    if let Some(chart) = route.embed() {
        let open = route.hash_without(&crate::url_state::SHELL_KEYS);
        return embedded(chart, route.embed_controls(), page_view, &open);
    }
    let bad_embed = route
        .get("embed")
        .is_some()
        .then(|| "Ignored the link's embed: a chart name is lowercase letters, digits and dashes.".to_string());
    let nav = Page::ALL.iter().map(|&p| {
        let current = (p == page).then_some("page");
        html! { <a href={format!("#/{}", p.slug())} aria-current={current}>{ p.title() }</a> }
    });
    html! {
        <>
            <header class="site-header">
                <a class="brand" href="#/">{ "ET Explorer" }</a>
                <span class="tagline">{ "the economics of Ethereum execution tickets" }</span>
                <nav aria-label="Pages">{ for nav }</nav>
                <button class="share" onclick={share} title="Copy a link that restores this exact view">{ share_text }</button>
            </header>
            <main>
                <Notices items={notice.into_iter().chain(bad_embed).collect::<Vec<_>>()} />
                { page_view }
            </main>
            <footer class="site-footer">
                { "Values in ETH, time in slots of 12 s. Every control is in the URL: copy it to share this exact view." }
            </footer>
        </>
    }
}

/// One chart alone, chrome-less, filling its frame (with its page's controls when asked;
/// notices of ignored link parameters stay visible): the rest of the page is hidden by a style naming the chart, whose name
/// was checked to be plain (lowercase letters, digits, dashes).
fn embedded(chart: &str, controls: bool, page: Html, open: &str) -> Html {
    let mut css = format!(
        ".embed-root figure.chart:not([data-chart=\"{chart}\"]), .embed-root .formula, .embed-root .summary, \
         .embed-root table, .embed-root .verdict, .embed-root h2, .embed-root h3, \
         .embed-root .no-equilibrium, .embed-root .results > .hint, .embed-root .chart-error {{ display: none; }}"
    );
    if !controls {
        css.push_str(" .embed-root .controls, .embed-root .engine-controls, .embed-root .progress, .embed-root .results > .select { display: none; } .embed-root .page { grid-template-columns: minmax(0, 1fr); }");
    }
    let target = crate::components::chart::EmbedTarget(AttrValue::from(chart.to_string()));
    html! {
        <div class="embed-root" data-embed={chart.to_string()}>
            <style>{ css }</style>
            <ContextProvider<crate::components::chart::EmbedTarget> context={target}>
                { page }
            </ContextProvider<crate::components::chart::EmbedTarget>>
            <a class="embed-open" href={format!("./{open}")} target="_blank" rel="noopener">{ "Open in ET Explorer ↗" }</a>
        </div>
    }
}

/// Yields to the browser once (a zero-delay timer), so a long loop lets the page paint.
pub async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
