//! The mechanism comparison (SPEC §5) against hand-derived cases and its closed forms.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use common::assert_rel;
use et_engine::choice::Choice;
use et_engine::mechanisms::run::BLOCK;
use et_engine::mechanisms::{Comparison, Mechanism, Row, SlotModel, SweepParam, TicketSource};
use et_engine::rewards::Reward;

fn model(reward: Reward, captures: &[f64]) -> SlotModel {
    SlotModel::new(reward, captures.to_vec()).unwrap()
}

fn row(c: &Comparison, m: Mechanism) -> &Row {
    &c.rows[m.index()]
}

fn parts(r: &Row) -> [f64; 4] {
    [r.protocol, r.proposer, r.builder, r.unextracted]
}

#[test]
fn identical_builders_without_spread_give_the_proposer_everything_in_a_block_auction() {
    let c = model(Reward::lognormal(0.1, 2.0).unwrap(), &[1.0; 4])
        .compare(3, 20_000)
        .unwrap();
    let b = row(&c, Mechanism::BlockAuction);
    assert_rel(b.proposer, b.value, 1e-12, "proposer");
    assert_eq!(b.builder, 0.0);
    assert_eq!(b.unextracted, 0.0);
    // Ties are broken uniformly: four builders share the blocks.
    assert!(
        (b.hhi - 2500.0).abs() < 5.0 * b.std_errors.hhi.max(20.0),
        "hhi {}",
        b.hhi
    );
}

#[test]
fn mev_burn_with_nothing_after_the_deadline_burns_what_the_block_auction_paid() {
    let mut m = model(Reward::exponential(0.2).unwrap(), &[1.0, 0.9, 0.7]);
    m.spread = 0.5;
    m.deadline_share = 0.0;
    let c = m.compare(11, 30_000).unwrap();
    let (block, burn) = (row(&c, Mechanism::BlockAuction), row(&c, Mechanism::MevBurn));
    assert_eq!(burn.protocol, block.proposer);
    assert_eq!(burn.proposer, 0.0);
    assert_eq!(burn.builder, block.builder);
    // A share g after the deadline leaves (1 − g) of it burned.
    m.deadline_share = 0.25;
    let c = m.compare(11, 30_000).unwrap();
    assert_rel(
        row(&c, Mechanism::MevBurn).protocol,
        0.75 * block.proposer,
        1e-12,
        "burn at g = 0.25",
    );
}

#[test]
fn a_slot_auction_with_a_constant_reward_no_spread_and_no_discount_is_the_block_auction() {
    for (captures, local) in [
        (vec![1.0, 0.8, 0.6], 0.0),
        (vec![0.9, 0.9, 0.5], 0.3),
        (vec![0.4, 0.3], 0.5),
    ] {
        let mut m = model(Reward::constant(0.05).unwrap(), &captures);
        m.local_capture = local;
        m.discount = 0.0;
        let c = m.compare(5, 5_000).unwrap();
        let (block, slot) = (row(&c, Mechanism::BlockAuction), row(&c, Mechanism::SlotAuction));
        for (a, b) in parts(block).iter().zip(parts(slot)) {
            assert_rel(*a, b, 1e-12, "split");
        }
        assert_eq!(block.local_share, slot.local_share);
    }
}

#[test]
fn every_split_sums_to_the_mean_value() {
    let mut m = model(Reward::pareto(0.08, 1.8).unwrap(), &[1.0, 0.95, 0.6, 0.3, 0.1]);
    m.spread = 0.8;
    m.local_capture = 0.4;
    m.discount = 1e-4;
    m.lookahead = 64.0;
    m.partial_share = 0.3;
    for source in TicketSource::ALL {
        m.tickets.source = *source;
        let c = m.compare(9, 40_000).unwrap();
        for r in &c.rows {
            let sum: f64 = parts(r).iter().sum();
            assert_rel(sum, r.value, 1e-9, r.mechanism.key());
            assert_eq!(r.value, c.rows[0].value, "every mechanism sees the same slots");
        }
    }
}

#[test]
fn an_execution_auction_among_identical_builders_leaves_validators_nothing() {
    let c = model(Reward::exponential(0.1).unwrap(), &[0.9; 3])
        .compare(2, 10_000)
        .unwrap();
    let e = row(&c, Mechanism::ExecutionAuction);
    assert_rel(
        e.protocol,
        0.9 * 0.1,
        1e-12,
        "the protocol takes the whole expected value",
    );
    assert_eq!(e.proposer, 0.0);
    assert_eq!(e.income.cv, 0.0);
    assert_eq!((e.income.p5, e.income.p95, e.income.mean), (0.0, 0.0, 0.0));
    assert_rel(e.oracle_accuracy, 0.9 * 0.1 / e.value, 1e-12, "oracle accuracy");
}

