//! The Allocation page's outcome: the sentence that reads it and its tables.

use et_engine::contest::Outcome;
use yew::prelude::*;

use super::exactness::{exactness, exactness_rows};
use super::state::{AllocationState, Mech};
use crate::components::tables::row;
use crate::format;

/// The outcome's table, or the sentence that says why there is none.
pub fn outcome_summary(s: &AllocationState, outcome: &Result<Outcome, et_engine::EngineError>) -> Html {
    let o = match outcome {
        Ok(o) => o,
        Err(e) => {
            return html! { <div class="no-equilibrium" role="status"><strong>{ "No equilibrium shown. " }</strong>{ e.to_string() }</div> }
        }
    };
    let m = &o.metrics;
    let kind = if o.pure { "pure" } else { "mixed" };
    let sentence = match (o.pure, s.mech) {
        (false, Mech::Tullock) => format!(
            "No pure equilibrium exists at α = {} for these values: the players mix. Bids, allocations and payments are expected values; the chart below shows each player's strategy.",
            format::sig(s.alpha, 3)
        ),
        (false, _) => "The all-pay auction has no pure equilibrium: the highest values mix (Baye, Kovenock & de Vries 1996); bids and payments are expected values.".into(),
        (true, _) => format!(
            "A pure equilibrium: the best unilateral deviation gains {} ETH.",
            format::sig(format::denoise(o.exploitability, s.values.iter().fold(0.0, |m: f64, v| m.max(*v))), 3)
        ),
    };
    html! {
        <>
            <p class="verdict" data-equilibrium={kind}>{ sentence }</p>
            { exactness(o, &s.values) }
            <div class="tables">
                <table class="mc-table outcome" aria-label="Outcome">
                    <tbody>
                        { row("Equilibrium", kind.to_string()) }
                        { row("Revenue", format!("{} ETH ({} % of the top value)", format::sig(m.revenue, 5), format::sig(100.0 * m.revenue_share, 4))) }
                        { row("Fairness (geometric mean of x)", format::sig(m.fairness, 4)) }
                        { row("Entropy", format!("{} bits", format::sig(m.entropy, 4))) }
                        { row("HHI", format::sig(m.hhi, 5)) }
                        { row("Top share · Nakamoto", format!("{} · {}", format::sig(m.top_share, 4), m.nakamoto)) }
                        { row("Efficiency Σ v x / max v", format::sig(m.efficiency, 4)) }
                        { exactness_rows(o, &s.values) }
                    </tbody>
                </table>
                <table class="mc-table players" aria-label="Players">
                    <thead><tr><th>{ "Player" }</th><th>{ "Value" }</th><th>{ "Bid" }</th><th>{ "Allocation" }</th><th>{ "Payment" }</th><th>{ "Utility" }</th></tr></thead>
                    <tbody>
                        { for (0..s.values.len()).map(|i| html! {
                            <tr>
                                <td>{ i + 1 }</td><td>{ format::sig(s.values[i], 4) }</td><td>{ format::sig(o.bids[i], 4) }</td>
                                <td>{ format::sig(o.allocations[i], 4) }</td><td>{ format::sig(o.payments[i], 4) }</td>
                                <td>{ format::sig(m.utilities[i], 4) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}
