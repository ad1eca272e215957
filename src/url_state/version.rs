//! Versions: the app's (crate version and commit, baked in by `build.rs`) and the model
//! version a link was made with (`mv=`), with the number-changing model changes since,
//! kept in step with `CHANGELOG.md` (a test compares the two).
//!
//! A link written by the explorer (the address bar, Share, the embed snippets) carries
//! `mv=<MODEL_VERSION>`. Opening a link made with an older model version shows a notice
//! naming the changes logged since for its page. A link without `mv=` was made before
//! links carried one (or by hand): it is taken as model version 0, so every logged change
//! of its page is named — unless it has no parameters at all (a bare `#/primary`, the
//! navigation's links), which opens today's defaults and has nothing to compare.

use super::route::{Route, SHELL_KEYS};

/// The app's version: the crate's and the commit it was built from, e.g. `0.1.0+a84bcec`.
pub const APP_VERSION: &str = env!("ET_BUILD_VERSION");

/// The key of the model version in a link (`v=` is the Allocation page's values).
pub const VERSION_KEY: &str = "mv";

/// One logged number-changing model change (a row of CHANGELOG.md's table).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModelChange {
    /// The model version that brought it.
    pub version: u32,
    /// The working session it was made in, as the changelog names it.
    pub session: &'static str,
    /// The pages whose numbers it changes (route keys; none for the baseline).
    pub pages: &'static [&'static str],
    /// What changed, in a sentence.
    pub what: &'static str,
}

/// The logged changes, oldest first (CHANGELOG.md's "Model versions" table, row for row).
pub const CHANGES: &[ModelChange] = &[
    ModelChange {
        version: 1,
        session: "1–2",
        pages: &[],
        what: "The first published models: Ticket value, Allocation and Secondary market (session 1), Primary market (session 2).",
    },
    ModelChange {
        version: 2,
        session: "3",
        pages: &["primary"],
        what: "A link without scenario= opens the ET-Simulation study's default (10 drawn holders, N = 100, Exp(30) rewards, 500 slots × 50 runs) instead of the former SPEC §4 default; links of the former page keep the former model.",
    },
    ModelChange {
        version: 2,
        session: "3",
        pages: &["secondary"],
        what: "New default: an impatient seller (d_S 0.001 → 0.003) and a forecast volatility σ 0.05 → 0.08 (65 % spot sales); links that set ds and sigma keep their numbers.",
    },
    ModelChange {
        version: 2,
        session: "3",
        pages: &["allocation"],
        what: "Above the pure range: closed-form mixed equilibria (Wang 2010 for two players at 1 < α ≤ 2, the all-pay-equivalent numbers at α ≥ 2), the double oracle refined to 1e-4 of the top value, and three or more players get an equilibrium (the top two mix) instead of an error.",
    },
    ModelChange {
        version: 3,
        session: "5",
        pages: &["allocation"],
        what: "Three or more tied top values above the pure range mix alike (a symmetric cascade of atoms): for (1, 1, 1) above α = 1.5 the revenue is ≈ 1 instead of the two-player 0.8.",
    },
    ModelChange {
        version: 3,
        session: "5",
        pages: &["primary"],
        what: "The study's EIP-1559 and AMM as its notebook runs them (only the 49 even-numbered initial tickets handed out; EIP-1559 buyers qualify against the price before the slot's first update): at the study default EIP-1559's protocol share 22 % → 46 %; the AMM's numbers moved too.",
    },
    ModelChange {
        version: 4,
        session: "6",
        pages: &["ticket-value"],
        what: "The pooling chart simulates 524,288 tickets grouped into pools of m (was 300 independent pools a size) and draws 95 % intervals from the reward law's exact kurtosis (was ±2 normal-theory SE, which missed the line at 6 of 11 sizes); none when the reward's fourth moment is infinite: at the default m = 2 reads 0.1102 [0.0948–0.1280] instead of 0.0737 [0.0676–0.0797] (exact 0.1061).",
    },
    ModelChange {
        version: 4,
        session: "6",
        pages: &["primary"],
        what: "Every rule meets the same rewards in run r (the rewards, their regime and the market volatility drawn from a stream of their own), so rules compare run by run: at the study default (seed 1, 50 runs × 500 slots) capture 0.756 → 0.765 (second price), 0.778 → 0.786 (first price), 0.467 → 0.476 (EIP-1559), 0.784 → 0.790 (AMM), within their run-to-run noise.",
    },
    ModelChange {
        version: 5,
        session: "8",
        pages: &["ticket-value", "mainnet"],
        what: "The lottery Monte Carlo draws two samples at a time (wasm SIMD: two generators a block, seeded from its stream; 52-bit uniforms in the samplers' first try), so every seeded estimate with a constant, exponential, log-normal or Pareto reward moves within its error: seed 2024, 300,000 samples, log-normal cv 2, lookahead 2: mean 0.024422 → 0.024641 (SE 0.0001).",
    },
];

