//! The Mainnet page's bundle: the app with this page only (index.html's loader starts the
//! bundle of the route's page).

use et_explorer::pages::{MainnetPage, Page};
use yew::html;

fn main() {
    et_explorer::run(Page::Mainnet, |route| html! { <MainnetPage {route} /> });
}
