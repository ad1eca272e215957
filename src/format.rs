//! Number formatting for labels, readouts and URLs.

/// `v` for a reader, the app's one number format: at least `digits` significant digits
/// and more where rounding would show a rounder value than `v` is ([`honest_digits`]),
/// whole numbers from 10⁴ to 10¹⁵ with thousands separators, fixed notation for moderate
/// magnitudes and scientific (`1.49e-8`) for very small or large ones. (Pass values that
/// are float noise through [`denoise`] first.)
pub fn sig(v: f64, digits: usize) -> String {
    readable(v, digits)
}

/// `v` with `sig` significant digits and nothing else: fixed notation for moderate
/// magnitudes, scientific (`1.23e-8`) for very small or large ones, trailing zeros
/// trimmed, no separators — text an input field shows and parses back, and measured
/// times and rates, whose extra digits would be noise.
pub fn compact(v: f64, sig: usize) -> String {
    if !v.is_finite() {
        return if v.is_nan() {
            "NaN".into()
        } else if v > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        };
    }
    if v == 0.0 {
        return "0".into();
    }
    let sig = sig.max(1);
    let exp = v.abs().log10().floor() as i32;
    if (-3..6).contains(&exp) {
        let decimals = (sig as i32 - 1 - exp).max(0) as usize;
        trim_zeros(&format!("{v:.decimals$}"))
    } else {
        let s = format!("{v:.*e}", sig - 1);
        match s.split_once('e') {
            Some((mantissa, e)) => format!("{}e{}", trim_zeros(mantissa), e),
            None => s,
        }
    }
}

/// Like [`sig`], but whole numbers from 10⁴ to 10¹⁵ are written out with thousands
/// separators (`3,822,000`), as a reader expects in a summary.
pub fn readable(v: f64, digits: usize) -> String {
    let digits = honest_digits(v, digits);
    let a = v.abs();
    if !(1e4..1e15).contains(&a) {
        return compact(v, digits);
    }
    grouped(round_sig(v, digits as i32).round() as i64)
}

/// A whole number with thousands separators (`−12,300`).
pub fn grouped(n: i64) -> String {
    let text = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i > 0 && (text.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 {
        format!("−{out}")
    } else {
        out
    }
}

/// `s` for a notice: control characters (and bidirectional overrides, which could make
/// echoed URL text read backwards) removed, at most `max` characters kept.
pub fn plain(s: &str, max: usize) -> String {
    let bidi =
        |c: char| matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    s.chars().filter(|&c| !c.is_control() && !bidi(c)).take(max).collect()
}

/// At least `digits`, more while rounding would show a rounder value than `v` is
/// (0.0499991 is not "0.05"): up to 9 significant digits.
pub fn honest_digits(v: f64, digits: usize) -> usize {
    let mut d = digits.max(1) as i32;
    while d < 9 {
        let r = round_sig(v, d);
        let exact = (r - v).abs() <= 1e-9 * v.abs();
        if exact || round_sig(v, d - 1) != r {
            break;
        }
        d += 1;
    }
    d as usize
}

/// `v`, or 0 when it is below 10⁻¹² of `scale` (float noise, e.g. 1.67e-16 of 1).
pub fn denoise(v: f64, scale: f64) -> f64 {
    if v.abs() < 1e-12 * scale.abs() {
        0.0
    } else {
        v
    }
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

/// `v` for a URL: the shortest text that reads back as exactly the same `f64`.
pub fn exact(v: f64) -> String {
    let a = v.abs();
    if a != 0.0 && !(1e-4..1e15).contains(&a) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// `v` as `a×10ⁿ` with `digits` significant digits (`10ⁿ` when `a` is 1), for tick
/// labels of very small or large values.
pub fn powers(v: f64, digits: usize) -> String {
    if v == 0.0 || !v.is_finite() {
        return compact(v, digits);
    }
    let e = v.abs().log10().floor();
    let m = round_sig(v / 10f64.powf(e), digits as i32);
    let (m, e) = if m.abs() >= 10.0 { (m / 10.0, e + 1.0) } else { (m, e) };
    let p = if e == 0.0 {
        String::new()
    } else {
        format!("10{}", superscript(e as i32))
    };
    if p.is_empty() {
        compact(m, digits)
    } else if m.abs() == 1.0 {
        format!("{}{p}", if m < 0.0 { "−" } else { "" })
    } else {
        format!("{}×{p}", compact(m, digits).replace('-', "−"))
    }
}

/// A tick label on a log axis whose plot coordinate is `log10(value)`.
pub fn log_tick(exponent: f64) -> String {
    let k = exponent.round();
    if (exponent - k).abs() < 1e-9 && k.abs() < 100.0 {
        match k as i32 {
            0 => "1".into(),
            1 => "10".into(),
            k => format!("10{}", superscript(k)),
        }
    } else {
        compact(10f64.powf(exponent), 2)
    }
}

fn superscript(k: i32) -> String {
    k.to_string()
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            _ => '⁹',
        })
        .collect()
}

/// `seconds` as a duration in the largest unit that fits, with 3 significant digits and
/// the unit's plural unless the number reads 1 ("1 day", "1.5 days", "45 seconds").
pub fn duration(seconds: f64) -> String {
    const UNITS: [(f64, &str); 5] = [
        (31_557_600.0, "year"),
        (86_400.0, "day"),
        (3_600.0, "hour"),
        (60.0, "minute"),
        (1.0, "second"),
    ];
    let (size, name) = UNITS.into_iter().find(|(size, _)| seconds >= *size).unwrap_or(UNITS[4]);
    // Three digits, no more: a duration is read at a glance (1.0001 days is "1 day").
    let n = compact(seconds / size, 3);
    let s = if n == "1" { "" } else { "s" };
    format!("{n} {name}{s}")
}

/// Rounds `v` to `digits` significant digits (for values picked with a slider).
pub fn round_sig(v: f64, digits: i32) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    let scale = 10f64.powi(digits - 1 - v.abs().log10().floor() as i32);
    (v * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(compact(0.049999, 3), "0.05");
        assert_eq!(compact(1.4914e-8, 3), "1.49e-8");
        assert_eq!(compact(3_350_000.0, 3), "3.35e6");
        assert_eq!(compact(1234.56, 4), "1235");
        // The one display format: honest digits, separators.
        assert_eq!(sig(0.049999, 3), "0.049999");
        assert_eq!(sig(3_350_000.0, 3), "3,350,000");
        assert_eq!(sig(1.4914e-8, 3), "1.49e-8");
        assert_eq!(log_tick(3.0), "10³");
        assert_eq!(readable(3_822_123.4, 4), "3,822,000");
        assert_eq!(readable(10_000.0, 4), "10,000");
        assert_eq!(readable(-12_345.0, 3), "−12,300");
        assert_eq!(readable(499.94, 4), "499.9");
        assert_eq!(log_tick(-2.0), "10⁻²");
        assert_eq!(round_sig(1047.1285, 3), 1050.0);
        assert_eq!(powers(3.2e-4, 3), "3.2×10⁻⁴");
        assert_eq!(powers(1e-3, 3), "10⁻³");
        assert_eq!(powers(2.5e7, 3), "2.5×10⁷");
        assert_eq!(readable(0.0499991, 4), "0.049999");
        assert_eq!(readable(0.05, 4), "0.05");
        assert_eq!(readable(1.0 / 3.0, 4), "0.3333");
        assert_eq!(readable(denoise(1.67e-16, 1.0), 4), "0");
        assert_eq!(grouped(9500), "9,500");
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
}
