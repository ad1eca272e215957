//! The Secondary market page's reading sentence and results table.

use yew::prelude::*;

use crate::components::tables::row;
use crate::format;

/// One sentence that reads the result (`sold`: the probability of a sale at any slot).
pub fn reading(spot: f64, sold: f64, sale0: f64, exercise: f64, lapse: f64) -> String {
    let p = |x: f64| format::readable(x, 2);
    let early = (sold - spot).max(0.0);
    if spot >= 0.999 {
        "The holder always sells at maturity: a spot auction, as seed 004 conjectures.".into()
    } else if spot >= 0.5 {
        format!(
            "The holder sells at maturity with probability {}: mostly a spot auction, as seed 004 conjectures; it sells earlier with probability {}.",
            p(spot),
            p(early)
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
                { row("P(sale) · P(spot sale at maturity)", format!("{} · {}", format::readable(sold, 4), format::readable(sol.spot_sale_probability, 4))) }
                { row("P(the seller builds) · P(lapse)", format!("{} · {}", format::readable(sol.seller_exercise_probability, 4), format::readable(sol.lapse_probability, 4))) }
                { row("Expected sale slot (given a sale)", nan(sol.expected_sale_slot, "")) }
                { row("Builder's expected cost · lowest cost present", format!("{} · {} ETH", nan(sol.builder_cost_mean, "ETH"), format::sig(sol.lowest_cost, 4))) }
                { row("Buyers' expected surplus", format!("{} ETH", format::sig(sol.buyer_surplus, 4))) }
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::reading;

    #[test]
    fn the_reading_matches_the_numbers() {
        assert!(reading(1.0, 1.0, 0.0, 0.0, 0.0).starts_with("The holder always sells at maturity"));
        let mostly = reading(0.653, 0.991, 0.11, 0.0, 0.009);
        assert!(
            mostly.contains("probability 0.65: mostly") && mostly.contains("earlier with probability 0.34"),
            "{mostly}"
        );
        assert!(reading(0.0, 1.0, 1.0, 0.0, 0.0).contains("sells at once"));
    }
}
