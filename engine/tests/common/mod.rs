//! Tolerance helpers shared by the engine's integration tests.
#![allow(dead_code)]

/// Relative difference `|a − b| / max(|a|, |b|)`, 0 when both are 0.
pub fn rel_diff(a: f64, b: f64) -> f64 {
    let scale = a.abs().max(b.abs());
    if scale == 0.0 {
        0.0
    } else {
        (a - b).abs() / scale
    }
}

/// Asserts `a` and `b` agree to `tol` relative.
#[track_caller]
pub fn assert_rel(a: f64, b: f64, tol: f64, what: &str) {
    let r = rel_diff(a, b);
    assert!(r <= tol, "{what}: {a:e} vs {b:e} (relative difference {r:e} > {tol:e})");
}
