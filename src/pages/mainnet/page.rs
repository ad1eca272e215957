//! The Mainnet page: six months of real slots — what proposers were paid, its heavy
//! tail, the builders — and what execution tickets would have done on them. The data is
//! fetched on opening (this page is the data), with progress. Once it is here the first
//! chart draws at once and the rest follows in stages (the tail, builders and longest
//! run; then one ticket's Monte Carlo and the primary market, whose runs go to the worker
//! pool, each worker fetching the data once).

use std::rc::Rc;

use et_engine::primary::PricingRule;
use yew::prelude::*;

use super::controls::controls;
use super::figures::{builders_figure, payments_figure, tail_figure};
use super::market::{jobs, outcome, MarketOutcome, RULES};
use super::params::{Field, ModeChoice};
use super::retro::{at_n, ticket_points, window_reward, TicketPoint};
use super::retro_figures::{capture_figure, concentration_figure, payback_figure, streak_figure, ticket_figure};
use super::state::{Action, MainnetState};
use super::tables::{numbers, reading};
use super::view::{data_view, more_view, DataView, MoreView};
use crate::components::{run_status, Chart, MainnetStatus, Notices};
use crate::format;
use crate::hooks::{use_mainnet, use_pool_run, use_stages, use_url_state, PageProps};
use crate::worker::market_job::MarketJob;

type Computed<T> = Option<Result<T, String>>;

/// The inputs of the market's run (the tickets' `n`, discount and mode do not enter it).
fn market_key(s: &MainnetState) -> MainnetState {
    let mut k = s.clone();
    k.values[Field::N as usize] = 0.0;
    k.values[Field::Annual as usize] = 0.0;
    k.mode = ModeChoice::Replay;
    k
}

/// The page.
#[function_component]
pub fn MainnetPage(props: &PageProps) -> Html {
    let (state, parsed) = use_url_state::<MainnetState>(&props.route);
    let s = &*state;
    let (load, start) = use_mainnet(true);
    let stage = use_stages(load.data().is_some(), 2);
    let view = use_memo((load.clone(), s.window()), |(l, (from, to))| {
        l.data().map(|d| data_view(d, *from, *to))
    });
    let more = use_memo((load.clone(), view.clone(), stage >= 1), |(l, v, go)| {
        match (l.data(), &**v) {
            (Some(d), Some(Ok(v))) if *go => Some(more_view(d, &v.summary)),
            _ => None,
        }
    });
    let tickets = use_memo((load.clone(), s.clone(), stage >= 2), |(l, s, go)| {
        l.data().filter(|_| *go).map(|d| ticket_points(d, s))
    });
    let sim = use_pool_run::<MarketJob, [PricingRule; 4], MarketOutcome>(outcome, RULES);
    // The window's mean under the missing-slot choice (the market's unit).
    let mu = *use_memo((load.clone(), market_key(s), stage >= 2), |(l, k, go)| {
        l.data()
            .filter(|_| *go)
            .and_then(|d| window_reward(d, k).ok())
            .map(|r| r.mean())
    });
    {
        let sim = sim.clone();
        use_effect_with((mu.map(f64::to_bits), market_key(s)), move |(mu, key)| {
            if let Some(mu) = mu.map(f64::from_bits).filter(|m| *m > 0.0) {
                sim.run(RULES, jobs(key, mu));
            }
        });
    }
    let d = state.dispatcher();
    let dispatch = Callback::from(move |a: Action| d.dispatch(a));
    let status = &sim.status;
    // A window without a value runs no market: its former outcome is not shown for it.
    let market = status.last.as_deref().filter(|_| mu.is_some_and(|m| m > 0.0));
    let more = ok(&more);
    html! {
        <div class="page mainnet">
            <Notices items={parsed.1.clone()} />
            { controls(s, &dispatch) }
            <section class="results">
                <MainnetStatus load={load.clone()} on_load={start} />
                { match &*view {
                    Some(Ok(v)) => results(s, v, more, &tickets, market),
                    Some(Err(e)) => html! { <div class="no-equilibrium" role="alert">{ e.clone() }</div> },
                    None => html! {},
                } }
                if stage >= 2 {
                    { run_status(status, "Primary market on the window (slots)", sim.cancel(), None) }
                    { market_view(ok(&view), market) }
                    if load.data().is_some() && !mu.is_some_and(|m| m > 0.0) {
                        <p class="hint no-market" role="status">{ "No slot of this window has a value under this treatment of slots without one: the primary market needs rewards. Choose a wider window, or count the missing slots as drawn from the known values." }</p>
                    }
                }
            </section>
        </div>
    }
}

/// A computation's result once it is done and succeeded.
fn ok<T>(c: &Computed<T>) -> Option<&T> {
    c.as_ref().and_then(|r| r.as_ref().ok())
}

/// The reading, the numbers and the charts of the data and of one ticket.
fn results(
    s: &MainnetState,
    v: &DataView,
    more: Option<&MoreView>,
    tickets: &Computed<Vec<TicketPoint>>,
    market: Option<&MarketOutcome>,
) -> Html {
    let n = s.get(Field::N);
    let first = v.summary.first_slot;
    let points = ok(tickets);
    html! {
        <>
            <p class="verdict">{ reading(v, more, points.and_then(|p| at_n(p, n)), market) }</p>
            { numbers(&v.summary) }
            <div class="chart-grid">
                <Chart figure={Rc::new(payments_figure(&v.days, first))} name="payments" />
                if let Some(t) = more.and_then(|m| m.tail.as_ref()) { <Chart figure={Rc::new(tail_figure(t))} name="tail" /> }
                if let Some(m) = more { <Chart figure={Rc::new(builders_figure(&m.weeks, first))} name="builders" /> }
            </div>
            <h2>{ "Retrospective: execution tickets on these slots" }</h2>
            <div class="chart-grid">
                if let Some(p) = points {
                    <Chart figure={Rc::new(ticket_figure(p, n))} name="ticket" />
                    <Chart figure={Rc::new(payback_figure(p, n))} name="payback" />
                }
                if let Some(Err(e)) = tickets { <div class="no-equilibrium" role="alert">{ e.clone() }</div> }
                if let Some(k) = more.and_then(|m| m.streak.as_ref()) { <Chart figure={Rc::new(streak_figure(k))} name="streak" /> }
            </div>
        </>
    }
}

/// The primary market's charts, once its run is done.
fn market_view(v: Option<&DataView>, market: Option<&MarketOutcome>) -> Html {
    let (Some(v), Some(m)) = (v, market) else {
        return html! {};
    };
    html! {
        <>
            <div class="chart-grid">
                <Chart figure={Rc::new(capture_figure(m))} name="capture" />
                <Chart figure={Rc::new(concentration_figure(&v.summary, m))} name="concentration" />
            </div>
            <p class="hint run-time" data-seconds={m.seconds.to_string()} data-workers={m.workers.to_string()}>
                { format!("The primary market: the study's scenario (N = 100, 10 holders drawn a run), {} × {} a rule drawn from the window in blocks of 32 slots, in {} s on {}.",
                    format::count(super::market::RUNS, "run"), format::count(super::market::SLOTS, "slot"),
                    format::sig(m.seconds, 2), format::count(m.workers as u64, "worker")) }
            </p>
        </>
    }
}
