//! The view of a run's last outcome, built once per outcome and state: a page re-renders
//! at every progress message of the next run, and rebuilding every figure (and redrawing
//! every chart) then made frames of 50–400 ms.

use std::rc::Rc;

use yew::prelude::*;

/// An outcome compared by identity (a new run's result is a new `Rc`; holding it keeps
/// its address from being reused by another).
struct Same<O>(Option<Rc<O>>);

impl<O> PartialEq for Same<O> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

/// `view(state, outcome)` for the run's last outcome (nothing before the first), rebuilt
/// only when the state or the outcome (by identity: a new run's result) changes.
#[hook]
pub fn use_outcome_view<S, O>(state: &S, last: Option<Rc<O>>, view: fn(&S, &Rc<O>) -> Html) -> Html
where
    S: Clone + PartialEq + 'static,
    O: 'static,
{
    let html = use_memo((state.clone(), Same(last)), move |(s, last)| {
        last.0.as_ref().map_or_else(Html::default, |o| view(s, o))
    });
    (*html).clone()
}
