//! The pages, in navigation order: their route names and titles.

et_engine::choices! {
    /// A page of the app (key: its name in the route; label: its title in the navigation).
    pub enum Page {
        /// SPEC §1: the closed forms and the lottery engine.
        TicketValue = ("ticket-value", "Ticket value"),
        /// SPEC §2: contests.
        Allocation = ("allocation", "Allocation"),
        /// SPEC §3: resale before the slot.
        Secondary = ("secondary", "Secondary market"),
        /// SPEC §4: the protocol's sale.
        Primary = ("primary", "Primary market"),
        /// SPEC §5: block-space mechanisms side by side.
        Mechanisms = ("mechanisms", "Mechanisms"),
        /// Issue 20: six months of mainnet slots and the retrospective.
        Mainnet = ("mainnet", "Mainnet"),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use et_engine::choice::Choice;

    /// index.html's loader picks a page's bundle from the route by its own list of keys:
    /// it must be this enum's, in full, and each key must have its bundle.
    #[test]
    fn the_loader_knows_every_page_and_each_has_a_bundle() {
        let html = include_str!("../../index.html");
        let keys: Vec<String> = Page::ALL.iter().map(|p| format!("\"{}\"", p.key())).collect();
        assert!(
            html.contains(&format!("const pages = [{}];", keys.join(", "))),
            "index.html's loader list"
        );
        for p in Page::ALL {
            assert!(
                html.contains(&format!("data-bin=\"page-{}\"", p.key())),
                "{} has no bundle",
                p.key()
            );
            assert!(std::path::Path::new(&format!("src/bin/page-{}.rs", p.key())).exists());
        }
    }
}
