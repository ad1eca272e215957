//! Number formatting for labels, readouts and URLs.

/// `v` for a reader, the app's one number format, with `digits` significant digits:
/// fixed notation from 10⁻⁴ to 10¹⁵ with thousands separators (a whole number from 10⁴
/// on keeps every integer digit when `digits` ≥ 4: 3,822,123 and 3,821,623 read apart),
/// `a×10ⁿ` beyond, trailing zeros trimmed, a true minus sign. Float noise is not shown
/// (0.04849997 at 4 digits is 0.0485); pass values that are noise about 0 through
/// [`denoise`] first.
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

/// Same as [`sig`].
pub fn readable(v: f64, digits: usize) -> String {
    let digits = digits.max(1);
    if !v.is_finite() || v == 0.0 {
        return compact(v, digits);
    }
    let a = v.abs();
    if !(1e-4..1e15).contains(&a) {
        return powers(v, digits);
    }
    if a >= 1e4 {
        let whole = if digits >= 4 {
            v.round()
        } else {
            round_sig(v, digits as i32).round()
        };
        return grouped(whole as i64);
    }
    let r = round_sig(v, digits as i32);
    let decimals = (digits as i32 - 1 - r.abs().log10().floor() as i32).max(0) as usize;
    trim_zeros(&fixed(r, decimals))
}

/// `v` with exactly `decimals` decimals, thousands separators and a true minus sign
/// (every tick label of an axis alike: 0.0, 0.5, 1.0).
pub fn fixed(v: f64, decimals: usize) -> String {
    let r = round_to(v, decimals);
    let r = if r == 0.0 { 0.0 } else { r };
    let text = format!("{:.decimals$}", r.abs());
    let (int, frac) = text.split_once('.').map_or((text.as_str(), ""), |(i, f)| (i, f));
    let int = grouped(int.parse::<i64>().unwrap_or(0));
    let sign = if r < 0.0 { "−" } else { "" };
    if frac.is_empty() {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac}")
    }
}

/// `v` rounded to `decimals` decimals.
pub fn round_to(v: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    (v * scale).round() / scale
}

/// A Monte Carlo estimate with its standard error, its digits justified by the error:
/// the error to 2 significant digits and the value to the same decimal
/// (`0.4671 ± 0.0032`); an error below 10⁻⁸ of the value is no error but the float
/// noise of a constant's sum of squares (a Monte Carlo would need ~10¹⁶ samples to get
/// there): the value alone, at 4 digits.
pub fn estimate(v: f64, se: f64) -> String {
    if !se.is_finite() || se <= 1e-8 * v.abs() {
        return sig(v, 4);
    }
    let d = decimals_for(se);
    format!("{} ± {}", fixed(v, d), fixed(se, d))
}

/// The decimals that show `err` to 2 significant digits (none for errors ≥ 10).
pub fn decimals_for(err: f64) -> usize {
    if err.is_nan() || err <= 0.0 || !err.is_finite() {
        return 4;
    }
    (1 - err.log10().floor() as i32).clamp(0, 12) as usize
}

/// A range `lo–hi` in one style: both ends with the digits that tell them apart (at
/// least `digits` significant digits for the larger), an en dash between.
pub fn range(lo: f64, hi: f64, digits: usize) -> String {
    let m = lo.abs().max(hi.abs());
    if !(1e-4..1e15).contains(&m) || !lo.is_finite() || !hi.is_finite() {
        return format!("{}–{}", sig(lo, digits), sig(hi, digits));
    }
    let d = (digits as i32 - 1 - m.log10().floor() as i32).max(0) as usize;
    format!("{}–{}", fixed(lo, d), fixed(hi, d))
}

/// `v (lo–hi)`: a value and its interval, all three with the interval's digits.
pub fn with_range(v: f64, lo: f64, hi: f64, digits: usize) -> String {
    let m = lo.abs().max(hi.abs()).max(v.abs());
    if !(1e-4..1e15).contains(&m) || !lo.is_finite() || !hi.is_finite() {
        return format!("{} ({})", sig(v, digits), range(lo, hi, digits));
    }
    let d = (digits as i32 - 1 - m.log10().floor() as i32).max(0) as usize;
    format!("{} ({}–{})", fixed(v, d), fixed(lo, d), fixed(hi, d))
}

/// A count and its noun, plural unless the count is 1 (`1 worker`, `12,500 slots`).
pub fn count(n: u64, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{} {noun}{s}", grouped(n as i64))
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
#[path = "format_tests.rs"]
mod tests;
