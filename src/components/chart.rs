//! A plotters-canvas chart: follows its container's width, sharp on HiDPI screens,
//! redraws only when its figure changes, and reads out the nearest points on hover.

use std::rc::Rc;

use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlCanvasElement, ResizeObserver};
use yew::prelude::*;

use crate::charts::figure::Reading;
use crate::charts::{draw_figure, DrawError, DrawStyle, Figure, PlotGeometry};
use crate::format;

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

/// Watches an element's width; disconnects when dropped.
struct WidthObserver {
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for WidthObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

fn observe_width(node: &NodeRef, set: UseStateSetter<u32>) -> Option<WidthObserver> {
    let el: Element = node.cast()?;
    set.set(el.client_width().max(0) as u32);
    let target = el.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| {
        set.set(target.client_width().max(0) as u32);
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&el);
    Some(WidthObserver {
        observer,
        _callback: callback,
    })
}

fn device_pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| *r > 0.0)
        .unwrap_or(1.0)
}

/// Sizes the canvas's backing store to `w × h` CSS pixels at `dpr` and draws.
pub fn render(canvas: &HtmlCanvasElement, fig: &Figure, w: u32, h: u32, dpr: f64) -> Result<PlotGeometry, DrawError> {
    canvas.set_width((w as f64 * dpr).round() as u32);
    canvas.set_height((h as f64 * dpr).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| DrawError("the browser gave no 2D canvas context".into()))?;
    draw_figure(&backend.into_drawing_area(), fig, &DrawStyle { scale: dpr })
}

/// `s` with `&`, `"`, `<` and `>` escaped, for an HTML attribute.
fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// In embed mode, the name of the chart shown alone (provided by the app shell).
#[derive(Clone, Debug, PartialEq)]
pub struct EmbedTarget(pub AttrValue);

