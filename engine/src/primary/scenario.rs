//! Named scenarios of the primary market: the ET-Simulation study's default (SPEC §4.1).

use super::amm::amm_curve;
use super::config::{MarketConfig, Pricing, PricingRule};
use super::options::{Assignment, Drawn, Initial, Options, Rules, Strategy};
use crate::rewards::laws::Reward;

choices! {
    /// A named starting point whose every field can then be overridden.
    pub enum Scenario {
        /// The ET-Simulation study's default (Stichler 2025; SPEC §4.1).
        EtSimulation = ("et-simulation", "ET-Simulation default"),
    }
}

/// The study's mean reward (ETH-like units; `R ~ Exponential(30)`).
pub const STUDY_MEAN_REWARD: f64 = 30.0;
/// The study's `N`.
pub const STUDY_TICKETS: u64 = 100;
/// The study's initial allocation price.
pub const STUDY_INITIAL_PRICE: f64 = 20.0;

/// The study's pricing for `rule` at `N` tickets: auctions with reserve 1 (second-price:
/// a lone bidder pays 1, as in the study; first-price: none), EIP-1559 from the initial
/// price 20 towards `N/2` with quotient 8 and at most 4 sales a slot, the AMM curve of
/// [`amm_curve`], and (not in the study) a fixed price of 20.
///
/// ```
/// use et_engine::primary::{study_pricing, Pricing, PricingRule};
/// assert_eq!(study_pricing(PricingRule::SecondPrice, 100), Pricing::SecondPrice { reserve: 1.0 });
/// ```
pub fn study_pricing(rule: PricingRule, max_tickets: u64) -> Pricing {
    match rule {
        PricingRule::SecondPrice => Pricing::SecondPrice { reserve: 1.0 },
        PricingRule::FirstPrice => Pricing::FirstPrice { reserve: 0.0 },
        PricingRule::Fixed => Pricing::Fixed {
            price: STUDY_INITIAL_PRICE,
        },
        PricingRule::Eip1559 => Pricing::Eip1559 {
            initial: STUDY_INITIAL_PRICE,
            target: (max_tickets as f64 / 2.0).max(1.0),
            quotient: 8.0,
            max_sales: 4,
        },
        PricingRule::BondingCurve => amm_curve(max_tickets),
    }
}

/// The study's options under `rule` at `N` tickets: epoch assignment, `N − 1` initial
/// tickets at 20 to random holders (only the even-numbered ones under EIP-1559 and the
/// bonding curve, the others stay on sale: `setup_initial_state` in the study), a
/// drawn population of 10, market volatility `σ = 0.2`, the value strategy, the study's
/// rule variants; no sell-back, no resale.
pub fn study_options(rule: PricingRule, max_tickets: u64) -> Options {
    Options {
        assignment: Assignment::Epoch,
        initial: Some(Initial {
            count: max_tickets.saturating_sub(1),
            price: STUDY_INITIAL_PRICE,
            even_only: matches!(rule, PricingRule::Eip1559 | PricingRule::BondingCurve),
        }),
        drawn: Some(Drawn {
            count: 10,
            capture_spread: 1.0,
        }),
        market_volatility: Some(0.2),
        strategy: Strategy::Value,
        rules: Rules::Study,
        sell_back: None,
        resale: false,
    }
}

/// The study's default scenario under `rule`: `N = 100`, `R ~ Exponential(30)`, no
/// expiry, the drawn population (the configuration's holder list is empty), series of
/// at most 500 points.
///
/// ```
/// use et_engine::primary::{et_simulation, Market, PricingRule};
/// let (cfg, opts) = et_simulation(PricingRule::Eip1559, 500, 1, 7);
/// assert_eq!((cfg.max_tickets, opts.initial.unwrap().count), (100, 99));
/// let r = Market::with_options(cfg, opts).unwrap().simulate();
/// assert!(r.totals.capture > 0.0 && r.totals.capture < 1.0);
/// ```
pub fn et_simulation(rule: PricingRule, slots: u64, runs: u64, seed: u64) -> (MarketConfig, Options) {
    let cfg = MarketConfig {
        max_tickets: STUDY_TICKETS,
        slots,
        runs,
        seed,
        reward: Reward::exponential(STUDY_MEAN_REWARD).expect("a positive mean"),
        volatility: None,
        pricing: study_pricing(rule, STUDY_TICKETS),
        holders: Vec::new(),
        expiry: None,
        refund: 0.0,
        jit_resale: false,
        points: slots.clamp(1, 500),
    };
    (cfg, study_options(rule, STUDY_TICKETS))
}
