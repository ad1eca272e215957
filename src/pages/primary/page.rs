//! The Primary market page (SPEC §4, §4.1): who ends up holding the tickets and winning
//! the slots under each pricing rule, what the protocol captures, and sweeps of both
//! against one parameter. Runs and sweeps go to the worker pool.

use std::rc::Rc;

use et_engine::primary::{MarketResult, PricingRule, Rules};
use yew::prelude::*;

use super::capture::capture_figure;
use super::choices::{ConcMeasure, SweepBy};
use super::controls::controls;
use super::figures::{compare_figure, price_figure, profit_figure, shares_figure};
use super::measure_figures::{hhi_figure, measured, nakamoto_figure, noun, won_shares_figure};
use super::params::{Field, Population};
use super::run::{market_outcome, MarketJobs, MarketOutcome, RunLabels};
use super::state::{Action, MarketState};
use super::sweep::{sweep_jobs, sweep_outcome, SweepLabels, SweepOutcome};
use super::sweep_figures::{sweep_capture_figure, sweep_hhi_figure};
use super::tables::{compare_table, holders_table, reading, summary};
use crate::components::{long_work, run_status, view_state, Chart, ChoiceSelect, Later, Notices, ViewState};
use crate::format;
use crate::hooks::{use_outcome_view, use_pool_run, use_refined_pool_run, use_start_with, use_url_state, PageProps};
use crate::worker::market_job::MarketJob;
use crate::worker::status::RunStatus;
use crate::worker::sweep_job::SweepJob;

/// The controls a run depends on (the measure shown and the sweep aside).
fn run_inputs(s: &MarketState) -> MarketState {
    let mut r = MarketState {
        measure: ConcMeasure::Won,
        sweep: SweepBy::Off,
        sweep_range: None,
        ..s.clone()
    };
    for f in [Field::SweepPoints, Field::SweepRuns, Field::SweepSlots] {
        r.values[f as usize] = 0.0;
    }
    r
}

/// The page.
#[function_component]
pub fn MarketPage(props: &PageProps) -> Html {
    let (state, parsed) = use_url_state::<MarketState>(&props.route);
    let s = &*state;
    let sim = use_refined_pool_run::<MarketJob, RunLabels, MarketOutcome>(market_outcome, Default::default());
    let sweep = use_pool_run::<SweepJob, SweepLabels, SweepOutcome>(sweep_outcome, None);
    let jobs = use_memo(run_inputs(s), |s| s.jobs());
    let sweeps = use_memo(
        MarketState {
            measure: ConcMeasure::Won,
            ..s.clone()
        },
        sweep_jobs,
    );
    {
        let (sim, s) = (sim.clone(), s.clone());
        use_start_with(jobs.clone(), move |jobs| {
            if let Ok(jobs) = &**jobs {
                let jobs: Vec<MarketJob> = jobs.iter().map(|(_, j)| j.clone()).collect();
                let rules: Vec<PricingRule> = jobs.iter().map(|j| j.0.pricing.rule()).collect();
                let mu = jobs[0].0.reward.build().map_or(s.get(Field::Mu), |r| r.mean());
                sim.run((rules, s.holders.clone(), mu), jobs);
            }
        });
    }
    // The page's first sweep waits for its first run (which then has every core): once
    // that run has ended (or waits for a confirmation, or cannot start), sweeps start as
    // their inputs change.
    let first_run_over = use_mut_ref(|| false);
    let over = (sim.status.total > 0 && !sim.status.running) || sim.waiting.is_some() || jobs.is_err();
    *first_run_over.borrow_mut() |= over;
    let sweep_open = *first_run_over.borrow();
    {
        let (sweep, s) = (sweep.clone(), s.clone());
        use_effect_with((sweeps.clone(), sweep_open), move |(sweeps, open)| {
            if !*open {
                return;
            }
            if let Ok(Some((plan, jobs))) = &**sweeps {
                let size = (s.get(Field::SweepRuns) as u64, s.get(Field::SweepSlots) as u64);
                sweep.run(Some((plan.clone(), size.0, size.1)), jobs.clone());
            }
        });
    }
    let d = state.dispatcher();
    let dispatch = Callback::from(move |a: Action| d.dispatch(a));
    let status = &sim.status;
    let shown = use_outcome_view(s, status.last.clone(), results);
    let swept = use_outcome_view(&s.measure, sweep.status.last.clone(), sweep_charts);
    html! {
        <div class="page market">
            <Notices items={parsed.1.clone()} />
            { controls(s, &dispatch) }
            <section class="results">
                { long_work((*sim.waiting).as_ref(), "Simulation", sim.confirm()) }
                { run_status(status, "Simulation (slots)", sim.cancel(), (*jobs).as_ref().err()) }
                <ChoiceSelect<ConcMeasure> id="ctl-measure" label="Concentration of" selected={s.measure} on_change={dispatch.reform(Action::Measure)} />
                { view_line(s, status) }
                { shown }
                if s.sweep != SweepBy::Off { { sweep_results(&sweep, &sweeps, swept) } }
                <p class="hint">{ format!(
                    "Seed {}: each run draws from its own stream, so the link reproduces every series bit for bit. Holders pay from their budget plus what they have earned.",
                    format::exact(s.get(Field::Seed))
                ) }</p>
            </section>
        </div>
    }
}

