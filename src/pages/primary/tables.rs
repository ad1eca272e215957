//! The Primary market page's run status, its reading sentence and its tables.

use et_engine::choice::Choice;
use et_engine::primary::{MarketResult, PricingRule};
use yew::prelude::*;

use et_engine::primary::{against_best, Paired};

use super::choices::ConcMeasure;
use super::measure_figures::{measured, measured_top, noun};
use super::run::MarketOutcome;
use crate::components::tables::row;
use crate::format;

/// One sentence that reads the result of the chosen rule on the measure shown: the
/// tickets held at the end, or the slots won over the run (the study's measure). `who`
/// names the rule's setting, e.g. "the study's" (empty for none), and the holders.
pub fn reading(rule: PricingRule, r: &MarketResult, m: ConcMeasure, who: (&str, &str)) -> String {
    let t = &r.totals;
    let pct = |x: f64| format!("{} %", format::sig(100.0 * x, 3));
    // The rules' labels are ASCII (no Unicode case tables in the bundle).
    let rule_name = format!("{}{}", who.0, rule.label().to_ascii_lowercase());
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
        "Under {rule_name}, {}: won-slot HHI {} (10–90 % of runs: {}), Nakamoto coefficient {}, holder {} wins {} of the slots, and the protocol's share of the rewards is {}.",
        who.1,
        format::readable(t.won_hhi.round(), 6),
        format::range(r.totals_lo.won_hhi.round(), r.totals_hi.won_hhi.round(), 4),
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
            format!("{} (10–90 %: {})", format::sig(m, d), format::range(a, b, d))
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
                { row("Runs · time", format!("{} · {} s on {}", r.runs, format::sig(o.seconds, 3),
                    if o.workers == 0 { "this page".to_string() } else { format::count(o.workers as u64, "worker") })) }
            </tbody>
        </table>
    }
}

/// The holders with the most tickets at the end (at most 12), with their flows and their
/// profit both realised (tickets still held count 0) and with those tickets valued.
pub fn holders_table(o: &MarketOutcome, r: &MarketResult) -> Html {
    let mut idx: Vec<usize> = (0..r.holders.len()).collect();
    idx.sort_unstable_by(|&a, &b| r.holders[b].share.total_cmp(&r.holders[a].share).then(a.cmp(&b)));
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
                <td>{ s(h.mean.tickets) }</td><td>{ s(h.valued_profit) }</td>
            </tr>
        }
    });
    html! {
        <>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Holders at the end">
                <table class="mc-table market-holders" aria-label="Holders at the end">
                    <thead><tr>
                        <th scope="col">{ "Holder" }</th><th scope="col">{ "c" }</th><th scope="col">{ "Valuation (ETH)" }</th>
                        <th scope="col">{ "Share at the end" }</th><th scope="col">{ "Bought" }</th><th scope="col">{ "Paid (ETH)" }</th>
                        <th scope="col">{ "Earned (ETH)" }</th><th scope="col">{ "Realised profit (ETH)" }</th>
                        <th scope="col">{ "Tickets held at the end" }</th><th scope="col">{ "Profit, tickets held valued (ETH)" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            <p class="hint">{ HELD_VALUE_NOTE }</p>
        </>
    }
}

/// How the tickets still held are valued, under the holders' table and the profit chart.
pub const HELD_VALUE_NOTE: &str = "Realised profit is earned + resale + refunds − paid: tickets still held at the end count 0, so a holder that keeps buying looks like a loser. The last column adds each ticket still held at its expected value to its holder: the holder's valuation without its margin, c μ / (N d + 1), times the chance to win before expiry when tickets expire (the engine's bid value w with m = 0).";

/// A rule's name in sentences.
fn rule_name(rule: PricingRule) -> &'static str {
    match rule {
        PricingRule::SecondPrice => "second price",
        PricingRule::FirstPrice => "first price",
        PricingRule::Fixed => "the fixed price",
        PricingRule::Eip1559 => "EIP-1559",
        PricingRule::BondingCurve => "the AMM (bonding curve)",
    }
}

/// Each rule's paired difference of capture to the rule with the highest mean capture
/// (the same seed: the same rewards in run r), and that rule's index.
fn against_the_best(o: &MarketOutcome) -> (usize, Vec<Option<Paired>>) {
    let means: Vec<f64> = o.results.iter().map(|(_, r)| r.totals.capture).collect();
    let runs: Vec<Vec<f64>> = o.results.iter().map(|(_, r)| r.run_captures.clone()).collect();
    against_best(&means, &runs)
}

