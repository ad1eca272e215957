//! Text extents for the charts in the browser. plotters measures a label by adding a
//! `<span>` to the page and reading its size, which lays out the whole page once a
//! label (15–20 ms a chart on a long page); here each label is measured on a canvas of
//! its own (no page layout) and kept, so a redraw measures nothing new.

use std::cell::RefCell;

use plotters_backend::BackendTextStyle;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The most labels kept (a page's charts have a few hundred distinct ones; a short list
/// searched in order costs less code than a map, and microseconds a chart).
const KEPT: usize = 1024;

thread_local! {
    static CONTEXT: Option<CanvasRenderingContext2d> = context();
    /// Labels measured so far: font and text (one string) → width and height.
    static SIZES: RefCell<Vec<(String, (u32, u32))>> = const { RefCell::new(Vec::new()) };
}

/// A 2D context of a canvas outside the page.
fn context() -> Option<CanvasRenderingContext2d> {
    let doc = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = doc.create_element("canvas").ok()?.unchecked_into();
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// The CSS font of `style`, as the canvas backend draws it.
fn font<T: BackendTextStyle>(style: &T) -> String {
    format!(
        "{} {}px {}",
        style.style().as_str(),
        style.size(),
        style.family().as_str()
    )
}

/// `text`'s width and height in `style`, unrotated (as plotters' estimate): the advance
/// width and the font's line box (ascent + descent), rounded to whole pixels; `None`
/// where the page has no canvas.
pub fn text_size<T: BackendTextStyle>(text: &str, style: &T) -> Option<(u32, u32)> {
    let font = font(style);
    let key = format!("{font}\n{text}");
    if let Some(size) = SIZES.with(|s| s.borrow().iter().find(|(k, _)| *k == key).map(|(_, v)| *v)) {
        return Some(size);
    }
    let size = CONTEXT.with(|c| {
        let c = c.as_ref()?;
        c.set_font(&font);
        let m = c.measure_text(text).ok()?;
        let height = m.font_bounding_box_ascent() + m.font_bounding_box_descent();
        Some((m.width().round() as u32, height.round() as u32))
    })?;
    SIZES.with(|s| {
        let mut s = s.borrow_mut();
        if s.len() >= KEPT {
            s.clear();
        }
        s.push((key, size));
    });
    Some(size)
}
