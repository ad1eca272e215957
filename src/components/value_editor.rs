//! An editable list of players' values: type, add, remove; a bad entry is kept with a
//! message naming the player.

use yew::prelude::*;

use super::drafts::use_drafts;
use crate::format;
use crate::url_state::Param;

/// Properties of [`ValueEditor`].
#[derive(Properties, PartialEq)]
pub struct ValueEditorProps {
    /// The values in force.
    pub values: Vec<f64>,
    /// Domain of one value.
    pub param: Param,
    /// Called with (player index, new value).
    pub on_set: Callback<(usize, f64)>,
    pub on_add: Callback<()>,
    pub on_remove: Callback<usize>,
    /// Fewest and most players.
    pub min: usize,
    pub max: usize,
}

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

/// After a removal, focus goes to the remove button now in the removed row's place
/// (the last row's when the last was removed), else its value, else the Add button.
#[hook]
fn use_focus_after_removal(len: usize) -> UseStateHandle<Option<usize>> {
    let removed = use_state_eq(|| None::<usize>);
    {
        let removed = removed.clone();
        use_effect_with(len, move |len| {
            if let Some(i) = *removed {
                let j = i.min(len.saturating_sub(1));
                let _ = focus_id(&format!("remove-{j}")) || focus_id(&format!("value-{j}")) || focus_id("value-add");
                removed.set(None);
            }
        });
    }
    removed
}

/// One row a player.
#[function_component]
pub fn ValueEditor(props: &ValueEditorProps) -> Html {
    let drafts = use_drafts::<usize>();
    let removed = use_focus_after_removal(props.values.len());
    let rows = props.values.iter().enumerate().map(|(i, v)| {
        let set = props.on_set.reform(move |v| (i, v));
        let onchange = drafts.onchange(i, props.param.clone(), format!("Player {}", i + 1), set);
        let remove = {
            let (cb, drafts, removed) = (props.on_remove.clone(), drafts.clone(), removed.clone());
            Callback::from(move |_: MouseEvent| {
                drafts.clear();
                removed.set(Some(i));
                cb.emit(i)
            })
        };
        let shown = drafts.shown(&i, format::sig(*v, 6));
        let err = drafts.error(&i);
        html! {
            <div class={classes!("value-row", err.is_some().then_some("invalid"))} key={i}>
                <label for={format!("value-{i}")}>{ format!("Player {}", i + 1) }</label>
                <input type="text" inputmode="decimal" class="number" id={format!("value-{i}")}
                    value={shown} oninput={drafts.oninput(i)} {onchange} aria-invalid={err.is_some().then_some("true")} />
                <span class="unit">{ props.param.unit }</span>
                <button class="remove" id={format!("remove-{i}")} onclick={remove} disabled={props.values.len() <= props.min}
                    aria-label={format!("Remove player {}", i + 1)}>{ "×" }</button>
                if let Some(m) = err { <div class="field-error" role="alert">{ m }</div> }
            </div>
        }
    });
    let add = props.on_add.reform(|_: MouseEvent| ());
    html! {
        <div class="value-editor">
            { for rows }
            <button class="preset" id="value-add" onclick={add} disabled={props.values.len() >= props.max}>{ "+ Add a player" }</button>
        </div>
    }
}
