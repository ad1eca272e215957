//! The Mainnet page's reading sentence and the window's numbers.

use et_engine::rewards::mainnet::time::slot_date;
use et_engine::rewards::mainnet::MainnetSummary;
use yew::prelude::*;

use super::market::MarketOutcome;
use super::retro::TicketPoint;
use super::view::{DataView, MoreView};
use crate::components::tables::row;
use crate::format;

/// The tail's sentence: the index and what it implies.
fn tail_words(v: Option<&MoreView>) -> String {
    match v.and_then(|v| v.tail.as_ref()) {
        Some(t) if t.hill.alpha < 2.0 => format!(
            " Their tail is heavy: α̂ = {}, below 2, so a window's variance is dominated by its largest blocks.",
            format::estimate(t.hill.alpha, t.hill.std_error)
        ),
        Some(t) => format!(
            " Their tail index is α̂ = {}.",
            format::estimate(t.hill.alpha, t.hill.std_error)
        ),
        None => String::new(),
    }
}

/// One paragraph with the key numbers.
pub fn reading(
    v: &DataView,
    more: Option<&MoreView>,
    ticket: Option<&TicketPoint>,
    market: Option<&MarketOutcome>,
) -> String {
    let s = &v.summary;
    let mut out = format!(
        "From {} to {} ({} slots), proposers were paid {} ETH a block on average (median {}, largest {}).",
        slot_date(s.first_slot),
        slot_date(s.last_slot),
        format::grouped(s.slots as i64),
        format::sig(s.mean, 3),
        format::sig(s.median, 3),
        format::sig(s.max, 3)
    );
    out.push_str(&tail_words(more));
    if let Some(p) = ticket {
        out.push_str(&format!(
            " One ticket of n = {} would have paid {} ETH against E[V] = {}, and more than its price with probability {}.",
            format::sig(p.n, 4),
            format::estimate(p.realised.mean, p.realised.std_error),
            format::sig(p.realised.closed_form_mean, 3),
            format::readable(p.realised.payback_probability, 2)
        ));
    }
    if let Some(k) = more.and_then(|m| m.streak.as_ref()) {
        out.push_str(&format!(
            " {} held {} slots in a row; a ticket holder of its share ({}) would expect a longest run of {}.",
            k.builder,
            k.actual,
            format::sig(k.share, 2),
            format::sig(k.expected, 3)
        ));
    }
    if let Some(m) = market {
        let caps: Vec<f64> = m.rules.iter().map(|(_, r)| r.totals.capture).collect();
        let (lo, hi) = caps
            .iter()
            .fold((f64::INFINITY, 0.0f64), |(a, b), &c| (a.min(c), b.max(c)));
        out.push_str(&format!(
            " Under tickets the protocol would have captured {} of the value by rule, where proposers received all of it.",
            format::range(lo, hi, 2)
        ));
    }
    out
}

/// The window's counts and moments.
pub fn numbers(s: &MainnetSummary) -> Html {
    let n = |x: u64| format::grouped(x as i64);
    let run = s.longest_run.as_ref().map_or("—".into(), |r| {
        format!("{} slots by {} from slot {}", r.slots, r.builder, n(r.first_slot))
    });
    html! {
        <table class="mc-table mainnet-summary" aria-label="The window's numbers">
            <tbody>
                { row("Slots · blocks · missed", format!("{} · {} · {}", n(s.slots), n(s.blocks), n(s.missed_slots))) }
                { row("Blocks with a value · local (no MEV-Boost) · relay not covered", format!("{} · {} · {}", n(s.with_value), n(s.without_mev_boost), n(s.unknown))) }
                { row("Mean · median · sd · largest (ETH)", format!("{} · {} · {} · {}", format::sig(s.mean, 4), format::sig(s.median, 4), format::sig(s.sd, 4), format::sig(s.max, 4))) }
                { row("Total paid to proposers", format!("{} ETH", format::sig(s.total, 6))) }
                { row("Builders · HHI of their blocks", format!("{} · {}", s.builders.len(), format::sig(s.builder_hhi, 4))) }
                { row("Longest run of one builder", run) }
            </tbody>
        </table>
    }
}