/// A chart drawn with plotters on a canvas.
#[function_component]
pub fn Chart(props: &ChartProps) -> Html {
    // The chart shown alone in an embed takes its frame's height.
    let embed = use_context::<EmbedTarget>();
    let height = match embed {
        Some(EmbedTarget(name)) if name == props.name => web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .map_or(props.height, |h| (h - 70.0).max(200.0) as u32),
        _ => props.height,
    };
    let container = use_node_ref();
    let canvas = use_node_ref();
    let width = use_state_eq(|| 0u32);
    let geometry = use_mut_ref(|| None::<PlotGeometry>);
    let error = use_state_eq(|| None::<String>);
    let hover = use_state_eq(|| None::<Hover>);
    let dpr = device_pixel_ratio();

    {
        let (container, setter) = (container.clone(), width.setter());
        use_effect_with((), move |_| {
            let observer = observe_width(&container, setter);
            move || drop(observer)
        });
    }
    {
        let (canvas, geometry, error) = (canvas.clone(), geometry.clone(), error.clone());
        let deps = (props.figure.clone(), *width, height, dpr.to_bits());
        use_effect_with(deps, move |(fig, w, h, _)| {
            if let (Some(c), true) = (canvas.cast::<HtmlCanvasElement>(), *w > 0) {
                match render(&c, fig, *w, *h, dpr) {
                    Ok(g) => {
                        *geometry.borrow_mut() = Some(g);
                        error.set(None);
                    }
                    Err(e) => error.set(Some(e.to_string())),
                }
            }
        });
    }

    let onmousemove = {
        let (geometry, hover, fig) = (geometry.clone(), hover.clone(), props.figure.clone());
        Callback::from(move |e: MouseEvent| {
            let g = geometry.borrow();
            let Some(g) = g.as_ref() else { return };
            let found = g.x_at(e.offset_x() as f64 * dpr).map(|xp| fig.readout(xp));
            hover.set(found.filter(|r| !r.is_empty()).map(|readings| {
                let x = fig.x.to_plot(readings[0].x).unwrap_or(g.x.start);
                Hover {
                    left: g.px_of(x) / dpr,
                    readings,
                }
            }));
        })
    };
    let onmouseleave = {
        let hover = hover.clone();
        Callback::from(move |_| hover.set(None))
    };

    let export = |kind: &'static str| {
        let (canvas, fig, name, width) = (canvas.clone(), props.figure.clone(), props.name.clone(), *width);
        Callback::from(move |_: MouseEvent| {
            let file = format!("et-explorer-{name}.{kind}");
            let href = match kind {
                "png" => canvas.cast::<HtmlCanvasElement>().and_then(|c| c.to_data_url().ok()),
                "svg" => crate::export::svg(&fig, width.max(320), height)
                    .ok()
                    .map(|s| crate::export::data_url("image/svg+xml", &s)),
                _ => Some(crate::export::data_url("text/csv", &fig.to_csv())),
            };
            if let Some(href) = href {
                // A refused download leaves the page as it is.
                let _ = crate::export::download(&href, &file);
            }
        })
    };
    let snippet = use_state(|| None::<String>);
    let embed = {
        let (snippet, name, title) = (snippet.clone(), props.name.clone(), props.figure.title.clone());
        Callback::from(move |_: MouseEvent| {
            if snippet.is_some() {
                return snippet.set(None);
            }
            let route = crate::url_state::Route::parse(&crate::app::current_hash());
            let hash = route.hash_without(&crate::url_state::SHELL_KEYS);
            let loc = web_sys::window().map(|w| w.location());
            let base = loc
                .map(|l| format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default()))
                .unwrap_or_default();
            snippet.set(Some(format!(
                "<iframe src=\"{}\" width=\"720\" height=\"480\" style=\"border:0\" title=\"ET Explorer: {}\"></iframe>",
                attr_escape(&format!("{base}{hash}&embed={name}&controls=1")),
                attr_escape(&title)
            )));
        })
    };
    let fig = &props.figure;
    let readout = hover.as_ref().map(|h| {
        let flip = h.left > *width as f64 * 0.6;
        let style = if flip {
            format!("right: {:.0}px", *width as f64 - h.left + 10.0)
        } else {
            format!("left: {:.0}px", h.left + 10.0)
        };
        html! {
            <>
                <div class="hairline" style={format!("left: {:.1}px", h.left)}></div>
                <div class="readout" style={style} role="status">
                    <div class="readout-x">{ format!("{} = {}", fig.x.label, format::sig(h.readings[0].x, 4)) }</div>
                    { for h.readings.iter().map(|r| html! {
                        <div>{ format!("{}: {} {}", r.name, format::sig(r.y, 4), fig.y.unit) }</div>
                    }) }
                </div>
            </>
        }
    });
    html! {
        <figure class="chart" data-chart={props.name.clone()}>
            <div class="chart-canvas" ref={container} style={format!("height: {height}px")}
                 onmousemove={onmousemove} onmouseleave={onmouseleave}>
                <canvas ref={canvas.clone()} role="img" aria-label={fig.title.clone()}
                    style={format!("width: 100%; height: {height}px")}></canvas>
                { for readout }
            </div>
            if let Some(msg) = &*error {
                <div class="chart-error" role="alert">{ msg }</div>
            }
            <figcaption class="chart-tools">
                <span>{ "Download" }</span>
                <button data-export="png" onclick={export("png")} aria-label={format!("Download {} as PNG", fig.title)}>{ "PNG" }</button>
                <button data-export="svg" onclick={export("svg")} aria-label={format!("Download {} as SVG", fig.title)}>{ "SVG" }</button>
                <button data-export="csv" onclick={export("csv")} aria-label={format!("Download the data of {} as CSV", fig.title)}>{ "CSV" }</button>
                <button data-export="embed" onclick={embed} aria-expanded={snippet.is_some().then_some("true")}>{ "Embed" }</button>
            </figcaption>
            if let Some(code) = &*snippet {
                <textarea class="embed-snippet" readonly=true rows="3" aria-label="Embed code: paste it into a post" value={code.clone()} />
            }
        </figure>
    }
}
