//! Page states: each a plain struct, one reducer, and its URL parameter table.

pub mod allocation;
pub mod lottery;
pub mod market;
pub mod market_holders;
pub mod market_params;
pub mod secondary;
pub mod ticket;

use std::rc::Rc;

use yew::prelude::*;

use crate::url_state::Route;

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
macro_rules! url_state {
    ($t:ty) => {
        impl $crate::state::UrlState for $t {
            fn from_route(route: &Route) -> (Self, Vec<String>) {
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
pub(crate) use url_state;

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
    use_effect_with((*state).clone(), |s| crate::app::replace_hash(&s.to_route()));
    (state, parsed)
}
