//! Tests of `laws.rs` (beside it).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

#[test]
fn bad_parameters_name_their_field() {
    assert_eq!(Reward::pareto(1.0, 1.0).unwrap_err().field(), "tailIndex");
    assert_eq!(Reward::lognormal(1.0, 0.0).unwrap_err().field(), "cv");
    assert_eq!(Reward::exponential(-1.0).unwrap_err().field(), "mean");
    assert_eq!(
        Reward::empirical(vec![], EmpiricalMode::Replay).unwrap_err().field(),
        "values"
    );
    let e = Reward::empirical(vec![1.0, f64::NAN], EmpiricalMode::Replay).unwrap_err();
    assert_eq!(e.field(), "values[1]");
    let e = Reward::empirical(vec![1.0], EmpiricalMode::Block { len: 0 }).unwrap_err();
    assert_eq!(e.field(), "block");
    let e = Reward::empirical_with_gaps(vec![f64::NAN], EmpiricalMode::Replay).unwrap_err();
    assert_eq!(e.field(), "values");
    let r = Reward::empirical_with_gaps(vec![2.0, f64::NAN, 4.0], EmpiricalMode::Replay).unwrap();
    assert_eq!((r.mean(), r.variance()), (3.0, 1.0));
}
