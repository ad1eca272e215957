//! Mainnet data as a reward law, on a small asset (`fixtures/mainnet_small.bin`: the
//! source's first 3,000 blocks, slots 7,509,685–7,512,705, made by
//! `zcat blocks.csv.gz | head -3001 | gzip > small.csv.gz &&
//! python3 scripts/mainnet_asset.py small.csv.gz engine/tests/fixtures/mainnet_small.bin`):
//! replay, the block bootstrap, missing slots, errors, corrupt buffers, and a fingerprint
//! that is the same natively and in wasm (`wasm-pack test --node engine`).

use et_engine::lottery::monte_carlo::{TicketMonteCarlo, BLOCK};
use et_engine::lottery::process::{Process, Remint};
use et_engine::numeric::random::{stream, Source};
use et_engine::rewards::mainnet::{summary, MainnetData, MainnetMode, MainnetSource, Missing, SlotStatus};
use et_engine::rewards::{EmpiricalMode, Reward};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const SMALL: &[u8] = include_bytes!("fixtures/mainnet_small.bin");

fn data() -> MainnetData {
    MainnetData::from_bytes(SMALL).unwrap()
}

fn source(mode: MainnetMode, missing: Missing) -> MainnetSource {
    MainnetSource {
        mode,
        missing,
        ..MainnetSource::default()
    }
}

fn draws(r: &Reward, seed: u64, slots: u64) -> Vec<f64> {
    let mut src = Source::new(stream(seed, 0));
    (0..slots).map(|t| r.sample(&mut src, t)).collect()
}

#[test]
fn small_asset_decodes() {
    let d = data();
    assert_eq!(
        (d.first_slot(), d.last_slot(), d.slots()),
        (7_509_685, 7_512_705, 3_021)
    );
    let s = summary(&d, None, None).unwrap();
    assert_eq!(
        (s.blocks, s.missed_slots, s.with_value + s.without_mev_boost + s.unknown),
        (3_000, 21, 3_000)
    );
    assert_eq!(s.without_mev_boost + s.unknown, 281);
}

#[test]
fn replay_reproduces_the_window_mean_over_whole_passes() {
    let d = data();
    for (from, to) in [(None, None), (Some(7_510_000), Some(7_511_234))] {
        let src = MainnetSource {
            from,
            to,
            ..MainnetSource::default()
        };
        let r = src.reward(&d).unwrap();
        let s = summary(&d, from, to).unwrap();
        let len = s.with_value;
        let xs = draws(&r, 1, 3 * len);
        for pass in xs.chunks(len as usize) {
            // Bit for bit the law's mean, and the summary's (exact) mean to rounding.
            assert_eq!(pass.iter().sum::<f64>() / len as f64, r.mean());
            assert!((r.mean() / s.mean - 1.0).abs() < 1e-12, "{} vs {}", r.mean(), s.mean);
        }
        // Missing slots as zero: the mean over a pass is total / slots.
        let z = MainnetSource {
            missing: Missing::Zero,
            ..src
        };
        let r = z.reward(&d).unwrap();
        assert!((r.mean() / (s.total / s.slots as f64) - 1.0).abs() < 1e-12);
    }
}

#[test]
fn block_bootstrap_is_seeded_and_keeps_blocks_together() {
    let d = data();
    let values = source(MainnetMode::Replay, Missing::Skip).values(&d).unwrap();
    let r = source(MainnetMode::Resample { block: 32 }, Missing::Skip)
        .reward(&d)
        .unwrap();
    let (a, b, c) = (draws(&r, 7, 640), draws(&r, 7, 640), draws(&r, 8, 640));
    assert_eq!(a, b);
    assert_ne!(a, c);
    // Within a block of 32 slots the rows are consecutive (circularly) in the window.
    let len = values.len();
    for block in a.chunks(32) {
        let run = (0..len).any(|s| (0..32).all(|k| values[(s + k) % len] == block[k]));
        assert!(run, "a block is not a run of consecutive slots");
    }
    // Blocks start at different places.
    assert_ne!(a[0..32], a[32..64]);
    // Block length 1 is plain uniform resampling.
    let one = source(MainnetMode::Resample { block: 1 }, Missing::Skip)
        .reward(&d)
        .unwrap();
    assert!(matches!(
        one,
        Reward::Empirical {
            mode: EmpiricalMode::Resample,
            ..
        }
    ));
}

