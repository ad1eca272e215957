//! The ET-Simulation scenario natively (criterion): the study's default, 100 runs × 500
//! slots × 10 drawn holders, under each rule and under second price with the resale
//! market, and one job of the page's sweep (50 runs × 5,000 slots, one point)
//! (BENCHMARKS.md; the wasm figures come from `tests/bench/wasm-market-scenario.mjs`).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion};
    use et_engine::primary::{et_simulation, Market, PricingRule};

    /// The study's default under each rule: `runs` × `slots`, `points` recorded points.
    fn study(c: &mut Criterion, group: &str, (slots, runs, points): (u64, u64, Option<u64>)) {
        let mut g = c.benchmark_group(group);
        g.sample_size(10);
        for rule in [
            PricingRule::FirstPrice,
            PricingRule::SecondPrice,
            PricingRule::Eip1559,
            PricingRule::BondingCurve,
        ] {
            let (mut cfg, opts) = et_simulation(rule, slots, runs, 1);
            if let Some(p) = points {
                cfg.points = p;
            }
            let m = Market::with_options(cfg, opts).unwrap();
            g.bench_function(et_engine::choice::Choice::key(rule), |b| b.iter(|| m.simulate()));
        }
        g.finish();
    }

    fn rules(c: &mut Criterion) {
        study(c, "et_simulation_100x500", (500, 100, None));
    }

    /// The study's default under second price with the resale market among holders.
    fn resale(c: &mut Criterion) {
        let mut g = c.benchmark_group("et_simulation_100x500_resale");
        g.sample_size(10);
        let (cfg, mut opts) = et_simulation(PricingRule::SecondPrice, 500, 100, 1);
        opts.resale = true;
        let m = Market::with_options(cfg, opts).unwrap();
        g.bench_function("second-price", |b| b.iter(|| m.simulate()));
        g.finish();
    }

    /// One job of the page's sweep: 50 runs × 5,000 slots, one recorded point.
    fn sweep_jobs(c: &mut Criterion) {
        study(c, "et_simulation_sweep_job_50x5000", (5000, 50, Some(1)));
    }

    criterion_group!(benches, rules, resale, sweep_jobs);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
