//! Keeping keyboard focus in place after a row of a list is removed.

use yew::prelude::*;

/// Focuses the element with id `id` if it exists and is enabled; whether it did.
pub fn focus_id(id: &str) -> bool {
    use wasm_bindgen::JsCast;
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match el {
        Some(e) if !e.has_attribute("disabled") => e.focus().is_ok(),
        _ => false,
    }
}

/// Element ids of a list's rows: `{remove}{i}` is row `i`'s remove button, `{first}{i}`
/// its first field, `add` the list's Add button.
#[derive(Clone, Copy, PartialEq)]
pub struct RowIds {
    pub remove: &'static str,
    pub first: &'static str,
    pub add: &'static str,
}

/// After a removal (set the returned state to the removed row's index), focus goes to
/// the remove button now in the removed row's place (the last row's when the last was
/// removed), else that row's first field, else the Add button — never to `<body>`.
#[hook]
pub fn use_focus_after_removal(len: usize, ids: RowIds) -> UseStateHandle<Option<usize>> {
    let removed = use_state_eq(|| None::<usize>);
    {
        let removed = removed.clone();
        use_effect_with(len, move |len| {
            if let Some(i) = *removed {
                let j = i.min(len.saturating_sub(1));
                let _ = focus_id(&format!("{}{j}", ids.remove))
                    || focus_id(&format!("{}{j}", ids.first))
                    || focus_id(ids.add);
                removed.set(None);
            }
        });
    }
    removed
}
