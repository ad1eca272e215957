//! App tests in headless Chrome: charts drawn on real canvases, components mounted.
//! Assertions read pixels (`getImageData`) and `toDataURL`, never inner HTML.
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;

use et_explorer::components::chart::{render, ChartProps};
use et_explorer::components::slider::SliderProps;
use et_explorer::components::{Chart, Later, Slider};
use et_explorer::pages::ticket_value::figures::{issued_vs_n, share_vs_n, value_vs_n};
use et_explorer::pages::ticket_value::state::{params, TicketState};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Element, EventInit, HtmlCanvasElement, HtmlInputElement};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element of `tag` in the body, `width` CSS pixels wide.
fn mount_point(tag: &str, width: u32) -> Element {
    let el = document().create_element(tag).unwrap();
    el.set_attribute("style", &format!("width: {width}px")).unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

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

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
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

/// A chart, then a part that waits for it.
#[yew::function_component]
fn ChartThenLater() -> yew::Html {
    let figure = Rc::new(value_vs_n(&TicketState::default()).unwrap());
    yew::html! {
        <>
            <Chart {figure} name="first" />
            <Later height={200}><p class="waited">{ "below the fold" }</p></Later>
        </>
    }
}

#[wasm_bindgen_test]
async fn a_later_part_waits_for_the_charts_above_it_and_their_paint() {
    let host = mount_point("div", 500);
    yew::Renderer::<ChartThenLater>::with_root(host.clone()).render();
    let (canvas, waited) = (
        || host.query_selector("canvas").unwrap(),
        || host.query_selector(".waited").unwrap(),
    );
    let mut drawn_first = None;
    for _ in 0..100 {
        if waited().is_some() {
            drawn_first = Some(canvas().unwrap().has_attribute("data-axes"));
            break;
        }
        if canvas().is_some() {
            assert!(
                host.query_selector(".later").unwrap().is_some(),
                "a placeholder meanwhile"
            );
        }
        sleep(5).await;
    }
    assert_eq!(drawn_first, Some(true), "shown, and only after the chart was drawn");
    assert!(
        host.query_selector(".later").unwrap().is_none(),
        "the placeholder is gone"
    );
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

#[wasm_bindgen_test]
async fn a_hidden_page_draws_everything_waiting_in_one_task() {
    // A background tab: `document.hidden` (its timers would wait a second each).
    let set = js_sys::Function::new_with_args(
        "hidden",
        "if (hidden) Object.defineProperty(document, 'hidden', { get: () => true, configurable: true }); \
         else delete document.hidden;",
    );
    set.call1(&JsValue::NULL, &JsValue::TRUE).unwrap();
    let ran = Rc::new(std::cell::RefCell::new(Vec::new()));
    for k in 0..3 {
        let ran = ran.clone();
        et_explorer::paint_order::chart(move || ran.borrow_mut().push(k));
    }
    let r = ran.clone();
    et_explorer::paint_order::later(move || r.borrow_mut().push(9));
    sleep(0).await; // one task after the step's
    set.call1(&JsValue::NULL, &JsValue::FALSE).unwrap();
    assert_eq!(*ran.borrow(), vec![0, 1, 2, 9], "every drawing, then the waiting part");
}

#[wasm_bindgen_test]
async fn a_first_view_held_keeps_the_page_parts_back_until_it_comes() {
    use et_explorer::paint_order::{hold, later, later_part};
    let ran = Rc::new(std::cell::RefCell::new(Vec::new()));
    let push = |what: &'static str| {
        let ran = ran.clone();
        move || ran.borrow_mut().push(what)
    };
    let first_view = hold();
    later_part(push("part"));
    later(push("not held"));
    sleep(300).await;
    assert_eq!(*ran.borrow(), ["not held"], "the part waits for the first view");
    drop(first_view);
    sleep(300).await;
    assert_eq!(*ran.borrow(), ["not held", "part"]);
    // A first view that never comes holds the parts back for 1.5 s at most.
    let _never = hold();
    later_part(push("late"));
    sleep(1000).await;
    assert_eq!(ran.borrow().len(), 2, "still held after 1 s");
    sleep(900).await;
    assert_eq!(ran.borrow().last(), Some(&"late"), "let go after 1.5 s");
}

thread_local! {
    static STARTS: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    static SET: std::cell::RefCell<Option<(yew::UseStateSetter<u32>, yew::UseStateSetter<u32>)>> =
        const { std::cell::RefCell::new(None) };
}

/// Starts "work" for its `deps` in its render, and logs its effects after.
#[yew::function_component]
fn Starter() -> yew::Html {
    let (deps, other) = (yew::use_state(|| 1u32), yew::use_state(|| 0u32));
    let log = |s: String| STARTS.with(|l| l.borrow_mut().push(s));
    et_explorer::hooks::use_start_with(*deps, |d| log(format!("start {d}")));
    yew::use_effect(move || log("effect".into()));
    SET.with(|s| *s.borrow_mut() = Some((deps.setter(), other.setter())));
    yew::html! { <p>{ *deps }{ *other }</p> }
}

#[wasm_bindgen_test]
async fn work_started_at_render_comes_before_the_effects_and_once_a_change() {
    let host = mount_point("div", 200);
    yew::Renderer::<Starter>::with_root(host).render();
    sleep(50).await;
    let log = || STARTS.with(|l| l.borrow().join(", "));
    assert_eq!(log(), "start 1, effect", "in the first render, before its effects");
    let (deps, other) = SET.with(|s| s.borrow().clone()).unwrap();
    other.set(5);
    sleep(50).await;
    assert_eq!(
        log(),
        "start 1, effect, effect",
        "another render, the same deps: not again"
    );
    deps.set(2);
    sleep(50).await;
    assert_eq!(log(), "start 1, effect, effect, start 2, effect", "new deps: once more");
}
