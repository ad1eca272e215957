//! Tests of `provenance.rs`: the footer's lines, the SVG metadata, the file names.

use super::*;

fn primary() -> Provenance {
    Provenance::new(
        "https://example.org/et/",
        "#/primary?scenario=et-simulation&N=100&seed=7&srange=4,16&embed=hhi&mv=1",
        "hhi",
        "HHI of the slots won\nby holder",
    )
}

#[test]
fn provenance_reads_the_view() {
    let p = primary();
    assert_eq!(p.page, "primary");
    assert_eq!(
        p.link,
        format!("https://example.org/et/#/primary?scenario=et-simulation&N=100&seed=7&srange=4,16&mv={MODEL_VERSION}")
    );
    assert_eq!(p.seed(), Some("7"));
    assert_eq!(p.params.len(), 4);
    assert_eq!(p.params[3], ("srange".to_string(), "4,16".to_string()));
    assert_eq!(p.title, "HHI of the slots won by holder");
    let none = Provenance::new("http://127.0.0.1:8080/", "#/allocation?v=4,3", "tradeoff", "t");
    assert_eq!(none.seed(), None);
    assert_eq!(Provenance::new("http://x/", "", "value", "t").page, "ticket-value");
}

#[test]
fn file_names_name_page_chart_and_state() {
    let p = primary();
    let name = p.file_name("png");
    assert!(
        name.starts_with("et-explorer-primary-hhi-") && name.ends_with(".png"),
        "{name}"
    );
    assert_eq!(name.len(), "et-explorer-primary-hhi-".len() + 8 + 4);
    // The same view, from another address or as an embed: the same name.
    let same = Provenance::new(
        "http://127.0.0.1:8080/",
        "#/primary?scenario=et-simulation&N=100&seed=7&srange=4,16",
        "hhi",
        "x",
    );
    assert_eq!(same.file_name("png"), name);
    // Another state, another name; another kind, another extension only.
    let other = Provenance::new(
        "https://example.org/et/",
        "#/primary?scenario=et-simulation&N=100&seed=8&srange=4,16",
        "hhi",
        "x",
    );
    assert_ne!(other.file_name("png"), name);
    assert_eq!(p.file_name("svg")[..name.len() - 4], name[..name.len() - 4]);
    assert_eq!(fnv1a(""), 0x811c_9dc5);
    assert_eq!(fnv1a("a"), 0xe40c_292c);
}

#[test]
fn csv_comments_carry_link_version_seed_and_every_parameter() {
    let c = primary().csv_comments();
    let lines: Vec<&str> = c.lines().collect();
    assert_eq!(lines[0], "# ET Explorer chart: HHI of the slots won by holder");
    assert_eq!(
        lines[1],
        format!("# link: https://example.org/et/#/primary?scenario=et-simulation&N=100&seed=7&srange=4,16&mv={MODEL_VERSION}")
    );
    assert!(
        lines[2].starts_with("# version: ET Explorer 0.1.0+")
            && lines[2].ends_with(&format!(", model version {MODEL_VERSION}")),
        "{}",
        lines[2]
    );
    assert_eq!(lines[3], "# seed: 7");
    assert_eq!(
        &lines[4..],
        [
            "# parameter: scenario=et-simulation",
            "# parameter: N=100",
            "# parameter: seed=7",
            "# parameter: srange=4,16"
        ]
    );
    assert!(lines.iter().all(|l| l.starts_with("# ")));
}

#[test]
fn footer_fits_its_width() {
    let p = primary();
    let wide = p.footer_lines(2000);
    assert_eq!(wide, vec![p.footer()]);
    for width in [320, 480, 720] {
        let lines = p.footer_lines(width);
        let max = ((width as f64 - 10.0) / CHAR_WIDTH) as usize;
        assert!(
            lines.len() >= 2 && lines.iter().all(|l| l.chars().count() <= max),
            "{width}: {lines:?}"
        );
        let link: String = lines
            .iter()
            .skip_while(|l| !l.starts_with("https://"))
            .cloned()
            .collect();
        assert_eq!(link, p.link, "the link is whole across its lines");
        assert!(lines[0].starts_with("HHI of the slots won"), "{lines:?}");
    }
    assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
    assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
}

#[test]
fn svg_gets_title_desc_metadata_and_footer() {
    let p = primary();
    let svg = "<svg width=\"720\" height=\"346\" viewBox=\"0 0 720 346\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect/></svg>\n";
    let lines = p.footer_lines(720);
    let out = p.cite_svg(svg, 320, &lines);
    assert!(out.starts_with("<svg width=\"720\" height=\"346\" viewBox=\"0 0 720 346\" xmlns=\"http://www.w3.org/2000/svg\"><title>HHI of the slots won by holder</title><desc>"), "{out}");
    let source = format!("<dc:source>https://example.org/et/#/primary?scenario=et-simulation&amp;N=100&amp;seed=7&amp;srange=4,16&amp;mv={MODEL_VERSION}</dc:source>");
    assert!(out.contains(&source), "{out}");
    assert!(
        out.contains("Seed 7.") && out.contains("<dc:creator>ET Explorer "),
        "{out}"
    );
    assert!(
        out.contains("<rect/><g class=\"et-provenance\"") && out.ends_with("</g></svg>\n"),
        "{out}"
    );
    assert_eq!(out.matches("<text ").count(), lines.len());
    assert!(out.contains("y=\"335.0\""), "first baseline 320 + 15: {out}");
    let png = p.png_texts();
    assert_eq!(
        png.iter().map(|t| t.0).collect::<Vec<_>>(),
        ["Title", "URL", "Software", "Comment"]
    );
    assert!(
        png[3]
            .1
            .starts_with("seed=7; page=primary; chart=hhi; parameters: scenario=et-simulation&N=100"),
        "{}",
        png[3].1
    );
}
