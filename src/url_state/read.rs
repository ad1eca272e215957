//! Reading a route's parameters against a page's table: numbers, choices and lists,
//! each ignored value with a notice naming it.

use et_engine::choice::Choice;

use super::param::Param;
use super::route::{Route, SHELL_KEYS};
use crate::format;

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

/// One notice per query key that is not in `known` (nor in [`SHELL_KEYS`], nor the
/// model version every link carries).
pub fn unknown_keys(route: &Route, known: &[&str]) -> Vec<String> {
    route
        .query
        .iter()
        .filter(|(k, _)| {
            !known.contains(&k.as_str()) && !SHELL_KEYS.contains(&k.as_str()) && k != super::version::VERSION_KEY
        })
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

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max).collect::<String>())
    }
}

/// Reads the choice under `key` (its [`Choice::key`]); the default is the first option,
/// and an unknown key gets a notice listing the valid ones.
pub fn read_choice<T: Choice>(route: &Route, key: &str, notices: &mut Vec<String>) -> T {
    let first = T::ALL[0];
    match route.get(key) {
        None => first,
        Some(v) => T::from_key(v).unwrap_or_else(|| {
            notices.push(format!(
                "Ignored the link's {key}={}: expected one of {}; using {}.",
                truncate(v, 40),
                T::keys(),
                first.key()
            ));
            first
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
    use crate::url_state::param::Scale;
    use crate::url_state::route::{decode, encode, write_route};

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
        assert_eq!(decode("%2B+"), "+ ");
        assert_eq!(encode("a b+/€-_.!~*'()"), "a%20b%2B%2F%E2%82%AC-_.!~*'()");
        assert_eq!(Route::parse("#/ticket-value/").page, "ticket-value");
    }
}
