#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use rand::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use super::*;

/// Lane `lane`'s state as a scalar xoshiro256++ state.
fn state(src: &LaneSource, lane: usize) -> [u64; 4] {
    src.s.map(|w| w.to_array()[lane])
}

/// The first try of the lanes' ziggurat, written for one lane in scalar code.
fn first_try(t: &Tables, bits: u64) -> (usize, f64, bool) {
    let i = (bits & 0xff) as usize;
    let x = ((bits >> 12) as f64 * (1.0 / (1u64 << 52) as f64)) * t.x[i];
    (i, x, x < t.x[i + 1])
}

#[test]
fn each_lane_is_a_plain_xoshiro256pp_stream() {
    let mut src = LaneSource::new(42, 3);
    let mut g = stream(42, 3);
    let words: Vec<u64> = (0..8).map(|_| g.next_u64()).collect();
    assert_eq!(state(&src, 0), [words[0], words[1], words[2], words[3]]);
    assert_eq!(state(&src, 1), [words[4], words[5], words[6], words[7]]);
    let mut refs: Vec<Xoshiro256PlusPlus> = (0..2)
        .map(|l| {
            let mut seed = [0u8; 32];
            for (k, w) in state(&src, l).iter().enumerate() {
                seed[8 * k..8 * k + 8].copy_from_slice(&w.to_le_bytes());
            }
            Xoshiro256PlusPlus::from_seed(seed)
        })
        .collect();
    for k in 0..1000 {
        // Lane steps alone now and then: the other lane keeps its place.
        if k % 7 == 3 {
            assert_eq!(src.next_lane(1), refs[1].next_u64());
        }
        let [a, b] = src.next_words().to_array();
        assert_eq!([a, b], [refs[0].next_u64(), refs[1].next_u64()], "word {k}");
    }
}

#[test]
fn lanes_draw_what_the_scalar_ziggurat_draws_on_each_stream() {
    let mut src = LaneSource::new(5, 0);
    let mut s = [state(&src, 0), state(&src, 1)];
    let (te, tn) = (ziggurat::exp_tables(), ziggurat::normal_tables());
    let mut rare = 0;
    for _ in 0..100_000 {
        let (e, z) = (src.exp1().to_array(), src.normal().to_array());
        for lane in 0..2 {
            let (i, x, ok) = first_try(te, step(&mut s[lane]));
            let want = if ok {
                x
            } else {
                rare += 1;
                ziggurat::exponential_rest(te, i, x, &mut || step(&mut s[lane]))
            };
            assert_eq!(e[lane].to_bits(), want.to_bits());
            let bits = step(&mut s[lane]);
            let (i, x, ok) = first_try(tn, bits);
            let sign = if bits & 0x100 == 0 { 1.0 } else { -1.0 };
            let want = if ok {
                sign * x
            } else {
                rare += 1;
                ziggurat::normal_rest(tn, i, x, sign, &mut || step(&mut s[lane]))
            };
            assert_eq!(z[lane].to_bits(), want.to_bits());
        }
    }
    assert!(rare > 1000, "the rare paths ran {rare} times");
}

#[test]
fn moments_and_tails() {
    let mut src = LaneSource::new(9, 1);
    let n = 500_000;
    let (mut e1, mut e2, mut e_tail, mut z1, mut z2, mut z4, mut z_tail, mut u1) = (0.0, 0.0, 0, 0.0, 0.0, 0.0, 0, 0.0);
    for _ in 0..n {
        for (e, z) in src.exp1().to_array().into_iter().zip(src.normal().to_array()) {
            e1 += e;
            e2 += e * e;
            e_tail += (e > 5.0) as u32;
            z1 += z;
            z2 += z * z;
            z4 += z * z * z * z;
            z_tail += (z.abs() > 3.0) as u32;
        }
        let u = src.open01().to_array();
        assert!(u.iter().all(|&u| u > 0.0 && u <= 1.0));
        u1 += u[0] + u[1];
    }
    let nf = 2.0 * n as f64;
    assert!((e1 / nf - 1.0).abs() < 0.005, "exp mean {}", e1 / nf);
    assert!((e2 / nf - 2.0).abs() < 0.03, "exp second moment {}", e2 / nf);
    // P(E > 5) = e^-5: sd of the count ≈ 82.
    assert!(
        (e_tail as f64 - nf * (-5.0f64).exp()).abs() < 400.0,
        "exp tail {e_tail}"
    );
    assert!((z1 / nf).abs() < 0.005, "normal mean {}", z1 / nf);
    assert!((z2 / nf - 1.0).abs() < 0.006, "normal variance {}", z2 / nf);
    assert!((z4 / nf - 3.0).abs() < 0.05, "normal kurtosis {}", z4 / nf);
    // P(|Z| > 3) = 0.0026998: sd of the count ≈ 52.
    assert!((z_tail as f64 - nf * 0.0026998).abs() < 260.0, "normal tail {z_tail}");
    assert!((u1 / nf - 0.5).abs() < 0.002, "uniform mean {}", u1 / nf);
}
