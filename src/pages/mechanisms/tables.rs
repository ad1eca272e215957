//! The Mechanisms page's reading sentence, its table of numbers, and the W⁴H table.

use et_engine::choice::Choice;
use et_engine::mechanisms::{Mechanism, Row};
use yew::prelude::*;

use crate::format;

/// The first row with the largest `f` (ties go to the earlier mechanism).
fn best<'a>(rows: &[&'a Row], f: fn(&Row) -> f64) -> Option<(&'a Row, f64)> {
    rows.iter().fold(None, |acc, r| match acc {
        Some((_, v)) if f(r) <= v => acc,
        _ => Some((*r, f(r))),
    })
}

fn share(part: f64, r: &Row) -> f64 {
    if r.value > 0.0 {
        part / r.value
    } else {
        0.0
    }
}

/// A few sentences that read the comparison.
pub fn reading(rows: &[&Row]) -> String {
    let pct = |x: f64| format!("{} %", format::sig(100.0 * x, 3));
    let (Some((oracle, acc)), Some((prop, p))) =
        (best(rows, |r| r.oracle_accuracy), best(rows, |r| share(r.proposer, r)))
    else {
        return "Choose at least one mechanism to compare.".into();
    };
    let mut text = format!(
        "The protocol captures the most under {} ({} of the value); proposers get the most under {} ({}).",
        oracle.mechanism.label(),
        pct(acc),
        prop.mechanism.label(),
        pct(p)
    );
    if let Some((b, s)) = best(rows, |r| share(r.builder, r)).filter(|b| b.1 > 0.0) {
        text += &format!(" Builders keep the most under {} ({}).", b.mechanism.label(), pct(s));
    }
    if let Some((v, cv)) = best(rows, |r| r.income.cv).filter(|v| v.1 > 0.0) {
        text += &format!(
            " A validator's yearly income from the mechanism is most uneven under {} (coefficient of variation {}).",
            v.mechanism.label(),
            format::sig(cv, 2)
        );
    }
    text
}

fn with_se(v: f64, se: f64) -> String {
    format::estimate(v, se)
}

fn number_row(r: &Row) -> Html {
    let e = &r.std_errors;
    html! {
        <tr>
            <th scope="row">{ r.mechanism.label() }</th>
            <td>{ with_se(r.protocol, e.protocol) }</td>
            <td>{ with_se(r.proposer, e.proposer) }</td>
            <td>{ with_se(r.builder, e.builder) }</td>
            <td>{ with_se(r.unextracted, e.unextracted) }</td>
            <td>{ with_se(r.oracle_accuracy, e.oracle_accuracy) }</td>
            <td>{ with_se(r.hhi, e.hhi) }</td>
            <td>{ format::sig(r.local_share, 3) }</td>
            <td>{ format::with_range(r.income.mean, r.income.p5, r.income.p95, 3) }</td>
            <td>{ format::sig(r.income.cv, 3) }</td>
        </tr>
    }
}

/// Every shown mechanism's numbers with their standard errors.
pub fn numbers(rows: &[&Row], slots: u64) -> Html {
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Numbers of each mechanism">
            <table class="mc-table mechanisms-table">
                <caption>{ format!("Means per slot over {} slots, ± one standard error. Mean slot value {} ETH.", format::readable(slots as f64, 15), rows.first().map_or("—".into(), |r| format::sig(r.value, 4))) }</caption>
                <thead><tr>
                    <th scope="col">{ "Mechanism" }</th>
                    <th scope="col">{ "Protocol (ETH)" }</th>
                    <th scope="col">{ "Proposer (ETH)" }</th>
                    <th scope="col">{ "Builder side (ETH)" }</th>
                    <th scope="col">{ "Unextracted (ETH)" }</th>
                    <th scope="col">{ "Oracle accuracy" }</th>
                    <th scope="col">{ "HHI of blocks" }</th>
                    <th scope="col">{ "Built locally" }</th>
                    <th scope="col">{ "Validator income a year, ETH (5–95 %)" }</th>
                    <th scope="col">{ "Income CV" }</th>
                </tr></thead>
                <tbody>{ for rows.iter().map(|r| number_row(r)) }</tbody>
            </table>
        </div>
    }
}

/// Each mechanism's answers to seed 003's W⁴H questions (who, what, when, where, how),
/// in [`Mechanism::ALL`] order.
#[rustfmt::skip]
const W4H: [[&str; 5]; 6] = [
    ["The proposer picks the bid", "A whole block, built", "At the slot, complete information", "The builders' bids, paid to the proposer", "Highest bid in an open auction"],
    ["Proposer, with attesters enforcing a floor", "A whole block", "At the slot; the floor at a deadline before it", "The best bid at the deadline, burned", "Highest bid; the burn sets its floor"],
    ["The proposer sells its slot", "The right to build a future slot", "L slots ahead, on expectations", "Bids on expected value, paid to the proposer", "Highest bid ahead; the winner bears the risk"],
    ["The protocol", "The right to build a future slot", "L slots ahead, on expectations", "Bids on expected value, burned", "Highest bid ahead"],
    ["The protocol sells, a lottery assigns", "Lottery tickets for future slots", "Long ahead (N slots on average)", "Ticket sales, burned", "The drawn holder, or whom it resells to"],
    ["The proposer, for part of the block", "A share φ of the block", "At the slot", "Bids for the part sold, paid to the proposer", "Highest bid for the part; the proposer builds the rest"],
];

/// The page that models each mechanism in depth, in [`Mechanism::ALL`] order.
const DEPTH: [(&str, &str); 6] = [
    ("#/allocation?mechanism=winner-take-all", "Allocation: winner-take-all"),
    ("#/allocation?mechanism=winner-take-all", "Allocation: winner-take-all"),
    ("#/secondary", "Secondary market: resale before the slot"),
    ("#/secondary", "Secondary market: resale before the slot"),
    ("#/primary", "Primary market and Ticket value"),
    ("#/allocation?mechanism=winner-take-all", "Allocation: winner-take-all"),
];

/// The W⁴H table for the shown mechanisms.
pub fn w4h_table(shown: &[Mechanism]) -> Html {
    let rows = shown.iter().map(|&m| {
        let (cells, (href, page)) = (W4H[m.index()], DEPTH[m.index()]);
        html! {
            <tr>
                <th scope="row">{ m.label() }</th>
                { for cells.iter().map(|c| html! { <td>{ *c }</td> }) }
                <td><a href={href}>{ page }</a></td>
            </tr>
        }
    });
    html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="W⁴H questions">
            <table class="mc-table w4h-table">
                <caption>{ "Seed 003's W⁴H questions, answered for each mechanism (in this model)" }</caption>
                <thead><tr>
                    <th scope="col">{ "Mechanism" }</th>
                    <th scope="col">{ "Who controls the outcome" }</th>
                    <th scope="col">{ "What is sold" }</th>
                    <th scope="col">{ "When the game is played" }</th>
                    <th scope="col">{ "Where the MEV oracle comes from" }</th>
                    <th scope="col">{ "How the builder is chosen" }</th>
                    <th scope="col">{ "In depth" }</th>
                </tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
        </div>
    }
}
