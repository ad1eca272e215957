//! Tests of `figures.rs` (beside it).

use super::*;
use crate::pages::primary::params::Field;
use crate::pages::primary::run::MarketJobs;
use crate::pages::primary::state::{Action, MarketState};
use crate::worker::protocol::Work;
use yew::Reducible;

#[test]
fn stacked_shares_fill_to_one_and_name_the_top_holders() {
    let s = std::rc::Rc::new(MarketState::default())
        .reduce(Action::Rule(PricingRule::Fixed))
        .reduce(Action::Set(Field::Slots, 2000.0))
        .reduce(Action::Set(Field::Runs, 2.0));
    let r = s.job(PricingRule::Fixed).unwrap().run_all().unwrap().result;
    let fig = shares_figure(&r, &[0.9; 20]);
    let bands: Vec<&Series> = fig.series.iter().filter(|s| matches!(s, Series::Band { .. })).collect();
    assert_eq!(bands.len(), NAMED + 1, "five named holders and the rest");
    let Some(Series::Band { points, .. }) = bands.last() else {
        panic!("a stacked layer")
    };
    // Every layer thick enough at the end is named on the chart itself.
    let labels: Vec<&str> = fig
        .series
        .iter()
        .filter_map(|s| match s {
            Series::Label { text, .. } => Some(text.trim()),
            _ => None,
        })
        .collect();
    assert!(
        !labels.is_empty()
            && labels
                .iter()
                .all(|t| t.starts_with("holder ") || t.starts_with("the other")),
        "{labels:?}"
    );
    assert!(points.iter().all(|p| (p.2 - 1.0).abs() < 1e-12), "the stack tops at 1");
    assert!(fig.series[0].name().starts_with("holder "));
}
