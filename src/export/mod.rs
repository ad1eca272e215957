//! Downloads (PNG, SVG, CSV of a chart) and the share link. A chart's downloads cite
//! themselves ([`Provenance`]): a footer under the drawing, PNG text chunks, SVG
//! metadata, CSV comment lines, and file names by page, chart and state.

mod backend;
pub mod png_text;
pub mod provenance;
#[cfg(target_arch = "wasm32")]
mod text_size;
mod warm;

pub use warm::{needed as warm_up_needed, warm_up};

pub use provenance::Provenance;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::charts::{draw_figure, DrawError, DrawStyle, Figure, PlotGeometry};
use backend::Backend;

/// Sizes the canvas's backing store to `w × h` CSS pixels at `dpr` and draws.
pub fn render(canvas: &HtmlCanvasElement, fig: &Figure, w: u32, h: u32, dpr: f64) -> Result<PlotGeometry, DrawError> {
    warm::drawn();
    canvas.set_width((w as f64 * dpr).round() as u32);
    canvas.set_height((h as f64 * dpr).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| DrawError("the browser gave no 2D canvas context".into()))?;
    draw_figure(
        &Backend::Canvas(backend).into_drawing_area(),
        fig,
        &DrawStyle { scale: dpr },
    )
}

/// The figure as a PNG data URL, `w × h` CSS pixels drawn at `scale` (2: sharp in a post).
pub fn png(fig: &Figure, w: u32, h: u32, scale: f64) -> Result<String, String> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas").map_err(|_| "no canvas")?.unchecked_into();
    render(&canvas, fig, w, h, scale).map_err(|e| e.to_string())?;
    canvas.to_data_url().map_err(|_| "the canvas gave no PNG".to_string())
}

/// Draws `fig` in the top `h` CSS pixels of `root` (`w` wide, at `scale` backend pixels
/// a CSS pixel) and the provenance footer's `lines` below it.
fn draw_cited(
    root: &DrawingArea<Backend<'_>, Shift>,
    fig: &Figure,
    h: u32,
    scale: f64,
    lines: &[String],
    text: bool,
) -> Result<(), String> {
    let (top, bottom) = root.split_vertically((h as f64 * scale).round() as u32);
    draw_figure(&top, fig, &DrawStyle { scale }).map_err(|e| e.to_string())?;
    bottom.fill(&WHITE).map_err(|e| e.to_string())?;
    if text {
        let font = ("sans-serif", provenance::FOOTER_FONT * scale)
            .into_font()
            .color(&RGBColor(68, 68, 68))
            .pos(plotters::style::text_anchor::Pos::new(
                plotters::style::text_anchor::HPos::Left,
                plotters::style::text_anchor::VPos::Bottom,
            ));
        for (i, line) in lines.iter().enumerate() {
            let at = (
                (Provenance::FOOTER_LEFT * scale).round() as i32,
                ((Provenance::footer_baseline(i) + 2.0) * scale).round() as i32,
            );
            bottom.draw_text(line, &font, at).map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// The figure as a PNG data URL with its provenance: the footer under the drawing and
/// the text chunks (Title, URL, Software, Comment).
pub fn png_cited(fig: &Figure, w: u32, h: u32, scale: f64, cite: &Provenance) -> Result<String, String> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas").map_err(|_| "no canvas")?.unchecked_into();
    let lines = cite.footer_lines(w);
    let total = h + Provenance::footer_height(lines.len());
    canvas.set_width((w as f64 * scale).round() as u32);
    canvas.set_height((total as f64 * scale).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("the browser gave no 2D canvas context")?;
    draw_cited(
        &Backend::Canvas(backend).into_drawing_area(),
        fig,
        h,
        scale,
        &lines,
        true,
    )?;
    let url = canvas.to_data_url().map_err(|_| "the canvas gave no PNG".to_string())?;
    png_text::data_url_with_text(&url, &cite.png_texts())
}

/// The figure as SVG with its provenance: `<title>`, `<desc>`, `<metadata>` and the
/// footer's lines under the drawing.
pub fn svg_cited(fig: &Figure, w: u32, h: u32, cite: &Provenance) -> Result<String, String> {
    let lines = cite.footer_lines(w);
    let total = h + Provenance::footer_height(lines.len());
    let mut out = String::new();
    {
        let root = Backend::Svg(SVGBackend::with_string(&mut out, (w, total))).into_drawing_area();
        draw_cited(&root, fig, h, 1.0, &lines, false)?;
    }
    Ok(cite.cite_svg(&out, h, &lines))
}

/// The figure's CSV with its provenance as `#` comment lines first.
pub fn csv_cited(fig: &Figure, cite: &Provenance) -> String {
    cite.csv_comments() + &fig.to_csv()
}

/// Makes the browser download `href` as `filename`.
pub fn download(href: &str, filename: &str) -> Result<(), String> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = doc.create_element("a").map_err(|_| "no anchor")?.unchecked_into();
    a.set_href(href);
    a.set_download(filename);
    a.click();
    Ok(())
}

/// A data URL of `text` with MIME type `mime`.
pub fn data_url(mime: &str, text: &str) -> String {
    format!("data:{mime};charset=utf-8,{}", crate::url_state::encode(text))
}

/// The figure as SVG, `w × h` pixels, drawn by the same code as the canvas.
pub fn svg(fig: &Figure, w: u32, h: u32) -> Result<String, String> {
    let mut out = String::new();
    {
        let root = Backend::Svg(SVGBackend::with_string(&mut out, (w, h))).into_drawing_area();
        draw_figure(&root, fig, &DrawStyle { scale: 1.0 }).map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// Copies `text` to the clipboard (where the browser allows it).
pub fn copy_to_clipboard(text: &str) -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(&nav, &"clipboard".into()).unwrap_or_default();
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).unwrap_or_default();
    match write.dyn_ref::<js_sys::Function>() {
        Some(f) => f.call1(&clipboard, &text.into()).is_ok(),
        None => false,
    }
}
