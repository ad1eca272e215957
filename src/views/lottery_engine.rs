//! The lottery engine on the Ticket value page: Monte Carlo in workers, the value's
//! distribution, streaks, pools and the holders' process simulation.

use std::rc::Rc;

use et_engine::ticket_mc::McResult;
use yew::prelude::*;

use crate::charts::lottery::{curve_ns, holders_figure, mc_vs_n, pool_figure, streak_figure, value_histogram};
use crate::components::{Chart, ListField, Progress, Select, Slider};
use crate::format;
use crate::state::lottery::{holder_param, params, LotteryAction, Setting};
use crate::state::ticket::{Action, TicketState};
use crate::views::lottery_side::{holders_run, mc_table, pool_run, POOLS};
use crate::worker::pool::{McPool, PoolEvent};
use crate::worker::protocol::McJob;
use crate::worker::status::RunStatus;

/// Properties of [`LotteryEngine`].
#[derive(Properties, PartialEq)]
pub struct LotteryProps {
    /// The page state.
    pub state: TicketState,
    /// The page's reducer.
    pub dispatch: Callback<Action>,
}

/// Where the Monte Carlo stands; the last finished result stays while a new one runs.
pub type McStatus = RunStatus<McOutcome>;

/// A finished run: the current n's result and the curve's.
#[derive(Debug, PartialEq)]
pub struct McOutcome {
    pub main: McResult,
    pub curve: Vec<(f64, McResult)>,
    /// Wall time of the whole run (every experiment) and the samples it drew.
    pub seconds: f64,
    pub total_samples: u64,
    pub workers: usize,
}

impl Reducible for McStatus {
    type Action = (PoolEvent<McResult>, Vec<f64>);

    fn reduce(self: Rc<Self>, (event, ns): Self::Action) -> Rc<Self> {
        Rc::new(self.after(event, |mut results, seconds, workers| {
            (!results.is_empty()).then(|| {
                let total_samples = results.iter().map(|r| r.samples).sum();
                let main = results.remove(0);
                let curve = ns.into_iter().zip(results).collect();
                McOutcome {
                    main,
                    curve,
                    seconds,
                    total_samples,
                    workers,
                }
            })
        }))
    }
}

/// The jobs of one run: the current n with every sample, then each decade of the curve.
pub fn jobs(s: &TicketState) -> Vec<McJob> {
    let l = &s.lottery;
    let (samples, seed) = (l.get(Setting::Samples) as u64, l.get(Setting::Seed) as u64);
    let reward = l.reward_spec(s.mu, s.sd);
    let job = |n: f64, samples: u64, seed: u64| McJob {
        n,
        d: s.d,
        lookahead: s.lookahead as u64,
        reward: reward.clone(),
        seed,
        samples,
    };
    let mut out = vec![job(s.n, samples, seed)];
    let per_point = (samples / 8).max(10_000);
    out.extend(
        curve_ns()
            .into_iter()
            .enumerate()
            .map(|(k, n)| job(n, per_point, seed.wrapping_add(1 + k as u64))),
    );
    out
}

