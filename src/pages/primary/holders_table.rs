//! The editable table of primary-market holders: one row a holder, one number field a
//! column; a bad entry is kept with a message naming the holder and the column.

use yew::prelude::*;

use super::holders::{cell, columns, set_cell, HolderRow, MAX_HOLDERS};
use crate::components::drafts::{use_drafts, Drafts};
use crate::components::value_editor::focus_id;
use crate::format;

/// Properties of [`HoldersTable`].
#[derive(Properties, PartialEq)]
pub struct HoldersTableProps {
    /// The rows in force.
    pub rows: Vec<HolderRow>,
    /// Called with the whole table after an edit.
    pub on_change: Callback<Vec<HolderRow>>,
}

/// The number field of holder `i`'s column `col`.
fn cell_input(props: &HoldersTableProps, drafts: &Drafts<(usize, usize)>, i: usize, col: usize) -> Html {
    let at = (i, col);
    let commit = {
        let (rows, cb) = (props.rows.clone(), props.on_change.clone());
        Callback::from(move |v: f64| {
            let mut rows = rows.clone();
            set_cell(&mut rows[i], col, v);
            cb.emit(rows);
        })
    };
    let onchange = drafts.onchange(at, columns()[col].clone(), format!("Holder {}", i + 1), commit);
    let shown = drafts.shown(&at, format::sig(cell(&props.rows[i], col), 6));
    let bad = drafts.error(&at).is_some();
    let label = format!("Holder {} {}", i + 1, columns()[col].label);
    html! {
        <td class={classes!(bad.then_some("invalid"))}>
            <input type="text" inputmode="decimal" class="number" value={shown} oninput={drafts.oninput(at)} {onchange}
                aria-label={label} aria-invalid={bad.then_some("true")} />
        </td>
    }
}

/// After a removal, focus goes to the Remove button now in the removed row's place (the
/// new last row's when the last was removed), else to the Add button.
#[hook]
fn use_focus_after_removal(len: usize) -> UseStateHandle<Option<usize>> {
    let removed = use_state_eq(|| None::<usize>);
    {
        let removed = removed.clone();
        use_effect_with(len, move |len| {
            if let Some(i) = *removed {
                let j = i.min(len.saturating_sub(1));
                let _ = focus_id(&format!("holder-remove-{j}")) || focus_id("holder-add");
                removed.set(None);
            }
        });
    }
    removed
}

/// Holder `i`'s row with its Remove button; `removed` learns which row went.
fn holder_row(
    props: &HoldersTableProps,
    drafts: &Drafts<(usize, usize)>,
    i: usize,
    removed: &UseStateHandle<Option<usize>>,
) -> Html {
    let remove = {
        let (rows, cb, drafts, removed) = (
            props.rows.clone(),
            props.on_change.clone(),
            drafts.clone(),
            removed.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            drafts.clear();
            removed.set(Some(i));
            let mut rows = rows.clone();
            rows.remove(i);
            cb.emit(rows);
        })
    };
    html! {
        <tr key={i}>
            <th scope="row">{ i + 1 }</th>
            { for (0..4).map(|c| cell_input(props, drafts, i, c)) }
            <td><button class="remove" id={format!("holder-remove-{i}")} onclick={remove} disabled={props.rows.len() <= 1}
                aria-label={format!("Remove holder {}", i + 1)}>{ "×" }</button></td>
        </tr>
    }
}

/// The table with add and remove buttons.
#[function_component]
pub fn HoldersTable(props: &HoldersTableProps) -> Html {
    let drafts = use_drafts::<(usize, usize)>();
    let removed = use_focus_after_removal(props.rows.len());
    let rows = (0..props.rows.len()).map(|i| holder_row(props, &drafts, i, &removed));
    let add = {
        let (rows, cb) = (props.rows.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut rows = rows.clone();
            rows.push(*rows.last().unwrap_or(&HolderRow {
                budget: 500.0,
                capture: 0.85,
                annual: 0.05,
                margin: 0.15,
            }));
            cb.emit(rows);
        })
    };
    let head = columns().iter().map(|p| {
        let unit = if p.unit.is_empty() {
            String::new()
        } else {
            format!(" ({})", p.unit)
        };
        html! { <th scope="col">{ format!("{}{unit}", p.label) }</th> }
    });
    html! {
        <div class="holders-table">
            <div class="table-scroll">
                <table aria-label="Holders">
                    <thead><tr><th scope="col">{ "#" }</th>{ for head }<th></th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { for drafts.errors().into_iter().map(|m| html! { <div class="field-error" role="alert">{ m }</div> }) }
            <button class="preset" id="holder-add" onclick={add} disabled={props.rows.len() >= MAX_HOLDERS}>{ "+ Add a holder" }</button>
        </div>
    }
}
