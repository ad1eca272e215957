//! The Ticket value page: SPEC §1's closed forms against n.

use std::rc::Rc;

use et_engine::rates::{annual_from_per_slot, per_slot_from_annual, SECONDS_PER_SLOT};
use yew::prelude::*;

use crate::charts::ticket::{issued_vs_n, share_vs_n, value_vs_n};
use crate::components::{Chart, Notices, RewardData, Select, Slider};
use crate::format;
use crate::state::lottery::{Dist, LotteryAction};
use crate::state::ticket::{params, Action, Field, Preset, TicketState};
use crate::url_state::{Param, Route, Scale};
use crate::views::lottery_engine::LotteryEngine;
use crate::views::math;

/// Properties of [`TicketValuePage`].
#[derive(Properties, PartialEq)]
pub struct PageProps {
    /// The route the page was opened with.
    pub route: Route,
}

/// The annual-rate control: not in the URL (d is), shown as a percentage.
fn rate_param() -> Param {
    Param {
        key: "rate",
        label: "Discount rate, annual",
        unit: "% / yr",
        min: 1e-3,
        max: 1e3,
        default: 3.5,
        scale: Scale::Log,
        integer: false,
    }
}

/// The page.
#[function_component]
pub fn TicketValuePage(props: &PageProps) -> Html {
    let (state, parsed) = crate::state::use_url_state::<TicketState>(&props.route);

    let set = |field: Field| {
        let d = state.dispatcher();
        Callback::from(move |v: f64| d.dispatch(Action::Set(field, v)))
    };
    let set_rate = {
        let d = state.dispatcher();
        Callback::from(move |pct: f64| d.dispatch(Action::Set(Field::D, per_slot_from_annual(pct / 100.0))))
    };
    let p = params();
    let s = &*state;
    let rate_pct = annual_from_per_slot(s.d) * 100.0;
    let figures = use_memo((*state).clone(), |s| {
        [value_vs_n(s), issued_vs_n(s), share_vs_n(s)].map(|f| f.map(Rc::new))
    });
    let presets = Preset::ALL.iter().map(|&preset| {
        let d = state.dispatcher();
        let onclick = Callback::from(move |_| d.dispatch(Action::Preset(preset)));
        html! { <button class="preset" {onclick}>{ preset.label() }</button> }
    });

    html! {
        <div class="page ticket-value">
            <Notices items={parsed.1.clone()} />
            <aside class="controls" aria-label="Ticket value controls">
                <h2>{ "Inputs" }</h2>
                <div class="presets">{ for presets }</div>
                <Select id="ctl-reward" label="Reward distribution" selected={Dist::ALL.iter().position(|d| *d == s.lottery.dist).unwrap_or(0)}
                    options={Dist::ALL.iter().map(|d| AttrValue::from(d.label())).collect::<Vec<_>>()}
                    on_change={{ let d = state.dispatcher(); move |i: usize| d.dispatch(Action::Lottery(LotteryAction::Dist(Dist::ALL[i]))) }} />
                if s.lottery.dist.uses_data() { { data_panel(s, &state) } }
                <Slider param={p[0].clone()} value={s.mu} on_change={set(Field::Mu)} hint={moments_hint(s)} />
                <Slider param={p[1].clone()} value={s.sd} on_change={set(Field::Sd)} />
                <Slider param={rate_param()} value={rate_pct.clamp(1e-3, 1e3)} on_change={set_rate}
                    hint={format!("per slot: d = {}", format::sig(s.d, 5))} />
                <Slider param={p[2].clone()} value={s.d} on_change={set(Field::D)}
                    hint={format!("≈ {} % a year", format::sig(rate_pct, 4))} />
                <Slider param={p[3].clone()} value={s.n} on_change={set(Field::N)}
                    hint={format!("a ticket waits n slots ≈ {} on average", duration(s.n))} />
                <Slider param={p[4].clone()} value={s.share} on_change={set(Field::Share)} />
                <Slider param={p[5].clone()} value={s.lookahead} on_change={set(Field::Lookahead)}
                    hint="slots between a ticket's draw and its slot" />
            </aside>
            <section class="results">
                { summary(s) }
                { chart_row(&figures[0], "value", math::TICKET_VALUE) }
                { chart_row(&figures[1], "issued", math::ISSUED) }
                { chart_row(&figures[2], "share", math::SHARE) }
                <LotteryEngine state={s.clone()} dispatch={{ let d = state.dispatcher(); Callback::from(move |a| d.dispatch(a)) }} />
            </section>
        </div>
    }
}

