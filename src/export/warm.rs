//! A chart drawn off the page while a page waits for its first results (its workers'
//! first range): the page's first real chart then finds the drawing code compiled and
//! the fonts' glyphs ready (the first drawing of a page costs 60–100 ms more than the
//! next ones, measured on a cold load). Nothing is drawn once a chart has been.

use std::cell::Cell;

use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::charts::{palette, Axis, Figure, Legend, Series};

thread_local! {
    /// Whether a chart has been drawn on this page (or warmed).
    static DRAWN: Cell<bool> = const { Cell::new(false) };
}

/// Notes that a chart has been drawn.
pub(super) fn drawn() {
    DRAWN.with(|d| d.set(true));
}

/// A figure with each kind of series, a legend and a caption.
fn sample() -> Figure {
    let line: Vec<(f64, f64)> = (0..50)
        .map(|i| (i as f64, 1.0 + (i * (50 - i)) as f64 / 625.0))
        .collect();
    Figure {
        title: "Warm-up: 0.25 ETH against slot".into(),
        x: Axis::linear("Slot", "slots").integer(),
        y: Axis::linear("Price", "ETH"),
        series: vec![
            Series::Band {
                name: "10–90 %".into(),
                color: palette::BLUE,
                points: line.iter().map(|&(x, y)| (x, y - 0.3, y + 0.3)).collect(),
                opacity: 0.2,
            },
            Series::Line {
                name: "mean".into(),
                color: palette::BLUE,
                points: line,
                dashed: false,
            },
            Series::Bars {
                name: "share".into(),
                color: palette::VERMILION,
                bars: vec![(0.0, 10.0, 0.5), (10.0, 20.0, 0.8)],
            },
            Series::Points {
                name: "runs".into(),
                color: palette::VERMILION,
                points: vec![(25.0, 1.0, 0.8, 1.2)],
            },
            Series::Marker {
                name: "now".into(),
                color: palette::VERMILION,
                x: 30.0,
            },
        ],
        legend: Legend::Auto,
    }
}

/// Whether nothing has been drawn on this page yet (a warm-up would help).
pub fn needed() -> bool {
    !DRAWN.with(Cell::get)
}

/// Draws [`sample`] on a canvas off the page, unless a chart has been drawn.
pub fn warm_up() {
    if DRAWN.with(|d| d.replace(true)) {
        return;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(canvas) = doc.create_element("canvas") else {
        return;
    };
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let _ = super::render(&canvas.unchecked_into::<HtmlCanvasElement>(), &sample(), 640, 320, dpr);
}
