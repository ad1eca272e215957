//! App tests in headless Chrome: charts drawn on real canvases, components mounted.
//! Assertions read pixels (`getImageData`) and `toDataURL`, never inner HTML.
#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::Cell;
use std::rc::Rc;

use et_explorer::components::chart::{render, ChartProps};
use et_explorer::components::slider::SliderProps;
use et_explorer::components::{Chart, Slider};
use et_explorer::pages::ticket_value::figures::{issued_vs_n, share_vs_n, value_vs_n};
use et_explorer::pages::ticket_value::state::{params, TicketState};
use support::{mount_point, sleep};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Element, EventInit, HtmlCanvasElement, HtmlInputElement};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// Fraction of pixels that are not white, and of those close to `rgb`.
fn ink(canvas: &HtmlCanvasElement, rgb: (u8, u8, u8)) -> (f64, f64) {
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let (w, h) = (canvas.width(), canvas.height());
    let data = ctx.get_image_data(0.0, 0.0, w as f64, h as f64).unwrap().data();
    let (mut ink, mut colour) = (0usize, 0usize);
    let near = |a: u8, b: u8| (a as i32 - b as i32).abs() < 40;
    for px in data.chunks_exact(4) {
        if px[0] < 245 || px[1] < 245 || px[2] < 245 {
            ink += 1;
        }
        if near(px[0], rgb.0) && near(px[1], rgb.1) && near(px[2], rgb.2) {
            colour += 1;
        }
    }
    let total = (w * h) as f64;
    (ink as f64 / total, colour as f64 / total)
}

/// The Ticket value's E[V] chart (280 px high) mounted as `name` in a fresh 500 px host.
fn mount_value_chart(name: &str) -> Element {
    let host = mount_point("div", 500);
    let props = ChartProps {
        figure: Rc::new(value_vs_n(&TicketState::default()).unwrap()),
        height: 280,
        name: name.to_string().into(),
    };
    yew::Renderer::<Chart>::with_root_and_props(host.clone(), props).render();
    host
}