#[test]
fn the_block_auction_matches_its_closed_form() {
    // A constant reward: the only noise is the builders' spread.
    let captures = [1.0, 0.9, 0.8, 0.5];
    let mut m = model(Reward::constant(0.1).unwrap(), &captures);
    m.spread = 0.6;
    m.local_capture = 0.3;
    let (proposer, builder) = m.block_auction_expectation();
    let c = m.compare(21, 400_000).unwrap();
    let b = row(&c, Mechanism::BlockAuction);
    assert!(
        (b.proposer - proposer).abs() < 5.0 * b.std_errors.proposer,
        "{} vs {proposer}",
        b.proposer
    );
    assert!(
        (b.builder - builder).abs() < 5.0 * b.std_errors.builder,
        "{} vs {builder}",
        b.builder
    );
    // The slot's value is the most anyone extracts: E[max(V_(1), R)] (R ≥ V_0 here).
    let value = 0.1 * et_engine::mechanisms::order_stats::expected_max(&captures, 0.6, 1.0);
    assert!(
        (b.value - value).abs() < 5.0 * b.std_errors.value,
        "{} vs {value}",
        b.value
    );
    assert!(
        c.rows.iter().all(|r| r.unextracted >= 0.0),
        "nothing extracts more than the value"
    );
}

#[test]
fn ticket_revenue_is_the_second_highest_resale_value() {
    // No spread: builder i resells at max(c_i, second of the others); second-price sale of tickets.
    let mut m = model(Reward::constant(1.0).unwrap(), &[1.0, 0.8, 0.5]);
    m.discount = 0.0;
    let p = m.prices().unwrap();
    assert_eq!(p.ticket_values, vec![1.0, 0.8, 0.8]);
    assert_eq!(p.ticket_revenue, 0.8);
    // The contest source: seed 003's proportional all-pay revenue for values (1, 0.8, 0.8).
    m.tickets.source = TicketSource::Contest;
    let p = m.prices().unwrap();
    let x = 2.0 / (1.0 + 2.5);
    let revenue: f64 = [1.0, 0.8, 0.8].iter().map(|v| x * (1.0 - x / v)).sum();
    assert_rel(p.ticket_revenue, revenue, 1e-9, "contest revenue (Stein closed form)");
    let c = m.compare(1, 1_000).unwrap();
    assert_rel(row(&c, Mechanism::ExecutionTickets).protocol, revenue, 1e-9, "per slot");
}

#[test]
fn runs_split_among_workers_give_the_same_bits() {
    let mut m = model(Reward::lognormal(0.05, 2.0).unwrap(), &[1.0, 0.9, 0.9, 0.4]);
    m.spread = 0.4;
    m.local_capture = 0.2;
    let slots = 5 * BLOCK + 123;
    let p = m.prices().unwrap();
    let whole = m.finish(p.clone(), &m.run_blocks(&p, 8, 0..6, slots), 8);
    let mut parts = m.run_blocks(&p, 8, 3..6, slots);
    parts.extend(m.run_blocks(&p, 8, 0..3, slots));
    let split = m.finish(p, &parts, 8);
    assert_eq!(whole, split);
    assert_eq!(whole, m.compare(8, slots).unwrap());
}

#[test]
fn sweeps_and_bad_inputs() {
    let m = model(Reward::constant(1.0).unwrap(), &[1.0, 0.5]);
    let pts = m.sweep(SweepParam::Builders, &[1.0, 3.0], 1, 100).unwrap();
    // One builder: no competition, the proposer gets nothing; three: (1, 0.5, 0.5) pays 0.5.
    assert_eq!(pts[0].rows[0].proposer, 0.0);
    assert_eq!(pts[1].rows[0].proposer, 0.5);
    let err = m.with(SweepParam::Builders, 0.5).unwrap_err();
    assert_eq!(err.field(), "builders");
    let err = SlotModel::new(Reward::constant(1.0).unwrap(), vec![0.5, -0.1]).unwrap_err();
    assert_eq!(err.field(), "builders[1].capture");
    let err = m.with(SweepParam::DeadlineShare, 1.5).unwrap_err();
    assert_eq!(err.field(), "deadlineShare");
}

/// A fingerprint of a fixed run: the same bits natively and in wasm.
#[test]
fn fixed_seed_fingerprint_is_identical_natively_and_in_wasm() {
    let mut m = model(Reward::lognormal(0.05, 2.0).unwrap(), &[1.0, 0.97, 0.9, 0.9, 0.6]);
    m.spread = 0.5;
    m.local_capture = 0.3;
    m.discount = 1e-6;
    // (The contest source is left out: the contest solver uses the platform's `powf`.)
    let c = m.compare(42, 3 * BLOCK).unwrap();
    let fold = |xs: &[f64]| xs.iter().fold(0u64, |h, v| h.rotate_left(5) ^ v.to_bits());
    let all: Vec<f64> = c
        .rows
        .iter()
        .flat_map(|r| {
            [
                r.protocol,
                r.proposer,
                r.builder,
                r.hhi,
                r.income.p5,
                r.income.p95,
                r.income.cv,
            ]
        })
        .collect();
    let print = format!("{:016x} {:016x}", c.rows[0].value.to_bits(), fold(&all));
    assert_eq!(
        print,
        include_str!("mechanisms_fingerprint.txt").trim(),
        "update tests/mechanisms_fingerprint.txt only if the simulation changed on purpose"
    );
}
