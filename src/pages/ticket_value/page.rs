//! The Ticket value page: SPEC §1's closed forms against n.

use std::rc::Rc;

use et_engine::choice::Choice;
use et_engine::rates::{annual_from_per_slot, per_slot_from_annual};
use et_engine::rewards::RewardKind;
use yew::prelude::*;

use super::engine::LotteryEngine;
use super::figures::{issued_vs_n, share_vs_n, value_vs_n};
use super::lottery::LotteryAction;
use super::math;
use super::state::{params, Action, Field, Preset, TicketState};
use super::tables::{duration, summary};
use crate::charts::Figure;
use crate::components::reward_data::NO_DATA;
use crate::components::{AboutModel, Chart, ChoiceSelect, DataPanel, Later, MainnetChoice, Notices, Slider};
use crate::format;
use crate::hooks::{use_url_state, PageProps};
use crate::url_state::{Param, Scale};

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
    let (state, parsed) = use_url_state::<TicketState>(&props.route);
    let s = &*state;
    let figures = use_memo(s.clone(), |s| {
        [value_vs_n(s), issued_vs_n(s), share_vs_n(s)].map(|f| f.map(Rc::new))
    });
    let dispatch = {
        let d = state.dispatcher();
        Callback::from(move |a| d.dispatch(a))
    };
    html! {
        <div class="page ticket-value">
            <Notices items={parsed.1.clone()} />
            { controls(s, &dispatch) }
            <section class="results">
                { summary(s) }
                { chart_row(&figures[0], "value", math::TICKET_VALUE) }
                { chart_row(&figures[1], "issued", math::ISSUED) }
                { chart_row(&figures[2], "share", math::SHARE) }
                <Later height={1600}><LotteryEngine state={s.clone()} {dispatch} /></Later>
            </section>
        </div>
    }
}

/// The inputs: presets, the reward law, the closed forms' parameters.
fn controls(s: &TicketState, d: &Callback<Action>) -> Html {
    let p = params();
    let set = |field: Field| d.reform(move |v: f64| Action::Set(field, v));
    let set_rate = d.reform(|pct: f64| Action::Set(Field::D, per_slot_from_annual(pct / 100.0)));
    let rate_pct = annual_from_per_slot(s.d) * 100.0;
    let presets = Preset::ALL.iter().map(|&preset| {
        let onclick = d.reform(move |_: MouseEvent| Action::Preset(preset));
        html! { <button class="preset" {onclick}>{ preset.label() }</button> }
    });
    let on_reward = d.reform(|k: RewardKind| Action::Lottery(LotteryAction::Dist(k)));
    html! {
        <aside class="controls" aria-label="Ticket value controls">
            <h2>{ "Inputs" }</h2>
            <AboutModel anchor="ticket-value" />
            <div class="presets">{ for presets }</div>
            <ChoiceSelect<RewardKind> id="ctl-reward" label="Reward distribution" selected={s.lottery.dist} on_change={on_reward} />
            if s.lottery.dist.uses_data() { { data_panel(s, d) } }
            if s.lottery.dist == RewardKind::Mainnet {
                <MainnetChoice on_ready={d.reform(|()| Action::Lottery(LotteryAction::MainnetReady))} />
            }
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
fn data_panel(s: &TicketState, d: &Callback<Action>) -> Html {
    let on_load = d.reform(|data| Action::Lottery(LotteryAction::Data(Some(data))));
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
        <DataPanel {on_load}>
            { summary.unwrap_or_else(|| html! { <div class="hint">{ NO_DATA }</div> }) }
        </DataPanel>
    }
}

fn chart_row(fig: &Option<Rc<Figure>>, name: &'static str, formula: &'static str) -> Html {
    html! {
        <div class="chart-row">
            if let Some(f) = fig {
                <Chart figure={f.clone()} name={name} />
            }
            <div class="formula">{ Html::from_html_unchecked(AttrValue::from(formula)) }</div>
        </div>
    }
}
