//! One numeric page parameter: URL key, label, unit, domain, default and scale.

use crate::format;

/// How a numeric parameter is shown and picked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scale {
    /// A linear slider with this step.
    Linear(f64),
    /// A logarithmic slider.
    Log,
    /// A number field only (e.g. a seed).
    Field,
}

/// One numeric page parameter: its URL key, its label, unit, domain and default.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// Key in the URL query, e.g. `mu`.
    pub key: &'static str,
    /// Label shown beside the control.
    pub label: &'static str,
    /// Unit shown beside the control, e.g. `ETH`; empty for none.
    pub unit: &'static str,
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
    /// Default value.
    pub default: f64,
    /// How the slider maps positions to values.
    pub scale: Scale,
    /// Whether values are whole numbers.
    pub integer: bool,
}

impl Param {
    /// A parameter (arguments in field order).
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        key: &'static str,
        label: &'static str,
        unit: &'static str,
        min: f64,
        max: f64,
        default: f64,
        scale: Scale,
        integer: bool,
    ) -> Self {
        Self {
            key,
            label,
            unit,
            min,
            max,
            default,
            scale,
            integer,
        }
    }

    /// Checks a typed value against the domain; the error names the field.
    pub fn check(&self, v: f64) -> Result<f64, String> {
        if !v.is_finite() {
            return Err(format!("{} must be a number", self.label));
        }
        if v < self.min || v > self.max {
            return Err(format!(
                "{} must be between {} and {}",
                self.label,
                format::sig(self.min, 4),
                format::sig(self.max, 4)
            ));
        }
        if self.integer && v.fract() != 0.0 {
            return Err(format!("{} must be a whole number", self.label));
        }
        Ok(v)
    }

    /// Parses typed text (accepts `1e9`, `1_000`, `1,000`, surrounding spaces).
    pub fn parse(&self, text: &str) -> Result<f64, String> {
        let cleaned: String = text.trim().chars().filter(|c| *c != '_' && *c != ',').collect();
        let v = cleaned
            .parse::<f64>()
            .map_err(|_| format!("{} must be a number, not “{}”", self.label, text.trim()))?;
        self.check(v)
    }
}
