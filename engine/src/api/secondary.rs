//! The secondary market's function: `secondaryMarket`.

use serde::{Deserialize, Serialize};

use super::whole;
use crate::choice::Choice;
use crate::error::EngineError;
use crate::secondary::model::{Action, Buyer, Format, Market};

#[derive(Deserialize)]
pub struct BuyerInput {
    cost: f64,
    arrival: f64,
}

/// `secondaryMarket`'s input.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MarketInput {
    maturity: f64,
    mu: f64,
    sigma: f64,
    buyers: Vec<BuyerInput>,
    seller_cost: Option<f64>,
    seller_discount: f64,
    buyer_discount: f64,
    risk_aversion: f64,
    holding_cost: f64,
    format: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MarketOutput {
    revenue: f64,
    sale_probability_by_slot: Vec<f64>,
    spot_sale_probability: f64,
    seller_exercise_probability: f64,
    lapse_probability: f64,
    expected_sale_slot: f64,
    builder_cost_mean: f64,
    lowest_cost: f64,
    buyer_surplus: f64,
    forced_sale_revenue: Vec<f64>,
    /// One string a slot, one letter a node (j = 0, 1, …): `s`ell, `w`ait, `e`xercise, `l`apse.
    policy: Vec<String>,
}

/// The fields of `secondaryMarket`'s input.
pub const FIELDS: [&str; 10] = [
    "maturity",
    "mu",
    "sigma",
    "buyers",
    "sellerCost",
    "sellerDiscount",
    "buyerDiscount",
    "riskAversion",
    "holdingCost",
    "format",
];

/// `secondaryMarket({maturity, mu, sigma, buyers: [{cost, arrival}], sellerCost (null =
/// cannot build), sellerDiscount, buyerDiscount, riskAversion, holdingCost, format})`.
pub fn secondary_market(i: MarketInput) -> Result<MarketOutput, EngineError> {
    let format = Format::parse("format", &i.format)?;
    let buyers = i
        .buyers
        .iter()
        .enumerate()
        .map(|(k, b)| {
            Ok(Buyer {
                cost: b.cost,
                arrival: whole(&format!("buyers[{k}].arrival"), b.arrival, 0.0, 1e6)? as u32,
            })
        })
        .collect::<Result<Vec<_>, EngineError>>()?;
    let m = Market {
        maturity: whole("maturity", i.maturity, 0.0, 1e6)? as u32,
        mu: i.mu,
        sigma: i.sigma,
        buyers,
        seller_cost: i.seller_cost,
        seller_discount: i.seller_discount,
        buyer_discount: i.buyer_discount,
        risk_aversion: i.risk_aversion,
        holding_cost: i.holding_cost,
        format,
    };
    let s = m.solve()?;
    let letter = |a: &Action| match a {
        Action::Sell => 's',
        Action::Wait => 'w',
        Action::Exercise => 'e',
        Action::Lapse => 'l',
    };
    Ok(MarketOutput {
        revenue: s.revenue,
        spot_sale_probability: s.spot_sale_probability,
        sale_probability_by_slot: s.sale_probability_by_slot,
        seller_exercise_probability: s.seller_exercise_probability,
        lapse_probability: s.lapse_probability,
        expected_sale_slot: s.expected_sale_slot,
        builder_cost_mean: s.builder_cost_mean,
        lowest_cost: s.lowest_cost,
        buyer_surplus: s.buyer_surplus,
        forced_sale_revenue: s.forced_sale_revenue,
        policy: s.policy.iter().map(|row| row.iter().map(letter).collect()).collect(),
    })
}
