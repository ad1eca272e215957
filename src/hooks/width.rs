//! An element's width in CSS pixels, following resizes.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver};
use yew::prelude::*;

/// Watches an element's width; disconnects when dropped.
struct WidthObserver {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for WidthObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

fn observe_width(node: &NodeRef, set: UseStateSetter<u32>) -> Option<WidthObserver> {
    let el: Element = node.cast()?;
    set.set(el.client_width().max(0) as u32);
    let target = el.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| {
        set.set(target.client_width().max(0) as u32);
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&el);
    Some(WidthObserver {
        observer,
        _callback: callback,
    })
}

/// The width of the element `node` refers to (0 until it is mounted).
#[hook]
pub fn use_element_width(node: &NodeRef) -> u32 {
    let width = use_state_eq(|| 0u32);
    {
        let (node, setter) = (node.clone(), width.setter());
        use_effect_with((), move |_| {
            let observer = observe_width(&node, setter);
            move || drop(observer)
        });
    }
    *width
}
