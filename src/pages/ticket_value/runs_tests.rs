//! The pools' and holders' simulations a step a task give the numbers of one call of the
//! engine, bit for bit.

use et_engine::lottery::monte_carlo::TicketMonteCarlo;
use et_engine::lottery::pools::grouped_pool_risk;
use et_engine::lottery::process::{Process, Remint};

use super::super::lottery::Setting;
use super::super::state::TicketState;
use super::{holders_run, pool_run, reward_spec, POOL_TICKETS};

#[test]
fn the_pools_drawn_in_steps_equal_one_engine_call() {
    let s = TicketState::default();
    let reward = reward_spec(&s.lottery, s.mu, s.sd).build().unwrap();
    let mc = TicketMonteCarlo::new(s.n, s.d, reward, s.lookahead as u64).unwrap();
    let sizes: Vec<u64> = (0..=10).map(|k| 1u64 << k).collect();
    let seed = s.lottery.get(Setting::Seed) as u64;
    let whole = grouped_pool_risk(&mc, &sizes, POOL_TICKETS, seed).unwrap();
    assert_eq!(format!("{:?}", pool_run(&s).unwrap()), format!("{whole:?}"));
}

#[test]
fn the_holders_run_in_steps_equal_one_engine_call() {
    let s = TicketState::default();
    let l = &s.lottery;
    let n = s.n.round() as u64;
    let holdings: Vec<u64> = l
        .holders
        .iter()
        .map(|p| (p / 100.0 * n as f64).round() as u64)
        .collect();
    let others = n - holdings.iter().sum::<u64>();
    let reward = reward_spec(l, s.mu, s.sd).build().unwrap();
    let remint = if l.remint_others {
        Remint::Others
    } else {
        Remint::SameHolder
    };
    let horizon = l.get(Setting::ProcessHorizon) as u64;
    let p = Process::new(holdings, others, s.d, reward, remint, horizon).unwrap();
    let whole = p
        .run(l.get(Setting::Seed) as u64, l.get(Setting::Runs) as u64, 200)
        .unwrap();
    let (stepped, _) = holders_run(&s).unwrap();
    assert!(horizon * (l.get(Setting::Runs) as u64) > 200_000, "more than one step");
    assert_eq!(format!("{stepped:?}"), format!("{whole:?}"));
}
