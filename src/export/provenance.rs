//! What an export says about itself: the chart's title, the link to its view, the app's
//! and the model's version, the seed and every parameter of the view — as a footer
//! under the drawing, PNG text chunks, SVG `<title>`/`<desc>`/`<metadata>`, CSV comment
//! lines — and its file name, `et-explorer-<page>-<chart>-<hash8>.<ext>`.

use crate::url_state::route::decode;
use crate::url_state::site::link_to;
use crate::url_state::{versioned, APP_VERSION, MODEL_VERSION, SHELL_KEYS, VERSION_KEY};

/// A footer line's height and the space above and below the lines, CSS pixels.
pub const FOOTER_LINE: f64 = 13.0;
const FOOTER_PAD: f64 = 5.0;
/// The footer's font size, CSS pixels, and the width allowed a character (a little
/// over a sans-serif's average, so a line never runs off the picture).
pub const FOOTER_FONT: f64 = 10.0;
const CHAR_WIDTH: f64 = 5.5;

/// The provenance of one chart's export.
#[derive(Clone, Debug, PartialEq)]
pub struct Provenance {
    /// The page's route key, e.g. `primary`.
    pub page: String,
    /// The chart's name (`data-chart`).
    pub chart: String,
    /// The chart's title.
    pub title: String,
    /// The link that opens the view (with `mv=`).
    pub link: String,
    /// The view's hash as linked (`#/page?…&mv=N`, no embed keys): what the file name's
    /// hash is of.
    pub view: String,
    /// The view's parameters, decoded, in link order (the model version and embed keys aside).
    pub params: Vec<(String, String)>,
}

/// 32-bit FNV-1a.
fn fnv1a(text: &str) -> u32 {
    text.bytes()
        .fold(0x811c_9dc5u32, |h, b| (h ^ b as u32).wrapping_mul(0x0100_0193))
}

