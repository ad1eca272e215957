//! Hooks shared by the pages: the page state in the URL ([`url`]), runs on the worker
//! pool ([`pool`]) with their estimated cost ([`work_cost`]) and an element's width ([`width`]).

pub mod pool;
pub mod url;
pub mod width;
pub mod work_cost;

pub use pool::{use_pool_run, PoolRun};
pub use url::{use_route, use_url_state, PageProps, UrlState};
pub use width::use_element_width;
