//! The ET-Simulation scenario natively (criterion): the study's default, 100 runs × 500
//! slots × 10 drawn holders, under each rule, and one job of the page's sweep (50 runs ×
//! 5,000 slots, one point) (BENCHMARKS.md; the wasm figures come from
//! `tests/bench/wasm-market-scenario.mjs`).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion};
    use et_engine::primary::{et_simulation, Market, PricingRule};

    fn rules(c: &mut Criterion) {
        let mut g = c.benchmark_group("et_simulation_100x500");
        g.sample_size(10);
        for rule in [
            PricingRule::FirstPrice,
            PricingRule::SecondPrice,
            PricingRule::Eip1559,
            PricingRule::BondingCurve,
        ] {
            let (cfg, opts) = et_simulation(rule, 500, 100, 1);
            let m = Market::with_options(cfg, opts).unwrap();
            g.bench_function(et_engine::choice::Choice::key(rule), |b| b.iter(|| m.simulate()));
        }
        g.finish();
    }

    /// One job of the page's sweep: 50 runs × 5,000 slots, one recorded point.
    fn sweep_jobs(c: &mut Criterion) {
        let mut g = c.benchmark_group("et_simulation_sweep_job_50x5000");
        g.sample_size(10);
        for rule in [
            PricingRule::FirstPrice,
            PricingRule::SecondPrice,
            PricingRule::Eip1559,
            PricingRule::BondingCurve,
        ] {
            let (mut cfg, opts) = et_simulation(rule, 5000, 50, 1);
            cfg.points = 1;
            let m = Market::with_options(cfg, opts).unwrap();
            g.bench_function(et_engine::choice::Choice::key(rule), |b| b.iter(|| m.simulate()));
        }
        g.finish();
    }

    criterion_group!(benches, rules, sweep_jobs);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
