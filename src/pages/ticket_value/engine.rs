//! The lottery engine on the Ticket value page: Monte Carlo in workers, the value's
//! distribution, streaks, pools and the holders' process simulation.

use std::rc::Rc;

use et_engine::rewards::RewardKind;
use yew::prelude::*;

use super::engine_figures::{holders_figure, mc_vs_n, pool_figure, streak_figure, value_histogram};
use super::lottery::{holder_param, params, LotteryAction, Remint, Setting};
use super::runs::{holders_start, holders_step, jobs, mc_outcome, pool_start, pool_step, HoldersRun, McOutcome};
use super::state::{Action, TicketState};
use super::tables::{duration, holders_table, mc_table};
use crate::components::{long_work, run_status, AboutModel, Chart, ChoiceSelect, ListField, SeedField, Slider};
use crate::format;
use crate::hooks::{use_outcome_view, use_pool_run, use_stepped};
use crate::url_state::LIST_MAX;
use crate::worker::mc_job::McJob;

/// Properties of [`LotteryEngine`].
#[derive(Properties, PartialEq)]
pub struct LotteryProps {
    /// The page state.
    pub state: TicketState,
    /// The page's reducer.
    pub dispatch: Callback<Action>,
}

/// Sets lottery setting `k`.
fn setter(dispatch: &Callback<Action>, k: Setting) -> Callback<f64> {
    dispatch.reform(move |v: f64| Action::Lottery(LotteryAction::Set(k, v)))
}

/// A slider of lottery setting `k`.
fn slider(props: &LotteryProps, k: Setting) -> Html {
    let p = params()[k as usize].clone();
    html! { <Slider param={p} value={props.state.lottery.get(k)} on_change={setter(&props.dispatch, k)} /> }
}

/// The Monte Carlo's table and charts of a finished run.
fn mc_results(s: &TicketState, o: &Rc<McOutcome>) -> Html {
    let curve = mc_vs_n(s, &o.curve).map(Rc::new);
    html! {
        <>
            { mc_table(o) }
            <div class="chart-grid">
                if let Some(c) = curve { <Chart figure={c} name="mc" /> }
                <Chart figure={Rc::new(value_histogram(&o.main))} name="histogram" />
            </div>
        </>
    }
}

/// The page's Monte Carlo runs.
type McRun = crate::hooks::PoolRun<McJob, (), McOutcome>;

/// The Monte Carlo's controls, progress and results (`shown`, built once an outcome).
fn mc_section(props: &LotteryProps, mc: &McRun, shown: Html) -> Html {
    let status = &mc.status;
    html! {
        <>
            <div class="engine-controls">
                { slider(props, Setting::Samples) }
                <SeedField param={params()[Setting::Seed as usize].clone()} value={props.state.lottery.get(Setting::Seed)}
                    on_change={setter(&props.dispatch, Setting::Seed)} />
            </div>
            { long_work((*mc.waiting).as_ref(), "Monte Carlo", mc.confirm()) }
            { run_status(status, "Monte Carlo", mc.cancel(), None) }
            { shown }
        </>
    }
}

/// The streak figure (built once per setting, not at each progress message of a run).
type StreakFigure = Option<Rc<crate::charts::Figure>>;
/// The pools' figure, or why there is none (built once per setting; `None` until its
/// stage: the page's first charts are drawn before it).
type PoolsFigure = Option<Rc<Result<Rc<crate::charts::Figure>, String>>>;
/// The holders' figure and table, or why there are none (built once per setting; `None`
/// until its stage).
type HoldersView = Option<Rc<Result<(Rc<crate::charts::Figure>, Html), String>>>;

/// Where a chart computed a moment after the page's first charts will be.
fn pending(name: &str) -> Html {
    html! { <div class="chart-pending" data-pending={name.to_string()} aria-busy="true">{ "Computing…" }</div> }
}

