//! Bakes the app's version into the build: `ET_BUILD_VERSION` = the crate's version and
//! the short git commit it was built from, e.g. `0.1.0+a84bcec` (the footer and every
//! export show it).
//!
//! The commit comes from `git rev-parse --short HEAD`; outside a git checkout it is
//! `unknown`. `ET_BUILD_COMMIT` overrides it (a build from a source archive, or CI that
//! knows better).

use std::path::PathBuf;
use std::process::Command;

/// `git <args>` in the crate's folder, its trimmed output if it succeeded.
fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !text.is_empty()).then_some(text)
}

/// A commit name fit for a version: hex digits and letters, at most 40 of them.
fn clean(commit: &str) -> Option<String> {
    let c: String = commit.trim().chars().take(40).collect();
    (!c.is_empty() && c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '.')).then_some(c)
}

fn main() {
    println!("cargo:rerun-if-env-changed=ET_BUILD_COMMIT");
    println!("cargo:rerun-if-changed=build.rs");
    let from_env = std::env::var("ET_BUILD_COMMIT").ok().and_then(|c| clean(&c));
    let commit = from_env
        .clone()
        .or_else(|| git(&["rev-parse", "--short", "HEAD"]).and_then(|c| clean(&c)));
    // Rebuild when HEAD moves (a commit, a checkout): HEAD itself and the ref it names.
    if from_env.is_none() {
        if let Some(dir) = git(&["rev-parse", "--absolute-git-dir"]).map(PathBuf::from) {
            let head = dir.join("HEAD");
            println!("cargo:rerun-if-changed={}", head.display());
            if let Some(reference) = git(&["symbolic-ref", "-q", "HEAD"]) {
                let common = git(&["rev-parse", "--git-common-dir"])
                    .map(|c| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(c))
                    .unwrap_or(dir);
                // Only files that exist: a missing one would rerun this at every build.
                for file in [common.join(reference), common.join("packed-refs")] {
                    if file.exists() {
                        println!("cargo:rerun-if-changed={}", file.display());
                    }
                }
            }
        }
    }
    let version = format!(
        "{}+{}",
        env!("CARGO_PKG_VERSION"),
        commit.unwrap_or_else(|| "unknown".to_string())
    );
    println!("cargo:rustc-env=ET_BUILD_VERSION={version}");
}
