//! The Mainnet page's controls: the window (slots), the tickets, the discount and seed,
//! how the window's slots are used, and the window presets.

use std::sync::OnceLock;

use et_engine::rewards::mainnet::time::{first_slot_of_day, parse_date, slot_day};

use crate::url_state::{Param, Scale};

/// The data's first slot (10 Oct 2023; the asset's header, checked by a test).
pub const FIRST_SLOT: u64 = crate::worker::reward::MAINNET_FIRST_SLOT;
/// The data's last slot (9 Apr 2024).
pub const LAST_SLOT: u64 = crate::worker::reward::MAINNET_LAST_SLOT;

/// Numeric controls, in [`params`] order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    From,
    To,
    N,
    Annual,
    Seed,
}

/// Number of numeric controls.
pub const FIELDS: usize = 5;

/// The numeric table.
#[rustfmt::skip]
pub fn params() -> &'static [Param] {
    static P: OnceLock<Vec<Param>> = OnceLock::new();
    P.get_or_init(|| {
        let p = Param::new;
        let (first, last) = (FIRST_SLOT as f64, LAST_SLOT as f64);
        vec![
            p("from", "First slot", "slot", first, last, first, Scale::Field, true),
            p("to", "Last slot", "slot", first, last, last, Scale::Field, true),
            p("n", "Tickets outstanding n", "tickets", 1.0, 1e9, 1e4, Scale::Log, true),
            p("r", "Annual discount rate", "", 0.001, 1.0, 0.05, Scale::Linear(0.005), false),
            p("seed", "Seed", "", 0.0, 9_007_199_254_740_991.0, 1.0, Scale::Field, true),
        ]
    })
}

et_engine::choices! {
    /// How the retrospective's ticket uses the window's slots.
    pub enum ModeChoice {
        /// In order from the window's first slot, wrapping around (the default).
        Replay = ("replay", "replayed in order"),
        /// The circular block bootstrap, blocks of 32 slots.
        Resample = ("resample", "resampled in blocks of 32 slots"),
    }
}

impl ModeChoice {
    /// The block length of a [`crate::worker::reward::RewardSpec::Mainnet`] (0: replay).
    pub fn block(self) -> u64 {
        match self {
            Self::Replay => 0,
            Self::Resample => et_engine::rewards::mainnet::source::DEFAULT_BLOCK,
        }
    }
}

et_engine::choices! {
    /// Windows by name: the six months, and each calendar month (UTC) within them.
    pub enum WindowPreset {
        All = ("all", "Six months"),
        Oct = ("2023-10", "Oct 2023"),
        Nov = ("2023-11", "Nov 2023"),
        Dec = ("2023-12", "Dec 2023"),
        Jan = ("2024-01", "Jan 2024"),
        Feb = ("2024-02", "Feb 2024"),
        Mar = ("2024-03", "Mar 2024"),
        Apr = ("2024-04", "Apr 2024"),
    }
}

impl WindowPreset {
    /// The preset's first and last slots, within the data.
    pub fn window(self) -> (u64, u64) {
        use et_engine::choice::Choice;
        if self == Self::All {
            return (FIRST_SLOT, LAST_SLOT);
        }
        let start = parse_date(&format!("{}-01", self.key())).expect("a valid date");
        let (y, m) = (
            self.key()[..4].parse::<i64>().unwrap_or(2023),
            self.key()[5..].parse::<u32>().unwrap_or(1),
        );
        let next = if m == 12 {
            format!("{}-01-01", y + 1)
        } else {
            format!("{y}-{:02}-01", m + 1)
        };
        let end = parse_date(&next).expect("a valid date") - 1;
        (start.max(FIRST_SLOT), end.min(LAST_SLOT))
    }
}

/// The last slot of the UTC day of `text` (`YYYY-MM-DD`), if it is a date.
pub fn last_slot_of_date(text: &str) -> Option<u64> {
    let first = parse_date(text)?;
    Some(first_slot_of_day(slot_day(first) + 1) - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use et_engine::choice::Choice;
    use et_engine::rewards::mainnet::time::slot_date;

    #[test]
    fn month_presets_cover_their_month_within_the_data() {
        let (a, b) = WindowPreset::Nov.window();
        assert_eq!((slot_date(a), slot_date(b)), ("2023-11-01".into(), "2023-11-30".into()));
        assert_eq!(slot_date(b + 1), "2023-12-01");
        assert_eq!(WindowPreset::Oct.window().0, FIRST_SLOT);
        assert_eq!(WindowPreset::Apr.window().1, LAST_SLOT);
        let months: u64 = WindowPreset::ALL[1..]
            .iter()
            .map(|p| p.window().1 - p.window().0 + 1)
            .sum();
        assert_eq!(months, LAST_SLOT - FIRST_SLOT + 1, "the months tile the data");
        assert_eq!(last_slot_of_date("2023-11-30"), Some(b));
    }

    /// The constants are the asset's header (native: the asset read from disk).
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn the_window_s_limits_are_the_asset_s() {
        let bytes = std::fs::read("www/data/mainnet-2023-10-2024-04.bin").unwrap();
        let first = u64::from_le_bytes(bytes[16..24].try_into().unwrap());
        let last = u64::from_le_bytes(bytes[24..32].try_into().unwrap());
        assert_eq!((first, last), (FIRST_SLOT, LAST_SLOT));
    }
}
