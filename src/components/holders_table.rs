//! The editable table of primary-market holders: one row a holder, one number field a
//! column; a bad entry is kept with a message naming the holder and the column.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::format;
use crate::state::market::{HolderRow, MAX_HOLDERS};
use crate::state::market_holders::{cell, columns, set_cell};

/// Properties of [`HoldersTable`].
#[derive(Properties, PartialEq)]
pub struct HoldersTableProps {
    /// The rows in force.
    pub rows: Vec<HolderRow>,
    /// Called with the whole table after an edit.
    pub on_change: Callback<Vec<HolderRow>>,
}

type Cell = (usize, usize);

/// The table with add and remove buttons.
#[function_component]
pub fn HoldersTable(props: &HoldersTableProps) -> Html {
    // What is being typed and what was rejected, kept across re-renders.
    let drafts = use_state(Vec::<(Cell, String)>::new);
    let errors = use_state(Vec::<(Cell, String)>::new);
    let without = |v: &[(Cell, String)], at: Cell| v.iter().filter(|(c, _)| *c != at).cloned().collect::<Vec<_>>();
    let input = |i: usize, col: usize| {
        let at = (i, col);
        let oninput = {
            let drafts = drafts.clone();
            Callback::from(move |e: InputEvent| {
                let mut d = without(&drafts, at);
                d.push((at, e.target_unchecked_into::<HtmlInputElement>().value()));
                drafts.set(d);
            })
        };
        let onchange = {
            let (rows, cb, drafts, errors) = (
                props.rows.clone(),
                props.on_change.clone(),
                drafts.clone(),
                errors.clone(),
            );
            Callback::from(move |e: Event| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                let p = &columns()[col];
                let mut errs = without(&errors, at);
                match p.parse(&text) {
                    Ok(v) => {
                        drafts.set(without(&drafts, at));
                        let mut rows = rows.clone();
                        set_cell(&mut rows[i], col, v);
                        cb.emit(rows);
                    }
                    Err(why) => errs.push((at, format!("Holder {}: {why}", i + 1))),
                }
                errors.set(errs);
            })
        };
        let shown = drafts
            .iter()
            .find(|(c, _)| *c == at)
            .map_or_else(|| format::sig(cell(&props.rows[i], col), 6), |(_, t)| t.clone());
        let bad = errors.iter().any(|(c, _)| *c == at);
        let label = format!("Holder {} {}", i + 1, columns()[col].label);
        html! {
            <td class={classes!(bad.then_some("invalid"))}>
                <input type="text" inputmode="decimal" class="number" value={shown} {oninput} {onchange}
                    aria-label={label} aria-invalid={bad.then_some("true")} />
            </td>
        }
    };
    let reset = {
        let (drafts, errors) = (drafts.clone(), errors.clone());
        move || {
            drafts.set(vec![]);
            errors.set(vec![]);
        }
    };
    let rows = (0..props.rows.len()).map(|i| {
        let remove = {
            let (rows, cb, reset) = (props.rows.clone(), props.on_change.clone(), reset.clone());
            Callback::from(move |_: MouseEvent| {
                reset();
                let mut rows = rows.clone();
                rows.remove(i);
                cb.emit(rows);
            })
        };
        html! {
            <tr key={i}>
                <th scope="row">{ i + 1 }</th>
                { for (0..4).map(|c| input(i, c)) }
                <td><button class="remove" onclick={remove} disabled={props.rows.len() <= 1}
                    aria-label={format!("Remove holder {}", i + 1)}>{ "×" }</button></td>
            </tr>
        }
    });
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
            { for errors.iter().map(|(_, m)| html! { <div class="field-error" role="alert">{ m.clone() }</div> }) }
            <button class="preset" onclick={add} disabled={props.rows.len() >= MAX_HOLDERS}>{ "+ Add a holder" }</button>
        </div>
    }
}
