//! JS function of the mechanism comparison: `compareMechanisms`.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::convert::{parse, to_js, whole};
use super::lottery::{seed, RewardInput};
use crate::choice::Choice;
use crate::mechanisms::{Row, SlotModel, StdErrors, TicketSource, Tickets};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BuilderInput {
    capture: f64,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct TicketsInput {
    source: Option<String>,
    count: Option<f64>,
    alpha: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CompareInput {
    reward: RewardInput,
    builders: Vec<BuilderInput>,
    spread: Option<f64>,
    local_capture: Option<f64>,
    deadline_share: Option<f64>,
    lookahead: Option<f64>,
    discount: Option<f64>,
    partial_share: Option<f64>,
    tickets: Option<TicketsInput>,
    validators: Option<f64>,
    slots: f64,
    seed: f64,
}

const FIELDS: [&str; 12] = [
    "reward",
    "builders",
    "spread",
    "localCapture",
    "deadlineShare",
    "lookahead",
    "discount",
    "partialShare",
    "tickets",
    "validators",
    "slots",
    "seed",
];

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RowOutput {
    mechanism: &'static str,
    value: f64,
    protocol: f64,
    proposer: f64,
    builder: f64,
    unextracted: f64,
    validator_income_cv: f64,
    validator_income_mean: f64,
    validator_income_range: [f64; 2],
    proposals_per_year: f64,
    hhi: f64,
    top_share: f64,
    local_share: f64,
    oracle_accuracy: f64,
    std_errors: StdErrors,
}

impl From<&Row> for RowOutput {
    fn from(r: &Row) -> Self {
        Self {
            mechanism: r.mechanism.key(),
            value: r.value,
            protocol: r.protocol,
            proposer: r.proposer,
            builder: r.builder,
            unextracted: r.unextracted,
            validator_income_cv: r.income.cv,
            validator_income_mean: r.income.mean,
            validator_income_range: [r.income.p5, r.income.p95],
            proposals_per_year: r.income.proposals,
            hhi: r.hhi,
            top_share: r.top_share,
            local_share: r.local_share,
            oracle_accuracy: r.oracle_accuracy,
            std_errors: r.std_errors,
        }
    }
}

fn model(i: CompareInput) -> Result<SlotModel, crate::EngineError> {
    let captures = i.builders.iter().map(|b| b.capture).collect();
    let mut m = SlotModel::new(i.reward.build()?, captures)?;
    m.spread = i.spread.unwrap_or(m.spread);
    m.local_capture = i.local_capture.unwrap_or(m.local_capture);
    m.deadline_share = i.deadline_share.unwrap_or(m.deadline_share);
    m.lookahead = i.lookahead.unwrap_or(m.lookahead);
    m.discount = i.discount.unwrap_or(m.discount);
    m.partial_share = i.partial_share.unwrap_or(m.partial_share);
    m.validators = i.validators.unwrap_or(m.validators);
    let t = i.tickets.unwrap_or_default();
    let d = Tickets::default();
    m.tickets = Tickets {
        source: match t.source {
            Some(s) => TicketSource::parse("tickets.source", &s)?,
            None => d.source,
        },
        count: t.count.unwrap_or(d.count),
        alpha: t.alpha.unwrap_or(d.alpha),
    };
    m.validate()?;
    Ok(m)
}

/// `compareMechanisms({reward, builders: [{capture}], spread?, localCapture?,
/// deadlineShare?, lookahead?, discount?, partialShare?, tickets?: {source, count, alpha},
/// validators?, slots, seed})` → one row a mechanism (SPEC §5).
#[wasm_bindgen(js_name = compareMechanisms)]
pub fn compare_mechanisms(input: JsValue) -> Result<JsValue, JsValue> {
    let i: CompareInput = parse(input, &FIELDS)?;
    let slots = whole("slots", i.slots, 1.0, 1e9)?;
    let seed = seed(i.seed)?;
    let c = model(i)?.compare(seed, slots)?;
    to_js(&c.rows.iter().map(RowOutput::from).collect::<Vec<_>>())
}