/// Control characters and line breaks as spaces (a value stays on its line).
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// `s` escaped for XML text and attributes.
fn xml(s: &str) -> String {
    one_line(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Words of `text` in lines of at most `max` characters (a longer word is cut).
fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let fits = line.chars().count() + 1 + word.chars().count() <= max;
        if !line.is_empty() && !fits {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
        while line.chars().count() > max {
            let head: String = line.chars().take(max).collect();
            line = line.chars().skip(max).collect();
            lines.push(head);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A link in lines of at most `max` characters, cut after a `&` or `?` where one is
/// near the end of a line.
fn wrap_link(link: &str, max: usize) -> Vec<String> {
    let chars: Vec<char> = link.chars().collect();
    let mut lines = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let mut end = (at + max).min(chars.len());
        if end < chars.len() {
            if let Some(cut) = (at + max * 2 / 3..end).rev().find(|&i| matches!(chars[i], '&' | '?')) {
                end = cut + 1;
            }
        }
        lines.push(chars[at..end].iter().collect());
        at = end;
    }
    lines
}

impl Provenance {
    /// The provenance of chart `chart` (titled `title`) of the view `hash`, linked from
    /// the site's address `base`.
    pub fn new(base: &str, hash: &str, chart: &str, title: &str) -> Self {
        let link = link_to(base, hash);
        let view = link[base.len()..].to_string();
        let (path, query) = view.split_once('?').unwrap_or((&view, ""));
        let page = path.trim_start_matches('#').trim_matches('/');
        let params = query
            .split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| kv.split_once('=').unwrap_or((kv, "")))
            .map(|(k, v)| (decode(k), decode(v)))
            .filter(|(k, _)| k != VERSION_KEY && !SHELL_KEYS.contains(&k.as_str()))
            .collect();
        Self {
            page: if page.is_empty() {
                "ticket-value".into()
            } else {
                page.into()
            },
            chart: chart.into(),
            title: one_line(title),
            link,
            view,
            params,
        }
    }

    /// The view's seed, where the page has one.
    pub fn seed(&self) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == "seed").map(|(_, v)| v.as_str())
    }

    /// `ET Explorer 0.1.0+a84bcec, model version 4`.
    pub fn software() -> String {
        format!("ET Explorer {APP_VERSION}, model version {MODEL_VERSION}")
    }

    /// The parameters as `k=v` pairs joined by `&`.
    pub fn parameters(&self) -> String {
        let pairs: Vec<String> = self
            .params
            .iter()
            .map(|(k, v)| format!("{k}={}", one_line(v)))
            .collect();
        pairs.join("&")
    }

    /// `et-explorer-<page>-<chart>-<hash8>.<ext>`: the hash of the view (and model
    /// version), so another state never overwrites this one's file.
    pub fn file_name(&self, ext: &str) -> String {
        let plain = |s: &str| -> String {
            s.chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect()
        };
        format!(
            "et-explorer-{}-{}-{:08x}.{ext}",
            plain(&self.page),
            plain(&self.chart),
            fnv1a(&versioned(&self.view))
        )
    }

    /// The footer's text on one line: title, versions, seed, link.
    pub fn footer(&self) -> String {
        let seed = self.seed().map(|s| format!(", seed {s}")).unwrap_or_default();
        format!("{} · {}{seed} · {}", self.title, Self::software(), self.link)
    }

    /// The footer in lines that fit `width` CSS pixels: one line when it fits, else the
    /// title and versions, then the link over as many lines as it needs.
    pub fn footer_lines(&self, width: u32) -> Vec<String> {
        let max = (((width as f64 - 2.0 * FOOTER_PAD) / CHAR_WIDTH).floor() as usize).max(20);
        let one = self.footer();
        if one.chars().count() <= max {
            return vec![one];
        }
        let seed = self.seed().map(|s| format!(", seed {s}")).unwrap_or_default();
        let mut lines = wrap(&format!("{} · {}{seed}", self.title, Self::software()), max);
        lines.extend(wrap_link(&self.link, max));
        lines
    }

    /// The footer's height for `lines` lines, CSS pixels.
    pub fn footer_height(lines: usize) -> u32 {
        (FOOTER_LINE * lines as f64 + 2.0 * FOOTER_PAD).ceil() as u32
    }

    /// The baseline of footer line `i` below the drawing's bottom, CSS pixels.
    pub fn footer_baseline(i: usize) -> f64 {
        FOOTER_PAD + FOOTER_LINE * (i as f64 + 1.0) - 3.0
    }

    /// The footer's left margin, CSS pixels.
    pub const FOOTER_LEFT: f64 = FOOTER_PAD + 3.0;

    /// The CSV's comment lines (`# …`), each ending with a line break.
    pub fn csv_comments(&self) -> String {
        let mut lines = vec![
            format!("ET Explorer chart: {}", self.title),
            format!("link: {}", self.link),
            format!("version: {}", Self::software()),
        ];
        if let Some(seed) = self.seed() {
            lines.push(format!("seed: {seed}"));
        }
        lines.extend(self.params.iter().map(|(k, v)| format!("parameter: {k}={v}")));
        lines.iter().map(|l| format!("# {}\n", one_line(l))).collect()
    }

    /// The PNG's text chunks: Title, URL, Software and a Comment with the seed and the
    /// parameters.
    pub fn png_texts(&self) -> Vec<(&'static str, String)> {
        let seed = self.seed().map(|s| format!("seed={s}; ")).unwrap_or_default();
        vec![
            ("Title", self.title.clone()),
            ("URL", self.link.clone()),
            ("Software", Self::software()),
            (
                "Comment",
                format!(
                    "{seed}page={}; chart={}; parameters: {}",
                    self.page,
                    self.chart,
                    self.parameters()
                ),
            ),
        ]
    }

    /// A sentence describing the export (the SVG's `<desc>`).
    pub fn description(&self) -> String {
        let seed = self.seed().map(|s| format!(" Seed {s}.")).unwrap_or_default();
        format!(
            "Chart “{}” of ET Explorer ({}): {}.{seed} Parameters: {}.",
            self.title,
            Self::software(),
            self.link,
            self.parameters()
        )
    }

    /// `svg` (drawn `width` wide with `lines` footer lines below a drawing `height`
    /// high) with its `<title>`, `<desc>` and `<metadata>` after the opening tag and the
    /// footer's lines (`<g class="et-provenance">`) before the closing one.
    pub fn cite_svg(&self, svg: &str, height: u32, lines: &[String]) -> String {
        let Some(open) = svg.find("<svg").and_then(|at| svg[at..].find('>').map(|e| at + e + 1)) else {
            return svg.to_string();
        };
        let close = svg.rfind("</svg>").unwrap_or(svg.len());
        let meta = format!(
            "<title>{}</title><desc>{}</desc><metadata><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><rdf:Description><dc:title>{}</dc:title><dc:source>{}</dc:source>\
             <dc:creator>{}</dc:creator><dc:description>{}</dc:description></rdf:Description></rdf:RDF></metadata>",
            xml(&self.title),
            xml(&self.description()),
            xml(&self.title),
            xml(&self.link),
            xml(&Self::software()),
            xml(&format!(
                "{}parameters: {}",
                self.seed().map(|s| format!("seed {s}; ")).unwrap_or_default(),
                self.parameters()
            )),
        );
        let texts: String = lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                format!(
                    "<text x=\"{}\" y=\"{:.1}\">{}</text>",
                    Self::FOOTER_LEFT,
                    height as f64 + Self::footer_baseline(i),
                    xml(l)
                )
            })
            .collect();
        format!(
            "{}{meta}{}<g class=\"et-provenance\" font-family=\"sans-serif\" font-size=\"{FOOTER_FONT}\" fill=\"#444444\">{texts}</g>{}",
            &svg[..open],
            &svg[open..close],
            &svg[close..]
        )
    }
}

#[cfg(test)]
#[path = "provenance_tests.rs"]
mod tests;
