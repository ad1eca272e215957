//! The pool's promise, tested: a run through the workers equals the single-thread run
//! bit for bit.
//!
//! - In-process, the whole path a request takes: the page's request serialised to JSON
//!   text, the worker's `answer` (the registry's dispatch and `handle`), the replies
//!   (bytes) read back on the page, the parts merged out of order; for the Monte Carlo
//!   and the primary market.
//! - Every reply type through its bytes, and the requests through JSON, with extreme
//!   floats: subnormals, 0.1 + 0.2, 1e308, −0.0, …
//! - The real pool: Web Workers started from a script that loads this test's own wasm
//!   and serves, the run's results compared with the single-thread run's.
//!
//! "Bit for bit" is checked on the `Debug` text of the results, which writes every
//! `f64` as the shortest text that reads back as the same bits (−0.0 included), and on
//! `f64::to_bits` of the headline numbers.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::fmt::Debug;
use std::rc::Rc;

use et_engine::lottery::monte_carlo::{McPartial, McResult};
use et_engine::mechanisms::TicketSource;
use et_engine::primary::{MarketResult, PricingRule, RunSeries};
use et_explorer::pages::mechanisms::state::MechanismsState;
use et_explorer::pages::primary::params::Field;
use et_explorer::pages::primary::run::MarketJobs;
use et_explorer::pages::primary::state::{Action, MarketState};
use et_explorer::worker::market_job::{MarketJob, PART_VALUES};
use et_explorer::worker::mc_job::McJob;
use et_explorer::worker::pool::{Pool, PoolEvent};
use et_explorer::worker::protocol::{decode, encode, Request, Response, Work};
use et_explorer::worker::registry::answer;
use et_explorer::worker::reward::RewardSpec;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use yew::{Callback, Reducible};

wasm_bindgen_test_configure!(run_in_browser);

/// Text that tells any two different `f64`s apart.
fn bits<T: Debug>(v: &T) -> String {
    format!("{v:?}")
}

fn mc_jobs() -> Vec<McJob> {
    let job = |reward, seed| McJob {
        n: 1000.0,
        d: 1e-4,
        lookahead: 3,
        reward,
        seed,
        samples: 20 * et_engine::lottery::monte_carlo::BLOCK + 123,
    };
    vec![
        job(RewardSpec::LogNormal { mean: 0.05, sd: 0.15 }, 1),
        job(RewardSpec::Pareto { mean: 0.05, sd: 0.2 }, 2),
        job(
            RewardSpec::Empirical {
                values: vec![0.031, 0.27, 0.012, 0.1 + 0.2, 5e-324],
                replay: true,
            },
            3,
        ),
    ]
}

fn market_jobs() -> Vec<MarketJob> {
    let s = Rc::new(MarketState::default())
        .reduce(Action::Set(Field::Slots, 1500.0))
        .reduce(Action::Set(Field::Runs, 12.0));
    [PricingRule::Fixed, PricingRule::SecondPrice, PricingRule::Eip1559]
        .into_iter()
        .map(|r| s.job(r).unwrap())
        .collect()
}

/// `job` the way the pool runs it, in-process: each range a request (JSON text), the
/// worker's answer (bytes) read back, the parts merged in reverse arrival order.
fn through_the_protocol<W: Work>(job: &W, workers: u64) -> W::Output
where
    W::Part: Debug,
{
    let (mut parts, mut units) = (Vec::new(), 0);
    for (k, range) in job.ranges(workers).into_iter().enumerate().rev() {
        let text = serde_json::to_string(&Request::new(9, k, job.clone(), range)).unwrap();
        let mut replies = Vec::new();
        answer(&text, &mut |r| replies.push(r));
        for reply in replies {
            match decode::<W::Part>(&reply).unwrap() {
                Response::Progress { run: 9, units: u } => units += u,
                Response::Done { run, task, parts: p } if run == 9 && task == k => parts.extend(p),
                other => panic!("unexpected reply {other:?}"),
            }
        }
    }
    assert_eq!(units, job.total(), "progress adds up to the whole job");
    job.finish(parts).unwrap()
}

