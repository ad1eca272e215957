//! Primary-market throughput natively (criterion): 100 holders of the tiered preset ×
//! 100,000 slots × 1 run under each pricing rule, N = 1000 (BENCHMARKS.md; the wasm
//! figure comes from `tests/bench/wasm-market.mjs`).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion};
    use et_engine::primary::{preset, Market, MarketConfig, Preset, Pricing};
    use et_engine::rewards::Reward;

    /// The benchmark's market under `pricing`.
    pub fn market(pricing: Pricing) -> Market {
        Market::new(MarketConfig {
            max_tickets: 1000,
            slots: 100_000,
            runs: 1,
            seed: 1,
            reward: Reward::lognormal(0.05, 2.0).unwrap(),
            volatility: None,
            pricing,
            holders: preset(Preset::Tiered, 100, 1.85e-8).unwrap(),
            expiry: None,
            refund: 0.0,
            jit_resale: false,
            points: 500,
        })
        .unwrap()
    }

    fn rules(c: &mut Criterion) {
        let mut g = c.benchmark_group("market_100x100k");
        g.sample_size(10);
        for pricing in [
            Pricing::Fixed { price: 0.03 },
            Pricing::SecondPrice { reserve: 0.0 },
            Pricing::FirstPrice { reserve: 0.0 },
            Pricing::Eip1559 {
                initial: 0.01,
                target: 500.0,
                quotient: 8.0,
                max_sales: 4,
            },
            Pricing::BondingCurve { base: 0.01, slope: 2.0 },
        ] {
            let m = market(pricing.clone());
            g.bench_function(pricing.name(), |b| b.iter(|| m.simulate()));
        }
        g.finish();
    }

    criterion_group!(benches, rules);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