/// The reward law's moments in force, when they are not the sliders'.
fn moments_hint(s: &TicketState) -> Option<AttrValue> {
    let (mean, sd) = s.reward_moments();
    (mean != s.mu || sd != s.sd).then(|| {
        AttrValue::from(format!(
            "in force: mean {} ETH, sd {} ETH ({})",
            format::sig(mean, 4),
            format::sig(sd, 4),
            s.lottery.dist.label()
        ))
    })
}

/// The data loader and the loaded data's summary.
fn data_panel(s: &TicketState, state: &UseReducerHandle<TicketState>) -> Html {
    let on_load = {
        let d = state.dispatcher();
        Callback::from(move |data| d.dispatch(Action::Lottery(LotteryAction::Data(Some(data)))))
    };
    let summary = s.lottery.data.as_ref().map(|data| {
        let q = &data.summary.quantiles;
        html! {
            <div class="data-summary" aria-label="Reward data summary">
                <strong>{ format!("{}: {} rewards", data.source, format::readable(data.summary.count as f64, 6)) }</strong>
                <div>{ format!("mean {} · sd {} ETH", format::sig(data.summary.mean, 4), format::sig(data.summary.sd, 4)) }</div>
                <div>{ format!("min {} · median {} · 99 % {} · max {} ETH", format::sig(data.summary.min, 3),
                    format::sig(q[3].1, 3), format::sig(q[6].1, 3), format::sig(data.summary.max, 3)) }</div>
            </div>
        }
    });
    html! {
        <div class="data-panel">
            <RewardData {on_load} />
            { summary.unwrap_or_else(|| html! {
                <div class="hint">{ "No data loaded yet: until then the log-normal law with μ and sd is used. Data is not stored in the link." }</div>
            }) }
        </div>
    }
}

fn chart_row(fig: &Option<Rc<crate::charts::Figure>>, name: &'static str, formula: &'static str) -> Html {
    html! {
        <div class="chart-row">
            if let Some(f) = fig {
                <Chart figure={f.clone()} name={name} />
            }
            <div class="formula">{ Html::from_html_unchecked(AttrValue::from(formula)) }</div>
        </div>
    }
}

fn summary(s: &TicketState) -> Html {
    let sum = match s.summary() {
        Ok(sum) => sum,
        Err(e) => return html! { <div class="error" role="alert">{ e.to_string() }</div> },
    };
    let eth = |v: f64| format!("{} ETH", format::readable(v, 4));
    let rows = [
        ("Ticket value E[V]", eth(sum.ticket_value)),
        ("Its standard deviation", eth(sum.ticket_variance.sqrt())),
        ("All future rewards μ/d", eth(sum.total_npv)),
        ("Issued tickets n·E[V]", eth(sum.issued_value)),
        ("Unissued rest", eth(sum.unissued_value)),
        (
            "Expected wait E[T]",
            format!("{} slots ({})", format::sig(sum.expected_wait_slots, 4), duration(s.n)),
        ),
        ("Value of the P holding", eth(sum.share_value.unwrap_or(0.0))),
    ];
    html! {
        <dl class="summary" aria-label="Closed-form results">
            { for rows.into_iter().map(|(k, v)| html! { <div><dt>{ k }</dt><dd>{ v }</dd></div> }) }
        </dl>
    }
}

/// `slots` as a human duration (12 s a slot).
pub fn duration(slots: f64) -> String {
    let secs = slots * SECONDS_PER_SLOT;
    let units = [
        (31_557_600.0, "years"),
        (86_400.0, "days"),
        (3_600.0, "hours"),
        (60.0, "minutes"),
    ];
    for (size, name) in units {
        if secs >= size {
            return format!("{} {name}", format::sig(secs / size, 3));
        }
    }
    format!("{} seconds", format::sig(secs, 3))
}
