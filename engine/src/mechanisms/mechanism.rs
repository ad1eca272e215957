//! The mechanisms compared.

choices! {
    /// The mechanisms compared, in table order.
    pub enum Mechanism {
        /// A second-price auction for the whole block at the slot; the proposer gets the
        /// price (mev-boost, ePBS).
        BlockAuction = ("block-auction", "Block-auction PBS"),
        /// The block auction, with the best bid at a deadline before the slot burned.
        MevBurn = ("mev-burn", "MEV-burn"),
        /// The right to build sold `L` slots ahead on expected values; the proposer gets the price.
        SlotAuction = ("slot-auction", "Slot-auction PBS"),
        /// The slot auction with the price burned (APS-burn).
        ExecutionAuction = ("execution-auction", "Execution auction"),
        /// Tickets sold by the protocol; the drawn holder resells just in time.
        ExecutionTickets = ("execution-tickets", "Execution tickets"),
        /// A share `φ` of the block auctioned just in time, the rest built locally.
        PartialBlock = ("partial-block", "Partial-block auction"),
    }
}