fn fire(el: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict(kind, &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
fn every_ticket_chart_draws_at_hidpi() {
    let s = TicketState::default();
    for fig in [value_vs_n(&s), issued_vs_n(&s), share_vs_n(&s)] {
        let fig = fig.expect("a figure for the default state");
        let canvas: HtmlCanvasElement = mount_point("canvas", 600).dyn_into().unwrap();
        let g = render(&canvas, &fig, 600, 320, 2.0).expect("drawn");
        assert_eq!((canvas.width(), canvas.height()), (1200, 640));
        assert!(g.px_x.end - g.px_x.start > 800, "plot area uses the width: {g:?}");
        let (ink, _) = ink(&canvas, (0, 0, 0));
        assert!(ink > 0.01 && ink < 0.6, "{}: ink {ink}", fig.title);
    }
}

#[wasm_bindgen_test]
fn the_value_chart_shows_its_curve_and_changes_with_n() {
    let s = TicketState {
        d: 0.01,
        n: 100.0,
        ..TicketState::default()
    };
    let canvas: HtmlCanvasElement = mount_point("canvas", 640).dyn_into().unwrap();
    render(&canvas, &value_vs_n(&s).unwrap(), 640, 320, 1.0).unwrap();
    let (_, blue) = ink(&canvas, (0, 114, 178));
    assert!(blue > 0.002, "the E[V] curve is drawn in blue: {blue}");
    let before = canvas.to_data_url().unwrap();
    render(
        &canvas,
        &value_vs_n(&TicketState { n: 1e6, ..s }).unwrap(),
        640,
        320,
        1.0,
    )
    .unwrap();
    assert_ne!(before, canvas.to_data_url().unwrap(), "moving n redraws");
}

#[wasm_bindgen_test]
async fn chart_component_follows_its_container_width() {
    let host = mount_value_chart("test");
    sleep(100).await;
    let canvas: HtmlCanvasElement = host.query_selector("canvas").unwrap().unwrap().dyn_into().unwrap();
    let container = host.query_selector(".chart-canvas").unwrap().unwrap();
    let dpr = web_sys::window().unwrap().device_pixel_ratio();
    let wide = container.client_width();
    assert!(wide > 300, "{wide}");
    assert_eq!(canvas.width(), (wide as f64 * dpr).round() as u32);
    assert!(ink(&canvas, (0, 0, 0)).0 > 0.01, "drawn");
    host.set_attribute("style", "width: 360px").unwrap();
    sleep(150).await;
    let narrow = container.client_width();
    assert_eq!(wide - narrow, 140, "the container shrank with its host");
    assert_eq!(
        canvas.width(),
        (narrow as f64 * dpr).round() as u32,
        "resized with its container"
    );
    assert!(ink(&canvas, (0, 0, 0)).0 > 0.01, "redrawn");
}

#[wasm_bindgen_test]
async fn slider_emits_log_scaled_values_and_keeps_bad_text() {
    let got = Rc::new(Cell::new(f64::NAN));
    let host = mount_point("div", 320);
    let props = SliderProps {
        param: params()[3].clone(),
        value: 1000.0,
        on_change: Callback::from({
            let got = got.clone();
            move |v| got.set(v)
        }),
        hint: None,
    };
    yew::Renderer::<Slider>::with_root_and_props(host.clone(), props).render();
    sleep(30).await;
    let range: HtmlInputElement = host
        .query_selector("input[type=range]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(range.value(), "333", "10³ sits a third of the way along 1..10⁹");
    range.set_value("1000");
    fire(&range, "input");
    assert_eq!(got.get(), 1e9);
    range.set_value("500");
    fire(&range, "input");
    assert_eq!(got.get(), 31_600.0, "log scale, rounded to 3 significant digits");

    let text: HtmlInputElement = host
        .query_selector("input.number")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    text.set_value("2e5");
    fire(&text, "input");
    fire(&text, "change");
    assert_eq!(got.get(), 2e5);
    text.set_value("-3");
    fire(&text, "input");
    fire(&text, "change");
    sleep(30).await;
    assert_eq!(got.get(), 2e5, "an invalid value is not applied");
    let alert = host.query_selector("[role=alert]").unwrap().expect("an error message");
    assert!(alert.text_content().unwrap().contains("Tickets outstanding n"));
    assert_eq!(text.value(), "-3", "what the user typed stays");
}

#[wasm_bindgen_test]
async fn the_app_renders_the_ticket_page_with_every_chart_drawn() {
    let window = web_sys::window().unwrap();
    window
        .location()
        .set_hash("#/ticket-value?n=5000&zz=1&samples=20000")
        .unwrap();
    let host = mount_point("div", 1200);
    let bundle = et_explorer::app::Bundle {
        page: et_explorer::pages::Page::TicketValue,
        view: |route| yew::html! { <et_explorer::pages::TicketValuePage {route} /> },
    };
    yew::Renderer::<et_explorer::app::App>::with_root_and_props(host.clone(), et_explorer::app::AppProps { bundle })
        .render();
    // No worker script is served here: the Monte Carlo falls back to this thread.
    let mut canvases = host.query_selector_all("canvas").unwrap();
    for _ in 0..40 {
        sleep(100).await;
        canvases = host.query_selector_all("canvas").unwrap();
        if canvases.length() == 8 {
            break;
        }
    }
    assert_eq!(
        canvases.length(),
        8,
        "three closed-form charts and five of the lottery engine"
    );
    for i in 0..canvases.length() {
        let c: HtmlCanvasElement = canvases.item(i).unwrap().dyn_into().unwrap();
        assert!(ink(&c, (0, 0, 0)).0 > 0.01, "chart {i} drawn");
    }
    // The page's notices (the app's own, above them, may name the link's model version).
    let notices = host.query_selector_all(".notices").unwrap();
    let text: String = (0..notices.length())
        .filter_map(|i| notices.item(i).and_then(|n| n.text_content()))
        .collect();
    assert!(text.contains("zz"), "a notice for zz: {text}");
    let hash = window.location().hash().unwrap();
    assert!(hash.contains("n=5000") && !hash.contains("zz"), "{hash}");
}

#[wasm_bindgen_test]
async fn a_chart_s_data_table_is_built_when_opened() {
    let host = mount_value_chart("table");
    sleep(50).await;
    let cells = || host.query_selector_all("details.chart-data td").unwrap().length();
    assert_eq!(cells(), 0, "closed: no table built");
    assert!(
        host.query_selector(".chart-data-summary").unwrap().is_some(),
        "the summary the canvas points to"
    );
    let details: web_sys::HtmlDetailsElement = host.query_selector("details").unwrap().unwrap().dyn_into().unwrap();
    details.set_open(true);
    sleep(50).await;
    assert!(cells() > 100, "opened: {} cells", cells());
}
