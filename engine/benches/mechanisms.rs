//! Mechanism comparison throughput natively (criterion): 10⁶ slots × 6 mechanisms × 10
//! builders with spread, a local builder and log-normal rewards (BENCHMARKS.md; the wasm
//! figure comes from `tests/bench/wasm-mechanisms.mjs`).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion};
    use et_engine::mechanisms::SlotModel;
    use et_engine::rewards::Reward;

    fn compare(c: &mut Criterion) {
        let captures = vec![1.0, 0.97, 0.94, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4];
        let mut m = SlotModel::new(Reward::lognormal(0.05, 2.0).unwrap(), captures).unwrap();
        m.spread = 0.5;
        m.local_capture = 0.3;
        let mut g = c.benchmark_group("mechanisms");
        g.sample_size(10);
        g.bench_function("1e6 slots x 10 builders", |b| {
            b.iter(|| m.compare(1, 1_000_000).unwrap())
        });
        g.finish();
    }

    criterion_group!(benches, compare);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
