//! The Mainnet page: six months of real slots — what proposers were paid, its heavy
//! tail, the builders — and what execution tickets would have done on them. The data is
//! fetched on opening (this page is the data), with progress; the primary market's runs
//! go to the worker pool, which fetches the data once per worker.

use std::rc::Rc;

use et_engine::primary::PricingRule;
use yew::prelude::*;

use super::controls::controls;
use super::figures::{builders_figure, payments_figure, tail_figure};
use super::market::{jobs, outcome, MarketOutcome, RULES};
use super::params::Field;
use super::retro::{at_n, ticket_points, window_reward, TicketPoint};
use super::retro_figures::{capture_figure, concentration_figure, payback_figure, streak_figure, ticket_figure};
use super::state::{Action, MainnetState};
use super::tables::{numbers, reading};
use super::view::{data_view, DataView};
use crate::components::{run_status, Chart, MainnetStatus, Notices};
use crate::format;
use crate::hooks::{use_mainnet, use_pool_run, use_url_state, MainnetLoad, PageProps};
use crate::worker::market_job::MarketJob;

/// The inputs of the market's run (the tickets' `n` and discount do not enter it).
fn market_key(s: &MainnetState) -> MainnetState {
    let mut k = s.clone();
    k.values[Field::N as usize] = 0.0;
    k.values[Field::Annual as usize] = 0.0;
    k.mode = super::params::ModeChoice::Replay;
    k
}

/// The page.
#[function_component]
pub fn MainnetPage(props: &PageProps) -> Html {
    let (state, parsed) = use_url_state::<MainnetState>(&props.route);
    let s = &*state;
    let (load, start) = use_mainnet(true);
    let view = use_memo((load.clone(), s.window()), |(l, (from, to))| {
        l.data().map(|d| data_view(d, *from, *to))
    });
    let tickets = use_memo((load.clone(), s.clone()), |(l, s)| {
        l.data().map(|d| ticket_points(d, s))
    });
    let sim = use_pool_run::<MarketJob, [PricingRule; 4], MarketOutcome>(outcome, RULES);
    {
        let sim = sim.clone();
        // The window's mean under the missing-slot choice (the market's unit).
        let mu = *use_memo((load.clone(), market_key(s)), |(l, k)| {
            l.data().and_then(|d| window_reward(d, k).ok()).map(|r| r.mean())
        });
        use_effect_with((mu.map(f64::to_bits), market_key(s)), move |(mu, key)| {
            if let Some(mu) = mu.map(f64::from_bits).filter(|m| *m > 0.0) {
                sim.run(RULES, jobs(key, mu));
            }
        });
    }
    let d = state.dispatcher();
    let dispatch = Callback::from(move |a: Action| d.dispatch(a));
    let status = &sim.status;
    let market = status.last.as_deref();
    html! {
        <div class="page mainnet">
            <Notices items={parsed.1.clone()} />
            { controls(s, &dispatch) }
            <section class="results">
                <MainnetStatus load={load.clone()} on_load={start} />
                { match &*view {
                    Some(Ok(v)) => results(s, v, tickets_of(&tickets), market),
                    Some(Err(e)) => html! { <div class="no-equilibrium" role="alert">{ e.clone() }</div> },
                    None => html! {},
                } }
                if matches!(load, MainnetLoad::Ready(_)) {
                    { run_status(status, "Primary market on the window (slots)", sim.cancel(), None) }
                    { market_view(view.as_ref().as_ref().and_then(|v| v.as_ref().ok()), market) }
                }
            </section>
        </div>
    }
}

/// The ticket points, or `None` (with the reason shown by the ticket chart's place).
fn tickets_of(t: &Option<Result<Vec<TicketPoint>, String>>) -> Result<&[TicketPoint], String> {
    match t {
        Some(Ok(p)) => Ok(p),
        Some(Err(e)) => Err(e.clone()),
        None => Err(String::new()),
    }
}

/// The reading, the numbers and the charts of the data and of one ticket.
fn results(
    s: &MainnetState,
    v: &DataView,
    tickets: Result<&[TicketPoint], String>,
    market: Option<&MarketOutcome>,
) -> Html {
    let n = s.get(Field::N);
    let first = v.summary.first_slot;
    let at = tickets.as_ref().ok().and_then(|p| at_n(p, n));
    html! {
        <>
            <p class="verdict">{ reading(v, at, market) }</p>
            { numbers(&v.summary) }
            <div class="chart-grid">
                <Chart figure={Rc::new(payments_figure(&v.days, first))} name="payments" />
                if let Some(t) = &v.tail { <Chart figure={Rc::new(tail_figure(t))} name="tail" /> }
                <Chart figure={Rc::new(builders_figure(&v.weeks, first))} name="builders" />
            </div>
            <h2>{ "Retrospective: execution tickets on these slots" }</h2>
            <div class="chart-grid">
                { match tickets {
                    Ok(p) => html! { <>
                        <Chart figure={Rc::new(ticket_figure(p, n))} name="ticket" />
                        <Chart figure={Rc::new(payback_figure(p, n))} name="payback" />
                    </> },
                    Err(e) => html! { <div class="no-equilibrium" role="alert">{ e }</div> },
                } }
                if let Some(k) = &v.streak { <Chart figure={Rc::new(streak_figure(k))} name="streak" /> }
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
                { format!("The primary market: the study's scenario (N = 100, 10 holders drawn a run), {} runs × {} slots a rule drawn from the window in blocks of 32 slots, in {} s on {} workers.",
                    super::market::RUNS, super::market::SLOTS, format::compact(m.seconds, 2), m.workers) }
            </p>
        </>
    }
}
