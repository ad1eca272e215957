//! The Primary market page (SPEC §4): who ends up holding the tickets under each
//! pricing rule, and what the protocol captures. Runs go to the worker pool.

use std::rc::Rc;

use et_engine::choice::Choice;
use et_engine::primary::{MarketResult, PricingRule};
use yew::prelude::*;

use super::controls::controls;
use super::figures::{
    capture_figure, compare_figure, hhi_figure, nakamoto_figure, price_figure, profit_figure, shares_figure,
};
use super::params::Field;
use super::run::{market_outcome, MarketJobs, MarketOutcome, RunLabels};
use super::state::{Action, MarketState};
use super::tables::{compare_table, holders_table, reading, summary};
use crate::components::{Chart, Notices, Progress};
use crate::format;
use crate::hooks::{use_pool_run, use_url_state, PageProps};
use crate::worker::market_job::MarketJob;

/// The page.
#[function_component]
pub fn MarketPage(props: &PageProps) -> Html {
    let (state, parsed) = use_url_state::<MarketState>(&props.route);
    let s = &*state;
    let sim = use_pool_run::<MarketJob, RunLabels, MarketOutcome>(market_outcome, Default::default());
    let jobs = use_memo(s.clone(), |s| s.jobs());
    {
        let (sim, s) = (sim.clone(), s.clone());
        use_effect_with(jobs.clone(), move |jobs| {
            if let Ok(jobs) = &**jobs {
                let jobs: Vec<MarketJob> = jobs.iter().map(|(_, j)| j.clone()).collect();
                let rules: Vec<PricingRule> = jobs.iter().map(|j| j.0.pricing.rule()).collect();
                let mu = jobs[0].0.reward.build().map_or(s.get(Field::Mu), |r| r.mean());
                sim.run((rules, s.holders.clone(), mu), jobs);
            }
        });
    }
    let d = state.dispatcher();
    let dispatch = Callback::from(move |a: Action| d.dispatch(a));
    let status = &sim.status;
    html! {
        <div class="page market">
            <Notices items={parsed.1.clone()} />
            { controls(s, &dispatch) }
            <section class="results">
                if status.running {
                    <Progress done={status.done} total={status.total} label="Simulation (slots)" on_cancel={sim.cancel()} />
                }
                if let Err(e) = &*jobs { <div class="no-equilibrium" role="alert">{ e.clone() }</div> }
                if let Some(e) = &status.error { <div class="hint" role="status">{ e.clone() }</div> }
                if let Some(o) = status.last.clone() { { results(&o) } }
                <p class="hint">{ format!(
                    "Seed {}: each run draws from its own stream, so the link reproduces every series bit for bit. Holders pay from their budget plus what they have earned.",
                    format::exact(s.get(Field::Seed))
                ) }</p>
            </section>
        </div>
    }
}

/// The reading, tables and charts of a finished run.
fn results(o: &Rc<MarketOutcome>) -> Html {
    let Some((rule, r)) = o.results.first() else {
        return html! {};
    };
    let captures: Vec<f64> = o.holders.iter().map(|h| h.capture).collect();
    let compare = (o.results.len() > 1).then(|| {
        let pts: Vec<(&str, &MarketResult)> = o.results.iter().map(|(k, r)| (k.key(), r)).collect();
        Rc::new(compare_figure(&pts))
    });
    html! {
        <>
            <p class="verdict">{ reading(*rule, r) }</p>
            { summary(o, r) }
            <div class="chart-grid">
                <Chart figure={Rc::new(price_figure(r, o.mu, *rule))} name="price" />
                <Chart figure={Rc::new(shares_figure(r, &captures))} name="shares" />
                <Chart figure={Rc::new(hhi_figure(r))} name="hhi" />
                <Chart figure={Rc::new(nakamoto_figure(r))} name="nakamoto" />
                <Chart figure={Rc::new(capture_figure(r, o.mu))} name="capture" />
                <Chart figure={Rc::new(profit_figure(r))} name="profit" />
                if let Some(f) = compare { <Chart figure={f} name="compare" /> }
            </div>
            if o.results.len() > 1 { { compare_table(o) } }
            { holders_table(o, r) }
        </>
    }
}
