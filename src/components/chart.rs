//! A plotters-canvas chart: follows its container's width, sharp on HiDPI screens,
//! redraws only when its figure changes, and reads out the nearest points on hover.

use std::rc::Rc;

use web_sys::HtmlCanvasElement;
use yew::prelude::*;

use super::chart_table::ChartTable;
use super::chart_tools::ChartTools;
use crate::charts::figure::Reading;
use crate::charts::{Figure, PlotGeometry};
pub use crate::export::render;
use crate::format;
use crate::hooks::use_element_width;

/// Properties of [`Chart`].
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// What to draw.
    pub figure: Rc<Figure>,
    /// Height in CSS pixels.
    #[prop_or(320)]
    pub height: u32,
    /// A name for the chart (`data-chart`), used by tests and exports.
    pub name: AttrValue,
}

/// What the pointer is over.
#[derive(Clone, PartialEq)]
struct Hover {
    left: f64,
    readings: Vec<Reading>,
}

fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| *r > 0.0)
        .unwrap_or(1.0)
}

/// In embed mode, the name of the chart shown alone (provided by the app shell).
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedTarget(pub AttrValue);

/// The chart's height: the frame's for the chart shown alone in an embed.
#[hook]
fn use_chart_height(name: &AttrValue, height: u32) -> u32 {
    match use_context::<EmbedTarget>() {
        Some(EmbedTarget(target)) if &target == name => web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .map_or(height, |h| (h - 70.0).max(200.0) as u32),
        _ => height,
    }
}

/// What a chart's next drawing needs: the latest figure, size and pixel ratio, and whether a drawing is
/// already queued (it then draws the latest when its turn comes).
struct NextDrawing {
    latest: Option<(Rc<Figure>, u32, u32, f64)>,
    scheduled: bool,
}

/// Draws `fig` on `canvas` whenever it, the size or the pixel ratio change; keeps the
/// plot's geometry (for the hover) and the drawing error. Each chart draws in a task of
/// its own after the render, in the page's order of drawing ([`paint_order`]: charts
/// first, then what waits for them); changes made before that task runs are drawn by it
/// (a figure that grows point by point is not starved), and unmounting cancels it.
///
/// [`paint_order`]: crate::paint_order
#[hook]
fn use_drawing(
    canvas: &NodeRef,
    fig: &Rc<Figure>,
    size: (u32, u32),
    dpr: f64,
) -> (Rc<std::cell::RefCell<Option<PlotGeometry>>>, Option<String>) {
    let geometry = use_mut_ref(|| None::<PlotGeometry>);
    let next = use_mut_ref(|| NextDrawing {
        latest: None,
        scheduled: false,
    });
    let error = use_state_eq(|| None::<String>);
    {
        let (canvas, geometry, error) = (canvas.clone(), geometry.clone(), error.clone());
        let deps = (fig.clone(), size.0, size.1, dpr.to_bits());
        use_effect_with(deps, move |(fig, w, h, _)| {
            let mut n = next.borrow_mut();
            n.latest = Some((fig.clone(), *w, *h, dpr));
            if !n.scheduled {
                n.scheduled = true;
                // Held weakly: a chart unmounted before its turn draws nothing.
                let next = Rc::downgrade(&next);
                crate::paint_order::chart(move || {
                    let Some(next) = next.upgrade() else { return };
                    let latest = {
                        let mut n = next.borrow_mut();
                        n.scheduled = false;
                        n.latest.clone()
                    };
                    if let (Some(c), Some((fig, w, h, dpr))) = (canvas.cast::<HtmlCanvasElement>(), latest) {
                        draw_now(&c, &fig, (w, h, dpr), &geometry, &error);
                    }
                });
            }
        });
    }
    (geometry, (*error).clone())
}

