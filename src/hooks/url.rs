//! The location hash: reading it, replacing it, following it, and a page state that
//! lives in it.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::url_state::{encode, Route, SHELL_KEYS};

/// Properties of a routed page.
#[derive(Properties, PartialEq)]
pub struct PageProps {
    /// The route the page was opened with.
    pub route: Route,
}

/// The current location hash.
pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// `hash` with the current location's shell keys (`embed=`, `controls=`) kept, so an
/// embedded view reloads as the same embed.
fn keep_shell_keys(hash: &str) -> String {
    let current = Route::parse(&current_hash());
    let kept: Vec<String> = SHELL_KEYS
        .iter()
        .filter_map(|k| current.get(k).map(|v| format!("{k}={}", encode(v))))
        .collect();
    if kept.is_empty() || Route::parse(hash).page != current.page {
        return hash.to_string();
    }
    let sep = if hash.ends_with('?') {
        ""
    } else if hash.contains('?') {
        "&"
    } else {
        "?"
    };
    format!("{hash}{sep}{}", kept.join("&"))
}

/// Replaces the location hash without a history entry or a `hashchange` event (an
/// embed's own keys kept, today's model version added: the address bar is a link).
pub fn replace_hash(hash: &str) {
    let Some(w) = web_sys::window() else { return };
    let hash = keep_shell_keys(&crate::url_state::versioned(hash));
    if current_hash() == hash {
        return;
    }
    if let Ok(h) = w.history() {
        // A failure leaves the old URL; the page itself is unaffected.
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
    }
}

/// The route in the location hash, following `hashchange` events.
#[hook]
pub fn use_route() -> UseStateHandle<Route> {
    let route = use_state_eq(|| Route::parse(&current_hash()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "hashchange", move |_| route.set(Route::parse(&current_hash()))));
            move || drop(listener)
        });
    }
    route
}

/// A page state that lives in the URL.
pub trait UrlState: Reducible + Clone + PartialEq + 'static {
    /// The state a route describes, with a notice for each ignored parameter.
    fn from_route(route: &Route) -> (Self, Vec<String>);
    /// The route that restores the state exactly.
    fn to_route(&self) -> String;
    /// The reducer action that replaces the whole state.
    fn replace(next: Self) -> Self::Action;
}

/// Implements [`UrlState`] for a state with inherent `from_route`/`to_route` and an
/// `Action::Replace` in scope.
#[macro_export]
macro_rules! impl_url_state {
    ($t:ty) => {
        impl $crate::hooks::url::UrlState for $t {
            fn from_route(route: &$crate::url_state::Route) -> (Self, Vec<String>) {
                <$t>::from_route(route)
            }

            fn to_route(&self) -> String {
                <$t>::to_route(self)
            }

            fn replace(next: Self) -> Action {
                Action::Replace(next)
            }
        }
    };
}

/// A page's state, read from its route (again whenever the route changes) and written
/// back to the URL on every change. Returns the state and the route's notices.
#[hook]
pub fn use_url_state<S: UrlState>(route: &Route) -> (UseReducerHandle<S>, Rc<(S, Vec<String>)>) {
    let parsed = use_memo(route.clone(), |r| S::from_route(r));
    let state = use_reducer_eq({
        let initial = parsed.0.clone();
        move || initial
    });
    {
        let (d, parsed) = (state.dispatcher(), parsed.clone());
        use_effect_with(parsed, move |p| d.dispatch(S::replace(p.0.clone())));
    }
    use_effect_with((*state).clone(), |s| replace_hash(&s.to_route()));
    (state, parsed)
}
