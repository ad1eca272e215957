//! The Ticket value page's tables: the closed forms, the Monte Carlo against them, and
//! the holders' realised value.

use et_engine::lottery::monte_carlo::McResult;
use et_engine::lottery::process::ProcessResult;
use et_engine::rates::SECONDS_PER_SLOT;
use yew::prelude::*;

use super::runs::McOutcome;
use super::state::TicketState;
use crate::components::tables::row;
use crate::format;

/// The closed forms for the state, or the engine's message.
pub fn summary(s: &TicketState) -> Html {
    let sum = match s.summary() {
        Ok(sum) => sum,
        Err(e) => return html! { <div class="error" role="alert">{ e.to_string() }</div> },
    };
    let eth = |v: f64| format!("{} ETH", format::readable(v, 4));
    let rows = [
        ("Ticket value E[V]", eth(sum.ticket_value)),
        ("Its standard deviation", eth(sum.ticket_variance.sqrt())),
        ("All future rewards μ/d", eth(sum.total_npv)),
        ("Issued tickets n·E[V]", eth(sum.issued_value)),
        ("Unissued rest", eth(sum.unissued_value)),
        (
            "Expected wait E[T]",
            format!("{} slots ({})", format::sig(sum.expected_wait_slots, 4), duration(s.n)),
        ),
        ("Value of the P holding", eth(sum.share_value.unwrap_or(0.0))),
    ];
    html! {
        <dl class="summary" aria-label="Closed-form results">
            { for rows.into_iter().map(|(k, v)| html! { <div><dt>{ k }</dt><dd>{ v }</dd></div> }) }
        </dl>
    }
}

/// `slots` as a human duration (12 s a slot).
pub fn duration(slots: f64) -> String {
    format::duration(slots * SECONDS_PER_SLOT)
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
        format::count(o.workers as u64, "worker")
    };
    html! {
        <table class="mc-table mc-result" aria-label="Monte Carlo results" data-rate={format!("{rate:.0}")}
            data-samples={o.total_samples.to_string()} data-workers={o.workers.to_string()}>
            <tbody>
                { row("Estimated E[V] ± 1 SE", format!("{} ETH (95 %: {})", format::estimate(r.mean, r.std_error),
                    ci95(r.mean, r.std_error))) }
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

/// A holder's mean realised value with its 95 % interval (Student's t over the runs;
/// none with one run).
fn realised(mean: f64, se: f64, runs: f64) -> String {
    if runs < 2.0 {
        return format!("{} ETH (one run: no interval)", format::sig(mean, 4));
    }
    let half = et_engine::lottery::intervals::t95(runs - 1.0) * se;
    let d = format::decimals_for(half);
    format!("{} ± {} ETH (95 %)", format::fixed(mean, d), format::fixed(half, d))
}

/// Each holder's mean realised value against its expectation (± the 95 % interval).
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
                        <td>{ realised(h.value_mean, h.value_std_error, runs) }</td>
                        <td>{ format!("{} ETH", format::sig(h.value_expected, 4)) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// The 95 % interval `mean ± 1.96 SE`, to the decimals of the estimate's error.
fn ci95(mean: f64, se: f64) -> String {
    let d = format::decimals_for(se);
    format!(
        "{}–{}",
        format::fixed(mean - 1.96 * se, d),
        format::fixed(mean + 1.96 * se, d)
    )
}

#[cfg(test)]
mod tests {
    use super::duration;

    #[test]
    fn durations_read_as_english() {
        assert_eq!(duration(7_200.0), "1 day");
        assert_eq!(duration(14_400.0), "2 days");
        assert_eq!(duration(5.0), "1 minute");
        assert_eq!(duration(100.0), "20 minutes");
        assert_eq!(duration(0.25), "3 seconds");
        assert_eq!(duration(2_629_800.0), "1 year");
    }
}
