//! A computation on the page's thread cut into steps, one a task: each stays short (no
//! frame is held up), and the result shows when the last step is done.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

/// The result of `step` run on `start()`'s state once a task until it returns one,
/// started again whenever `deps` change (a run for older deps is dropped). Until the
/// first result: `None`; while a new one is computed, the last one stays.
#[hook]
pub fn use_stepped<D, S, T, F, G>(deps: D, start: F, step: G) -> Option<Rc<T>>
where
    D: PartialEq + 'static,
    S: 'static,
    T: 'static,
    F: FnOnce() -> S + 'static,
    G: FnMut(&mut S) -> Option<T> + 'static,
{
    let result = use_state(|| None::<Rc<T>>);
    {
        let result = result.clone();
        use_effect_with(deps, move |_| {
            let live = Rc::new(Cell::new(true));
            let still = live.clone();
            let mut step = step;
            wasm_bindgen_futures::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(0).await;
                let mut state = start();
                while still.get() {
                    if let Some(t) = step(&mut state) {
                        result.set(Some(Rc::new(t)));
                        return;
                    }
                    gloo_timers::future::TimeoutFuture::new(0).await;
                }
            });
            move || live.set(false)
        });
    }
    (*result).clone()
}