/// The ranking the runs support: the best rule captures more than another only when
/// their paired difference is significant (`|Δ| > t · SE`, about 2 SE), else the two are
/// indistinguishable at this number of runs.
pub fn ranking(o: &MarketOutcome) -> Option<String> {
    if o.results.len() < 2 {
        return None;
    }
    let (best, diffs) = against_the_best(o);
    let runs = o.results[best].1.runs;
    let best_name = rule_name(o.results[best].0);
    if runs < 2 {
        return Some(format!(
            "{} has the highest capture in this one run; with one run there is no standard error, so no ranking: run at least two.",
            capitalized(best_name)
        ));
    }
    let (mut more, mut same) = (Vec::new(), Vec::new());
    for (i, d) in diffs.iter().enumerate() {
        let Some(d) = d else { continue };
        let text = format!(
            "{} (by {}, SE {})",
            rule_name(o.results[i].0),
            format::sig(-d.mean, 2),
            format::sig(d.se, 2)
        );
        if d.significant() {
            more.push(text);
        } else {
            same.push(text);
        }
    }
    let mut out = format!(
        "Paired over the same {runs} runs (each run's rewards shared by every rule), {best_name} has the highest mean capture"
    );
    if !more.is_empty() {
        out += &format!(" and captures more than {}", list(&more));
    }
    if !same.is_empty() {
        out += &format!(
            "; {} indistinguishable from it at {runs} runs (a difference needs more than {} SE)",
            list_is(&same),
            format::sig(et_engine::lottery::intervals::t95(runs as f64 - 1.0), 3)
        );
    }
    Some(capitalized(&(out + ".")))
}

/// `s` with its first letter in capitals (the page's sentences start with ASCII).
fn capitalized(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// "a", "a and b", "a, b and c".
fn list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The list with its verb: "a is", "a and b are".
fn list_is(items: &[String]) -> String {
    format!("{} {}", list(items), if items.len() == 1 { "is" } else { "are" })
}

/// Every rule's totals side by side (the comparison's numbers), the chosen rule first,
/// concentration on the measure shown, each rule's capture against the best rule's
/// (paired over runs), and the ranking the runs support.
pub fn compare_table(o: &MarketOutcome, m: ConcMeasure) -> Html {
    let range = |m: f64, lo: f64, hi: f64, runs: u64, d: usize| {
        if runs > 1 {
            format::with_range(m, lo, hi, d)
        } else {
            format::sig(m, d)
        }
    };
    let (best, diffs) = against_the_best(o);
    let rows = o.results.iter().zip(&diffs).enumerate().map(|(i, ((k, r), d))| {
        let (t, lo, hi) = (&r.totals, &r.totals_lo, &r.totals_hi);
        let (hhi, nakamoto) = measured(t, m);
        let (hhi_lo, hhi_hi) = (measured(lo, m).0, measured(hi, m).0);
        let vs_best = match d {
            _ if i == best => "best".to_string(),
            Some(d) => format!(
                "{} (± SE): {}",
                format::estimate(d.mean, d.se),
                if d.significant() { "lower" } else { "indistinguishable" }
            ),
            None => "— (one run)".to_string(),
        };
        html! {
            <tr>
                <th scope="row">{ k.short() }</th>
                <td>{ range(t.capture, lo.capture, hi.capture, r.runs, 3) }</td>
                <td>{ vs_best }</td>
                <td>{ range(hhi, hhi_lo, hhi_hi, r.runs, 4) }</td>
                <td>{ format::sig(nakamoto, 3) }</td>
                <td>{ format::sig(measured_top(t, m), 3) }</td>
                <td>{ format::sig(t.revenue, 5) }</td>
            </tr>
        }
    });
    let what = noun(m);
    html! {
        <>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Every pricing rule, same population and seed">
                <table class="mc-table market-compare" aria-label="Every pricing rule, same population and seed">
                    <thead><tr>
                        <th scope="col">{ "Rule" }</th><th scope="col">{ "Capture (10–90 %)" }</th>
                        <th scope="col">{ "Capture − best's (paired over runs)" }</th>
                        <th scope="col">{ format!("HHI of the {what} at the end (10–90 %)") }</th>
                        <th scope="col">{ format!("Nakamoto ({what})") }</th>
                        <th scope="col">{ format!("Top share ({what})") }</th><th scope="col">{ "Revenue (ETH)" }</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if let Some(text) = ranking(o) { <p class="verdict market-ranking">{ text }</p> }
        </>
    }
}

#[cfg(test)]
#[path = "tables_tests.rs"]
mod tests;
