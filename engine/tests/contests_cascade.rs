//! The symmetric cascade's machinery (issue 14): the closed-form Jacobian against
//! central differences of the residuals.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use et_engine::contest::cascade_system::system;

#[test]
fn the_jacobian_matches_central_differences() {
    // Four atoms, m = 3 and m = 10, two steepnesses; u = −0.01.
    for (m, alpha) in [(3, 2.0), (10, 5.0)] {
        let x = [
            0.01f64.ln(),
            0.05f64.ln(),
            0.2f64.ln(),
            0.5f64.ln(),
            0.1,
            0.2,
            0.3,
            0.4,
            -0.01,
        ];
        let (r, jac) = system(&x, 1.0, m, alpha);
        let mut worst: f64 = 0.0;
        for c in 0..x.len() {
            let h = 1e-6;
            let (mut xp, mut xm) = (x, x);
            xp[c] += h;
            xm[c] -= h;
            let (rp, rm) = (system(&xp, 1.0, m, alpha).0, system(&xm, 1.0, m, alpha).0);
            for i in 0..r.len() {
                let fd = (rp[i] - rm[i]) / (2.0 * h);
                worst = worst.max((fd - jac[i][c]).abs() / (1.0 + fd.abs()));
            }
        }
        assert!(worst < 1e-6, "m={m} α={alpha}: {worst:e}");
        assert!(r.iter().all(|x| x.is_finite()) && r.iter().any(|x| x.abs() > 1e-3));
    }
}
