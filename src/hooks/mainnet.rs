//! The mainnet data on a page: fetched when first asked for (the Mainnet page asks on
//! opening; other pages when a user chooses mainnet data), with progress, decoded once a
//! page and kept in memory ([`crate::worker::mainnet_data`]); a failed or cut-off download
//! is reported with a way to retry and changes nothing else. The fetch is plain (the
//! browser's default cache), so a second visit reads the file from the cache.

use std::rc::Rc;

use et_engine::rewards::mainnet::MainnetData;
use yew::prelude::*;

use crate::worker::mainnet_data;

/// Where the data is.
#[derive(Clone, Debug)]
pub enum MainnetLoad {
    /// Not asked for yet.
    Idle,
    /// Downloading: bytes so far and expected.
    Loading { done: u64, total: u64 },
    /// The download or the decoding failed: why.
    Failed(String),
    /// Decoded.
    Ready(Rc<MainnetData>),
}

impl PartialEq for MainnetLoad {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Idle, Self::Idle) => true,
            (Self::Loading { done: a, total: b }, Self::Loading { done: c, total: d }) => (a, b) == (c, d),
            (Self::Failed(a), Self::Failed(b)) => a == b,
            // The data is decoded once a page: the same load is the same allocation.
            (Self::Ready(a), Self::Ready(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl MainnetLoad {
    /// The data, once decoded.
    pub fn data(&self) -> Option<&Rc<MainnetData>> {
        match self {
            Self::Ready(d) => Some(d),
            _ => None,
        }
    }
}

/// Milliseconds between two progress reports of the download (each re-renders the page;
/// chunks come hundreds a second when the file is cached or already downloaded).
const PROGRESS_EVERY_MS: f64 = 100.0;

/// The data's state on this page and a callback that starts (or retries) the load;
/// `eager` starts it on mounting. Progress is reported at most once a percent and once
/// every [`PROGRESS_EVERY_MS`].
#[hook]
pub fn use_mainnet(eager: bool) -> (MainnetLoad, Callback<()>) {
    let state = use_state_eq(|| mainnet_data::loaded().map_or(MainnetLoad::Idle, MainnetLoad::Ready));
    let busy = use_mut_ref(|| false);
    let load = {
        let (state, busy) = (state.clone(), busy.clone());
        Callback::from(move |()| {
            if let Some(d) = mainnet_data::loaded() {
                return state.set(MainnetLoad::Ready(d));
            }
            if std::mem::replace(&mut *busy.borrow_mut(), true) {
                return;
            }
            let (state, busy) = (state.clone(), busy.clone());
            state.set(MainnetLoad::Loading {
                done: 0,
                total: mainnet_data::DATA_BYTES,
            });
            wasm_bindgen_futures::spawn_local(async move {
                let shown = std::cell::Cell::new((0u64, f64::NEG_INFINITY));
                let progress = |done: u64, total: u64| {
                    let (pct, now) = (done * 100 / total.max(1), js_sys::Date::now());
                    let (last_pct, last) = shown.get();
                    if pct != last_pct && now - last >= PROGRESS_EVERY_MS {
                        shown.set((pct, now));
                        state.set(MainnetLoad::Loading { done, total });
                    }
                };
                let result = mainnet_data::load(&progress).await;
                *busy.borrow_mut() = false;
                state.set(match result {
                    Ok(d) => MainnetLoad::Ready(d),
                    Err(e) => MainnetLoad::Failed(e),
                });
            });
        })
    };
    {
        let load = load.clone();
        use_effect_with(eager, move |&eager| {
            if eager {
                load.emit(());
            }
        });
    }
    ((*state).clone(), load)
}
