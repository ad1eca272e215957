//! Two generator streams side by side: xoshiro256++ stepped in both lanes of a
//! [`U64x2`] at once, and the ziggurat exponential and normal drawn lane by lane.
//!
//! Each lane is an ordinary sequential stream: lane `l`'s draws are exactly what a scalar
//! xoshiro256++ started from its state would give, and a lane whose ziggurat first try
//! fails (about 1 % of draws) continues in the scalar code of [`super::ziggurat`] on its
//! own stream while the other lane waits. So the lanes give the same bits natively
//! (SSE2 or plain arrays) and in wasm (`simd128`).

use rand::Rng;

use super::lanes::{F64x2, U64x2};
use super::random::stream;
use super::ziggurat::{self, Tables};

/// The bits of `1.0`.
const ONE: u64 = 0x3ff0_0000_0000_0000;

/// Uniforms on `[0, 1)` from the words' top 52 bits.
///
/// # Formula
/// With `m` the top 52 bits as a mantissa, `1.m` is in `[1, 2)` and `1.m − 1 = m · 2^−52`
/// exactly (wasm SIMD has no integer-to-float conversion of 64-bit lanes).
#[inline(always)]
pub fn unit(bits: U64x2) -> F64x2 {
    F64x2::from_bits(bits.shr::<12>() | U64x2::splat(ONE)) - F64x2::splat(1.0)
}

/// The ziggurat layer of each word: its low 8 bits.
#[inline(always)]
fn layers(bits: U64x2) -> [usize; 2] {
    let [a, b] = bits.to_array();
    [(a & 0xff) as usize, (b & 0xff) as usize]
}

/// One step of xoshiro256++ on state `s` (scalar): the word out.
#[inline(always)]
fn step(s: &mut [u64; 4]) -> u64 {
    let out = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
    let t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = s[3].rotate_left(45);
    out
}

/// Two xoshiro256++ streams in lanes, with the ziggurat tables.
///
/// `Copy`, and its rare steps take and give it back by value: a loop that holds one in a
/// local keeps the generator's state in registers instead of memory.
#[derive(Clone, Copy)]
pub struct LaneSource {
    s: [U64x2; 4],
    exp: &'static Tables,
    norm: &'static Tables,
}

impl LaneSource {
    /// The lanes of block `block` under `seed`: the first eight words of
    /// [`stream`]`(seed, block)` are the two lanes' states (lane 0 the first four). A lane
    /// whose four words are all zero (probability 2^−256) starts from 1 instead.
    pub fn new(seed: u64, block: u64) -> Self {
        let mut g = stream(seed, block);
        let mut w: [[u64; 4]; 2] = std::array::from_fn(|_| std::array::from_fn(|_| g.next_u64()));
        for lane in &mut w {
            if lane.iter().all(|&x| x == 0) {
                lane[0] = 1;
            }
        }
        Self::with_state(std::array::from_fn(|k| U64x2::new(w[0][k], w[1][k])))
    }

    /// The lanes from their states, word `k` of both lanes in `s[k]`.
    fn with_state(s: [U64x2; 4]) -> Self {
        Self {
            s,
            exp: ziggurat::exp_tables(),
            norm: ziggurat::normal_tables(),
        }
    }

    /// The next word of each lane.
    #[inline(always)]
    pub fn next_words(&mut self) -> U64x2 {
        let [s0, s1, s2, s3] = self.s;
        let out = (s0 + s3).rotl::<23, 41>() + s0;
        let t = s1.shl::<17>();
        let s2 = s2 ^ s0;
        let s3 = s3 ^ s1;
        let s1 = s1 ^ s2;
        let s0 = s0 ^ s3;
        let s2 = s2 ^ t;
        self.s = [s0, s1, s2, s3.rotl::<45, 19>()];
        out
    }

    /// The next word of lane `lane` alone (the other lane keeps its state).
    #[inline(never)]
    pub fn next_lane(&mut self, lane: usize) -> u64 {
        let mut s = self.s.map(|w| w.to_array()[lane]);
        let out = step(&mut s);
        for (w, x) in self.s.iter_mut().zip(s) {
            let mut a = w.to_array();
            a[lane] = x;
            *w = U64x2::new(a[0], a[1]);
        }
        out
    }

