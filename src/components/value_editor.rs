//! An editable list of players' values: type, add, remove; a bad entry is kept with a
//! message naming the player.

use web_sys::HtmlInputElement;
use yew::prelude::*;

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

/// One row a player.
#[function_component]
pub fn ValueEditor(props: &ValueEditorProps) -> Html {
    let errors = use_state(Vec::<(usize, String)>::new);
    // What is being typed, kept across re-renders until it is committed.
    let drafts = use_state(Vec::<(usize, String)>::new);
    let rows = props.values.iter().enumerate().map(|(i, v)| {
        let oninput = {
            let drafts = drafts.clone();
            Callback::from(move |e: InputEvent| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                let mut d: Vec<(usize, String)> = drafts.iter().filter(|(j, _)| *j != i).cloned().collect();
                d.push((i, text));
                drafts.set(d);
            })
        };
        let onchange = {
            let (param, on_set, errors, drafts) = (
                props.param.clone(),
                props.on_set.clone(),
                errors.clone(),
                drafts.clone(),
            );
            Callback::from(move |e: Event| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                let mut errs: Vec<(usize, String)> = errors.iter().filter(|(j, _)| *j != i).cloned().collect();
                match param.parse(&text) {
                    Ok(v) => {
                        drafts.set(drafts.iter().filter(|(j, _)| *j != i).cloned().collect());
                        on_set.emit((i, v))
                    }
                    Err(why) => errs.push((i, format!("Player {}: {why}", i + 1))),
                }
                errors.set(errs);
            })
        };
        let remove = {
            let (cb, errors, drafts) = (props.on_remove.clone(), errors.clone(), drafts.clone());
            Callback::from(move |_: MouseEvent| {
                errors.set(vec![]);
                drafts.set(vec![]);
                cb.emit(i)
            })
        };
        let shown = drafts
            .iter()
            .find(|(j, _)| *j == i)
            .map_or_else(|| format::sig(*v, 6), |(_, t)| t.clone());
        let err = errors.iter().find(|(j, _)| *j == i).map(|(_, m)| m.clone());
        html! {
            <div class={classes!("value-row", err.is_some().then_some("invalid"))} key={i}>
                <label for={format!("value-{i}")}>{ format!("Player {}", i + 1) }</label>
                <input type="text" inputmode="decimal" class="number" id={format!("value-{i}")}
                    value={shown} {oninput} {onchange} aria-invalid={err.is_some().then_some("true")} />
                <span class="unit">{ props.param.unit }</span>
                <button class="remove" onclick={remove} disabled={props.values.len() <= props.min}
                    aria-label={format!("Remove player {}", i + 1)}>{ "×" }</button>
                if let Some(m) = err { <div class="field-error" role="alert">{ m }</div> }
            </div>
        }
    });
    let add = props.on_add.reform(|_: MouseEvent| ());
    html! {
        <div class="value-editor">
            { for rows }
            <button class="preset" onclick={add} disabled={props.values.len() >= props.max}>{ "+ Add a player" }</button>
        </div>
    }
}
