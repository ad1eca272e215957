//! The Primary market page's controls: pricing, holders, rewards and runs.

use et_engine::primary::PricingRule;
use et_engine::rewards::RewardKind;
use yew::prelude::*;

use super::holders_table::HoldersTable;
use super::options_controls::{self, slider};
use super::params::{params, rule_fields, Compare, Field, Jit, Population};
use super::state::{Action, MarketState};
use crate::components::reward_data::data_note;
use crate::components::{AboutModel, ChoiceSelect, DataPanel, MainnetChoice, SeedField};

/// The pricing rule and its parameters, the supply and the resale.
fn pricing(s: &MarketState, d: &Callback<Action>) -> Html {
    let jit = if s.jit { Jit::On } else { Jit::Off };
    html! {
        <>
            <h2>{ "Tickets and pricing" }</h2>
            <AboutModel anchor="primary-market" />
            <ChoiceSelect<PricingRule> id="ctl-rule" label="Pricing rule" selected={s.rule} on_change={d.reform(Action::Rule)} />
            { for rule_fields(s.rule).iter().map(|&f| slider(s, d, f)) }
            { slider(s, d, Field::MaxTickets) }
            { slider(s, d, Field::Expiry) }
            if s.get(Field::Expiry) > 0.0 { { slider(s, d, Field::Refund) } }
            <ChoiceSelect<Jit> id="ctl-jit" label="Just-in-time resale of the drawn slot" selected={jit}
                on_change={d.reform(|j: Jit| Action::Jit(j == Jit::On))} />
        </>
    }
}

/// The population and its table.
fn holders(s: &MarketState, d: &Callback<Action>) -> Html {
    html! {
        <>
            <h2>{ "Holders" }</h2>
            <ChoiceSelect<Population> id="ctl-pop" label="Population" selected={s.population} on_change={d.reform(Action::Population)} />
            if s.population == Population::Drawn {
                { options_controls::drawn(s, d) }
            } else {
                if s.population != Population::Custom { { slider(s, d, Field::Count) } }
                <details class="holders-edit">
                    <summary>{ format!("Edit the {} holders (budget, capture, discount, margin)", s.holders.len()) }</summary>
                    <HoldersTable rows={s.holders.clone()} on_change={d.reform(Action::Holders)} />
                </details>
            }
        </>
    }
}

/// Paste or upload per-slot rewards; what is loaded, or what is used until then.
fn data_panel(s: &MarketState, d: &Callback<Action>) -> Html {
    let note = data_note(s.data.as_ref());
    html! {
        <DataPanel on_load={d.reform(Action::Data)}>
            <div class="hint">{ note }</div>
        </DataPanel>
    }
}

/// The reward law and the regimes.
fn rewards(s: &MarketState, d: &Callback<Action>) -> Html {
    html! {
        <>
            <h2>{ "Rewards" }</h2>
            <ChoiceSelect<RewardKind> id="ctl-reward" label="Reward per slot" selected={s.dist} on_change={d.reform(Action::Dist)} />
            if s.uses_data() { { data_panel(s, d) } }
            if s.dist == RewardKind::Mainnet {
                <MainnetChoice on_ready={d.reform(|()| Action::MainnetReady)} />
            } else if s.data.is_none() || !s.uses_data() {
                { slider(s, d, Field::Mu) }
                if s.uses_sd() { { slider(s, d, Field::Sd) } }
            }
            { slider(s, d, Field::Volatility) }
            if s.get(Field::Volatility) > 0.0 { { slider(s, d, Field::Persistence) } }
        </>
    }
}

/// The horizon, runs, seed and the comparison.
fn runs(s: &MarketState, d: &Callback<Action>) -> Html {
    let compare = if s.compare { Compare::On } else { Compare::Off };
    html! {
        <>
            <h2>{ "Runs" }</h2>
            { slider(s, d, Field::Slots) }
            { slider(s, d, Field::Runs) }
            <SeedField param={params()[Field::Seed as usize].clone()} value={s.get(Field::Seed)}
                on_change={d.reform(|v| Action::Set(Field::Seed, v))} />
            <ChoiceSelect<Compare> id="ctl-compare" label="Compare every pricing rule" selected={compare}
                on_change={d.reform(|c: Compare| Action::Compare(c == Compare::On))} />
        </>
    }
}

/// Every control of the page.
pub fn controls(s: &MarketState, d: &Callback<Action>) -> Html {
    html! {
        <aside class="controls" aria-label="Primary market controls">
            { options_controls::scenario(s, d) }
            { pricing(s, d) }
            { holders(s, d) }
            { options_controls::options(s, d) }
            { rewards(s, d) }
            { runs(s, d) }
            { options_controls::sweep(s, d) }
        </aside>
    }
}
