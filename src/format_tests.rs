//! The formatter's tests (beside `format.rs`, which they test).

use super::*;

#[test]
fn formats() {
    assert_eq!(compact(0.049999, 3), "0.05");
    assert_eq!(compact(1.4914e-8, 3), "1.49e-8");
    assert_eq!(compact(3_350_000.0, 3), "3.35e6");
    assert_eq!(compact(1234.56, 4), "1235");
    // The one display format: the digits asked for, separators, no float noise.
    assert_eq!(sig(0.049999, 3), "0.05");
    assert_eq!(sig(0.04849997, 4), "0.0485");
    assert_eq!(sig(0.1999999, 4), "0.2");
    assert_eq!(sig(7004.4, 4), "7,004");
    assert_eq!(sig(8e-4, 3), "0.0008");
    assert_eq!(sig(0.0014, 3), "0.0014");
    assert_eq!(sig(-0.25, 3), "−0.25");
    assert_eq!(sig(3.2e-5, 3), "3.2×10⁻⁵");
    // Whole numbers keep their integer digits: 499.9 apart reads apart.
    assert_eq!(sig(3_822_123.4, 4), "3,822,123");
    assert_eq!(sig(3_821_623.5, 4), "3,821,624");
    assert_eq!(sig(3_350_000.0, 3), "3,350,000");
    assert_eq!(log_tick(3.0), "10³");
    assert_eq!(readable(3_822_123.4, 3), "3,820,000");
    assert_eq!(readable(10_000.0, 4), "10,000");
    assert_eq!(readable(-12_345.0, 3), "−12,300");
    assert_eq!(readable(-12_345.0, 4), "−12,345");
    assert_eq!(readable(499.94, 4), "499.9");
    assert_eq!(log_tick(-2.0), "10⁻²");
    assert_eq!(round_sig(1047.1285, 3), 1050.0);
    assert_eq!(powers(3.2e-4, 3), "3.2×10⁻⁴");
    assert_eq!(powers(1e-3, 3), "10⁻³");
    assert_eq!(powers(2.5e7, 3), "2.5×10⁷");
    assert_eq!(readable(0.0499991, 4), "0.05");
    assert_eq!(readable(0.0499991, 6), "0.0499991");
    assert_eq!(readable(0.05, 4), "0.05");
    assert_eq!(readable(1.0 / 3.0, 4), "0.3333");
    assert_eq!(readable(denoise(1.67e-16, 1.0), 4), "0");
    assert_eq!(grouped(9500), "9,500");
    // Estimates to their standard error; an exact value shows no error.
    assert_eq!(estimate(0.46712, 0.00321), "0.4671 ± 0.0032");
    assert_eq!(estimate(3259.4, 402.0), "3,259 ± 402");
    assert_eq!(estimate(0.25, 1.3e-17), "0.25");
    assert_eq!(estimate(0.05832194951, 1.3e-10), "0.05832");
    // One style for ranges: the same decimals at both ends and the value.
    assert_eq!(with_range(0.467, 0.4101, 0.534, 3), "0.467 (0.410–0.534)");
    assert_eq!(with_range(3259.0, 2489.7, 4082.0, 3), "3,259 (2,490–4,082)");
    assert_eq!(range(0.0676, 0.0797, 3), "0.0676–0.0797");
    assert_eq!(fixed(0.5, 1), "0.5");
    assert_eq!(fixed(-0.0, 1), "0.0");
    assert_eq!(fixed(12_500.0, 0), "12,500");
    assert_eq!(duration(86_400.0), "1 day");
    assert_eq!(duration(7200.0 * 12.0), "1 day");
    assert_eq!(duration(1.5 * 3600.0), "1.5 hours");
    assert_eq!(duration(45.0), "45 seconds");
    assert_eq!(duration(0.4), "0.4 seconds");
    assert_eq!(duration(1e9), "31.7 years");
    assert_eq!(plain("ab\u{202E}c\u{0007}d\n", 40), "abcd");
    for v in [1.4914e-8, 0.05, 1e9, 123.456, 1e-12, 0.1 + 0.2] {
        assert_eq!(exact(v).parse::<f64>().unwrap(), v);
    }
}
