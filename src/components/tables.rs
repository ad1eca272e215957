//! Small table helpers shared by the pages' result tables.

use yew::prelude::*;

/// A row of a two-column table: a header cell and a value.
pub fn row(k: &str, v: String) -> Html {
    html! { <tr><th scope="row">{ k.to_string() }</th><td>{ v }</td></tr> }
}
