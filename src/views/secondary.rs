//! The Secondary market page (SPEC §3): when does a ticket holder resell its slot?

use std::rc::Rc;

use et_engine::secondary::{SweepParam, SweepPoint};
use yew::prelude::*;

use crate::charts::secondary::{forced_sale_figure, policy_figure, sale_slot_figure, sweep_figure};
use crate::components::{Chart, ListField, Notices, Select, Slider};
use crate::format;
use crate::state::secondary::{
    arrival_param, cost_param, params, Action, Field, Preset, SecondaryState, MAX_BUYERS, SWEEPS,
};
use crate::url_state::Route;

/// Properties of [`SecondaryPage`].
#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub route: Route,
}

const FIELDS: [Field; 8] = [
    Field::Maturity,
    Field::Mu,
    Field::Sigma,
    Field::SellerCost,
    Field::SellerDiscount,
    Field::BuyerDiscount,
    Field::RiskAversion,
    Field::HoldingCost,
];

/// The value the sweep's parameter has now, for its marker.
fn current(s: &SecondaryState, p: SweepParam) -> Option<f64> {
    Some(match p {
        SweepParam::RiskAversion => s.get(Field::RiskAversion),
        SweepParam::HoldingCost => s.get(Field::HoldingCost),
        SweepParam::DiscountGap => s.get(Field::SellerDiscount) - s.get(Field::BuyerDiscount),
        SweepParam::Sigma => s.get(Field::Sigma),
        SweepParam::Arrival(i) => *s.arrivals.get(i)?,
    })
}

/// One sentence that reads the result.
fn reading(spot: f64, sale0: f64, exercise: f64, lapse: f64) -> String {
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

/// The page.
#[function_component]
pub fn SecondaryPage(props: &PageProps) -> Html {
    let (state, parsed) = crate::state::use_url_state::<SecondaryState>(&props.route);
    let s = &*state;
    let market = s.market();
    let solved = use_memo(s.clone(), |s| {
        s.market()
            .and_then(|m| m.solve().map_err(|e| e.to_string()).map(|sol| (m, sol)))
    });
    let sweep = use_memo(s.clone(), |s| {
        let (param, values) = s.sweep_values();
        s.market()
            .ok()
            .and_then(|m| m.sweep(param, &values).ok())
            .map(|pts: Vec<SweepPoint>| (param, pts))
    });
    let d = state.dispatcher();
    let set = |f: Field| {
        let d = d.clone();
        Callback::from(move |v: f64| d.dispatch(Action::Set(f, v)))
    };
    let presets = Preset::ALL.iter().map(|&p| {
        let d = d.clone();
        html! { <button class="preset" onclick={move |_| d.dispatch(Action::Preset(p))}>{ p.label() }</button> }
    });
    let sliders = FIELDS
        .iter()
        .zip(params())
        .filter(|(f, _)| s.seller_builds || **f != Field::SellerCost)
        .map(|(&f, p)| {
            html! { <Slider param={p.clone()} value={s.get(f)} on_change={set(f)} /> }
        });
    html! {
        <div class="page secondary">
            <Notices items={parsed.1.clone()} />
            <aside class="controls" aria-label="Secondary market controls">
                <h2>{ "Ticket, seller and buyers" }</h2>
                <div class="presets">{ for presets }</div>
                <ListField param={cost_param()} label="Buyers' extraction costs" values={s.costs.clone()} max={MAX_BUYERS}
                    on_change={{ let d = d.clone(); move |v| d.dispatch(Action::Costs(v)) }} />
                <ListField param={arrival_param()} label="Buyers' arrival slots (T = just in time)" values={s.arrivals.clone()} max={MAX_BUYERS}
                    on_change={{ let d = d.clone(); move |v| d.dispatch(Action::Arrivals(v)) }} />
                <Select id="ctl-seller" label="The seller" selected={usize::from(!s.seller_builds)}
                    options={vec![AttrValue::from("can build the slot itself"), AttrValue::from("cannot build")]}
                    on_change={{ let d = d.clone(); move |i: usize| d.dispatch(Action::SellerBuilds(i == 0)) }} />
                <Select id="ctl-format" label="Sale format" selected={usize::from(s.posted)}
                    options={vec![AttrValue::from("second price (second-highest bid)"), AttrValue::from("posted price (highest bid)")]}
                    on_change={{ let d = d.clone(); move |i: usize| d.dispatch(Action::Posted(i == 1)) }} />
                { for sliders }
            </aside>
            <section class="results">
                { match (&*solved, &market) {
                    (Ok((m, sol)), _) => html! {
                        <>
                            <p class="verdict">{ reading(sol.spot_sale_probability, sol.sale_probability_by_slot[0], sol.seller_exercise_probability, sol.lapse_probability) }</p>
                            { summary(sol) }
                            <div class="chart-grid">
                                <Chart figure={Rc::new(forced_sale_figure(sol))} name="forced" />
                                <Chart figure={Rc::new(policy_figure(m, sol))} name="policy" />
                                <Chart figure={Rc::new(sale_slot_figure(sol))} name="sale-slot" />
                                if let Some((param, pts)) = &*sweep {
                                    <Chart figure={Rc::new(sweep_figure(pts, s.get(Field::Mu), SWEEPS[s.sweep].1, current(s, *param)))} name="sweep" />
                                }
                            </div>
                        </>
                    },
                    (Err(e), _) => html! { <div class="no-equilibrium" role="alert">{ e.clone() }</div> },
                } }
                <Select id="ctl-sweep" label="Sweep" selected={s.sweep}
                    options={SWEEPS.iter().map(|x| AttrValue::from(x.1)).collect::<Vec<_>>()}
                    on_change={{ let d = d.clone(); move |i: usize| d.dispatch(Action::Sweep(i)) }} />
            </section>
        </div>
    }
}

fn summary(sol: &et_engine::secondary::Solution) -> Html {
    let row = |k: &str, v: String| html! { <tr><th scope="row">{ k.to_string() }</th><td>{ v }</td></tr> };
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
