//! The editable table of primary-market holders: one row a holder, one number field a
//! column; a bad entry is kept with a message naming the holder and the column.

use yew::prelude::*;

use super::holders::{cell, columns, set_cell, HolderRow, MAX_HOLDERS};
use crate::components::drafts::{use_drafts, Drafts};
use crate::components::focus::{use_focus_after_removal, RowIds};
use crate::format;

/// Properties of [`HoldersTable`].
#[derive(Properties, PartialEq)]
pub struct HoldersTableProps {
    /// The rows in force.
    pub rows: Vec<HolderRow>,
    /// Called with the whole table after an edit.
    pub on_change: Callback<Vec<HolderRow>>,
}

/// The ids focus moves between after a removal.
const IDS: RowIds = RowIds {
    remove: "holder-remove-",
    first: "holder-budget-",
    add: "holder-add",
};

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
    let shown = drafts.shown(&at, format::compact(cell(&props.rows[i], col), 6));
    let bad = drafts.error(&at).is_some();
    let label = format!("Holder {} {}", i + 1, columns()[col].label);
    html! {
        <td class={classes!(bad.then_some("invalid"))}>
            <input type="text" inputmode="decimal" class="number" value={shown}
                id={(col == 0).then(|| format!("{}{i}", IDS.first))} oninput={drafts.oninput(at)} {onchange}
                aria-label={label} aria-invalid={bad.then_some("true")} />
        </td>
    }
}

/// Holder `i`'s row with its Remove button.
fn holder_row(
    props: &HoldersTableProps,
    drafts: &Drafts<(usize, usize)>,
    removed: &UseStateHandle<Option<usize>>,
    i: usize,
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
            <td><button class="remove" id={format!("{}{i}", IDS.remove)} onclick={remove} disabled={props.rows.len() <= 1}
                aria-label={format!("Remove holder {}", i + 1)}>{ "×" }</button></td>
        </tr>
    }
}

/// The table with add and remove buttons.
#[function_component]
pub fn HoldersTable(props: &HoldersTableProps) -> Html {
    let drafts = use_drafts::<(usize, usize)>();
    let removed = use_focus_after_removal(props.rows.len(), IDS);
    let rows = (0..props.rows.len()).map(|i| holder_row(props, &drafts, &removed, i));
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
            <button class="preset" id={IDS.add} onclick={add} disabled={props.rows.len() >= MAX_HOLDERS}>{ "+ Add a holder" }</button>
        </div>
    }
}
