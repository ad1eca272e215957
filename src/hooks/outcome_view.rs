//! The view of a run's last outcome, built once per outcome and state: a page re-renders
//! at every progress message of the next run, and rebuilding every figure (and redrawing
//! every chart) then made frames of 50–400 ms.

use std::rc::Rc;

use yew::prelude::*;

/// `view(state, outcome)` for the run's last outcome (nothing before the first), rebuilt
/// only when the state or the outcome (by identity: a new run's result) changes.
#[hook]
pub fn use_outcome_view<S, O>(state: &S, last: Option<Rc<O>>, view: fn(&S, &Rc<O>) -> Html) -> Html
where
    S: Clone + PartialEq + 'static,
    O: 'static,
{
    let key = (state.clone(), last.as_ref().map(|o| Rc::as_ptr(o) as usize));
    let html = use_memo(key, move |(s, _)| {
        last.as_ref().map_or_else(Html::default, |o| view(s, o))
    });
    (*html).clone()
}
