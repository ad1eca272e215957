//! Helpers shared by the browser tests.
#![allow(dead_code)]

use et_explorer::charts::Figure;
use et_explorer::components::chart::render;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// Draws `fig` on a fresh 640 × 320 canvas; the fraction of its pixels near `rgb`.
pub fn drawn(fig: &Figure, rgb: (u8, u8, u8)) -> f64 {
    let doc = web_sys::window().unwrap().document().unwrap();
    let canvas: HtmlCanvasElement = doc.create_element("canvas").unwrap().dyn_into().unwrap();
    doc.body().unwrap().append_child(&canvas).unwrap();
    render(&canvas, fig, 640, 320, 1.0).expect("drawn");
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let data = ctx.get_image_data(0.0, 0.0, 640.0, 320.0).unwrap().data();
    let near = |a: u8, b: u8| (a as i32 - b as i32).abs() < 30;
    let hits = data
        .chunks_exact(4)
        .filter(|p| near(p[0], rgb.0) && near(p[1], rgb.1) && near(p[2], rgb.2))
        .count();
    hits as f64 / (640.0 * 320.0)
}

/// A fresh element of `tag` in the body, `width` CSS pixels wide.
pub fn mount_point(tag: &str, width: u32) -> web_sys::Element {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element(tag).unwrap();
    el.set_attribute("style", &format!("width: {width}px")).unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el
}

/// Waits `ms` milliseconds (a timer: the tasks queued before it run first).
pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}