/// Today's model version: the newest logged change's.
pub const MODEL_VERSION: u32 = {
    let mut v = 0;
    let mut i = 0;
    while i < CHANGES.len() {
        if CHANGES[i].version > v {
            v = CHANGES[i].version;
        }
        i += 1;
    }
    v
};

/// `hash` (`#/page?…`) carrying today's model version (any other `mv=` dropped; the
/// other pairs kept as they are written).
pub fn versioned(hash: &str) -> String {
    let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
    let mut pairs: Vec<&str> = query
        .split('&')
        .filter(|kv| !kv.is_empty() && kv.split('=').next() != Some(VERSION_KEY))
        .collect();
    let mv = format!("{VERSION_KEY}={MODEL_VERSION}");
    pairs.push(&mv);
    format!("{path}?{}", pairs.join("&"))
}

/// The notices for a route opened on page `page`: the model changes of that page logged
/// since the link's model version, or that the link names an unknown one.
pub fn version_notices(route: &Route, page: &str) -> Vec<String> {
    let made = match route.get(VERSION_KEY) {
        Some(text) => match text.trim().parse::<u32>() {
            Ok(v) if v > MODEL_VERSION => {
                return vec![format!(
                    "This link was made with model version {v}, newer than this site's ({MODEL_VERSION}): its numbers may differ here."
                )]
            }
            Ok(v) => Some(v),
            Err(_) => {
                return vec![format!(
                    "Ignored the link's {VERSION_KEY}={}: a model version is a whole number.",
                    crate::format::plain(text, 20)
                )]
            }
        },
        None => None,
    };
    let has_state = route
        .query
        .iter()
        .any(|(k, _)| !SHELL_KEYS.contains(&k.as_str()) && k != VERSION_KEY);
    if made.is_none() && !has_state {
        return Vec::new();
    }
    let since = made.unwrap_or(0);
    let changes: Vec<&ModelChange> = CHANGES
        .iter()
        .filter(|c| c.version > since && c.pages.contains(&page))
        .collect();
    if changes.is_empty() {
        return Vec::new();
    }
    let head = match made {
        Some(v) => format!(
            "This link was made with model version {v}; this site runs model version {MODEL_VERSION}. Since then this page's numbers changed (CHANGELOG.md):"
        ),
        None => format!(
            "This link carries no model version (mv=): it may predate these changes to this page's numbers (today's model version is {MODEL_VERSION}; CHANGELOG.md):"
        ),
    };
    std::iter::once(head)
        .chain(
            changes
                .iter()
                .map(|c| format!("v{} (session {}): {}", c.version, c.session, c.what)),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_carry_todays_model_version() {
        let mv = format!("mv={MODEL_VERSION}");
        const { assert!(MODEL_VERSION >= 4) };
        assert_eq!(versioned("#/primary?seed=2"), format!("#/primary?seed=2&{mv}"));
        assert_eq!(
            versioned("#/primary?seed=2&mv=1&x=a%20b&v=4,3"),
            format!("#/primary?seed=2&x=a%20b&v=4,3&{mv}")
        );
        assert_eq!(versioned("#/allocation?mv"), format!("#/allocation?{mv}"));
        assert_eq!(versioned("#/primary"), format!("#/primary?{mv}"));
        assert!(APP_VERSION.starts_with(env!("CARGO_PKG_VERSION")), "{APP_VERSION}");
        assert!(APP_VERSION.contains('+'), "{APP_VERSION}");
    }

    #[test]
    fn older_links_name_the_changes_of_their_page() {
        let old = Route::parse("#/primary?scenario=et-simulation&mv=2");
        let n = version_notices(&old, "primary");
        // The page's changes logged since (the heading first).
        let since = |page: &str, v: u32| {
            CHANGES
                .iter()
                .filter(|c| c.version > v && c.pages.contains(&page))
                .count()
        };
        assert_eq!(n.len(), 1 + since("primary", 2), "{n:?}");
        assert!(
            n[0].contains("model version 2") && n[1].contains("22 % → 46 %"),
            "{n:?}"
        );
        // Other pages' changes are not named; today's links say nothing.
        assert!(version_notices(&Route::parse("#/mechanisms?seed=1&mv=1"), "mechanisms").is_empty());
        let today = format!("#/primary?seed=1&mv={MODEL_VERSION}");
        assert!(version_notices(&Route::parse(&today), "primary").is_empty());
        let pools = version_notices(&Route::parse("#/ticket-value?n=100&mv=3"), "ticket-value");
        assert!(
            pools.len() == 1 + since("ticket-value", 3) && pools[1].contains("pooling chart"),
            "{pools:?}"
        );
        // No mv: every change of the page, unless the link has no parameters at all.
        let bare = version_notices(&Route::parse("#/primary?seed=2"), "primary");
        assert_eq!(bare.len(), 1 + since("primary", 0), "{bare:?}");
        assert!(bare[0].contains("no model version"), "{bare:?}");
        assert!(version_notices(&Route::parse("#/primary"), "primary").is_empty());
        assert!(version_notices(&Route::parse("#/primary?embed=hhi"), "primary").is_empty());
        let alloc = version_notices(&Route::parse("#/allocation?v=1,1,1&alpha=2&mv=2"), "allocation");
        assert!(
            alloc.len() == 1 + since("allocation", 2) && alloc[1].contains("symmetric"),
            "{alloc:?}"
        );
        // A newer or malformed version is said, once.
        assert!(version_notices(&Route::parse("#/primary?mv=99"), "primary")[0].contains("newer"));
        assert!(version_notices(&Route::parse("#/primary?mv=x"), "primary")[0].contains("mv=x"));
        for c in CHANGES {
            for n in version_notices(
                &Route::parse(&format!("#/{}?mv=0", c.pages.first().unwrap_or(&"x"))),
                c.pages.first().unwrap_or(&"x"),
            ) {
                assert!(n.chars().count() <= 400, "a notice shows at most 400 characters: {n}");
            }
        }
    }

    /// CHANGELOG.md's "Model versions" table, row for row: `| version | session | pages | what |`.
    fn changelog_rows() -> Vec<(u32, String, Vec<String>, String)> {
        let text = include_str!("../../CHANGELOG.md");
        let table = text
            .split("## Model versions")
            .nth(1)
            .expect("CHANGELOG.md has a Model versions section");
        table
            .lines()
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .skip(2)
            .map(|l| {
                let cells: Vec<String> = l
                    .trim()
                    .trim_matches('|')
                    .split('|')
                    .map(|c| c.trim().to_string())
                    .collect();
                assert_eq!(cells.len(), 4, "{l}");
                let pages = cells[2]
                    .split(',')
                    .map(|p| p.trim().trim_matches('`').to_string())
                    .filter(|p| !p.is_empty() && p != "—")
                    .collect();
                (
                    cells[0].parse().expect("a version number"),
                    cells[1].clone(),
                    pages,
                    cells[3].clone(),
                )
            })
            .collect()
    }

    #[test]
    fn the_table_is_changelogs() {
        let rows = changelog_rows();
        assert_eq!(rows.len(), CHANGES.len(), "one row a change");
        for (row, c) in rows.iter().zip(CHANGES) {
            assert_eq!(row.0, c.version);
            assert_eq!(row.1, c.session);
            assert_eq!(row.2, c.pages, "pages of version {}", c.version);
            // The changelog may mark up the sentence; its words are the table's.
            let plain = row.3.replace('`', "").replace("**", "");
            assert!(
                plain.starts_with(c.what),
                "version {}: changelog says\n{plain}\ncode says\n{}",
                c.version,
                c.what
            );
        }
        assert!(
            rows.windows(2).all(|w| w[0].0 <= w[1].0 && w[1].0 <= w[0].0 + 1),
            "versions count up one at a time"
        );
        let pages = [
            "ticket-value",
            "allocation",
            "secondary",
            "primary",
            "mechanisms",
            "mainnet",
        ];
        assert!(CHANGES.iter().flat_map(|c| c.pages).all(|p| pages.contains(p)));
    }
}
