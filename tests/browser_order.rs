//! The order of a page's work, in headless Chrome: runs started in the render, charts
//! drawn before the parts that wait (and those held while a first view is computed), a
//! hidden page's drawings in one task.
#![cfg(target_arch = "wasm32")]

mod support;

use std::rc::Rc;

use et_explorer::components::{Chart, Later};
use et_explorer::pages::ticket_value::figures::value_vs_n;
use et_explorer::pages::ticket_value::state::TicketState;
use support::{mount_point, sleep};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
