//! Discount-rate conventions: per-slot `d` and its annual equivalent.
//!
//! # Formula
//! `d = (1 + r)^(1 / SLOTS_PER_YEAR) − 1`, computed as `exp_m1(ln_1p(r) / SLOTS_PER_YEAR)`
//! so that realistic rates (`d ≈ 1e-8`) keep full precision.

/// Slots in a year: 365.25 days of 7,200 twelve-second slots.
pub const SLOTS_PER_YEAR: f64 = 2_629_800.0;

/// Seconds in a slot.
pub const SECONDS_PER_SLOT: f64 = 12.0;

/// Per-slot discount rate `d` equivalent to the annual rate `r` (both as fractions).
pub fn per_slot_from_annual(r: f64) -> f64 {
    (r.ln_1p() / SLOTS_PER_YEAR).exp_m1()
}

/// Annual rate `r` equivalent to the per-slot discount rate `d`.
pub fn annual_from_per_slot(d: f64) -> f64 {
    (d.ln_1p() * SLOTS_PER_YEAR).exp_m1()
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn round_trip_keeps_precision() {
        for r in [1e-6, 0.01, 0.035, 0.04, 1.0, 10.0] {
            let back = annual_from_per_slot(per_slot_from_annual(r));
            assert!((back - r).abs() <= 1e-12 * r, "{r} -> {back}");
        }
    }

    #[test]
    fn four_percent_is_about_1_5e_minus_8() {
        let d = per_slot_from_annual(0.04);
        assert!((d - 1.4914e-8).abs() < 1e-12, "{d}");
    }
}
