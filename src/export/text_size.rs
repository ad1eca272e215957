//! Text extents for the charts in the browser. plotters measures a label by adding a
//! `<span>` to the page and reading its size, which lays out the whole page once a
//! label (15–20 ms a chart on a long page); here each label is measured on a canvas of
//! its own, which lays out nothing.

use plotters_backend::BackendTextStyle;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

thread_local! {
    static CONTEXT: Option<CanvasRenderingContext2d> = context();
}

/// A 2D context of a canvas outside the page.
fn context() -> Option<CanvasRenderingContext2d> {
    let doc = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.unchecked_into();
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// `text`'s width and height in `style` (the font the canvas backend draws with),
/// unrotated as plotters' estimate: the advance width and the font's line box (ascent +
/// descent; a typical line box where the browser has no font box), rounded to whole
/// pixels; `None` where the page has no canvas.
pub fn text_size<T: BackendTextStyle>(text: &str, style: &T) -> Option<(u32, u32)> {
    let font = format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    );
    CONTEXT.with(|c| {
        let c = c.as_ref()?;
        c.set_font(&font);
        let m = c.measure_text(text).ok()?;
        // A browser without the font's box (Firefox before 116) gets a typical line box.
        let height = m.font_bounding_box_ascent() + m.font_bounding_box_descent();
        let height = if height > 0.0 { height } else { 1.17 * style.size() };
        Some((m.width().round() as u32, height.round() as u32))
    })
}
