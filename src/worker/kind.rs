//! The kinds of work the workers run: the tag each request carries.

et_engine::choices! {
    /// Every kind of work the workers run (the key is the request's `kind` tag).
    pub enum JobKind {
        /// The lottery's Monte Carlo (`McJob`).
        Mc = ("mc", "Monte Carlo of the ticket lottery"),
        /// The primary market (`MarketJob`).
        Market = ("market", "Primary market simulation"),
        /// The mechanism comparison (`MechanismsJob`).
        Mechanisms = ("mechanisms", "Mechanism comparison"),
        /// One point × one rule of a primary-market sweep (`SweepJob`).
        MarketSweep = ("market-sweep", "Primary market sweep point"),
    }
}
