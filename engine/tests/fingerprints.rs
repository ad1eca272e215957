//! The shared fingerprint table (`tests/fingerprints.json` at the root): the same seeded
//! calls of the interface (the `api` structs both faces use, on one thread here) give the
//! same bits natively as in wasm under Node (`tests/node/fingerprints.test.mjs`) and in
//! Python on every core (`python/tests/test_fingerprints.py`).

use et_engine::api::{self, market_options as holders};
use serde_json::Value;

fn from<T: serde::de::DeserializeOwned>(v: &Value) -> T {
    serde_json::from_value(v.clone()).expect("a valid input in tests/fingerprints.json")
}

fn json<T: serde::Serialize>(v: T) -> Value {
    serde_json::to_value(v).unwrap()
}

/// A `simulateMarket` input's configuration (`holders` read on its own, as each face does).
fn market(input: &Value) -> (et_engine::primary::MarketConfig, et_engine::primary::Options) {
    let spec = match input.get("holders") {
        None => holders::HoldersSpec::Missing,
        Some(h) if h.is_array() => holders::holders_list(from(h)),
        Some(h) => holders::holders_preset(from(h)).unwrap(),
    };
    api::market::market_input(from(input), spec).unwrap()
}

fn call(function: &str, input: &Value) -> Value {
    match function {
        "simulateLottery" => json(api::lottery::LotteryRun::new(from(input)).unwrap().run()),
        "poolRisk" => json(api::lottery::pool_risk_of(from(input)).unwrap()),
        "simulateHolders" => json(api::holders::simulate_holders(from(input)).unwrap()),
        "simulateMarket" => {
            let (cfg, opts) = market(input);
            json(et_engine::primary::Market::with_options(cfg, opts).unwrap().simulate())
        }
        "sweepMarket" => {
            let i: api::sweep::SweepInput = from(input);
            let sweep = api::sweep::SweepRun::new(&i).unwrap();
            let (cfg, opts) = market(&input["market"]);
            let points = i.values.iter().map(|&v| sweep.point(&cfg, &opts, v).unwrap()).collect();
            json(sweep.finish(points))
        }
        "compareMechanisms" => json(api::mechanisms::CompareRun::new(from(input)).unwrap().run().unwrap()),
        other => panic!("tests/fingerprints.json: no function {other} here"),
    }
}

fn at<'a>(v: &'a Value, path: &str) -> &'a Value {
    path.split('.').fold(v, |v, k| match k.parse::<usize>() {
        Ok(i) => &v[i],
        Err(_) => &v[k],
    })
}

#[test]
fn the_shared_fingerprints_hold_natively() {
    let text = include_str!("../../tests/fingerprints.json");
    let table: Value = serde_json::from_str(text).unwrap();
    let cases = table["cases"].as_array().unwrap();
    assert!(cases.len() >= 8);
    for c in cases {
        let f = c["function"].as_str().unwrap();
        let r = call(f, &c["input"]);
        for p in c["paths"].as_array().unwrap() {
            let p = p.as_str().unwrap();
            let got = at(&r, p).as_f64().unwrap_or_else(|| panic!("{f} {p}: not a number"));
            let want = c["expect"][p][0].as_str().unwrap();
            assert_eq!(
                format!("{:016x}", got.to_bits()),
                want,
                "{f} {p}: {got} ≠ {} (update tests/fingerprints.json only on purpose)",
                c["expect"][p][1]
            );
        }
    }
}
