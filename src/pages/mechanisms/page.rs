//! The Mechanisms page (SPEC §5): on the same slots and builders, who gets the value
//! under each block-space mechanism. Runs go to the worker pool.

use std::rc::Rc;

use et_engine::choice::Choice;
use et_engine::mechanisms::{Mechanism, SweepParam};
use yew::prelude::*;

use super::controls::controls;
use super::figures::{accuracy_figure, income_figure, shown, split_figure, sweep_figure};
use super::params::Field;
use super::run::{outcome, sweep_values, MechanismsOutcome, RunLabels};
use super::state::{Action, MechanismsState};
use super::tables::{numbers, reading, w4h_table};
use crate::components::{long_work, run_status, view_state, Chart, ChoiceSelect, Later, Notices, ViewState};
use crate::format;
use crate::hooks::{use_outcome_view, use_refined_pool_run, use_start_with, use_url_state, PageProps};
use crate::worker::mechanisms_job::MechanismsJob;
use crate::worker::status::RunStatus;

/// The current value of the swept input, for the sweep's marker.
fn current(s: &MechanismsState, p: SweepParam) -> f64 {
    match p {
        SweepParam::Spread => s.get(Field::Spread),
        SweepParam::Lookahead => s.get(Field::Lookahead),
        SweepParam::DeadlineShare => s.get(Field::Deadline),
        SweepParam::Builders => s.captures.len() as f64,
    }
}

/// The page.
#[function_component]
pub fn MechanismsPage(props: &PageProps) -> Html {
    let (state, parsed) = use_url_state::<MechanismsState>(&props.route);
    let s = &*state;
    let sim =
        use_refined_pool_run::<MechanismsJob, RunLabels, MechanismsOutcome>(outcome, (SweepParam::Spread, Vec::new()));
    // The run depends on every control but the mechanisms shown.
    let inputs = MechanismsState {
        shown: Mechanism::ALL.to_vec(),
        ..s.clone()
    };
    let jobs = use_memo(inputs, |s| s.jobs());
    {
        let (sim, s) = (sim.clone(), s.clone());
        use_start_with(jobs.clone(), move |jobs| {
            if let Ok(jobs) = &**jobs {
                sim.run((s.sweep, sweep_values(s.sweep, s.captures.len())), jobs.clone());
            }
        });
    }
    let d = state.dispatcher();
    let dispatch = Callback::from(move |a: Action| d.dispatch(a));
    let status = &sim.status;
    let shown = use_outcome_view(s, status.last.clone(), results);
    html! {
        <div class="page mechanisms">
            <Notices items={parsed.1.clone()} />
            { controls(s, &dispatch) }
            <section class="results">
                { long_work((*sim.waiting).as_ref(), "Simulation", sim.confirm()) }
                { run_status(status, "Simulation (slots)", sim.cancel(), (*jobs).as_ref().err()) }
                { view_line(s, status) }
                { shown }
                <ChoiceSelect<SweepParam> id="ctl-sweep" label="Sweep" selected={s.sweep} on_change={dispatch.reform(Action::Sweep)} />
                <Later height={300}>{ w4h_table(&s.shown) }</Later>
                <p class="hint">{ format!(
                    "Seed {}: blocks of slots draw from their own streams, so the link reproduces every number bit for bit, however many workers share the run.",
                    format::exact(s.get(Field::Seed))
                ) }</p>
            </section>
        </div>
    }
}

/// Whether the numbers shown are final, or a first view from the run's first block.
fn view_line(s: &MechanismsState, status: &RunStatus<MechanismsOutcome>) -> Html {
    let Some(o) = &status.last else {
        return html! {};
    };
    let part = o.comparison.slots;
    let v = ViewState {
        first_view: status.first_view,
        running: status.running,
        part,
        whole: if status.first_view {
            s.get(Field::Slots) as u64
        } else {
            part
        },
        noun: "slot",
    };
    view_state(
        &v,
        "the table gives each number ± one standard error; the sweep comes with the rest",
    )
}

/// The reading, table and charts of a finished run.
fn results(s: &MechanismsState, o: &Rc<MechanismsOutcome>) -> Html {
    let rows = shown(&o.comparison, &s.shown);
    let (param, points) = &o.sweep;
    html! {
        <>
            <p class="verdict">{ reading(&rows) }</p>
            { numbers(&rows, o.comparison.slots) }
            <div class="chart-grid">
                <Chart figure={Rc::new(split_figure(&rows))} name="split" />
                <Chart figure={Rc::new(accuracy_figure(&rows))} name="accuracy" />
                <Chart figure={Rc::new(income_figure(&rows))} name="income" />
                if !points.is_empty() {
                    <Chart figure={Rc::new(sweep_figure(*param, points, &s.shown, current(s, *param)))} name="sweep" />
                }
            </div>
            <p class="hint run-time" data-seconds={o.seconds.to_string()} data-slots={o.comparison.slots.to_string()}
                data-sweep-slots={points.iter().map(|p| p.1.slots).sum::<u64>().to_string()} data-workers={o.workers.to_string()}>
                { format!("{} and {} in {} s on {}.",
                format::count(o.comparison.slots, "slot"), format::count(points.len() as u64, "sweep point"),
                format::sig(o.seconds, 2), format::count(o.workers as u64, "worker")) }</p>
        </>
    }
}
