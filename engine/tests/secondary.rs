//! The secondary market against hand-derived cases and its own consistency.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::assert_rel;
use et_engine::secondary::{Action, Buyer, Format, Market};

fn market(sigma: f64, buyers: Vec<Buyer>, format: Format) -> Market {
    Market {
        maturity: 24,
        mu: 1.0,
        sigma,
        buyers,
        seller_cost: None,
        seller_discount: 0.01,
        buyer_discount: 0.01,
        risk_aversion: 0.0,
        holding_cost: 0.0,
        format,
    }
}

fn early(cost: f64) -> Buyer {
    Buyer { cost, arrival: 0 }
}

fn total_probability(s: &et_engine::secondary::Solution) -> f64 {
    s.sale_probability_by_slot.iter().sum::<f64>() + s.seller_exercise_probability + s.lapse_probability
}

#[test]
fn certain_forecast_in_closed_form() {
    // σ = 0, posted price, one buyer: price(t) = (μ − θ)/(1 + d_B)^(T − t); with d_S > d_B
    // the seller sells at once for (μ − θ)/(1 + d_B)^T.
    let m = Market {
        seller_discount: 0.02,
        ..market(0.0, vec![early(0.1)], Format::PostedPrice)
    };
    let s = m.solve().unwrap();
    assert_rel(s.revenue, 0.9 / 1.01f64.powi(24), 1e-12, "revenue");
    assert_eq!(s.sale_probability_by_slot[0], 1.0);
    assert_eq!(s.buyer_surplus, 0.0);
    // Second price with one bidder: the price is 0, so the right lapses.
    let s = market(0.0, vec![early(0.1)], Format::SecondPrice).solve().unwrap();
    assert_eq!((s.revenue, s.lapse_probability), (0.0, 1.0));
}

#[test]
fn impatient_seller_sells_at_once() {
    // ρ = K = 0 and d_S > d_B: two equal early buyers, the seller sells at slot 0.
    let m = Market {
        seller_discount: 0.03,
        ..market(0.1, vec![early(0.2), early(0.2)], Format::SecondPrice)
    };
    let s = m.solve().unwrap();
    assert_eq!(s.policy[0][0], Action::Sell);
    assert_rel(s.sale_probability_by_slot[0], 1.0, 1e-15, "sale at 0");
}

#[test]
fn risk_or_holding_cost_with_equal_discounts_waits_for_maturity() {
    for (rho, k) in [(0.5, 0.0), (0.0, 0.001)] {
        let m = Market {
            risk_aversion: rho,
            holding_cost: k,
            ..market(0.1, vec![early(0.2), early(0.2)], Format::SecondPrice)
        };
        let s = m.solve().unwrap();
        // Every sale is a spot sale; the rest is the right lapsing out of the money.
        let early: f64 = s.sale_probability_by_slot[..24].iter().sum();
        assert_eq!(early, 0.0, "ρ={rho} K={k}");
        assert!((s.spot_sale_probability + s.lapse_probability - 1.0).abs() < 1e-12);
        assert!(
            s.spot_sale_probability > 0.99,
            "ρ={rho} K={k}: spot {}",
            s.spot_sale_probability
        );
    }
}

#[test]
fn posted_price_raises_at_least_second_price() {
    for sigma in [0.0, 0.05, 0.2] {
        let buyers = vec![
            early(0.1),
            Buyer { cost: 0.3, arrival: 5 },
            Buyer { cost: 0.0, arrival: 24 },
        ];
        let sp = market(sigma, buyers.clone(), Format::SecondPrice).solve().unwrap();
        let pp = market(sigma, buyers, Format::PostedPrice).solve().unwrap();
        assert!(
            pp.revenue >= sp.revenue - 1e-15,
            "σ={sigma}: {} < {}",
            pp.revenue,
            sp.revenue
        );
    }
}

