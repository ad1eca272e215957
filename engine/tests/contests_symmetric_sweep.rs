//! Issue 14's measurement of tied players above the pure range (not a test that can
//! fail on speed): for `m` equal values and `α = 1.1, 1.2, …, 8` it prints the method,
//! revenue, fairness, exploitability relative to `v` and the time of one solve.
//! Run with `cargo test -p et-engine --release --test contests_symmetric_sweep -- --ignored --nocapture`.

use et_engine::contest::{solve, Mechanism};
use std::time::Instant;

#[test]
#[ignore = "a measurement, printed; run by hand"]
fn sweep_tied_players_over_alpha() {
    let ms: Vec<usize> = std::env::var("SWEEP_M")
        .map(|s| s.split(',').map(|x| x.parse().unwrap()).collect())
        .unwrap_or_else(|_| vec![3, 4, 5, 7, 10, 20]);
    println!("m alpha method revenue fairness gain/v ms");
    for m in ms {
        let (mut worst_ms, mut worst_gain, mut last, mut jump) = (0f64, 0f64, f64::NAN, 0f64);
        for i in 1..=70 {
            let alpha = 1.0 + 0.1 * i as f64;
            let t = Instant::now();
            let o = solve(&vec![1.0; m], Mechanism::tullock(alpha).unwrap()).unwrap();
            let ms = t.elapsed().as_secs_f64() * 1e3;
            let r = o.metrics.revenue;
            println!(
                "{m} {alpha:.1} {} {r:.5} {:.4} {:.1e} {ms:.1}",
                o.method, o.metrics.fairness, o.exploitability
            );
            worst_ms = worst_ms.max(ms);
            worst_gain = worst_gain.max(o.exploitability);
            jump = jump.max((r - last).abs());
            last = r;
        }
        println!("# m={m}: slowest {worst_ms:.1} ms, worst gain {worst_gain:.1e}, largest revenue step {jump:.3}");
    }
}
