//! The lottery engine's main-thread computations (pools, holders) and its tables.

use et_engine::centralization::{pool_risk, PoolPoint};
use et_engine::process::{Process, ProcessResult, Remint};
use et_engine::ticket_mc::{McResult, TicketMonteCarlo};
use yew::prelude::*;

use crate::format;
use crate::state::lottery::Setting;
use crate::state::ticket::TicketState;
use crate::views::lottery_engine::McOutcome;

/// Simulated pools a size.
pub const POOLS: u64 = 300;
/// Largest horizon × runs simulated on the page.
const MAX_SLOT_STEPS: f64 = 2e7;

/// Pool sizes 1, 2, 4, …, 1024 with the closed form and a simulation.
pub fn pool_run(s: &TicketState) -> Result<Vec<PoolPoint>, String> {
    let reward = s.lottery.reward_spec(s.mu, s.sd).build().map_err(|e| e.to_string())?;
    let mc = TicketMonteCarlo::new(s.n, s.d, reward, s.lookahead as u64).map_err(|e| e.to_string())?;
    let sizes: Vec<u64> = (0..=10).map(|k| 1u64 << k).collect();
    pool_risk(&mc, &sizes, POOLS, s.lottery.get(Setting::Seed) as u64).map_err(|e| e.to_string())
}

/// The holders' process simulation and each holder's expected cumulative value.
pub fn holders_run(s: &TicketState) -> Result<(ProcessResult, Vec<Vec<f64>>), String> {
    let l = &s.lottery;
    let (horizon, runs) = (l.get(Setting::ProcessHorizon), l.get(Setting::Runs));
    if horizon * runs > MAX_SLOT_STEPS {
        return Err(format!(
            "Simulated horizon × runs is {}; keep it under {} so the page stays responsive.",
            format::readable(horizon * runs, 4),
            format::readable(MAX_SLOT_STEPS, 4)
        ));
    }
    let n = s.n.round() as u64;
    let holdings: Vec<u64> = l
        .holders
        .iter()
        .map(|p| (p / 100.0 * n as f64).round() as u64)
        .collect();
    let held: u64 = holdings.iter().sum();
    if held > n {
        return Err("The holders' shares add up to more than 100 % of the tickets.".into());
    }
    let reward = l.reward_spec(s.mu, s.sd).build().map_err(|e| e.to_string())?;
    let remint = if l.remint_others {
        Remint::Others
    } else {
        Remint::SameHolder
    };
    let p = Process::new(holdings, n - held, s.d, reward, remint, horizon as u64).map_err(|e| e.to_string())?;
    let r = p
        .run(l.get(Setting::Seed) as u64, runs as u64, 200)
        .map_err(|e| e.to_string())?;
    let expected = (0..r.holders.len())
        .map(|i| r.slots.iter().map(|&t| p.expected_value_at(i, t)).collect())
        .collect();
    Ok((r, expected))
}

fn row(k: &str, v: String) -> Html {
    html! { <tr><th scope="row">{ k.to_string() }</th><td>{ v }</td></tr> }
}

/// The Monte Carlo summary against the closed form.
pub fn mc_table(o: &McOutcome) -> Html {
    let r: &McResult = &o.main;
    let eth = |v: f64| format!("{} ETH", format::sig(v, 5));
    let z = (r.mean - r.closed_form_mean) / r.std_error;
    let q = |i: usize| format::sig(r.quantiles[i].1, 4);
    let rate = o.total_samples as f64 / o.seconds.max(1e-9);
    let where_ = if o.workers == 0 {
        "the page's own thread".to_string()
    } else {
        format!("{} workers", o.workers)
    };
    html! {
        <table class="mc-table mc-result" aria-label="Monte Carlo results" data-rate={format!("{rate:.0}")}
            data-samples={o.total_samples.to_string()} data-workers={o.workers.to_string()}>
            <tbody>
                { row("Estimated E[V]", format!("{} ± {} (95 %: {} to {})", eth(r.mean), format::sig(1.96 * r.std_error, 3),
                    format::sig(r.mean - 1.96 * r.std_error, 5), format::sig(r.mean + 1.96 * r.std_error, 5))) }
                { row("Closed form E[V]", format!("{} (z = {})", eth(r.closed_form_mean), format::sig(z, 3))) }
                { row("Standard deviation of V", format!("{} (closed form {})", eth(r.sd), eth(r.closed_form_sd))) }
                { row("P(V > price)", format!("{} — a fair price, a skewed payoff", format::sig(r.payback_probability, 4))) }
                { row("Quantiles 5 % · 50 % · 95 % · 99 %", format!("{} · {} · {} · {} ETH", q(1), q(4), q(7), q(8))) }
                { row("Samples", format!("{} at this n; the run drew {} in {} s: {} M samples/s on {where_}",
                    format::readable(r.samples as f64, 6), format::readable(o.total_samples as f64, 6),
                    format::sig(o.seconds, 3), format::sig(rate / 1e6, 3))) }
            </tbody>
        </table>
    }
}

/// Each holder's mean realised value against its expectation.
pub fn holders_table(r: &ProcessResult, runs: f64) -> Html {
    html! {
        <table class="mc-table" aria-label="Holders' realised value">
            <thead><tr><th>{ "Holder" }</th><th>{ "Tickets" }</th><th>{ "Wins (mean)" }</th>
                <th>{ format!("Realised value, mean of {} runs", format::sig(runs, 4)) }</th><th>{ "Expected" }</th></tr></thead>
            <tbody>
                { for r.holders.iter().enumerate().map(|(i, h)| html! {
                    <tr>
                        <td>{ i + 1 }</td>
                        <td>{ format::readable(h.tickets as f64, 6) }</td>
                        <td>{ format::sig(h.wins_mean, 4) }</td>
                        <td>{ format!("{} ± {} ETH", format::sig(h.value_mean, 4), format::sig(1.96 * h.value_std_error, 2)) }</td>
                        <td>{ format!("{} ETH", format::sig(h.value_expected, 4)) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
