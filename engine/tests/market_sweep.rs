//! Sweeps of the primary market: each point an independent, seeded job.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use et_engine::choice::Choice;
use et_engine::primary::{
    et_simulation, sweep, sweep_point, with_parameter, Measure, Pricing, PricingRule, SweepParameter,
};

#[test]
fn points_do_not_depend_on_how_the_sweep_is_split() {
    let (cfg, opts) = et_simulation(PricingRule::FirstPrice, 200, 6, 4);
    let values = [50.0, 100.0, 200.0];
    let all = sweep(&cfg, &opts, SweepParameter::MaxTickets, &values).unwrap();
    for (j, &v) in values.iter().enumerate().rev() {
        assert_eq!(all[j], sweep_point(&cfg, &opts, SweepParameter::MaxTickets, v).unwrap());
        let m = Measure::Capture;
        assert!(m.of(&all[j].lo) <= m.of(&all[j].mean) && m.of(&all[j].mean) <= m.of(&all[j].hi));
    }
}

#[test]
fn every_parameter_sets_what_it_names() {
    let (cfg, opts) = et_simulation(PricingRule::BondingCurve, 100, 2, 1);
    for p in SweepParameter::ALL {
        let value = if *p == SweepParameter::CaptureSpread { 0.5 } else { 64.0 };
        let (c, o) = with_parameter(&cfg, &opts, *p, value).unwrap();
        match p {
            SweepParameter::MaxTickets => {
                assert_eq!((c.max_tickets, o.initial.unwrap().count), (64, 63));
                assert_eq!(c.pricing, et_engine::primary::amm_curve(64));
            }
            SweepParameter::Holders => assert_eq!(o.drawn.unwrap().count, 64),
            SweepParameter::Expiry => assert_eq!(c.expiry, Some(64)),
            SweepParameter::InitialPrice => assert_eq!(o.initial.unwrap().price, 64.0),
            SweepParameter::RewardVolatility => assert_eq!(o.market_volatility, Some(64.0)),
            SweepParameter::CaptureSpread => assert_eq!(o.drawn.unwrap().capture_spread, 0.5),
        }
    }
    let (c, _) = with_parameter(&cfg, &opts, SweepParameter::Expiry, 0.0).unwrap();
    assert_eq!(c.expiry, None);
    let e = with_parameter(&cfg, &opts, SweepParameter::Holders, 2.5).unwrap_err();
    assert_eq!(e.field(), "sweep.values");
    let e = sweep_point(&cfg, &opts, SweepParameter::RewardVolatility, 64.0).unwrap_err();
    assert_eq!(e.field(), "marketVolatility");
    let (cfg, opts) = et_simulation(PricingRule::Eip1559, 100, 2, 1);
    let (c, _) = with_parameter(&cfg, &opts, SweepParameter::MaxTickets, 64.0).unwrap();
    assert!(matches!(c.pricing, Pricing::Eip1559 { target, .. } if target == 32.0));
}
