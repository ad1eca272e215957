//! Hooks shared by the pages: work started by its render ([`at_render`]), the page
//! state in the URL ([`url`]), runs on the worker
//! pool ([`pool`]) with their estimated cost ([`work_cost`]), the mainnet data
//! ([`mainnet`]), work in stages after data arrives ([`stages`]), a computation a step a task
//! ([`stepped`]), the view of a run's outcome
//! built once ([`outcome_view`]) and an element's width ([`width`]).

pub mod at_render;
pub mod mainnet;
pub mod outcome_view;
pub mod pool;
pub mod stages;
pub mod stepped;
pub mod url;
pub mod width;
pub mod work_cost;

pub use at_render::use_start_with;
pub use mainnet::{use_mainnet, MainnetLoad};
pub use outcome_view::use_outcome_view;
pub use pool::{use_pool_run, use_refined_pool_run, PoolRun};
pub use stages::use_stages;
pub use stepped::use_stepped;
pub use url::{use_route, use_url_state, PageProps, UrlState};
pub use width::use_element_width;
