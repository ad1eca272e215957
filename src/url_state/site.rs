//! The site's address: the public one `scripts/publish URL` wrote into index.html
//! (`<meta name="et-public-url" content="URL">`), else the page's own; whether an
//! address only works on this machine or network; and the links made from it.

use super::route::SHELL_KEYS;
use super::version::versioned;

/// The name of the meta element that holds the published address.
pub const PUBLIC_URL_META: &str = "et-public-url";

/// A published address as the site uses it: `http(s)://host…` ending with `/` (added
/// if missing), without a query or fragment. The error says what is wrong.
pub fn normalize_public_url(text: &str) -> Result<String, String> {
    let url = text.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("“{url}” must start with http:// or https://"))?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') || host.contains('@') {
        return Err(format!("“{url}” names no host"));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
    {
        return Err(format!("“{url}” has a space, a quote or an angle bracket"));
    }
    if url.contains(['?', '#']) {
        return Err(format!("“{url}” must not have a query (?) or a fragment (#)"));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// The host of an address (`None` for `file:` and other schemes without one),
/// lowercased, without port or IPv6 brackets.
fn host_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if scheme.eq_ignore_ascii_case("file") {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next()?
    } else {
        authority.split(':').next()?
    };
    Some(host.to_ascii_lowercase())
}

/// Whether `url` only opens on this machine or its local network: `file:`, localhost,
/// 127.x, ::1, 0.0.0.0, 10.x, 172.16–31.x, 192.168.x, link-local 169.254.x and fe80::,
/// unique-local fc00::/7, `*.local`, `*.localhost`, `*.internal` and single-label hosts.
pub fn is_private(url: &str) -> bool {
    if url.trim_start().to_ascii_lowercase().starts_with("file:") {
        return true;
    }
    let Some(host) = host_of(url) else { return true };
    if host.contains(':') {
        // IPv6.
        return host == "::1"
            || host == "::"
            || host.starts_with("fe80:")
            || host.starts_with("fc")
            || host.starts_with("fd");
    }
    let octets: Vec<u8> = host.split('.').filter_map(|p| p.parse().ok()).collect();
    if octets.len() == 4 && host.split('.').count() == 4 {
        return matches!(
            octets[..],
            [127, ..] | [10, ..] | [0, ..] | [192, 168, ..] | [169, 254, ..]
        ) || (octets[0] == 172 && (16..=31).contains(&octets[1]));
    }
    host.is_empty()
        || !host.contains('.')
        || [".local", ".localhost", ".internal", ".lan", ".home.arpa"]
            .iter()
            .any(|s| host.ends_with(s))
}

/// The published address in this document, if `scripts/publish` wrote a valid one.
pub fn public_base() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let meta = doc
        .query_selector(&format!("meta[name=\"{PUBLIC_URL_META}\"]"))
        .ok()??;
    normalize_public_url(&meta.get_attribute("content")?).ok()
}

/// This page's own address without its query and hash.
pub fn page_base() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split(['#', '?']).next().unwrap_or_default().to_string()
}

/// The address links are made from: the published one, else this page's.
pub fn link_base() -> String {
    public_base().unwrap_or_else(page_base)
}

/// The link to the view `hash` describes (`#/page?…`): the site's address, the view
/// without embed keys, today's model version.
pub fn link_to(base: &str, hash: &str) -> String {
    let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
    let kept: Vec<&str> = query
        .split('&')
        .filter(|kv| !kv.is_empty() && !SHELL_KEYS.contains(&kv.split('=').next().unwrap_or("")))
        .collect();
    let path = if path.trim_start_matches('#').is_empty() {
        "#/"
    } else {
        path
    };
    format!("{base}{}", versioned(&format!("{path}?{}", kept.join("&"))))
}

/// The link to the current view (what Share copies).
pub fn current_link() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    link_to(&link_base(), &hash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_urls_are_http_and_end_with_a_slash() {
        assert_eq!(
            normalize_public_url("https://example.org/et/").unwrap(),
            "https://example.org/et/"
        );
        assert_eq!(
            normalize_public_url(" https://example.org/et ").unwrap(),
            "https://example.org/et/"
        );
        assert_eq!(
            normalize_public_url("http://example.org").unwrap(),
            "http://example.org/"
        );
        assert_eq!(
            normalize_public_url("https://me.github.io/et-explorer/index.html").unwrap(),
            "https://me.github.io/et-explorer/index.html/"
        );
        for bad in [
            "example.org/et/",
            "ftp://example.org/",
            "https://",
            "https:///et/",
            "https://a b/",
            "https://x.org/?a=1",
            "https://x.org/#/",
            "https://x.org/\"><script>",
            "javascript:alert(1)",
        ] {
            assert!(normalize_public_url(bad).is_err(), "{bad}");
        }
        assert!(normalize_public_url("example.org").unwrap_err().contains("http"));
    }

    #[test]
    fn private_addresses() {
        for private in [
            "http://127.0.0.1:8080/",
            "http://127.5.3.1/",
            "http://localhost:8080/",
            "http://LOCALHOST/",
            "http://[::1]:8080/",
            "http://10.1.2.3/et/",
            "http://172.16.0.1/",
            "http://172.31.255.255/",
            "http://192.168.1.20:8000/",
            "http://169.254.1.1/",
            "http://0.0.0.0:8080/",
            "http://my-laptop.local/",
            "http://app.localhost/",
            "http://devbox:8080/",
            "http://[fd12::1]/",
            "http://[fe80::1]/",
            "file:///home/me/dist/index.html",
            "null/index.html",
        ] {
            assert!(is_private(private), "{private}");
        }
        for public in [
            "https://example.org/et/",
            "https://me.github.io/et-explorer/",
            "http://172.15.0.1/",
            "http://172.32.0.1/",
            "http://8.8.8.8/",
            "http://192.169.1.1/",
            "http://[2001:db8::1]/",
            "https://user@ethresear.ch:443/x",
            "http://10.example.org/",
        ] {
            assert!(!is_private(public), "{public}");
        }
    }

    #[test]
    fn links_drop_embed_keys_and_carry_the_model_version() {
        let link = link_to(
            "https://example.org/et/",
            "#/ticket-value?n=2000&embed=value&controls=1&mv=1",
        );
        let mv = crate::url_state::MODEL_VERSION;
        assert_eq!(link, format!("https://example.org/et/#/ticket-value?n=2000&mv={mv}"));
        let link = link_to("http://127.0.0.1:8080/", "#/allocation?v=4,3&embed=tradeoff");
        assert_eq!(link, format!("http://127.0.0.1:8080/#/allocation?v=4,3&mv={mv}"));
        assert_eq!(link_to("https://x.org/", ""), format!("https://x.org/#/?mv={mv}"));
    }
}