/// The section.
#[function_component]
pub fn LotteryEngine(props: &LotteryProps) -> Html {
    let s = &props.state;
    let status = use_reducer_eq(McStatus::default);
    let pool = {
        let d = status.dispatcher();
        use_memo((), move |_| {
            McPool::new(Callback::from(move |e| d.dispatch((e, curve_ns()))))
        })
    };
    let run_jobs = use_memo(s.clone(), jobs);
    {
        let pool = pool.clone();
        use_effect_with(run_jobs, move |jobs| pool.run((**jobs).clone()));
    }
    let set = |k: Setting| {
        let d = props.dispatch.clone();
        Callback::from(move |v: f64| d.emit(Action::Lottery(LotteryAction::Set(k, v))))
    };
    let cancel = {
        let (pool, d) = (pool.clone(), status.dispatcher());
        Callback::from(move |_| {
            pool.cancel();
            d.dispatch((
                PoolEvent::Failed("cancelled: showing the last finished run".into()),
                vec![],
            ));
        })
    };
    let new_seed = {
        let d = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let seed = (js_sys::Math::random() * 1e9).floor();
            d.emit(Action::Lottery(LotteryAction::Set(Setting::Seed, seed)))
        })
    };
    let pools = use_memo((s.mu, s.sd, s.d, s.n, s.lottery.clone()), |_| pool_run(s));
    let holders = use_memo((s.mu, s.sd, s.d, s.n, s.lottery.clone()), |_| holders_run(s));
    let p = params();
    let last = status.last.clone();
    let mc_figs = last
        .as_ref()
        .map(|o| (mc_vs_n(s, &o.curve).map(Rc::new), Rc::new(value_histogram(&o.main))));
    let streak = streak_figure(s).map(Rc::new);
    html! {
        <section class="lottery-engine" aria-label="Lottery engine">
            <h2>{ "The lottery engine: Monte Carlo, streaks, pools" }</h2>
            <div class="engine-controls">
                <Slider param={p[0].clone()} value={s.lottery.get(Setting::Samples)} on_change={set(Setting::Samples)} />
                <div class="seed-row">
                    <Slider param={p[1].clone()} value={s.lottery.get(Setting::Seed)} on_change={set(Setting::Seed)} />
                    <button class="preset" onclick={new_seed}>{ "New seed" }</button>
                </div>
            </div>
            if status.running {
                <Progress done={status.done} total={status.total} label="Monte Carlo" on_cancel={cancel} />
            }
            if let Some(e) = &status.error {
                <div class="hint" role="status">{ e }</div>
            }
            if let Some(o) = &last { { mc_table(o) } }
            if let Some((curve, hist)) = mc_figs {
                <div class="chart-grid">
                    if let Some(c) = curve { <Chart figure={c} name="mc" /> }
                    <Chart figure={hist} name="histogram" />
                </div>
            }
            <h3>{ "Controlling consecutive slots" }</h3>
            <div class="engine-controls">
                <Slider param={p[2].clone()} value={s.lottery.get(Setting::RunLength)} on_change={set(Setting::RunLength)} />
                <Slider param={p[3].clone()} value={s.lottery.get(Setting::Horizon)} on_change={set(Setting::Horizon)}
                    hint={format!("≈ {} · one day is 7,200 slots", crate::views::ticket_value::duration(s.lottery.get(Setting::Horizon)))} />
                <button class="preset" onclick={{ let c = set(Setting::Horizon); move |_| c.emit(7200.0) }}>{ "One day (7,200 slots)" }</button>
            </div>
            <div class="chart-grid">
                if let Some(f) = streak { <Chart figure={f} name="streak" /> }
                { match &*pools {
                    Ok(points) => html! { <Chart figure={Rc::new(pool_figure(points, POOLS))} name="pools" /> },
                    Err(e) => html! { <div class="error" role="alert">{ e }</div> },
                } }
            </div>
            <h3>{ "Holders, slot by slot" }</h3>
            <div class="engine-controls">
                <ListField param={holder_param()} label="Holders' shares of the tickets" values={s.lottery.holders.clone()} max={crate::url_state::LIST_MAX}
                    on_change={{ let d = props.dispatch.clone(); move |h| d.emit(Action::Lottery(LotteryAction::Holders(h))) }} />
                <Select id="ctl-remint" label="Fresh tickets go to" selected={usize::from(s.lottery.remint_others)}
                    options={vec![AttrValue::from("the winner (shares stay)"), AttrValue::from("others (holdings run out)")]}
                    on_change={{ let d = props.dispatch.clone(); move |i| d.emit(Action::Lottery(LotteryAction::RemintOthers(i == 1))) }} />
                <Slider param={p[4].clone()} value={s.lottery.get(Setting::ProcessHorizon)} on_change={set(Setting::ProcessHorizon)} />
                <Slider param={p[5].clone()} value={s.lottery.get(Setting::Runs)} on_change={set(Setting::Runs)} />
            </div>
            { match &*holders {
                Ok((result, expected)) => html! {
                    <>
                        <Chart figure={Rc::new(holders_figure(result, expected, &s.lottery.holders))} name="holders" />
                        { crate::views::lottery_side::holders_table(result, s.lottery.get(Setting::Runs)) }
                    </>
                },
                Err(e) => html! { <div class="error" role="alert">{ e }</div> },
            } }
            <p class="hint">{ format!("Monte Carlo seed {}; every run is reproducible bit for bit from the link.", format::exact(s.lottery.get(Setting::Seed))) }</p>
        </section>
    }
}