    /// Uniforms on `(0, 1]` (never 0, so their logarithm is finite): `2 − 1.m`.
    #[inline(always)]
    pub fn open01(&mut self) -> F64x2 {
        let bits = self.next_words();
        F64x2::splat(2.0) - F64x2::from_bits(bits.shr::<12>() | U64x2::splat(ONE))
    }

    /// Standard exponentials by the ziggurat: the first try in both lanes at once.
    #[inline(always)]
    pub fn exp1(&mut self) -> F64x2 {
        let t = self.exp;
        let bits = self.next_words();
        let [i, j] = layers(bits);
        let x = unit(bits) * F64x2::new(t.x[i], t.x[j]);
        let ok = x.lt(F64x2::new(t.x[i + 1], t.x[j + 1]));
        if ok.all() {
            return x;
        }
        let [s0, s1, s2, s3] = self.s;
        let rest = exp1_rest(s0, s1, s2, s3, x, [i, j], ok);
        self.s = rest.s;
        rest.x
    }

    /// Standard normals by the ziggurat: the first try in both lanes at once.
    #[inline(always)]
    pub fn normal(&mut self) -> F64x2 {
        let t = self.norm;
        let bits = self.next_words();
        let [i, j] = layers(bits);
        let x = unit(bits) * F64x2::new(t.x[i], t.x[j]);
        let ok = x.lt(F64x2::new(t.x[i + 1], t.x[j + 1]));
        // Bit 8 is the sign: moved to bit 63 it flips the sign bit (the same bits as × −1).
        let sign = (bits & U64x2::splat(0x100)).shl::<55>();
        if ok.all() {
            return F64x2::from_bits(x.to_bits() ^ sign);
        }
        let [s0, s1, s2, s3] = self.s;
        let rest = normal_rest(s0, s1, s2, s3, x, [i, j], sign, ok);
        self.s = rest.s;
        rest.x
    }
}

/// The generator's state and the draws after a rare step.
struct Rest {
    s: [U64x2; 4],
    x: F64x2,
}

/// The lanes of [`LaneSource::exp1`] whose first try failed, each on its own stream
/// (the state comes word by word, as values: the caller's copy stays in registers).
#[cold]
#[inline(never)]
fn exp1_rest(s0: U64x2, s1: U64x2, s2: U64x2, s3: U64x2, x: F64x2, layer: [usize; 2], ok: U64x2) -> Rest {
    let mut src = LaneSource::with_state([s0, s1, s2, s3]);
    let (t, ok, mut x) = (src.exp, ok.to_array(), x.to_array());
    for lane in 0..2 {
        if ok[lane] == 0 {
            x[lane] = ziggurat::exponential_rest(t, layer[lane], x[lane], &mut || src.next_lane(lane));
        }
    }
    Rest {
        s: src.s,
        x: F64x2::new(x[0], x[1]),
    }
}

/// The lanes of [`LaneSource::normal`] whose first try failed, each on its own stream.
#[cold]
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn normal_rest(
    s0: U64x2,
    s1: U64x2,
    s2: U64x2,
    s3: U64x2,
    x: F64x2,
    layer: [usize; 2],
    sign: U64x2,
    ok: U64x2,
) -> Rest {
    let mut src = LaneSource::with_state([s0, s1, s2, s3]);
    let t = src.norm;
    let (ok, sign) = (ok.to_array(), sign.to_array());
    let mut z = F64x2::from_bits(x.to_bits() ^ U64x2::new(sign[0], sign[1])).to_array();
    let x = x.to_array();
    for lane in 0..2 {
        if ok[lane] == 0 {
            let s = if sign[lane] == 0 { 1.0 } else { -1.0 };
            z[lane] = ziggurat::normal_rest(t, layer[lane], x[lane], s, &mut || src.next_lane(lane));
        }
    }
    Rest {
        s: src.s,
        x: F64x2::new(z[0], z[1]),
    }
}

#[cfg(test)]
#[path = "lane_source_tests.rs"]
mod tests;
