//! Named choices: every menu of the explorer (pricing rules, reward laws, mechanisms,
//! sale formats, …) is a fieldless enum implementing [`Choice`]. One trait drives
//! parsing (JS interface and URL), the URL spelling and the app's `<select>` menus, so
//! a choice is never a bare string or index.
//!
//! ```
//! use et_engine::choice::Choice;
//!
//! et_engine::choices! {
//!     /// A colour.
//!     pub enum Colour {
//!         /// Red.
//!         Red = ("red", "Red"),
//!         /// Blue.
//!         Blue = ("blue", "Deep blue"),
//!     }
//! }
//!
//! assert_eq!(Colour::parse("colour", "blue"), Ok(Colour::Blue));
//! assert_eq!(Colour::Blue.label(), "Deep blue");
//! assert_eq!(Colour::Red.index(), 0);
//! let err = Colour::parse("colour", "green").unwrap_err();
//! assert_eq!(err.to_string(), "colour: must be one of red, blue; got \"green\"");
//! ```

use crate::error::{EngineError, Result};

/// A fieldless enum whose variants are the options of one menu.
pub trait Choice: Copy + PartialEq + Sized + 'static {
    /// Every option, in menu order.
    const ALL: &'static [Self];

    /// Its spelling in the JS interface and in URLs (kebab-case).
    fn key(self) -> &'static str;

    /// Its label in menus.
    fn label(self) -> &'static str;

    /// Its position in [`Choice::ALL`].
    fn index(self) -> usize {
        Self::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }

    /// The option with this key, if any.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }

    /// Every key, comma-separated, in menu order.
    fn keys() -> String {
        Self::ALL.iter().map(|c| c.key()).collect::<Vec<_>>().join(", ")
    }

    /// Parses a key; the error names `field` and lists the valid keys.
    fn parse(field: &str, key: &str) -> Result<Self> {
        Self::from_key(key)
            .ok_or_else(|| EngineError::invalid(field, format!("must be one of {}; got \"{key}\"", Self::keys())))
    }
}

/// Defines a fieldless enum and its [`Choice`] implementation:
/// each variant `= ("key", "Label")`, in menu order.
#[macro_export]
macro_rules! choices {
    ($(#[$meta:meta])* $vis:vis enum $name:ident {
        $($(#[$vmeta:meta])* $variant:ident = ($key:literal, $label:literal)),+ $(,)?
    }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        $vis enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $crate::choice::Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];

            fn key(self) -> &'static str {
                match self {
                    $(Self::$variant => $key),+
                }
            }

            fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label),+
                }
            }
        }
    };
}
