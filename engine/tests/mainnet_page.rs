//! What the Mainnet page draws, on the small asset (`fixtures/mainnet_small.bin`, the
//! source's first 3,000 blocks), against direct computations from the slot records:
//! each day's mean, median and maximum, each week's builder shares, the tail's survival
//! and Hill estimate.

use et_engine::rewards::mainnet::daily::{daily, weekly_builders};
use et_engine::rewards::mainnet::tail::{hill_k, tail};
use et_engine::rewards::mainnet::time::{slot_date, slot_day};
use et_engine::rewards::mainnet::{summary, MainnetData, SlotStatus};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const SMALL: &[u8] = include_bytes!("fixtures/mainnet_small.bin");

fn data() -> MainnetData {
    MainnetData::from_bytes(SMALL).unwrap()
}

/// The values (ETH) of the slots `from..=to` that start on UTC day `day`.
fn values_on(d: &MainnetData, from: u64, to: u64, day: i64) -> Vec<f64> {
    (from..=to)
        .filter(|&s| slot_day(s) == day)
        .filter_map(|s| d.slot(s))
        .filter(|r| r.status == SlotStatus::Value)
        .map(|r| r.eth)
        .collect()
}

#[test]
fn each_day_s_statistics_match_a_direct_computation() {
    let d = data();
    // The small asset spans about ten hours of 10 Oct 2023: the whole and a cut window
    // (days across midnight: `days_across_midnight_on_the_whole_asset`).
    for (from, to) in [(d.first_slot(), d.last_slot()), (7_510_001, 7_511_999)] {
        let days = daily(&d, Some(from), Some(to)).unwrap();
        assert_eq!(days[0].first_slot, from);
        let total: u64 = days.iter().map(|x| x.count).sum();
        assert_eq!(total, summary(&d, Some(from), Some(to)).unwrap().with_value);
        for day in &days {
            let mut v = values_on(&d, from, to, slot_day(day.first_slot));
            v.sort_by(f64::total_cmp);
            let n = v.len();
            let mean = v.iter().sum::<f64>() / n as f64;
            let median = (v[(n - 1) / 2] + v[n / 2]) / 2.0;
            assert_eq!(day.count, n as u64);
            assert!((day.mean - mean).abs() <= 1e-12 * mean, "{day:?} vs {mean}");
            assert!((day.median - median).abs() <= 1e-15 + 1e-12 * median);
            assert_eq!(day.max, v[n - 1]);
        }
    }
}

#[test]
fn weekly_shares_sum_to_one_and_match_the_summary_over_one_week() {
    let d = data();
    let w = weekly_builders(&d, &summary(&d, None, None).unwrap(), 4).unwrap();
    let s = summary(&d, None, None).unwrap();
    assert_eq!(w.names.len(), 5);
    assert_eq!(w.names[4], "others");
    // The small asset spans less than a week: its one week's shares are the summary's.
    assert_eq!(w.weeks.len(), 1);
    let shares = &w.weeks[0].1;
    for (i, b) in s.builders.iter().take(4).enumerate() {
        assert_eq!(w.names[i], b.name);
        assert!((shares[i] - b.share).abs() < 1e-12);
    }
    let others: f64 = s.builders.iter().skip(4).map(|b| b.share).sum();
    assert!((shares[4] - others).abs() < 1e-12);
    assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
}

#[test]
fn the_tail_is_the_sorted_values_and_hill_its_top_one_percent() {
    let d = data();
    let t = tail(&d, None, None).unwrap();
    let mut v: Vec<f64> = (d.first_slot()..=d.last_slot())
        .filter_map(|s| d.slot(s))
        .filter(|r| r.status == SlotStatus::Value && r.gwei > 0)
        .map(|r| r.eth)
        .collect();
    v.sort_by(|a, b| b.total_cmp(a));
    let n = v.len();
    assert_eq!(t.n, n as u64);
    assert_eq!(t.survival[0], (v[0], 1.0 / n as f64));
    assert_eq!(*t.survival.last().unwrap(), (v[n - 1], 1.0));
    let k = hill_k(n);
    let alpha = k as f64 / v[..k].iter().map(|x| (x / v[k]).ln()).sum::<f64>();
    assert!((t.hill.alpha - alpha).abs() < 1e-12 * alpha);
    assert_eq!(t.hill.threshold, v[k]);
    assert_eq!(slot_date(d.first_slot()), "2023-10-10");
    assert_eq!(tail(&d, Some(7_510_000), Some(7_510_003)).unwrap_err().field(), "from");
    assert_eq!(daily(&d, Some(1), None).unwrap_err().field(), "from");
}

/// The full asset (native only: read from disk): days across midnight, in order, each
/// starting at its UTC midnight, and counts summing to the window's.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn days_across_midnight_on_the_whole_asset() {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../www/data/mainnet-2023-10-2024-04.bin"
    ))
    .unwrap();
    let d = MainnetData::from_bytes(&bytes).unwrap();
    let (from, to) = (7_700_000, 7_760_000);
    let days = daily(&d, Some(from), Some(to)).unwrap();
    assert_eq!(days.len() as i64, slot_day(to) - slot_day(from) + 1);
    for (k, day) in days.iter().enumerate().skip(1) {
        assert_eq!(day.index, k as u64);
        assert_ne!(slot_day(day.first_slot - 1), slot_day(day.first_slot));
        let mut v = values_on(&d, from, to, slot_day(day.first_slot));
        v.sort_by(f64::total_cmp);
        assert_eq!((day.count, day.max), (v.len() as u64, v[v.len() - 1]));
    }
    let total: u64 = days.iter().map(|x| x.count).sum();
    assert_eq!(total, summary(&d, Some(from), Some(to)).unwrap().with_value);
    let w = weekly_builders(&d, &summary(&d, Some(from), Some(to)).unwrap(), 5).unwrap();
    assert_eq!(w.weeks.len(), 2);
    assert!(w.weeks.iter().all(|(_, s)| (s.iter().sum::<f64>() - 1.0).abs() < 1e-12));
}

#[test]
fn a_scaled_window_is_the_window_in_other_units() {
    use et_engine::numeric::random::{stream, Source};
    use et_engine::rewards::mainnet::{MainnetMode, MainnetSource, Missing};
    let d = data();
    for (mode, missing) in [
        (MainnetMode::Replay, Missing::Skip),
        (MainnetMode::Resample { block: 32 }, Missing::Resample),
    ] {
        let src = MainnetSource {
            mode,
            missing,
            ..MainnetSource::default()
        };
        let (plain, scaled) = (src.reward(&d).unwrap(), src.scaled_reward(&d, 250.0).unwrap());
        assert!((scaled.mean() - 250.0 * plain.mean()).abs() <= 1e-12 * scaled.mean());
        let (mut a, mut b) = (Source::new(stream(3, 0)), Source::new(stream(3, 0)));
        for t in 0..500 {
            let (x, y) = (plain.sample(&mut a, t), scaled.sample(&mut b, t));
            assert!((y - 250.0 * x).abs() <= 1e-12 * y.max(1e-300), "slot {t}: {x} vs {y}");
        }
    }
    let src = MainnetSource::default();
    assert_eq!(src.scaled_reward(&d, 0.0).unwrap_err().field(), "scale");
}
