//! Times calls of the engine's interface (`api`) natively on one thread — the input read,
//! the engine run and its output built, not converted for any language: the reference for
//! the Python package's call overhead (`tests/bench/python-overhead.py` runs this and
//! the same calls from Python, back to back).
//!
//! ```sh
//! cargo run --release -p et-engine --features api --example api_timing -- CALLS.json REPEATS
//! ```
//! `CALLS.json` is a list of `{function, input}` in the JS names; prints one line a call:
//! the best wall time in seconds.

use std::hint::black_box;
use std::time::Instant;

use et_engine::api::{self, market_options as holders};
use serde_json::Value;

fn from<T: serde::de::DeserializeOwned>(v: &Value) -> T {
    serde_json::from_value(v.clone()).expect("a valid input")
}

fn market(input: &Value) -> (et_engine::primary::MarketConfig, et_engine::primary::Options) {
    let spec = match input.get("holders") {
        None => holders::HoldersSpec::Missing,
        Some(h) if h.is_array() => holders::holders_list(from(h)),
        Some(h) => holders::holders_preset(from(h)).unwrap(),
    };
    api::market::market_input(from(input), spec).unwrap()
}

/// `ticketValue` with columns (arrays or single numbers) for its fields.
fn ticket_columns(input: &Value) -> api::ticket::TicketValueTable {
    let cols: Vec<Option<Vec<f64>>> = api::TICKET_VALUE_FIELDS
        .iter()
        .map(|f| match &input[*f] {
            Value::Null => None,
            Value::Array(_) => Some(from(&input[*f])),
            v => Some(vec![v.as_f64().unwrap()]),
        })
        .collect();
    let columns = std::array::from_fn(|j| cols[j].as_deref());
    api::ticket::ticket_value_columns(&api::ticket::TicketValueColumns { columns }).unwrap()
}

/// One call of the engine (its input read, its output built, not converted).
fn call(function: &str, input: &Value) {
    match function {
        "ticketValue" if input["n"].is_array() => drop(black_box(ticket_columns(input))),
        "ticketValue" => drop(black_box(api::ticket_value(from(input)).unwrap())),
        "simulateLottery" => drop(black_box(api::lottery::LotteryRun::new(from(input)).unwrap().run())),
        "tradeoffCurve" => {
            let values: Vec<f64> = from(&input["values"]);
            let alphas: Vec<f64> = input["alphas"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a.as_f64().unwrap_or(f64::INFINITY))
                .collect();
            // JSON has no Infinity: null stands for it (the all-pay auction).
            let curve = api::contest::tradeoff_curve(&values, api::contest::CurveInput::new(alphas)).unwrap();
            drop(black_box(curve))
        }
        "simulateMarket" => {
            let (cfg, opts) = market(input);
            drop(black_box(
                et_engine::primary::Market::with_options(cfg, opts).unwrap().simulate(),
            ))
        }
        other => panic!("no function {other} here"),
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let calls: Value = serde_json::from_str(&std::fs::read_to_string(&args[1]).unwrap()).unwrap();
    let repeats: usize = args.get(2).map_or(5, |r| r.parse().unwrap());
    for c in calls.as_array().unwrap() {
        let f = c["function"].as_str().unwrap();
        // A short call repeated for 50 ms, warm, and averaged.
        let t = Instant::now();
        call(f, &c["input"]);
        let loops = ((0.05 / t.elapsed().as_secs_f64()) as usize).max(1);
        let best = (0..repeats)
            .map(|_| {
                let t = Instant::now();
                for _ in 0..loops {
                    call(f, &c["input"]);
                }
                t.elapsed().as_secs_f64() / loops as f64
            })
            .fold(f64::INFINITY, f64::min);
        println!("{f} {best:.6e}");
    }
}