/// Whether the numbers shown are final, or a first view from the chosen rule's first
/// runs (with the standard errors of the reading's means).
fn view_line(s: &MarketState, status: &RunStatus<MarketOutcome>) -> Html {
    let Some((o, (_, r))) = status.last.as_ref().and_then(|o| Some((o, o.results.first()?))) else {
        return html! {};
    };
    let v = ViewState {
        first_view: status.first_view,
        running: status.running,
        part: r.runs,
        whole: if status.first_view {
            s.get(Field::Runs) as u64
        } else {
            r.runs
        },
        noun: "run",
    };
    let hhi = match s.measure {
        ConcMeasure::Won => o.se[2],
        ConcMeasure::Held => o.se[1],
    };
    let errors = format!(
        "one standard error over these runs: the protocol's share ± {} points, HHI ± {}; the other rules come with the rest",
        format::sig(100.0 * o.se[0], 2),
        format::sig(hhi, 2)
    );
    view_state(&v, &errors)
}

/// The rule's setting and the holders, for the reading.
fn who(s: &MarketState) -> (&'static str, String) {
    let setting = if s.rules == Rules::Study { "the study's " } else { "" };
    let n = format::exact(s.get(Field::Count));
    let holders = match s.population {
        Population::Drawn => format!("{n} drawn holders"),
        _ => format!("{} holders", s.holders.len()),
    };
    (setting, holders)
}

/// The reading, tables and charts of a finished run.
fn results(s: &MarketState, o: &Rc<MarketOutcome>) -> Html {
    let Some((rule, r)) = o.results.first() else {
        return html! {};
    };
    let m = s.measure;
    let captures: Vec<f64> = o.holders.iter().map(|h| h.capture).collect();
    let compare = (o.results.len() > 1).then(|| {
        let pts: Vec<(PricingRule, &MarketResult, f64)> = o
            .results
            .iter()
            .map(|(k, r)| (*k, r, measured(&r.totals, m).0))
            .collect();
        let x = format!("HHI of the {} at the end (10,000 = one holder)", noun(m));
        Rc::new(compare_figure(&pts, noun(m), &x))
    });
    let shares = match m {
        ConcMeasure::Won => won_shares_figure(r, &captures),
        ConcMeasure::Held => shares_figure(r, &captures),
    };
    let (setting, holders) = who(s);
    html! {
        <>
            <p class="verdict">{ reading(*rule, r, m, (setting, &holders)) }</p>
            { summary(o, r) }
            <div class="chart-grid">
                <Chart figure={Rc::new(price_figure(r, o.mu, *rule))} name="price" />
                <Chart figure={Rc::new(shares)} name="shares" />
                <Chart figure={Rc::new(hhi_figure(r, m))} name="hhi" />
                <Chart figure={Rc::new(nakamoto_figure(r, m))} name="nakamoto" />
                <Chart figure={Rc::new(capture_figure(r, o.mu))} name="capture" />
                <Chart figure={Rc::new(profit_figure(r))} name="profit" />
                if let Some(f) = compare { <Chart figure={f} name="compare" /> }
            </div>
            <Later height={600}>
                if o.results.len() > 1 { { compare_table(o, m) } }
                { holders_table(o, r) }
                if s.population == Population::Drawn {
                    <p class="hint">{ "A drawn population: each run draws its own holders from the seed in the study's tiers; the column c is run 1's draw, the other columns are means over runs of holder k of each draw." }</p>
                }
            </Later>
        </>
    }
}

type SweepRun = crate::hooks::PoolRun<SweepJob, SweepLabels, SweepOutcome>;

/// The sweep's progress, its error, and its charts (`charts`, built once an outcome).
fn sweep_results(
    sweep: &SweepRun,
    plan: &Result<Option<(super::sweep::SweepPlan, Vec<SweepJob>)>, String>,
    charts: Html,
) -> Html {
    let status = &sweep.status;
    html! {
        <section class="sweep" aria-label="Sweep">
            <h2>{ "Sweep" }</h2>
            { long_work((*sweep.waiting).as_ref(), "Sweep", sweep.confirm()) }
            { run_status(status, "Sweep (slots)", sweep.cancel(), plan.as_ref().err()) }
            { charts }
        </section>
    }
}

/// The sweep's two charts and how long it took.
fn sweep_charts(m: &ConcMeasure, o: &Rc<SweepOutcome>) -> Html {
    html! {
        <>
            <div class="chart-grid">
                <Chart figure={Rc::new(sweep_capture_figure(o.parameter, &o.lines, o.runs))} name="sweep-capture" />
                <Chart figure={Rc::new(sweep_hhi_figure(o.parameter, &o.lines, o.runs, *m))} name="sweep-hhi" />
            </div>
            <p class="hint sweep-done" data-seconds={o.seconds.to_string()} data-jobs={(o.lines.len() * o.lines.first().map_or(0, |l| l.1.len())).to_string()}>
                { format!("{} points × {} rules × {} × {} in {} s on {}; the same seed at every point.",
                    o.lines.first().map_or(0, |l| l.1.len()), o.lines.len(), format::count(o.runs, "run"),
                    format::count(o.slots, "slot"), format::sig(o.seconds, 3), format::count(o.workers as u64, "worker")) }
            </p>
        </>
    }
}
