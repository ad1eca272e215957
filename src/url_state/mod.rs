//! The one place the page state meets the URL: hash routes and their parameters.
//!
//! A route is `#/<page>?<key>=<value>&…`. Each page declares its parameters as a table
//! of [`Param`]s; reading a URL validates every value against the table and falls back
//! to the default for a malformed or out-of-range one, with a notice naming it. Choices
//! are read through their [`et_engine::choice::Choice`] keys ([`read_choice`]).

pub mod param;
pub mod read;
pub mod route;
pub mod site;
pub mod version;

pub use param::{Param, Scale};
pub use read::{numeric_pairs, read_choice, read_list, read_list_up_to, read_params, unknown_keys, LIST_MAX};
pub use route::{encode, write_route, Route, SHELL_KEYS};
pub use version::{versioned, APP_VERSION, MODEL_VERSION, VERSION_KEY};