/// Streaks of consecutive slots and pools.
fn streak_section(props: &LotteryProps, pools: &PoolsFigure, streak: &StreakFigure) -> Html {
    let s = &props.state;
    let horizon = s.lottery.get(Setting::Horizon);
    let p = params();
    let one_day = setter(&props.dispatch, Setting::Horizon).reform(|_: MouseEvent| 7200.0);
    html! {
        <>
            <h3>{ "Controlling consecutive slots" }</h3>
            <div class="engine-controls">
                { slider(props, Setting::RunLength) }
                <Slider param={p[Setting::Horizon as usize].clone()} value={horizon} on_change={setter(&props.dispatch, Setting::Horizon)}
                    hint={format!("≈ {} · one day is 7,200 slots", duration(horizon))} />
                <button class="preset" onclick={one_day}>{ "One day (7,200 slots)" }</button>
            </div>
            <div class="chart-grid">
                if let Some(f) = streak.clone() { <Chart figure={f} name="streak" /> }
                { match pools.as_deref() {
                    Some(Ok(f)) => html! { <Chart figure={f.clone()} name="pools" /> },
                    Some(Err(e)) => html! { <div class="error" role="alert">{ e }</div> },
                    None => pending("pools"),
                } }
            </div>
        </>
    }
}

/// The holders' figure and table.
fn holders_view(s: &TicketState, run: HoldersRun) -> Result<(Rc<crate::charts::Figure>, Html), String> {
    let (result, expected) = run?;
    let figure = Rc::new(holders_figure(&result, &expected, &s.lottery.holders));
    Ok((figure, holders_table(&result, s.lottery.get(Setting::Runs))))
}

/// The holders' process simulation.
fn holders_section(props: &LotteryProps, holders: &HoldersView) -> Html {
    let (s, d) = (&props.state, &props.dispatch);
    let on_holders = d.reform(|h| Action::Lottery(LotteryAction::Holders(h)));
    let on_remint = d.reform(|r: Remint| Action::Lottery(LotteryAction::RemintOthers(r == Remint::Others)));
    html! {
        <>
            <h3>{ "Holders, slot by slot" }</h3>
            <div class="engine-controls">
                <ListField param={holder_param()} label="Holders' shares of the tickets" values={s.lottery.holders.clone()} max={LIST_MAX}
                    on_change={on_holders} />
                <ChoiceSelect<Remint> id="ctl-remint" label="Fresh tickets go to" selected={Remint::of(s.lottery.remint_others)}
                    on_change={on_remint} />
                { slider(props, Setting::ProcessHorizon) }
                { slider(props, Setting::Runs) }
            </div>
            { match holders.as_deref() {
                None => pending("holders"),
                Some(Ok((figure, table))) => html! {
                    <>
                        <Chart figure={figure.clone()} name="holders" />
                        { table.clone() }
                    </>
                },
                Some(Err(e)) => html! { <div class="error" role="alert">{ e }</div> },
            } }
        </>
    }
}

/// The section.
#[function_component]
pub fn LotteryEngine(props: &LotteryProps) -> Html {
    let s = &props.state;
    let mc = use_pool_run::<McJob, (), McOutcome>(mc_outcome, ());
    let run_jobs = use_memo(s.clone(), jobs);
    {
        let mc = mc.clone();
        // A run on mainnet data waits for the data on this page too: its results are
        // finished here (the price and closed forms come from the window's moments).
        let ready = s.lottery.dist != RewardKind::Mainnet || s.lottery.mainnet;
        use_effect_with((run_jobs, ready), move |(jobs, ready)| {
            if *ready {
                mc.run((), (**jobs).clone())
            }
        });
    }
    let deps = (s.mu, s.sd, s.d, s.n, s.lookahead, s.lottery.clone());
    // Built once per setting (the page re-renders at every progress message of a run);
    // the simulations a short step a task after the page's first charts.
    let streak = use_memo(deps.clone(), |_| streak_figure(s).map(Rc::new));
    let pools = {
        let s = s.clone();
        let step = |d: &mut _| pool_step(d).map(|r| r.map(|p| Rc::new(pool_figure(&p))));
        use_stepped(deps.clone(), move || pool_start(&s), step)
    };
    let holders = {
        let (s, v) = (s.clone(), s.clone());
        use_stepped(
            deps,
            move || holders_start(&s),
            move |d: &mut _| holders_step(d).map(|r| holders_view(&v, r)),
        )
    };
    let shown = use_outcome_view(s, mc.status.last.clone(), mc_results);
    html! {
        <section class="lottery-engine" aria-label="Lottery engine">
            <h2>{ "The lottery engine: Monte Carlo, streaks, pools" }</h2>
            <AboutModel anchor="lottery-engine" />
            { mc_section(props, &mc, shown) }
            { streak_section(props, &pools, &streak) }
            { holders_section(props, &holders) }
            <p class="hint">{ format!("Monte Carlo seed {}; every run is reproducible bit for bit from the link.", format::exact(s.lottery.get(Setting::Seed))) }</p>
        </section>
    }
}
