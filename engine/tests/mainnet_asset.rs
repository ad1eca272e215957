//! The committed asset `www/data/mainnet-2023-10-2024-04.bin` against a fixture computed
//! independently from the source CSV (`scripts/mainnet_fixture.py`, which never reads the
//! asset): counts exactly, gwei figures exactly, ETH figures to the gwei rounding bound,
//! quantiles exactly under the same definition, builders, HHI and the longest run.
//! Native only (it reads the 6 MB asset from disk).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::time::Instant;

use et_engine::rewards::mainnet::{summary, MainnetData, MainnetSummary, SlotStatus};
use serde_json::Value;

const ASSET: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../www/data/mainnet-2023-10-2024-04.bin");
const FIXTURE: &str = include_str!("fixtures/mainnet_summary.json");

fn data() -> MainnetData {
    let bytes = std::fs::read(ASSET).expect("the asset is committed");
    assert!(bytes.len() <= 8_000_000, "{} bytes", bytes.len());
    MainnetData::from_bytes(&bytes).unwrap()
}

fn u(v: &Value) -> u64 {
    v.as_u64().expect("an integer")
}

fn f(v: &Value) -> f64 {
    v.as_f64().expect("a number")
}

fn eth(gwei: u64) -> f64 {
    gwei as f64 / 1e9
}

/// Every field of `s` against the fixture's `want` and `exact`.
fn check(s: &MainnetSummary, want: &Value, exact: &Value, name: &str) {
    let counts = [
        ("firstSlot", s.first_slot),
        ("lastSlot", s.last_slot),
        ("slots", s.slots),
        ("blocks", s.blocks),
        ("missedSlots", s.missed_slots),
        ("withValue", s.with_value),
        ("withoutMevBoost", s.without_mev_boost),
        ("unknown", s.unknown),
    ];
    for (k, got) in counts {
        assert_eq!(got, u(&want[k]), "{name}: {k}");
    }
    let n = s.with_value as f64;
    assert_eq!(s.total_gwei, u(&exact["totalGwei"]), "{name}: total gwei");
    // Each value is within half a gwei of its exact wei.
    assert!(
        (s.total - f(&want["total"])).abs() <= n * 0.5e-9 + 1e-12 * s.total,
        "{name}: total"
    );
    assert!(
        (s.mean - f(&want["mean"])).abs() <= 0.5e-9 + 1e-12 * s.mean,
        "{name}: mean"
    );
    common::assert_rel(s.sd, f(&want["sd"]), 1e-9, &format!("{name}: sd"));
    assert_eq!(s.max, eth(u(&exact["maxGwei"])), "{name}: max");
    assert!((s.max - f(&want["max"])).abs() <= 0.5e-9, "{name}: max vs wei");
    assert_eq!(s.median, u(&exact["medianGweiTimes2"]) as f64 / 2e9, "{name}: median");
    assert!((s.median - f(&want["median"])).abs() <= 0.5e-9, "{name}: median vs wei");
    let qs = want["quantiles"].as_array().unwrap();
    let qg = exact["quantilesGwei"].as_array().unwrap();
    assert_eq!(s.quantiles.len(), qs.len());
    for ((&(p, v), q), g) in s.quantiles.iter().zip(qs).zip(qg) {
        assert_eq!(p, f(&q["p"]), "{name}: level");
        assert_eq!(v, eth(u(g)), "{name}: quantile {p}");
        assert!((v - f(&q["value"])).abs() <= 0.5e-9, "{name}: quantile {p} vs wei");
    }
    let bs = want["builders"].as_array().unwrap();
    assert_eq!(s.builders.len(), bs.len(), "{name}: builders");
    for (b, w) in s.builders.iter().zip(bs) {
        assert_eq!(
            (b.name.as_str(), b.blocks),
            (w["name"].as_str().unwrap(), u(&w["blocks"])),
            "{name}"
        );
        common::assert_rel(b.share, f(&w["share"]), 1e-14, &format!("{name}: share of {}", b.name));
    }
    common::assert_rel(s.builder_hhi, f(&want["builderHhi"]), 1e-12, &format!("{name}: HHI"));
    let run = s.longest_run.as_ref().unwrap();
    let w = &want["longestRun"];
    assert_eq!(
        (run.builder.as_str(), run.slots, run.first_slot),
        (w["builder"].as_str().unwrap(), u(&w["slots"]), u(&w["firstSlot"])),
        "{name}: longest run"
    );
}

#[test]
fn asset_matches_the_source_csv() {
    let t = Instant::now();
    let d = data();
    eprintln!("decode: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    for w in fixture["windows"].as_array().unwrap() {
        let name = w["name"].as_str().unwrap();
        let t = Instant::now();
        let s = summary(&d, w["from"].as_u64(), w["to"].as_u64()).unwrap();
        eprintln!("summary of {name}: {:.1} ms", t.elapsed().as_secs_f64() * 1e3);
        check(&s, &w["summary"], &w["exact"], name);
    }
}

#[test]
fn whole_range_figures_of_the_source_readme() {
    let d = data();
    let s = summary(&d, None, None).unwrap();
    assert_eq!(
        (d.first_slot(), d.last_slot(), d.first_block()),
        (7_509_685, 8_822_072, 18_320_000)
    );
    assert_eq!((s.blocks, s.missed_slots), (1_300_000, 12_388));
    assert_eq!(
        (s.with_value, s.without_mev_boost, s.unknown),
        (1_182_839, 110_041, 7_120)
    );
    assert!((s.max - 566.373_139_25).abs() < 1e-8, "{}", s.max);
    let top: Vec<(&str, u64)> = s.builders.iter().take(4).map(|b| (b.name.as_str(), b.blocks)).collect();
    assert_eq!(
        top,
        [
            ("beaverbuild", 431_421),
            ("Titan", 271_627),
            ("rsync", 265_358),
            ("Flashbots", 68_497)
        ]
    );
    // The first rows of the CSV: two local blocks, then rsync paying 0.025251312618146165 ETH.
    let r = d.slot(7_509_687).unwrap();
    assert_eq!(
        (r.status, r.gwei, r.label),
        (SlotStatus::Value, 25_251_313, "rsync-builder.xyz")
    );
    assert_eq!(d.entities()[r.entity.unwrap()], "rsync");
    assert_eq!(d.slot(7_509_685).unwrap().status, SlotStatus::NoMevBoost);
    assert!(d.slot(7_509_684).is_none() && d.slot(8_822_073).is_none());
}

#[test]
fn whole_range_summary_timing() {
    let d = data();
    let t = Instant::now();
    let reps = 5;
    for _ in 0..reps {
        std::hint::black_box(summary(&d, None, None).unwrap());
    }
    eprintln!(
        "whole-range summary: {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3 / reps as f64
    );
}
