//! An editable list of players' values: type, add, remove; a bad entry is kept with a
//! message naming the player.

use yew::prelude::*;

use super::drafts::use_drafts;
use super::focus::{use_focus_after_removal, RowIds};
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

/// The ids [`use_focus_after_removal`] moves focus between.
const IDS: RowIds = RowIds {
    remove: "remove-",
    first: "value-",
    add: "value-add",
};

/// One row a player.
#[function_component]
pub fn ValueEditor(props: &ValueEditorProps) -> Html {
    let drafts = use_drafts::<usize>();
    let removed = use_focus_after_removal(props.values.len(), IDS);
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
        let shown = drafts.shown(&i, format::compact(*v, 6));
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
