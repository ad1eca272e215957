//! Monte Carlo throughput natively (criterion): samples per second of the ticket-value
//! estimator with a log-normal reward, n = 100, d = 0.01, cv = 2 (BENCHMARKS.md).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{criterion_group, Criterion, Throughput};
    use et_engine::lottery::monte_carlo::TicketMonteCarlo;
    use et_engine::lottery::streaks::streak_probability;
    use et_engine::rewards::Reward;

    const SAMPLES: u64 = 1 << 20;

    fn monte_carlo(c: &mut Criterion) {
        let mut g = c.benchmark_group("ticket_mc");
        g.throughput(Throughput::Elements(SAMPLES));
        g.sample_size(20);
        for (name, reward) in [
            ("lognormal_cv2", Reward::lognormal(1.0, 2.0).unwrap()),
            ("exponential", Reward::exponential(1.0).unwrap()),
            ("constant", Reward::constant(1.0).unwrap()),
        ] {
            let mc = TicketMonteCarlo::new(100.0, 0.01, reward, 0).unwrap();
            g.bench_function(name, |b| b.iter(|| mc.run(7, SAMPLES)));
        }
        g.finish();
    }

    fn streaks(c: &mut Criterion) {
        c.bench_function("streak_one_day_L32", |b| b.iter(|| streak_probability(0.3, 32, 7200)));
    }

    criterion_group!(benches, monte_carlo, streaks);
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
