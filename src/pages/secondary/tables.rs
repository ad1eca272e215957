//! The Secondary market page's reading sentence and results table.

use yew::prelude::*;

use crate::components::tables::row;
use crate::format;

/// One sentence that reads the result.
pub fn reading(spot: f64, sale0: f64, exercise: f64, lapse: f64) -> String {
    let p = |x: f64| format::sig(x, 2);
    if spot >= 0.5 {
        format!(
            "The holder sells at maturity with probability {}: mostly a spot auction, as seed 004 conjectures.",
            p(spot)
        )
    } else if sale0 >= 0.5 {
        format!(
            "The holder sells at once with probability {}: the ticket changes hands long before its slot.",
            p(sale0)
        )
    } else if exercise >= 0.5 {
        format!("The holder builds the slot itself with probability {}.", p(exercise))
    } else if lapse >= 0.5 {
        format!(
            "The right lapses unused with probability {}: no buyer values it above zero.",
            p(lapse)
        )
    } else {
        format!(
            "Sales are spread over time: a spot sale with probability {}, an early sale otherwise.",
            p(spot)
        )
    }
}

/// The equilibrium's numbers.
pub fn summary(sol: &et_engine::secondary::Solution) -> Html {
    let nan = |x: f64, unit: &str| {
        if x.is_nan() {
            "—".to_string()
        } else {
            format!("{} {unit}", format::sig(x, 4))
        }
    };
    let sold: f64 = sol.sale_probability_by_slot.iter().sum();
    html! {
        <table class="mc-table secondary-summary" aria-label="Secondary market results">
            <tbody>
                { row("Seller's expected value", format!("{} ETH", format::sig(sol.revenue, 5))) }
                { row("P(sale) · P(spot sale at maturity)", format!("{} · {}", format::sig(sold, 4), format::sig(sol.spot_sale_probability, 4))) }
                { row("P(the seller builds) · P(lapse)", format!("{} · {}", format::sig(sol.seller_exercise_probability, 4), format::sig(sol.lapse_probability, 4))) }
                { row("Expected sale slot (given a sale)", nan(sol.expected_sale_slot, "")) }
                { row("Builder's expected cost · lowest cost present", format!("{} · {} ETH", nan(sol.builder_cost_mean, "ETH"), format::sig(sol.lowest_cost, 4))) }
                { row("Buyers' expected surplus", format!("{} ETH", format::sig(sol.buyer_surplus, 4))) }
            </tbody>
        </table>
    }
}
