//! The slider's positions and the value one key press away (arrows, Page, Home, End).

use crate::format;
use crate::url_state::{Param, Scale};

/// Slider positions on a logarithmic scale.
pub const LOG_STEPS: f64 = 1000.0;

/// Significant digits a logarithmic slider picks values with.
const LOG_DIGITS: i32 = 3;

/// The slider position (unrounded) of value `v`.
fn raw_position(p: &Param, v: f64) -> f64 {
    match p.scale {
        Scale::Linear(_) | Scale::Field => v,
        Scale::Log => {
            let (lo, hi) = (p.min.ln(), p.max.ln());
            (v.clamp(p.min, p.max).ln() - lo) / (hi - lo) * LOG_STEPS
        }
    }
}

/// The slider position of value `v`.
pub fn position(p: &Param, v: f64) -> f64 {
    match p.scale {
        Scale::Log => raw_position(p, v).round(),
        _ => v,
    }
}

/// The value at slider position `pos`.
pub fn value_at(p: &Param, pos: f64) -> f64 {
    let v = match p.scale {
        Scale::Linear(_) | Scale::Field => pos,
        Scale::Log => {
            let (lo, hi) = (p.min.ln(), p.max.ln());
            format::round_sig((lo + pos / LOG_STEPS * (hi - lo)).exp(), LOG_DIGITS)
        }
    };
    let v = if p.integer { v.round() } else { v };
    v.clamp(p.min, p.max)
}

/// The smallest change of `v` a logarithmic slider shows (one unit of its last digit).
fn log_unit(p: &Param, v: f64) -> f64 {
    let unit = 10f64.powi(v.abs().max(p.min).log10().floor() as i32 - (LOG_DIGITS - 1));
    if p.integer {
        unit.max(1.0).round()
    } else {
        unit
    }
}

/// The value `steps` slider steps from `v` (negative: down), always a different value
/// unless `v` is already at the end it moves to.
pub fn stepped(p: &Param, v: f64, steps: f64) -> f64 {
    let dir = steps.signum();
    let next = match p.scale {
        Scale::Linear(step) => {
            // From between two grid points, the first press lands on the next one.
            let k = v / step;
            let k = if dir > 0.0 {
                (k + 1e-9).floor()
            } else {
                (k - 1e-9).ceil()
            };
            (k + steps) * step
        }
        Scale::Log => value_at(p, raw_position(p, v) + steps),
        Scale::Field => v,
    };
    let next = if (next - v) * dir > 0.0 {
        next
    } else if let Scale::Log = p.scale {
        // Where the scale is finer than the digits shown, move by one shown digit.
        let below = if dir < 0.0 { v * (1.0 - 1e-12) } else { v };
        let u = log_unit(p, below);
        format::round_sig(v + dir * u, LOG_DIGITS)
    } else {
        v + steps * 1e-9
    };
    let next = if p.integer { next.round() } else { next };
    // A linear step lands on its grid; strip the float noise of `k * step`.
    let next = match p.scale {
        Scale::Linear(_) => format::round_sig(next, 12),
        _ => next,
    };
    next.clamp(p.min, p.max)
}

/// The value a key moves the slider to, `None` for keys the slider leaves alone.
pub fn key_value(p: &Param, v: f64, key: &str) -> Option<f64> {
    let page = match p.scale {
        Scale::Log => LOG_STEPS / 20.0,
        Scale::Linear(step) => ((p.max - p.min) / step / 10.0).round().max(1.0),
        Scale::Field => 1.0,
    };
    match key {
        "ArrowRight" | "ArrowUp" => Some(stepped(p, v, 1.0)),
        "ArrowLeft" | "ArrowDown" => Some(stepped(p, v, -1.0)),
        "PageUp" => Some(stepped(p, v, page)),
        "PageDown" => Some(stepped(p, v, -page)),
        "Home" => Some(p.min),
        "End" => Some(p.max),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(min: f64, max: f64, integer: bool) -> Param {
        Param::new("a", "A", "", min, max, 1.0, Scale::Log, integer)
    }

    /// Every press from `start` moves, up to the end and back down again.
    fn walks(p: &Param, start: f64, presses: usize) {
        let mut v = start;
        for _ in 0..presses {
            let n = stepped(p, v, 1.0);
            assert!(n > v || v == p.max, "{} stuck at {v} going up", p.key);
            assert!(stepped(p, n, -1.0) < n || n == p.min, "stuck at {n} going down");
            v = n;
        }
    }

    #[test]
    fn every_press_moves() {
        walks(&log(0.1, 10.0, false), 1.0, 300);
        walks(&log(1.0, 1000.0, true), 1.0, 300);
        walks(&log(1.0, 1e6, true), 1.0, 300);
        walks(&log(1e-4, 100.0, false), 0.05, 300);
        let share = log(1e-3, 1.0, false);
        walks(&share, 0.104, 100);
        assert_eq!(stepped(&share, 0.104, 1.0), 0.105);
        let sd = Param::new("sd", "sd", "", 0.0, 5.0, 0.1, Scale::Linear(0.005), false);
        walks(&sd, 0.104, 100);
        assert_eq!(stepped(&sd, 0.1, 1.0), 0.105);
        assert_eq!(stepped(&sd, 0.104, 1.0), 0.105);
        assert_eq!(stepped(&sd, 0.104, -1.0), 0.1);
        assert_eq!(stepped(&log(0.1, 10.0, false), 1.0, 1.0), 1.01);
        assert_eq!(stepped(&log(0.1, 10.0, false), 1.0, -1.0), 0.995);
        assert_eq!(stepped(&log(1.0, 1e6, true), 5.0, 1.0), 6.0);
        assert_eq!(key_value(&share, 0.5, "Home"), Some(1e-3));
    }
}