#[test]
fn lowest_cost_seller_never_sells_below_its_own_value() {
    let m = Market {
        seller_cost: Some(0.0),
        risk_aversion: 0.3,
        ..market(
            0.15,
            vec![early(0.1), Buyer { cost: 0.2, arrival: 10 }],
            Format::PostedPrice,
        )
    };
    let s = m.solve().unwrap();
    let (u, ds) = (m.sigma.exp(), 1.0 / (1.0 + m.seller_discount));
    let p = (1.0 - 1.0 / u) / (u - 1.0 / u);
    // Its own value of building: E_t[max(m_T, 0)] discounted at its rate.
    let t_max = m.maturity as usize;
    let mut own: Vec<f64> = (0..=t_max).map(|j| m.forecast(m.maturity, j as u32)).collect();
    for t in (0..=t_max).rev() {
        if t < t_max {
            for j in 0..=t {
                own[j] = (p * own[j + 1] + (1.0 - p) * own[j]) * ds;
            }
        }
        for (j, (a, price)) in s.policy[t].iter().zip(&s.price[t]).enumerate() {
            if *a == Action::Sell {
                assert!(*price >= own[j] - 1e-12, "node ({t},{j}): {price} < {}", own[j]);
            }
        }
    }
}

#[test]
fn probabilities_sum_to_one_and_the_policy_matches_the_values() {
    for (sigma, format, seller) in [
        (0.1, Format::SecondPrice, None),
        (0.3, Format::PostedPrice, Some(0.05)),
        (0.0, Format::SecondPrice, Some(0.5)),
    ] {
        let m = Market {
            seller_cost: seller,
            seller_discount: 0.015,
            risk_aversion: 0.2,
            holding_cost: 0.0005,
            ..market(
                sigma,
                vec![
                    early(0.1),
                    Buyer {
                        cost: 0.05,
                        arrival: 12,
                    },
                    Buyer { cost: 0.0, arrival: 24 },
                ],
                format,
            )
        };
        let s = m.solve().unwrap();
        assert!(
            (total_probability(&s) - 1.0).abs() < 1e-12,
            "σ={sigma}: {}",
            total_probability(&s)
        );
        let u = m.sigma.exp();
        let p = if sigma == 0.0 {
            0.5
        } else {
            (1.0 - 1.0 / u) / (u - 1.0 / u)
        };
        let t_max = m.maturity as usize;
        for t in (0..t_max).step_by(5) {
            for j in 0..=t {
                let wait = (p * s.value[t + 1][j + 1] + (1.0 - p) * s.value[t + 1][j]) / (1.0 + m.seller_discount);
                match s.policy[t][j] {
                    Action::Sell => assert!(s.price[t][j] > wait && s.value[t][j] == s.price[t][j]),
                    Action::Wait => {
                        assert!(s.price[t][j] <= wait && (s.value[t][j] - wait).abs() <= 1e-15 * wait.max(1.0))
                    }
                    a => panic!("{a:?} before maturity"),
                }
            }
        }
        assert!(s.builder_cost_mean.is_nan() || s.builder_cost_mean >= s.lowest_cost);
    }
}

#[test]
fn bad_input_names_the_field() {
    let ok = market(0.1, vec![early(0.1)], Format::SecondPrice);
    let err = |m: Market| m.solve().unwrap_err().field().to_string();
    assert_eq!(
        err(Market {
            maturity: 0,
            ..ok.clone()
        }),
        "maturity"
    );
    assert_eq!(
        err(Market {
            maturity: 2000,
            ..ok.clone()
        }),
        "maturity"
    );
    assert_eq!(
        err(Market {
            sigma: -1.0,
            ..ok.clone()
        }),
        "sigma"
    );
    assert_eq!(
        err(Market {
            buyers: vec![],
            ..ok.clone()
        }),
        "buyers"
    );
    assert_eq!(
        err(Market {
            buyers: vec![early(0.1), Buyer { cost: 0.1, arrival: 30 }],
            ..ok.clone()
        }),
        "buyers[1].arrival"
    );
    assert_eq!(
        err(Market {
            buyers: vec![early(-0.1)],
            ..ok.clone()
        }),
        "buyers[0].cost"
    );
    assert_eq!(
        err(Market {
            seller_discount: f64::NAN,
            ..ok.clone()
        }),
        "sellerDiscount"
    );
    assert_eq!(
        err(Market {
            risk_aversion: -1.0,
            ..ok
        }),
        "riskAversion"
    );
}
