//! A first view (a run's first range, merged alone) is a genuine subset of the final
//! result and within its stated error of it (issue 23): on the pages' default runs and
//! a fixed seed, every mean the first view states with a standard error lies within
//! three of those standard errors of the final mean, and the final result does not
//! depend on the split into ranges.

use et_engine::primary::{PricingRule, Totals};

use super::mechanisms::state::MechanismsState;
use super::primary::run::MarketJobs;
use super::primary::state::MarketState;
use crate::worker::market_job::std_errors;
use crate::worker::protocol::{ranges_after, Work};

/// The first range of `job` (as the pool cuts it for two workers) merged alone, and the
/// whole job merged from every range.
fn first_and_final<W: Work>(job: &W) -> (W::Output, W::Output, usize) {
    let ranges = job.ranges(2);
    let first = job.finish(job.run(ranges[0], &mut |_| ()).unwrap()).unwrap();
    let mut parts = Vec::new();
    for r in &ranges {
        parts.extend(job.run(*r, &mut |_| ()).unwrap());
    }
    (first, job.finish(parts).unwrap(), ranges.len())
}

/// A total's name and how to read it.
type Field = (&'static str, fn(&Totals) -> f64);

/// Every total shown.
const TOTALS: [Field; 8] = [
    ("revenue", |t| t.revenue),
    ("capture", |t| t.capture),
    ("sold", |t| t.sold),
    ("hhi", |t| t.hhi),
    ("top_share", |t| t.top_share),
    ("won_hhi", |t| t.won_hhi),
    ("won_top_share", |t| t.won_top_share),
    ("won_nakamoto", |t| t.won_nakamoto),
];

fn within_three_se(name: &str, first: f64, se: f64, last: f64) {
    assert!(se.is_finite() && se >= 0.0, "{name}: standard error {se}");
    // A constant (a price set ahead, se 0) differs only by the rounding of its sum.
    let rounding = 1e-12 * last.abs();
    assert!(
        (first - last).abs() <= 3.0 * se + rounding,
        "{name}: first view {first} ± {se}, final {last}"
    );
}

#[test]
fn ranges_after_cut_the_work_once_in_order() {
    assert_eq!(ranges_after(2, 10, 3), vec![(0, 2), (2, 5), (5, 8), (8, 10)]);
    assert_eq!(ranges_after(0, 5, 2), vec![(0, 2), (2, 4), (4, 5)]);
    assert_eq!(ranges_after(1, 1, 4), vec![(0, 1)]);
    assert_eq!(ranges_after(1, 0, 4), Vec::<(u64, u64)>::new());
}

#[test]
fn the_primary_first_view_is_within_three_standard_errors_of_the_final_numbers() {
    let s = MarketState::et_simulation();
    let job = s.job(PricingRule::SecondPrice).unwrap();
    let (first, last, ranges) = first_and_final(&job);
    assert!(ranges > 1);
    assert_eq!((first.result.runs, last.result.runs), (10, 50));
    // The final result is the one merged on one thread, bit for bit.
    assert_eq!(format!("{:?}", last), format!("{:?}", job.run_all().unwrap()));
    // The errors the page states (capture, HHI held, HHI won)…
    let (f, l) = (&first.result.totals, &last.result.totals);
    let stated = [
        ("capture", f.capture, l.capture),
        ("hhi", f.hhi, l.hhi),
        ("won_hhi", f.won_hhi, l.won_hhi),
    ];
    for ((name, f, l), se) in stated.into_iter().zip(first.se) {
        assert!(se > 0.0, "{name}: a standard error from {} runs", first.result.runs);
        within_three_se(name, f, se, l);
    }
    // …and every other mean shown, with its standard error over the first view's runs.
    let runs = job.run(job.ranges(2)[0], &mut |_| ()).unwrap();
    let all = std_errors(&runs, |t| TOTALS.map(|(_, get)| get(t)));
    for ((name, get), se) in TOTALS.into_iter().zip(all) {
        within_three_se(name, get(f), se, get(l));
    }
}

#[test]
fn the_mechanisms_first_view_is_within_three_standard_errors_of_the_final_numbers() {
    let job = MechanismsState::default().job().unwrap();
    let (first, last, ranges) = first_and_final(&job);
    assert!(ranges > 1);
    assert_eq!((first.slots, last.slots), (et_engine::mechanisms::run::BLOCK, 200_000));
    assert_eq!(format!("{:?}", last), format!("{:?}", job.run_all().unwrap()));
    for (a, b) in first.rows.iter().zip(&last.rows) {
        let e = &a.std_errors;
        let m = format!("{:?}", a.mechanism);
        for (name, f, se, l) in [
            ("value", a.value, e.value, b.value),
            ("protocol", a.protocol, e.protocol, b.protocol),
            ("proposer", a.proposer, e.proposer, b.proposer),
            ("builder", a.builder, e.builder, b.builder),
            ("unextracted", a.unextracted, e.unextracted, b.unextracted),
            (
                "oracle accuracy",
                a.oracle_accuracy,
                e.oracle_accuracy,
                b.oracle_accuracy,
            ),
            ("hhi", a.hhi, e.hhi, b.hhi),
            ("top share", a.top_share, e.top_share, b.top_share),
        ] {
            within_three_se(&format!("{m} {name}"), f, se, l);
        }
    }
}
