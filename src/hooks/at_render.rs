//! Work started by the render that first needs it.

use yew::prelude::*;

/// Calls `f(&deps)` in this render when `deps` differ from the last call's (and in the
/// first render): [`use_effect_with`] without a cleanup, but at once. A page's run then
/// reaches its workers before yew has rendered (and the browser laid out) the rest of
/// the page — on a cold load 100–150 ms sooner — which `use_effect_with` would wait for
/// (effects run once the whole page has rendered). `f` may set state: the component
/// then renders again, with the same `deps`, so `f` is not called twice.
#[hook]
pub fn use_start_with<D, F>(deps: D, f: F)
where
    D: PartialEq + 'static,
    F: FnOnce(&D),
{
    let last = use_mut_ref(|| None::<D>);
    let changed = last.borrow().as_ref() != Some(&deps);
    if changed {
        f(&deps);
        *last.borrow_mut() = Some(deps);
    }
}
