//! The engine's one error type: every invalid input names its field, and a solver that
//! finds no equilibrium or does not converge says so (naming the input it is about).

use thiserror::Error;

/// Errors from the engine's validated constructors and solvers. Every variant names a
/// field ([`EngineError::field`]) and its message starts with `"{field}: "`, so the JS
/// interface's `Error` names the field whatever went wrong.
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
    /// The inputs are valid but the model has no equilibrium of the kind solved for
    /// (e.g. no pure Tullock equilibrium for three players at α = 3).
    #[error("{field}: {reason}")]
    NoEquilibrium {
        /// The input that rules the equilibrium out (e.g. `alpha`).
        field: String,
        /// Why there is none, e.g. "no pure equilibrium exists for these 3 values at α = 3; …".
        reason: String,
    },
    /// A numerical solver stopped without an answer.
    #[error("{field}: {solver} {outcome}")]
    NotConverged {
        /// The input the solver was working on (e.g. `values`).
        field: String,
        /// The solver, e.g. "the share-function solver".
        solver: &'static str,
        /// How it stopped, e.g. "did not converge" or "failed: infeasible".
        outcome: String,
    },
}

impl EngineError {
    /// An [`EngineError::InvalidParameter`] for `field`.
    ///
    /// ```
    /// use et_engine::EngineError;
    /// let e = EngineError::invalid("d", "must be positive, got 0");
    /// assert_eq!((e.field(), e.to_string().as_str()), ("d", "d: must be positive, got 0"));
    /// ```
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::InvalidParameter {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// An [`EngineError::NoEquilibrium`] about `field`.
    pub fn no_equilibrium(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Self::NoEquilibrium {
            field: field.into(),
            reason: reason.into(),
        }
    }

    /// An [`EngineError::NotConverged`]: `solver`, working on `field`, stopped with `outcome`.
    pub fn not_converged(field: impl Into<String>, solver: &'static str, outcome: impl Into<String>) -> Self {
        Self::NotConverged {
            field: field.into(),
            solver,
            outcome: outcome.into(),
        }
    }

    /// The name of the field this error is about.
    pub fn field(&self) -> &str {
        match self {
            Self::InvalidParameter { field, .. }
            | Self::NoEquilibrium { field, .. }
            | Self::NotConverged { field, .. } => field,
        }
    }

    /// The same error about `{prefix}.{field}` (a field inside the object `prefix`).
    pub fn within(self, prefix: &str) -> Self {
        self.renamed(|field| format!("{prefix}.{field}"))
    }

    /// The same error about the field `rename` makes of its name (`n` → `n[3]`).
    pub fn renamed(self, rename: impl FnOnce(String) -> String) -> Self {
        match self {
            Self::InvalidParameter { field, reason } => Self::InvalidParameter {
                field: rename(field),
                reason,
            },
            Self::NoEquilibrium { field, reason } => Self::NoEquilibrium {
                field: rename(field),
                reason,
            },
            Self::NotConverged { field, solver, outcome } => Self::NotConverged {
                field: rename(field),
                solver,
                outcome,
            },
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

/// Checks that `value` is finite and within `[lo, hi]` (`hi = f64::MAX`: no upper bound,
/// and the message says only "at least").
pub fn within(field: &str, value: f64, lo: f64, hi: f64) -> Result<f64> {
    finite(field, value)?;
    if (lo..=hi).contains(&value) {
        Ok(value)
    } else if hi == f64::MAX {
        Err(EngineError::invalid(
            field,
            format!("must be at least {lo}, got {value}"),
        ))
    } else {
        Err(EngineError::invalid(
            field,
            format!("must be between {lo} and {hi}, got {value}"),
        ))
    }
}