#[test]
fn missing_slots_resample_from_the_window_values() {
    let d = data();
    let src = source(MainnetMode::Replay, Missing::Resample);
    let values = src.values(&d).unwrap();
    assert_eq!(values.len(), d.slots());
    let gaps: Vec<usize> = (0..values.len()).filter(|&i| values[i].is_nan()).collect();
    assert_eq!(gaps.len(), 281 + 21);
    let known: Vec<f64> = values.iter().copied().filter(|v| !v.is_nan()).collect();
    let r = src.reward(&d).unwrap();
    let (a, b) = (
        draws(&r, 3, 2 * values.len() as u64),
        draws(&r, 3, 2 * values.len() as u64),
    );
    assert_eq!(a, b);
    for (t, &x) in a.iter().enumerate() {
        let i = t % values.len();
        if values[i].is_nan() {
            assert!(known.contains(&x), "slot {t}: {x}");
        } else {
            assert_eq!(x, values[i]);
        }
    }
    // A gap draws afresh each pass.
    let n = values.len();
    assert!(gaps.iter().any(|&i| a[i] != a[i + n]));
    let s = summary(&d, None, None).unwrap();
    assert!((r.mean() / s.mean - 1.0).abs() < 1e-12);
    assert_eq!(d.slot(d.first_slot()).unwrap().status, SlotStatus::NoMevBoost);
}

#[test]
fn bad_windows_and_blocks_name_their_field() {
    let d = data();
    let field = |from, to| summary(&d, from, to).unwrap_err().field().to_string();
    assert_eq!(field(Some(7_509_684), None), "from");
    assert_eq!(field(Some(7_512_706), None), "from");
    assert_eq!(field(None, Some(7_512_706)), "to");
    assert_eq!(field(Some(7_510_000), Some(7_509_999)), "to");
    let bad = MainnetSource {
        to: Some(1),
        ..MainnetSource::default()
    };
    assert_eq!(bad.reward(&d).unwrap_err().field(), "to");
    let zero = source(MainnetMode::Resample { block: 0 }, Missing::Skip);
    assert_eq!(zero.reward(&d).unwrap_err().field(), "block");
    // The first two slots are local blocks: nothing to replay unless they count as zero.
    let empty = MainnetSource {
        from: Some(7_509_685),
        to: Some(7_509_686),
        ..MainnetSource::default()
    };
    assert_eq!(empty.reward(&d).unwrap_err().field(), "from");
    let zeros = MainnetSource {
        missing: Missing::Zero,
        ..empty
    };
    assert_eq!(zeros.reward(&d).unwrap().mean(), 0.0);
}

#[test]
fn corrupt_or_truncated_buffers_are_rejected() {
    let err = |b: &[u8]| MainnetData::from_bytes(b).unwrap_err().to_string();
    assert!(
        err(&SMALL[..1000]).starts_with("mainnet data: truncated at byte 1000"),
        "{}",
        err(&SMALL[..1000])
    );
    assert!(err(&SMALL[..10]).starts_with("mainnet data: truncated at byte 10"));
    assert!(err(&[]).starts_with("mainnet data: truncated at byte 0"));
    let mut flipped = SMALL.to_vec();
    flipped[5000] ^= 0x10;
    assert!(err(&flipped).contains("checksum mismatch"), "{}", err(&flipped));
    let mut magic = SMALL.to_vec();
    magic[0] = b'X';
    assert!(err(&magic).contains("bad magic"));
    let mut version = SMALL.to_vec();
    version[8] = 2;
    assert!(err(&version).contains("version 2"));
    let mut longer = SMALL.to_vec();
    longer.push(0);
    assert!(err(&longer).starts_with("mainnet data: "));
    assert_eq!(MainnetData::from_bytes(&flipped).unwrap_err().field(), "mainnet data");
}

/// A fixed run of the lottery Monte Carlo and the holders' process on mainnet replay, the
/// block bootstrap and resampled gaps: the same bits natively and in wasm.
#[test]
fn mainnet_fingerprint_is_identical_natively_and_in_wasm() {
    let d = data();
    let mut print = Vec::new();
    for (mode, missing) in [
        (MainnetMode::Replay, Missing::Skip),
        (MainnetMode::Resample { block: 32 }, Missing::Resample),
        (MainnetMode::Replay, Missing::Zero),
    ] {
        let reward = source(mode, missing).reward(&d).unwrap();
        let mc = TicketMonteCarlo::new(2_000.0, 1e-4, reward.clone(), 0).unwrap();
        let r = mc.run(2024, 2 * BLOCK);
        let p = Process::new(vec![40, 10], 950, 1e-6, reward, Remint::SameHolder, 5_000).unwrap();
        let h = p.run(9, 3, 10).unwrap();
        print.push(format!(
            "{:016x} {:016x} {:016x}",
            r.mean.to_bits(),
            r.quantiles[4].1.to_bits(),
            h.holders[0].value_mean.to_bits()
        ));
    }
    assert_eq!(
        print.join(" "),
        "3fb1ef1bbbdeb903 3fa31022cf6927e3 402efed25c472283 \
         3fb1fa52bbae833a 3fa36d8df94ae64a 40314549465ce703 \
         3fb0280e7f603f1b 3fa119f483c72da4 402d700c4c31ead3",
        "change only if mainnet sampling changed on purpose"
    );
}
