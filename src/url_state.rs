//! The one place the page state meets the URL: hash routes and their parameters.
//!
//! A route is `#/<page>?<key>=<value>&…`. Each page declares its parameters as a table
//! of [`Param`]s; reading a URL validates every value against the table and falls back
//! to the default for a malformed or out-of-range one, with a notice naming it.

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

/// A parsed hash route: the page name and its query pairs, in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Route {
    /// Page name, e.g. `ticket-value` (empty for the home route).
    pub page: String,
    /// Query pairs, percent-decoded.
    pub query: Vec<(String, String)>,
}

impl Route {
    /// Parses `#/<page>?<query>` (a leading `#` and `/` are optional).
    pub fn parse(hash: &str) -> Self {
        let s = hash.trim_start_matches('#').trim_start_matches('/');
        let (page, query) = s.split_once('?').unwrap_or((s, ""));
        let query = query
            .split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                (decode(k), decode(v))
            })
            .collect();
        Route {
            page: page.trim_end_matches('/').to_string(),
            query,
        }
    }

    /// The chart to show alone (`embed=<chart>`), if the name is a plain chart name.
    pub fn embed(&self) -> Option<&str> {
        self.get("embed").filter(|n| {
            !n.is_empty()
                && n.len() <= 40
                && n.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
    }

    /// Whether an embedded chart shows its page's controls (`controls=1`).
    pub fn embed_controls(&self) -> bool {
        self.get("controls") == Some("1")
    }

    /// This route as a hash, without the `drop` keys (values re-encoded).
    pub fn hash_without(&self, drop: &[&str]) -> String {
        let query: Vec<String> = self
            .query
            .iter()
            .filter(|(k, _)| !drop.contains(&k.as_str()))
            .map(|(k, v)| {
                format!(
                    "{}={}",
                    String::from(js_sys::encode_uri_component(k)),
                    String::from(js_sys::encode_uri_component(v))
                )
            })
            .collect();
        format!("#/{}?{}", self.page, query.join("&"))
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.query.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// Reads every parameter of `params` from `route`; returns the values (defaults where
/// missing or invalid) and one notice per ignored value, naming it.
pub fn read_params(route: &Route, params: &[Param]) -> (Vec<f64>, Vec<String>) {
    let mut notices = Vec::new();
    let values = params
        .iter()
        .map(|p| match route.get(p.key) {
            None => p.default,
            Some(text) => p.parse(text).unwrap_or_else(|why| {
                notices.push(format!(
                    "Ignored the link's {}={}: {}; using the default {}.",
                    p.key,
                    truncate(text, 40),
                    why,
                    format::sig(p.default, 6)
                ));
                p.default
            }),
        })
        .collect();
    (values, notices)
}

/// Keys every page accepts: the embed mode's.
pub const SHELL_KEYS: [&str; 2] = ["embed", "controls"];

/// One notice per query key that is not in `known` (nor in [`SHELL_KEYS`]).
pub fn unknown_keys(route: &Route, known: &[&str]) -> Vec<String> {
    route
        .query
        .iter()
        .filter(|(k, _)| !known.contains(&k.as_str()) && !SHELL_KEYS.contains(&k.as_str()))
        .map(|(k, _)| format!("Ignored the link's unknown parameter “{}”.", truncate(k, 40)))
        .collect()
}

/// `key=value` pairs of numeric parameters, every value exactly round-tripping.
pub fn numeric_pairs(params: &[Param], values: &[f64]) -> Vec<(String, String)> {
    params
        .iter()
        .zip(values)
        .map(|(p, v)| (p.key.to_string(), format::exact(*v)))
        .collect()
}

/// Writes `#/<page>?k=v&…` (values are plain numbers and words: nothing to escape).
pub fn write_route(page: &str, pairs: &[(String, String)]) -> String {
    let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("#/{page}?{}", query.join("&"))
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// Percent-decodes `s` (`+` as space); invalid escapes are kept as they are.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) => hex(h).zip(hex(l)).map(|(h, l)| h * 16 + l),
            _ => None,
        };
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, b) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

/// Reads a choice among `options` (their URL spellings); the default is `options[0]`.
pub fn read_choice(route: &Route, key: &str, options: &[&str], notices: &mut Vec<String>) -> usize {
    match route.get(key) {
        None => 0,
        Some(v) => options.iter().position(|o| *o == v).unwrap_or_else(|| {
            notices.push(format!(
                "Ignored the link's {key}={}: expected one of {}; using {}.",
                truncate(v, 40),
                options.join(", "),
                options[0]
            ));
            0
        }),
    }
}

/// Most values of a list read by [`read_list`].
pub const LIST_MAX: usize = 12;

/// Reads a comma-separated list of 1 to [`LIST_MAX`] numbers, each checked by `param`.
pub fn read_list(route: &Route, param: &Param, default: &[f64], notices: &mut Vec<String>) -> Vec<f64> {
    read_list_up_to(route, param, default, LIST_MAX, notices)
}

/// Reads a comma-separated list of 1 to `max` numbers, each checked by `param`.
pub fn read_list_up_to(
    route: &Route,
    param: &Param,
    default: &[f64],
    max: usize,
    notices: &mut Vec<String>,
) -> Vec<f64> {
    let Some(text) = route.get(param.key) else {
        return default.to_vec();
    };
    let parsed: Result<Vec<f64>, String> = text.split(',').map(|t| param.parse(t)).collect();
    match parsed {
        Ok(v) if !v.is_empty() && v.len() <= max => v,
        Ok(_) => {
            notices.push(format!("Ignored the link's {}: give 1 to {max} values.", param.key));
            default.to_vec()
        }
        Err(why) => {
            notices.push(format!(
                "Ignored the link's {}={}: {why}.",
                param.key,
                truncate(text, 40)
            ));
            default.to_vec()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n_param() -> Param {
        Param {
            key: "n",
            label: "Tickets n",
            unit: "",
            min: 1.0,
            max: 1e9,
            default: 1000.0,
            scale: Scale::Log,
            integer: true,
        }
    }

    #[test]
    fn route_round_trip_and_bad_values() {
        let params = [n_param()];
        let url = write_route("ticket-value", &numeric_pairs(&params, &[12345.0]));
        let (v, notes) = read_params(&Route::parse(&url), &params);
        assert_eq!((v, notes.len()), (vec![12345.0], 0));
        for bad in ["abc", "0", "1e12", "2.5", "NaN", ""] {
            let r = Route::parse(&format!("#/ticket-value?n={bad}&zz=1"));
            let (v, mut notes) = read_params(&r, &params);
            notes.extend(unknown_keys(&r, &["n"]));
            assert_eq!(v, vec![1000.0]);
            assert_eq!(notes.len(), 2, "{bad}: {notes:?}");
            assert!(notes[0].contains("n="), "{notes:?}");
        }
        assert_eq!(decode("a%20b+c%2x%e2%82%ac%"), "a b c%2x€%");
        assert_eq!(Route::parse("#/ticket-value/").page, "ticket-value");
    }
}
