//! The one registry of job kinds on the worker's side: which [`Work`] answers each
//! [`JobKind`]. The page's pool tags each request with its work's [`Work::KIND`]; the
//! worker's [`answer`] reads the tag back through the same enum (an exhaustive match),
//! so the two cannot disagree.

use et_engine::choice::Choice;

use super::handle::{failed, handle, Post};
use super::kind::JobKind;
use super::market_job::MarketJob;
use super::mc_job::McJob;
use super::mechanisms_job::MechanismsJob;
use super::protocol::{Kind, Work};
use super::sweep_job::SweepJob;

/// Answers one request (JSON text), handing each reply (bytes) to `post`.
pub fn answer(text: &str, post: Post) {
    let kind = match serde_json::from_str::<Kind>(text) {
        Ok(k) => k.kind,
        Err(e) => return failed(post, 0, format!("bad request: {e}")),
    };
    match JobKind::from_key(&kind) {
        Some(JobKind::Mc) => handle::<McJob>(text, post),
        Some(JobKind::Market) => handle::<MarketJob>(text, post),
        Some(JobKind::Mechanisms) => handle::<MechanismsJob>(text, post),
        Some(JobKind::MarketSweep) => handle::<SweepJob>(text, post),
        None => failed(post, 0, format!("unknown kind of work \"{kind}\"")),
    }
}

/// Every registered work's tag, checked against the enum (a compile-time list).
pub fn kinds() -> [JobKind; 4] {
    [McJob::KIND, MarketJob::KIND, MechanismsJob::KIND, SweepJob::KIND]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_registered_once() {
        let mut keys: Vec<&str> = kinds().iter().map(|k| k.key()).collect();
        keys.sort();
        let mut all: Vec<&str> = JobKind::ALL.iter().map(|k| k.key()).collect();
        all.sort();
        assert_eq!(keys, all);
        let mut replies = Vec::new();
        answer(r#"{"kind":"nope"}"#, &mut |r| replies.push(r));
        assert_eq!(replies.len(), 1);
        match super::super::protocol::decode::<()>(&replies[0]) {
            Ok(super::super::protocol::Response::Failed { message, .. }) => {
                assert!(message.contains("unknown kind of work"), "{message}")
            }
            other => panic!("{other:?}"),
        }
    }
}
