//! A list of notices (e.g. ignored URL parameters), dismissible.

use yew::prelude::*;

/// Properties of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// The notices, as plain text (never HTML).
    pub items: Vec<String>,
}

/// Shows each notice until dismissed.
#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    let dismissed = use_state_eq(|| None::<Vec<String>>);
    if props.items.is_empty() || dismissed.as_ref() == Some(&props.items) {
        return html! {};
    }
    let close = {
        let (dismissed, items) = (dismissed.clone(), props.items.clone());
        Callback::from(move |_| dismissed.set(Some(items.clone())))
    };
    html! {
        <div class="notices" role="status">
            <ul>{ for props.items.iter().map(|n| html! { <li>{ crate::format::plain(n, 400) }</li> }) }</ul>
            <button class="dismiss" onclick={close} aria-label="Dismiss the notices">{ "×" }</button>
        </div>
    }
}
