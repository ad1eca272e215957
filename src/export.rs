//! Downloads (PNG, SVG, CSV of a chart) and the share link.

use plotters::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::{draw_figure, DrawStyle, Figure};

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
        let root = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
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