/// Draws `fig` at `w × h` CSS pixels and pixel ratio `dpr` (nothing while the width is
/// unknown); keeps the geometry or the error.
fn draw_now(
    c: &HtmlCanvasElement,
    fig: &Figure,
    (w, h, dpr): (u32, u32, f64),
    geometry: &std::cell::RefCell<Option<PlotGeometry>>,
    error: &UseStateHandle<Option<String>>,
) {
    if w == 0 {
        return;
    }
    match render(c, fig, w, h, dpr) {
        Ok(g) => {
            // What the axes show, for checks of every chart.
            let _ = c.set_attribute("data-axes", &g.axes_json());
            *geometry.borrow_mut() = Some(g);
            error.set(None);
        }
        Err(e) => error.set(Some(e.to_string())),
    }
}

/// The readings under the pointer: a hairline and a box beside it.
fn readout(fig: &Figure, h: &Hover, width: u32) -> Html {
    let flip = h.left > width as f64 * 0.6;
    let style = if flip {
        format!("right: {:.0}px", width as f64 - h.left + 10.0)
    } else {
        format!("left: {:.0}px", h.left + 10.0)
    };
    html! {
        <>
            <div class="hairline" style={format!("left: {:.1}px", h.left)}></div>
            <div class="readout" style={style} role="status">
                <div class="readout-x">{ format!("{} = {}", fig.x.label, format::readable(h.readings[0].x, 4)) }</div>
                { for h.readings.iter().map(|r| html! {
                    <div>{ format!("{}: {} {}", r.name, format::readable(r.y, 4), fig.y.unit) }</div>
                }) }
            </div>
        </>
    }
}

/// The hover's callbacks: the nearest readings under the pointer, none once it leaves.
fn hover_callbacks(
    geometry: &Rc<std::cell::RefCell<Option<PlotGeometry>>>,
    hover: &UseStateHandle<Option<Hover>>,
    fig: &Rc<Figure>,
    dpr: f64,
) -> (Callback<MouseEvent>, Callback<MouseEvent>) {
    let (geometry, set, fig) = (geometry.clone(), hover.clone(), fig.clone());
    let onmousemove = Callback::from(move |e: MouseEvent| {
        let g = geometry.borrow();
        let Some(g) = g.as_ref() else { return };
        let found = g.x_at(e.offset_x() as f64 * dpr).map(|xp| fig.readout(xp));
        set.set(found.filter(|r| !r.is_empty()).map(|readings| {
            let x = fig.x.to_plot(readings[0].x).unwrap_or(g.x.start);
            Hover {
                left: g.px_of(x) / dpr,
                readings,
            }
        }));
    });
    let hover = hover.clone();
    (onmousemove, Callback::from(move |_| hover.set(None)))
}

/// A chart drawn with plotters on a canvas.
#[function_component]
pub fn Chart(props: &ChartProps) -> Html {
    let height = use_chart_height(&props.name, props.height);
    let container = use_node_ref();
    let canvas = use_node_ref();
    let width = use_element_width(&container);
    let hover = use_state_eq(|| None::<Hover>);
    let dpr = device_pixel_ratio();
    let (geometry, error) = use_drawing(&canvas, &props.figure, (width, height), dpr);
    let (onmousemove, onmouseleave) = hover_callbacks(&geometry, &hover, &props.figure, dpr);
    let fig = &props.figure;
    let (title_id, data_id) = (
        format!("chart-{}-title", props.name),
        format!("chart-{}-data", props.name),
    );
    html! {
        <figure class="chart" data-chart={props.name.clone()} aria-labelledby={title_id.clone()}>
            <figcaption class="sr-only" id={title_id}>{ fig.title.clone() }</figcaption>
            <div class="chart-canvas" ref={container} style={format!("height: {height}px")}
                 onmousemove={onmousemove} onmouseleave={onmouseleave}>
                <canvas ref={canvas.clone()} role="img" aria-label={fig.title.clone()} aria-describedby={data_id.clone()}
                    style={format!("width: 100%; height: {height}px")}></canvas>
                { for hover.as_ref().map(|h| readout(fig, h, width)) }
            </div>
            if let Some(msg) = error {
                <div class="chart-error" role="alert">{ msg }</div>
            }
            <ChartTools figure={fig.clone()} name={props.name.clone()} width={width} height={height} />
            <ChartTable figure={fig.clone()} id={data_id} />
        </figure>
    }
}
