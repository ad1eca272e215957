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
    }
}
