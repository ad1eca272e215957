//! The Primary market page (SPEC §4): who ends up holding the tickets under each
//! pricing rule, and what the protocol captures. Runs go to the worker pool.

use std::rc::Rc;

use yew::prelude::*;

use crate::charts::market::{
    capture_figure, compare_figure, hhi_figure, nakamoto_figure, price_figure, profit_figure, shares_figure,
};
use crate::components::{Chart, HoldersTable, Notices, Progress, RewardData, Select, Slider};
use crate::format;
use crate::state::market::{params, Action, Field, MarketState, DISTS, POPULATIONS, RULES};
use crate::url_state::Route;
use crate::views::market_side::{
    compare_table, holders_table, reading, summary, MarketOutcome, MarketStatus, RunLabels,
};
use crate::worker::market_job::MarketJob;
use crate::worker::pool::{Pool, PoolEvent};

/// Properties of [`MarketPage`].
#[derive(Properties, PartialEq)]
pub struct PageProps {
    pub route: Route,
}

/// The sliders of each rule's parameters.
fn rule_fields(rule: usize) -> &'static [Field] {
    match RULES[rule].0 {
        "fixed" => &[Field::Price],
        "eip1559" => &[Field::Initial, Field::Target, Field::Quotient, Field::MaxSales],
        "bonding-curve" => &[Field::Base, Field::Slope],
        _ => &[Field::Reserve],
    }
}

fn options(xs: &[(&str, &str)]) -> Vec<AttrValue> {
    xs.iter().map(|x| AttrValue::from(x.1.to_string())).collect()
}

/// The page.
#[function_component]
pub fn MarketPage(props: &PageProps) -> Html {
    let (state, parsed) = crate::state::use_url_state::<MarketState>(&props.route);
    let s = &*state;
    let status = use_reducer_eq(MarketStatus::default);
    let labels = use_mut_ref(|| Rc::new(RunLabels::default()));
    let pool = {
        let (d, labels) = (status.dispatcher(), labels.clone());
        use_memo((), move |_| {
            Pool::<MarketJob>::new(Callback::from(move |e| d.dispatch((e, labels.borrow().clone()))))
        })
    };
    let jobs = use_memo(s.clone(), |s| s.jobs());
    {
        let (pool, labels, s) = (pool.clone(), labels.clone(), s.clone());
        use_effect_with(jobs.clone(), move |jobs| {
            if let Ok(jobs) = &**jobs {
                let (rules, jobs): (Vec<usize>, Vec<MarketJob>) = jobs.iter().cloned().unzip();
                let mu = jobs[0].0.reward.build().map_or(s.get(Field::Mu), |r| r.mean());
                *labels.borrow_mut() = Rc::new((rules, s.holders.clone(), mu));
                pool.run(jobs);
            }
        });
    }
    let d = state.dispatcher();
    let set = |f: Field| {
        let d = d.clone();
        Callback::from(move |v: f64| d.dispatch(Action::Set(f, v)))
    };
    let slider =
        |f: Field| html! { <Slider param={params()[f as usize].clone()} value={s.get(f)} on_change={set(f)} /> };
    let cancel = {
        let (pool, d, labels) = (pool.clone(), status.dispatcher(), labels.clone());
        Callback::from(move |_| {
            pool.cancel();
            let failed = PoolEvent::Failed("cancelled: showing the last finished run".into());
            d.dispatch((failed, labels.borrow().clone()));
        })
    };
    let new_seed = {
        let d = d.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Set(Field::Seed, (js_sys::Math::random() * 1e9).floor()))
        })
    };
    let choose = |f: fn(usize) -> Action| {
        let d = d.clone();
        Callback::from(move |i: usize| d.dispatch(f(i)))
    };
    let uses_sd = matches!(DISTS[s.dist].0, "lognormal" | "pareto") || s.uses_data();
    html! {
        <div class="page market">
            <Notices items={parsed.1.clone()} />
            <aside class="controls" aria-label="Primary market controls">
                <h2>{ "Tickets and pricing" }</h2>
                <Select id="ctl-rule" label="Pricing rule" selected={s.rule} options={options(&RULES)} on_change={choose(Action::Rule)} />
                { for rule_fields(s.rule).iter().map(|&f| slider(f)) }
                { slider(Field::MaxTickets) }
                { slider(Field::Expiry) }
                if s.get(Field::Expiry) > 0.0 { { slider(Field::Refund) } }
                <Select id="ctl-jit" label="Just-in-time resale of the drawn slot" selected={usize::from(s.jit)}
                    options={vec![AttrValue::from("off: the holder builds"), AttrValue::from("on: sold to the best builder")]}
                    on_change={choose(|i| Action::Jit(i == 1))} />
                <h2>{ "Holders" }</h2>
                <Select id="ctl-pop" label="Population" selected={s.population} options={options(&POPULATIONS)} on_change={choose(Action::Population)} />
                if s.population < 3 { { slider(Field::Count) } }
                <details class="holders-edit">
                    <summary>{ format!("Edit the {} holders (budget, capture, discount, margin)", s.holders.len()) }</summary>
                    <HoldersTable rows={s.holders.clone()} on_change={{ let d = d.clone(); move |rows| d.dispatch(Action::Holders(rows)) }} />
                </details>
                <h2>{ "Rewards" }</h2>
                <Select id="ctl-reward" label="Reward per slot" selected={s.dist} options={options(&DISTS)} on_change={choose(Action::Dist)} />
                if s.uses_data() { { data_panel(s, d.clone()) } }
                if s.data.is_none() || !s.uses_data() {
                    { slider(Field::Mu) }
                    if uses_sd { { slider(Field::Sd) } }
                }
                { slider(Field::Volatility) }
                if s.get(Field::Volatility) > 0.0 { { slider(Field::Persistence) } }
                <h2>{ "Runs" }</h2>
                { slider(Field::Slots) }
                { slider(Field::Runs) }
                <div class="seed-row">
                    { slider(Field::Seed) }
                    <button class="preset" onclick={new_seed}>{ "New seed" }</button>
                </div>
                <Select id="ctl-compare" label="Compare every pricing rule" selected={usize::from(!s.compare)}
                    options={vec![AttrValue::from("on (five runs of the same population and seed)"), AttrValue::from("off")]}
                    on_change={choose(|i| Action::Compare(i == 0))} />
            </aside>
            <section class="results">
                if status.running {
                    <Progress done={status.done} total={status.total} label="Simulation (slots)" on_cancel={cancel} />
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

/// Paste or upload per-slot rewards; what is loaded, or what is used until then.
fn data_panel(s: &MarketState, d: yew::UseReducerDispatcher<MarketState>) -> Html {
    let on_load = Callback::from(move |data| d.dispatch(Action::Data(data)));
    let note = match &s.data {
        Some(data) => format!(
            "Using {} rewards from {} (mean {} ETH). Data is not stored in the link.",
            data.summary.count,
            data.source,
            format::sig(data.summary.mean, 4)
        ),
        None => {
            "No data loaded yet: until then the log-normal law with μ and sd is used. Data is not stored in the link."
                .into()
        }
    };
    html! {
        <div class="data-panel">
            <RewardData {on_load} />
            <div class="hint">{ note }</div>
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
        let pts: Vec<(&str, &et_engine::market::MarketResult)> =
            o.results.iter().map(|(k, r)| (RULES[*k].0, r)).collect();
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
