//! The Secondary market page (SPEC §3): when does a ticket holder resell its slot?

use std::rc::Rc;

use et_engine::choice::Choice;
use et_engine::secondary::{Format, Market, Solution, SweepParam, SweepPoint};
use yew::prelude::*;

use super::figures::{forced_sale_figure, policy_figure, sale_slot_figure, sweep_figure};
use super::params::{
    arrival_param, cost_param, format_label, params, Field, Preset, Seller, Sweep, FIELDS, MAX_BUYERS,
};
use super::state::{Action, SecondaryState};
use super::tables::{reading, summary};
use crate::components::{AboutModel, Chart, ChoiceSelect, ListField, Notices, Slider};
use crate::hooks::{use_url_state, PageProps};

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

/// The ticket, the seller and the buyers.
fn controls(s: &SecondaryState, d: &Callback<Action>) -> Html {
    let presets = Preset::ALL.iter().map(|&p| {
        let onclick = d.reform(move |_: MouseEvent| Action::Preset(p));
        html! { <button class="preset" {onclick}>{ p.label() }</button> }
    });
    let sliders = FIELDS
        .iter()
        .zip(params())
        .filter(|(f, _)| s.seller_builds || **f != Field::SellerCost)
        .map(|(&f, p)| {
            html! { <Slider param={p.clone()} value={s.get(f)} on_change={d.reform(move |v| Action::Set(f, v))} /> }
        });
    html! {
        <aside class="controls" aria-label="Secondary market controls">
            <h2>{ "Ticket, seller and buyers" }</h2>
            <AboutModel anchor="secondary-market" />
            <div class="presets">{ for presets }</div>
            <ListField param={cost_param()} label="Buyers' extraction costs" values={s.costs.clone()} max={MAX_BUYERS}
                on_change={d.reform(Action::Costs)} />
            <ListField param={arrival_param()} label="Buyers' arrival slots (T = just in time)" values={s.arrivals.clone()} max={MAX_BUYERS}
                on_change={d.reform(Action::Arrivals)} />
            <ChoiceSelect<Seller> id="ctl-seller" label="The seller" selected={Seller::of(s.seller_builds)}
                on_change={d.reform(|c: Seller| Action::SellerBuilds(c == Seller::Builds))} />
            <ChoiceSelect<Format> id="ctl-format" label="Sale format" selected={s.format()} labels={Some(format_label as fn(Format) -> &'static str)}
                on_change={d.reform(|f: Format| Action::Posted(f == Format::PostedPrice))} />
            { for sliders }
        </aside>
    }
}

/// The reading, the table and the charts of the equilibrium.
fn results(s: &SecondaryState, m: &Market, sol: &Solution, sweep: &Option<(SweepParam, Vec<SweepPoint>)>) -> Html {
    html! {
        <>
            <p class="verdict">{ reading(sol.spot_sale_probability, sol.sale_probability_by_slot.iter().sum(), sol.sale_probability_by_slot[0], sol.seller_exercise_probability, sol.lapse_probability) }</p>
            { summary(sol) }
            <div class="chart-grid">
                <Chart figure={Rc::new(forced_sale_figure(sol))} name="forced" />
                <Chart figure={Rc::new(policy_figure(m, sol))} name="policy" />
                <Chart figure={Rc::new(sale_slot_figure(sol))} name="sale-slot" />
                if let Some((param, pts)) = sweep {
                    <Chart figure={Rc::new(sweep_figure(pts, s.get(Field::Mu), s.sweep.label(), current(s, *param)))} name="sweep" />
                }
            </div>
        </>
    }
}

/// The page.
#[function_component]
pub fn SecondaryPage(props: &PageProps) -> Html {
    let (state, parsed) = use_url_state::<SecondaryState>(&props.route);
    let s = &*state;
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
    let dispatch = Callback::from(move |a: Action| d.dispatch(a));
    html! {
        <div class="page secondary">
            <Notices items={parsed.1.clone()} />
            { controls(s, &dispatch) }
            <section class="results">
                { match &*solved {
                    Ok((m, sol)) => results(s, m, sol, &sweep),
                    Err(e) => html! { <div class="no-equilibrium" role="alert">{ e.clone() }</div> },
                } }
                <ChoiceSelect<Sweep> id="ctl-sweep" label="Sweep" selected={s.sweep} on_change={dispatch.reform(Action::Sweep)} />
            </section>
        </div>
    }
}
