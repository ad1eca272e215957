//! The engine's one error type: every invalid input names its field.

use thiserror::Error;

/// Errors from the engine's validated constructors and solvers.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum EngineError {
    /// A parameter is out of its domain; `field` is its name in the JS interface.
    #[error("{field}: {reason}")]
    InvalidParameter {
        /// The offending field, as named in the JS interface (camelCase).
        field: String,
        /// What is wrong with it, e.g. "must be positive, got -1".
        reason: String,
    },
}

impl EngineError {
    /// An [`EngineError::InvalidParameter`] for `field`.
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::InvalidParameter {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// The name of the field this error is about.
    pub fn field(&self) -> &str {
        match self {
            Self::InvalidParameter { field, .. } => field,
        }
    }
}

/// The engine's result type.
pub type Result<T> = std::result::Result<T, EngineError>;

/// Checks that `value` is finite.
pub fn finite(field: &str, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(EngineError::invalid(
            field,
            format!("must be a finite number, got {value}"),
        ))
    }
}

/// Checks that `value` is finite and `> 0`.
pub fn positive(field: &str, value: f64) -> Result<f64> {
    finite(field, value)?;
    if value > 0.0 {
        Ok(value)
    } else {
        Err(EngineError::invalid(field, format!("must be positive, got {value}")))
    }
}

/// Checks that `value` is finite and `>= 0`.
pub fn non_negative(field: &str, value: f64) -> Result<f64> {
    finite(field, value)?;
    if value >= 0.0 {
        Ok(value)
    } else {
        Err(EngineError::invalid(field, format!("must be at least 0, got {value}")))
    }
}

/// Checks that `value` is finite and within `[lo, hi]`.
pub fn within(field: &str, value: f64, lo: f64, hi: f64) -> Result<f64> {
    finite(field, value)?;
    if (lo..=hi).contains(&value) {
        Ok(value)
    } else {
        Err(EngineError::invalid(
            field,
            format!("must be between {lo} and {hi}, got {value}"),
        ))
    }
}