#[wasm_bindgen_test]
fn the_protocol_path_gives_the_single_thread_monte_carlo_bit_for_bit() {
    for job in mc_jobs() {
        let here: McResult = job.run_all().unwrap();
        for workers in [1, 3, 8] {
            let there = through_the_protocol(&job, workers);
            assert_eq!(there.mean.to_bits(), here.mean.to_bits());
            assert_eq!(there.sd.to_bits(), here.sd.to_bits());
            assert_eq!(bits(&there), bits(&here), "{workers} workers");
        }
    }
}

#[wasm_bindgen_test]
fn the_protocol_path_gives_the_single_thread_market_bit_for_bit() {
    for job in market_jobs() {
        let here: MarketResult = job.run_all().unwrap().result;
        for workers in [1, 2, 4] {
            let there = through_the_protocol(&job, workers).result;
            assert_eq!(there.totals.capture.to_bits(), here.totals.capture.to_bits());
            assert_eq!(bits(&there), bits(&here), "{workers} workers");
        }
    }
}

#[wasm_bindgen_test]
fn market_ranges_stay_under_the_message_cap_and_merge_bit_for_bit() {
    let s = Rc::new(MarketState::default())
        .reduce(Action::Set(Field::Slots, 1500.0))
        .reduce(Action::Set(Field::Runs, 40.0));
    let job = s.job(PricingRule::SecondPrice).unwrap();
    let ranges = job.ranges(1);
    assert!(
        ranges.len() > 2,
        "40 runs of 500 points × 22 series exceed {PART_VALUES} values: {ranges:?}"
    );
    let here = job.run_all().unwrap();
    assert_eq!(bits(&through_the_protocol(&job, 1)), bits(&here));
}

#[wasm_bindgen_test]
fn mechanisms_prices_cross_the_protocol_bit_for_bit() {
    // The ticket contest's prices are set in the worker and sent with the first block.
    let s = MechanismsState {
        tickets: TicketSource::Contest,
        ..MechanismsState::default()
    };
    let job = s.job().unwrap();
    let here = job.run_all().unwrap();
    for workers in [1, 3] {
        let there = through_the_protocol(&job, workers);
        assert_eq!(
            there.prices.ticket_revenue.to_bits(),
            here.prices.ticket_revenue.to_bits()
        );
        assert_eq!(bits(&there), bits(&here), "{workers} workers");
    }
}

const EXTREMES: [f64; 10] = [
    5e-324,
    2.2250738585072014e-308,
    0.1 + 0.2,
    1e308,
    f64::MAX,
    -0.0,
    1.0 / 3.0,
    9007199254740993.0,
    -1.7976931348623157e308,
    123456.789e-300,
];

/// Every float of `v` replaced by the extremes in turn.
fn extreme(v: &mut Value, k: &mut usize) {
    match v {
        Value::Number(n) if n.is_f64() => {
            *v = Value::from(EXTREMES[*k % EXTREMES.len()]);
            *k += 1;
        }
        Value::Array(xs) => xs.iter_mut().for_each(|x| extreme(x, k)),
        Value::Object(m) => m.values_mut().for_each(|x| extreme(x, k)),
        _ => {}
    }
}

/// `t` with its floats replaced by the extremes (and how many were replaced).
fn with_extremes<T: Serialize + DeserializeOwned>(t: &T) -> (T, usize) {
    let mut v = serde_json::to_value(t).unwrap();
    let mut k = 0;
    extreme(&mut v, &mut k);
    (serde_json::from_value(v).unwrap(), k)
}

/// `t` (a request) with extreme floats survives JSON text unchanged, bit for bit.
fn round_trips<T: Serialize + DeserializeOwned + Debug>(t: &T) -> usize {
    let (typed, k) = with_extremes(t);
    let text = serde_json::to_string(&typed).unwrap();
    let back: T = serde_json::from_str(&text).unwrap();
    assert_eq!(bits(&back), bits(&typed), "{text}");
    k
}

/// Reply `r` with extreme floats survives its bytes unchanged, bit for bit.
fn reply_round_trips<P: Serialize + DeserializeOwned + Debug>(r: &Response<P>) -> usize {
    let (typed, k) = with_extremes(r);
    let back: Response<P> = decode(&encode(&typed).unwrap()).unwrap();
    assert_eq!(bits(&back), bits(&typed));
    k
}

