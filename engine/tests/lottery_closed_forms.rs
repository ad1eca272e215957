//! The lottery's closed forms against an exact rational evaluation of SPEC §1's formulas
//! as written (with their cancellations), and against a direct summation of the series.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::assert_rel;
use et_engine::lottery::Lottery;
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, ToPrimitive};

fn q(x: f64) -> BigRational {
    BigRational::from_float(x).expect("finite")
}

fn f(x: &BigRational) -> f64 {
    x.to_f64().expect("representable")
}

/// SPEC §1's formulas, evaluated exactly on the f64 inputs.
struct Exact {
    value: BigRational,
    variance: BigRational,
    npv: BigRational,
}

fn exact(mu: f64, var_r: f64, d: f64, n: f64) -> Exact {
    let (mu, var_r, d, n) = (q(mu), q(var_r), q(d), q(n));
    let one = BigRational::one();
    let two = BigRational::from_integer(BigInt::from(2));
    let value = &mu / (&n * &d + &one);
    let a = &n * &d * &d + &two * &n * &d + &one;
    let b = &n * &n * &d * &d + &two * &n * &d + &one;
    let variance = (&var_r + &mu * &mu) / a - &mu * &mu / b;
    Exact {
        value,
        variance,
        npv: &mu / &d,
    }
}

const CASES: [(f64, f64, f64, f64); 10] = [
    (1.0, 0.0, 0.01, 100.0),
    (0.05, 0.0225, 1.4914e-8, 1000.0),
    (0.05, 0.0225, 1.4914e-8, 1e9),
    (3.0, 2.0, 0.5, 1.0),
    (1.0, 1.0, 1e-12, 1e12),
    (1.0, 0.0, 1e-12, 1e12),
    (1.0, 0.0, 1e-12, 10.0),
    (0.07, 0.0, 1e-12, 2.0),
    (2.5, 100.0, 0.3, 1e12),
    (1e-3, 4e-6, 1e-6, 12345.0),
];

#[test]
fn closed_forms_are_exact_to_1e_12() {
    for (mu, var_r, d, n) in CASES {
        let l = Lottery::new(mu, var_r, d, n).unwrap();
        let e = exact(mu, var_r, d, n);
        let tag = format!("mu={mu} varR={var_r} d={d} n={n}");
        assert_rel(l.ticket_value(), f(&e.value), 1e-12, &format!("E[V] {tag}"));
        assert_rel(l.ticket_variance(), f(&e.variance), 1e-12, &format!("Var {tag}"));
        assert_rel(l.total_npv(), f(&e.npv), 1e-12, &format!("NPV {tag}"));
        let issued = q(n) * &e.value;
        assert_rel(l.issued_value(), f(&issued), 1e-12, &format!("issued {tag}"));
        assert_rel(
            l.unissued_value(),
            f(&(&e.npv - &issued)),
            1e-12,
            &format!("unissued {tag}"),
        );
        assert_eq!(l.expected_wait_slots(), n);
    }
}

#[test]
fn share_and_lookahead_are_exact() {
    for (mu, var_r, d, n) in CASES {
        let l = Lottery::new(mu, var_r, d, n).unwrap();
        let e = exact(mu, var_r, d, n);
        for m in [0u32, 1, 4, 32] {
            let factor = (BigRational::one() + q(d)).pow(m as i32);
            let expect = &e.value / &factor;
            let s = l.summary(Some(0.25), m as f64).unwrap();
            assert_rel(s.ticket_value, f(&expect), 1e-12, "lookahead value");
            assert_rel(l.lookahead_value(m as f64).unwrap(), f(&expect), 1e-12, "lookahead");
            let var = &e.variance / (&factor * &factor);
            assert_rel(s.ticket_variance, f(&var), 1e-12, "lookahead variance");
            let issued = q(n) * &expect;
            assert_rel(s.issued_value, f(&issued), 1e-12, "issued");
            assert_rel(s.unissued_value, f(&(&e.npv - &issued)), 1e-12, "unissued");
            let share = q(0.25) * &issued;
            assert_rel(s.share_value.unwrap(), f(&share), 1e-12, "share");
        }
    }
}

#[test]
fn series_summation_agrees_with_the_closed_forms() {
    // E[x^T] and E[x^2T] for T ~ Geometric(1/n), summed term by term.
    let (mu, var_r, d, n): (f64, f64, f64, f64) = (0.8, 0.3, 0.02, 7.0);
    let (p, x) = (1.0 / n, 1.0 / (1.0 + d));
    let (mut m1, mut m2, mut pt) = (0.0, 0.0, p);
    for t in 1..20_000 {
        m1 += pt * x.powi(t);
        m2 += pt * x.powi(2 * t);
        pt *= 1.0 - p;
    }
    let l = Lottery::new(mu, var_r, d, n).unwrap();
    assert_rel(l.ticket_value(), mu * m1, 1e-12, "E[V] by summation");
    let var = (var_r + mu * mu) * m2 - (mu * m1).powi(2);
    assert_rel(l.ticket_variance(), var, 1e-11, "Var by summation");
}

#[test]
fn share_value_rises_towards_share_of_npv() {
    let base = Lottery::new(0.05, 0.0, 1.5e-8, 1.0).unwrap();
    let mut last = 0.0;
    for k in 0..13 {
        let l = base.with_n(10f64.powi(k)).unwrap();
        let v = l.share_value(0.3).unwrap();
        assert!(v > last && v < 0.3 * l.total_npv());
        last = v;
    }
    assert_rel(last, 0.3 * base.total_npv(), 1e-4, "limit");
    assert_eq!(base.share_value(1.5).unwrap_err().field(), "share");
    assert_eq!(base.summary(None, -1.0).unwrap_err().field(), "lookahead");
}
