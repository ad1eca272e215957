//! A part of a page drawn after the page's first charts: a placeholder of its height
//! until no chart waits to be drawn and the browser has painted (see [`paint_order`]);
//! at once in an embed (its one chart may be in the part).
//!
//! [`paint_order`]: crate::paint_order

use yew::prelude::*;

use crate::paint_order;

/// Properties of [`Later`].
#[derive(Properties, PartialEq)]
pub struct LaterProps {
    /// What waits.
    pub children: Html,
    /// The placeholder's height in CSS pixels (about the part's, so the page does not jump).
    #[prop_or(400)]
    pub height: u32,
}

/// Its children, once the charts queued before them are drawn and painted (or at once,
/// in an embed).
#[function_component]
pub fn Later(props: &LaterProps) -> Html {
    // An embed shows one chart, which may be in here: nothing waits there.
    let embed = use_context::<super::chart::EmbedTarget>().is_some();
    let shown = use_state_eq(move || embed);
    {
        let shown = shown.setter();
        use_effect_with((), move |_| {
            if !embed {
                paint_order::later_part(move || shown.set(true));
            }
        });
    }
    if *shown {
        props.children.clone()
    } else {
        html! { <div class="later" aria-busy="true" style={format!("min-height: {}px", props.height)}></div> }
    }
}