#[wasm_bindgen_test]
fn every_reply_keeps_extreme_floats_through_its_bytes_and_every_request_through_json() {
    let mc = &mc_jobs()[0];
    let parts: Vec<McPartial> = mc.run((0, 8), &mut |_| ()).unwrap();
    let done = Response::Done { run: 1, task: 0, parts };
    assert!(reply_round_trips(&done) > 10, "the Monte Carlo's parts hold floats");
    let market = &market_jobs()[0];
    let series: Vec<RunSeries> = market.run((0, 2), &mut |_| ()).unwrap();
    let done = Response::Done {
        run: 1,
        task: 0,
        parts: series,
    };
    assert!(reply_round_trips(&done) > 100, "the market's series hold floats");
    reply_round_trips(&Response::<()>::Progress { run: 1, units: 7 });
    reply_round_trips(&Response::<()>::Failed {
        run: 1,
        message: "x".into(),
    });
    reply_round_trips(&Response::<()>::Ready);
    assert!(
        round_trips(&Request::new(1, 0, mc.clone(), (0, 2))) >= 3,
        "the request's floats"
    );
    assert!(round_trips(&Request::new(1, 0, market.clone(), (0, 2))) > 5);
    for x in EXTREMES {
        let back: f64 = serde_json::from_str(&serde_json::to_string(&x).unwrap()).unwrap();
        assert_eq!(back.to_bits(), x.to_bits(), "{x:e}");
    }
    // Arbitrary bit patterns: without serde_json's `float_roundtrip` about 30 % of them
    // read back one bit off (the extremes above happen to survive either way).
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let floats: Vec<f64> = std::iter::from_fn(|| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        Some(f64::from_bits(seed))
    })
    .filter(|x| x.is_finite())
    .take(100_000)
    .collect();
    let text = serde_json::to_string(&floats).unwrap();
    let through_json: Vec<f64> = serde_json::from_str(&text).unwrap();
    let bytes = encode(&Response::Done {
        run: 1,
        task: 0,
        parts: floats.clone(),
    })
    .unwrap();
    let Response::Done { parts, .. } = decode::<f64>(&bytes).unwrap() else {
        panic!("a Done reply")
    };
    for (way, got) in [("JSON", &through_json), ("a reply's bytes", &parts)] {
        let differ = floats
            .iter()
            .zip(got)
            .filter(|(a, b)| a.to_bits() != b.to_bits())
            .count();
        assert_eq!((got.len(), differ), (floats.len(), 0), "floats changed through {way}");
    }
}

/// A worker's entry point for the test: this test's own wasm, serving requests.
#[wasm_bindgen]
pub fn et_explorer_test_serve() {
    et_explorer::worker::serve();
}

/// A classic worker script that loads this test's wasm and serves; a failure to load
/// becomes an error event (so the pool falls back, and the test says so).
fn worker_script() -> String {
    let origin = web_sys::window().unwrap().location().origin().unwrap();
    let text = format!(
        "self.__requests = []; self.onmessage = (e) => self.__requests.push(e.data); \
         import('{origin}/wasm-bindgen-test.js').then(async (m) => {{ \
           await m.default({{ module_or_path: '{origin}/wasm-bindgen-test_bg.wasm' }}); \
           m.et_explorer_test_serve(); \
         }}).catch((e) => setTimeout(() => {{ throw e; }}));"
    );
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).unwrap();
    web_sys::Url::create_object_url_with_blob(&blob).unwrap()
}

/// Runs `jobs` on a real pool of workers; the results and the number of workers.
async fn on_the_pool<W: Work>(jobs: Vec<W>) -> (Vec<W::Output>, usize) {
    on_the_pool_of(&worker_script(), jobs, || ()).await
}

