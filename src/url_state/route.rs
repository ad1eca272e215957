//! Hash routes `#/<page>?<key>=<value>&…`: parsing, percent-coding and writing.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

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
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect();
        format!("#/{}?{}", self.page, query.join("&"))
    }

    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.query.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

/// Keys every page accepts: the embed mode's.
pub const SHELL_KEYS: [&str; 2] = ["embed", "controls"];

/// Writes `#/<page>?k=v&…` (values are plain numbers and words: nothing to escape).
pub fn write_route(page: &str, pairs: &[(String, String)]) -> String {
    let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("#/{page}?{}", query.join("&"))
}

/// What `encodeURIComponent` escapes: everything but `A–Z a–z 0–9 - _ . ! ~ * ' ( )`.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'!')
    .remove(b'~')
    .remove(b'*')
    .remove(b'\'')
    .remove(b'(')
    .remove(b')');

/// `s` percent-encoded as `encodeURIComponent` does.
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, COMPONENT).to_string()
}

/// Percent-decodes `s` (`+` as space); invalid escapes are kept as they are.
pub(crate) fn decode(s: &str) -> String {
    percent_decode_str(&s.replace('+', " "))
        .decode_utf8_lossy()
        .into_owned()
}
