//! The Primary market page's run status, its reading sentence and its tables.

use et_engine::choice::Choice;
use et_engine::primary::{MarketResult, PricingRule};
use yew::prelude::*;

use super::choices::ConcMeasure;
use super::run::MarketOutcome;
use crate::components::tables::row;
use crate::format;

/// One sentence that reads the result of the chosen rule on the measure shown: the
/// tickets held at the end, or the slots won over the run (the study's measure). `who`
/// names the rule's setting, e.g. "the study's" (empty for none), and the holders.
pub fn reading(rule: PricingRule, r: &MarketResult, m: ConcMeasure, who: (&str, &str)) -> String {
    let t = &r.totals;
    let pct = |x: f64| format!("{} %", format::sig(100.0 * x, 3));
    let rule_name = format!("{}{}", who.0, rule.label().to_lowercase());
    if m == ConcMeasure::Held {
        let top = (0..r.holders.len())
            .max_by(|&a, &b| r.holders[a].share.total_cmp(&r.holders[b].share))
            .unwrap_or(0);
        return format!(
            "Under {rule_name}, holder {} ends with {} of the tickets (HHI {}, Nakamoto coefficient {}), and the protocol captures {} of the execution-layer rewards.",
            top + 1,
            pct(r.holders[top].share),
            format::sig(t.hhi, 4),
            format::sig(t.nakamoto, 3),
            pct(t.capture)
        );
    }
    let wins: f64 = r.holders.iter().map(|h| h.mean.wins).sum();
    let top = (0..r.holders.len())
        .max_by(|&a, &b| r.holders[a].mean.wins.total_cmp(&r.holders[b].mean.wins))
        .unwrap_or(0);
    let top_share = if wins > 0.0 {
        r.holders[top].mean.wins / wins
    } else {
        0.0
    };
    format!(
        "Under {rule_name}, {}: won-slot HHI {} (10–90 % of runs {} to {}), Nakamoto coefficient {}, holder {} wins {} of the slots, and the protocol's share of the rewards is {}.",
        who.1,
        format::readable(t.won_hhi.round(), 6),
        format::readable(r.totals_lo.won_hhi.round(), 6),
        format::readable(r.totals_hi.won_hhi.round(), 6),
        format::sig(t.won_nakamoto, 3),
        top + 1,
        pct(top_share),
        pct(t.capture)
    )
}

/// Totals of the chosen rule, with their 10–90 % range over runs.
pub fn summary(o: &MarketOutcome, r: &MarketResult) -> Html {
    let (t, lo, hi) = (&r.totals, &r.totals_lo, &r.totals_hi);
    let range = |m: f64, a: f64, b: f64, d: usize| {
        if r.runs > 1 {
            format!(
                "{} (10–90 %: {} to {})",
                format::sig(m, d),
                format::sig(a, d),
                format::sig(b, d)
            )
        } else {
            format::sig(m, d)
        }
    };
    html! {
        <table class="mc-table market-summary" aria-label="Primary market results">
            <tbody>
                { row("Protocol capture (revenue / rewards)", range(t.capture, lo.capture, hi.capture, 4)) }
                { row("Protocol revenue · all rewards", format!("{} · {} ETH", format::sig(t.revenue, 5), format::sig(t.rewards, 5))) }
                { row("Tickets sold · expired · idle slots", format!("{} · {} · {}", format::sig(t.sold, 6), format::sig(t.expired, 6), format::sig(t.idle_slots, 4))) }
                { row("Refunds", format!("{} ETH", format::sig(t.refunds, 4))) }
                { row("HHI of the tickets held at the end", range(t.hhi, lo.hhi, hi.hhi, 4)) }
                { row("Top share · Nakamoto coefficient (tickets held)", format!("{} · {}", format::sig(t.top_share, 3), format::sig(t.nakamoto, 3))) }
                { row("HHI of the slots won", range(t.won_hhi, lo.won_hhi, hi.won_hhi, 4)) }
                { row("Top share · Nakamoto coefficient (slots won)", format!("{} · {}", format::sig(t.won_top_share, 3), format::sig(t.won_nakamoto, 3))) }
                { row("Runs · time", format!("{} · {} s on {}", r.runs, format::compact(o.seconds, 3),
                    if o.workers == 0 { "this page".to_string() } else { format!("{} workers", o.workers) })) }
            </tbody>
        </table>
    }
}

/// The holders with the most tickets at the end (at most 12), with their flows.
pub fn holders_table(o: &MarketOutcome, r: &MarketResult) -> Html {
    let mut idx: Vec<usize> = (0..r.holders.len()).collect();
    idx.sort_by(|&a, &b| r.holders[b].share.total_cmp(&r.holders[a].share).then(a.cmp(&b)));
    let rows = idx.iter().take(12).map(|&k| {
        let h = &r.holders[k];
        let c = o.holders.get(k).map_or(f64::NAN, |x| x.capture);
        let s = |x: f64| format::sig(x, 4);
        html! {
            <tr>
                <th scope="row">{ k + 1 }</th>
                <td>{ s(c) }</td><td>{ s(h.valuation) }</td><td>{ s(h.share) }</td>
                <td>{ s(h.mean.bought) }</td><td>{ s(h.mean.spent) }</td>
                <td>{ s(h.mean.built + h.mean.resale) }</td><td>{ s(h.profit) }</td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Holders at the end">
            <table class="mc-table market-holders" aria-label="Holders at the end">
                <thead><tr>
                    <th scope="col">{ "Holder" }</th><th scope="col">{ "c" }</th><th scope="col">{ "Valuation (ETH)" }</th>
                    <th scope="col">{ "Share at the end" }</th><th scope="col">{ "Bought" }</th><th scope="col">{ "Paid (ETH)" }</th>
                    <th scope="col">{ "Earned (ETH)" }</th><th scope="col">{ "Profit (ETH)" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}

/// Every rule's totals side by side (the comparison's numbers), the chosen rule first.
pub fn compare_table(o: &MarketOutcome) -> Html {
    let range = |m: f64, lo: f64, hi: f64, runs: u64, d: usize| {
        if runs > 1 {
            format!("{} ({}–{})", format::sig(m, d), format::sig(lo, d), format::sig(hi, d))
        } else {
            format::sig(m, d)
        }
    };
    let rows = o.results.iter().map(|(k, r)| {
        let (t, lo, hi) = (&r.totals, &r.totals_lo, &r.totals_hi);
        html! {
            <tr>
                <th scope="row">{ k.key() }</th>
                <td>{ range(t.capture, lo.capture, hi.capture, r.runs, 3) }</td>
                <td>{ range(t.hhi, lo.hhi, hi.hhi, r.runs, 4) }</td>
                <td>{ range(t.won_hhi, lo.won_hhi, hi.won_hhi, r.runs, 4) }</td>
                <td>{ format::sig(t.nakamoto, 3) }</td>
                <td>{ format::sig(t.top_share, 3) }</td>
                <td>{ format::sig(t.revenue, 5) }</td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Every pricing rule, same population and seed">
            <table class="mc-table market-compare" aria-label="Every pricing rule, same population and seed">
                <thead><tr>
                    <th scope="col">{ "Rule" }</th><th scope="col">{ "Capture (10–90 %)" }</th>
                    <th scope="col">{ "HHI of tickets held at the end (10–90 %)" }</th>
                    <th scope="col">{ "HHI of slots won (10–90 %)" }</th><th scope="col">{ "Nakamoto (held)" }</th>
                    <th scope="col">{ "Top share" }</th><th scope="col">{ "Revenue (ETH)" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
