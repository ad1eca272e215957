//! A chart's text alternative: its numbers as tables, one a series, in a collapsed
//! `<details>` (built from the [`Figure`] alone, so every chart has one).

use yew::prelude::*;

use crate::charts::{Axis, Figure, Series};
use crate::format;

/// Most rows shown a series; longer series are thinned evenly (and say so).
pub const MAX_ROWS: usize = 60;

/// A column head: "label (unit)".
fn head(axis: &Axis, what: &str) -> String {
    let t = axis.title();
    if what.is_empty() {
        t
    } else {
        format!("{t}, {what}")
    }
}

/// An x value as shown: its category's name on a categorical axis.
fn x_text(axis: &Axis, x: f64) -> String {
    axis.category(x).map_or_else(|| format::readable(x, 4), str::to_string)
}

/// The columns and rows of one series (as text), empty for a marker.
fn rows_of(fig: &Figure, s: &Series) -> (Vec<String>, Vec<Vec<String>>) {
    let (x, y) = (&fig.x, &fig.y);
    let n = |v: f64| format::readable(v, 4);
    match s {
        Series::Line { points, .. } => (
            vec![head(x, ""), head(y, "")],
            points.iter().map(|&(a, b)| vec![x_text(x, a), n(b)]).collect(),
        ),
        Series::Band { points, .. } => (
            vec![head(x, ""), head(y, "low"), head(y, "high")],
            points
                .iter()
                .map(|&(a, lo, hi)| vec![x_text(x, a), n(lo), n(hi)])
                .collect(),
        ),
        Series::Points { points, .. } => (
            vec![head(x, ""), head(y, ""), head(y, "low"), head(y, "high")],
            points
                .iter()
                .map(|&(a, b, lo, hi)| vec![x_text(x, a), n(b), n(lo), n(hi)])
                .collect(),
        ),
        Series::Bars { bars, .. } => (
            vec![head(x, "from"), head(x, "to"), head(y, "")],
            bars.iter()
                .map(|&(a, b, h)| vec![x_text(x, a), x_text(x, b), n(h)])
                .collect(),
        ),
        Series::Stack { bars, .. } => (
            vec![head(x, ""), head(y, "")],
            bars.iter()
                .map(|&(a, b, lo, hi)| vec![x_text(x, ((a + b) / 2.0).round()), n(hi - lo)])
                .collect(),
        ),
        Series::Marker { x: at, .. } => (vec![head(x, "")], vec![vec![x_text(x, *at)]]),
        Series::Label { .. } => (Vec::new(), Vec::new()),
    }
}

/// At most [`MAX_ROWS`] of `rows`, evenly spread, the first and last kept.
pub fn thin<T: Clone>(rows: &[T]) -> Vec<T> {
    if rows.len() <= MAX_ROWS {
        return rows.to_vec();
    }
    let last = rows.len() - 1;
    (0..MAX_ROWS)
        .map(|i| rows[(i * last + (MAX_ROWS - 1) / 2) / (MAX_ROWS - 1)].clone())
        .collect()
}

/// One series' table, captioned with its name (and how it was thinned).
fn series_table(fig: &Figure, s: &Series) -> Html {
    let (cols, rows) = rows_of(fig, s);
    let shown = thin(&rows);
    let caption = if shown.len() < rows.len() {
        format!("{} ({} of {} points, evenly spaced)", s.name(), shown.len(), rows.len())
    } else {
        s.name().to_string()
    };
    html! {
        <table class="data-table">
            <caption>{ caption }</caption>
            <thead><tr>{ for cols.iter().map(|c| html! { <th scope="col">{ c }</th> }) }</tr></thead>
            <tbody>
                { for shown.iter().map(|r| html! { <tr>{ for r.iter().map(|c| html! { <td>{ c }</td> }) }</tr> }) }
            </tbody>
        </table>
    }
}

/// Properties of [`ChartTable`].
#[derive(Properties, PartialEq)]
pub struct ChartTableProps {
    pub figure: std::rc::Rc<Figure>,
    /// The id of the element that describes the chart (for `aria-describedby`).
    pub id: AttrValue,
}

/// The chart's data, collapsed until opened; its tables are built only once opened
/// (a page's charts then render without their hundreds of table cells, and a chart that
/// changes while its table is closed rebuilds none).
#[function_component]
pub fn ChartTable(props: &ChartTableProps) -> Html {
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details = e.target_dyn_into::<web_sys::HtmlDetailsElement>();
            open.set(details.is_some_and(|d| d.open()));
        })
    };
    let fig = &props.figure;
    let names: Vec<&str> = fig.series.iter().map(|s| s.name()).filter(|n| !n.is_empty()).collect();
    html! {
        <details class="chart-data" {ontoggle}>
            <summary>{ "Data table" }</summary>
            <p id={props.id.clone()} class="chart-data-summary">
                { format!("{}: {} against {}; series: {}.", fig.title, fig.y.title(), fig.x.title(), names.join(", ")) }
            </p>
            if *open {
                <div class="table-scroll">
                    { for fig.series.iter().filter(|s| !matches!(s, Series::Label { .. })).map(|s| series_table(fig, s)) }
                </div>
            }
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thinning_keeps_ends_and_caps_rows() {
        let rows: Vec<usize> = (0..241).collect();
        let t = thin(&rows);
        assert_eq!(t.len(), MAX_ROWS);
        assert_eq!((t[0], t[MAX_ROWS - 1]), (0, 240));
        assert_eq!(thin(&rows[..10]).len(), 10);
    }
}