/// [`on_the_pool`] with workers running `script`; `started` is called once the run has
/// started.
async fn on_the_pool_of<W: Work>(script: &str, jobs: Vec<W>, started: impl FnOnce()) -> (Vec<W::Output>, usize) {
    let got = Rc::new(RefCell::new(None));
    let pool = {
        let got = got.clone();
        Pool::<W>::with_script(
            script,
            Callback::from(move |e: PoolEvent<W::Output>| match e {
                PoolEvent::Progress { .. } => {}
                e => *got.borrow_mut() = Some(e),
            }),
        )
    };
    pool.run(jobs, false);
    started();
    for _ in 0..1200 {
        if got.borrow().is_some() {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(100).await;
    }
    let event = got.borrow_mut().take();
    pool.cancel();
    match event {
        Some(PoolEvent::Finished { results, workers, .. }) => (results, workers),
        Some(PoolEvent::Failed(e)) => panic!("the pool failed: {e}"),
        _ => panic!("the pool did not finish within 120 s"),
    }
}

#[wasm_bindgen_test]
async fn a_run_on_real_workers_equals_the_single_thread_run_bit_for_bit() {
    let jobs = mc_jobs();
    let here: Vec<String> = jobs.iter().map(|j| bits(&j.run_all().unwrap())).collect();
    let (results, workers) = on_the_pool(jobs).await;
    assert!(
        workers > 0,
        "the run went to workers (0: the pool fell back to this thread)"
    );
    assert_eq!(results.iter().map(bits).collect::<Vec<_>>(), here);
    let jobs = market_jobs();
    let here: Vec<String> = jobs.iter().map(|j| bits(&j.run_all().unwrap())).collect();
    let (results, workers) = on_the_pool(jobs).await;
    assert!(workers > 0);
    assert_eq!(results.iter().map(bits).collect::<Vec<_>>(), here);
}

/// Starts workers as index.html's loader does (`window.__etWorkers`), the last one
/// marked as failed to load; resolves once the first has said `Ready` to nobody.
async fn start_early_workers(script: &str) {
    let start = js_sys::Function::new_with_args(
        "script",
        "window.__etWorkers = [0, 1].map((k) => { \
           const w = new Worker(script); \
           Object.assign(w, { __script: script, __early: [], __failed: k === 1 }); \
           w.onmessage = (e) => w.__early.push(e.data); \
           return w; }); \
         return window.__etWorkers[0];",
    );
    let first = start.call1(&JsValue::NULL, &JsValue::from_str(script)).unwrap();
    for _ in 0..600 {
        let early = js_sys::Reflect::get(&first, &"__early".into()).unwrap();
        if js_sys::Array::from(&early).length() > 0 {
            return;
        }
        gloo_timers::future::TimeoutFuture::new(100).await;
    }
    panic!("the early worker never said Ready");
}

#[wasm_bindgen_test]
async fn a_pool_adopts_the_loaders_workers_and_their_early_messages() {
    let script = worker_script();
    start_early_workers(&script).await;
    let jobs = mc_jobs();
    let here: Vec<String> = jobs.iter().map(|j| bits(&j.run_all().unwrap())).collect();
    let taken_all = || {
        let window = web_sys::window().unwrap();
        let left = js_sys::Array::from(&js_sys::Reflect::get(&window, &"__etWorkers".into()).unwrap());
        let taken = 2.min(et_explorer::worker::pool::worker_count()) as u32;
        assert_eq!(
            left.length(),
            2 - taken,
            "one early worker taken a worker (a failed one dropped)"
        );
    };
    let (results, workers) = on_the_pool_of(&script, jobs, taken_all).await;
    assert!(workers > 0, "ran on workers");
    assert_eq!(results.iter().map(bits).collect::<Vec<_>>(), here);
}

#[wasm_bindgen_test]
async fn a_first_view_comes_first_and_the_final_run_is_bit_for_bit_the_single_thread_one() {
    let jobs = market_jobs();
    let here: Vec<String> = jobs.iter().map(|j| bits(&j.run_all().unwrap())).collect();
    // Each result the pool sends: whether a first view, and its results.
    let got = Rc::new(RefCell::new(Vec::new()));
    let pool = {
        let got = got.clone();
        Pool::<MarketJob>::with_script(
            &worker_script(),
            Callback::from(move |e| match e {
                PoolEvent::Finished {
                    results, first_view, ..
                } => got.borrow_mut().push((first_view, results)),
                PoolEvent::Failed(e) => panic!("the pool failed: {e}"),
                PoolEvent::Progress { .. } => {}
            }),
        )
    };
    pool.run(jobs, true);
    for _ in 0..1200 {
        if got.borrow().iter().any(|(first, _)| !first) {
            break;
        }
        gloo_timers::future::TimeoutFuture::new(100).await;
    }
    pool.cancel();
    let got = got.borrow();
    assert_eq!(
        got.iter().map(|(first, r)| (*first, r.len())).collect::<Vec<_>>(),
        [(true, 1), (false, 3)]
    );
    let first_runs = got[0].1[0].result.runs;
    assert!(
        (1..12).contains(&first_runs),
        "a first view from part of the runs: {first_runs}"
    );
    assert_eq!(got[1].1.iter().map(bits).collect::<Vec<_>>(), here);
}
