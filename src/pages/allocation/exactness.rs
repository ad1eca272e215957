//! How exact the shown equilibrium is: the method, the exploitability relative to the
//! top value, the refinement of a numerical result and its revenue error.

use et_engine::contest::{Mechanism, Outcome};
use yew::prelude::*;

use super::strategy_figures::takes_part;
use crate::components::tables::row;
use crate::format;

/// The closed form behind an exact outcome.
fn closed_form(o: &Outcome) -> &'static str {
    let bidders = o
        .strategies
        .as_ref()
        .map_or(0, |s| s.iter().filter(|s| takes_part(s)).count());
    match o.mechanism {
        Mechanism::ProportionalAllPay => "Stein 2002",
        Mechanism::WinnerTakeAll => "first-price auction",
        Mechanism::AllPayAuction if bidders > 2 => "symmetric all-pay equilibrium",
        Mechanism::AllPayAuction => "Baye, Kovenock & de Vries 1996",
        Mechanism::Tullock(_) if o.pure => "share equations",
        Mechanism::Tullock(_) => "Wang 2010",
    }
}

/// The grid sizes "n + m" of a double-oracle refinement, if it names them.
pub fn grid_sizes(refinement: &str) -> Option<&str> {
    let end = refinement.find(" bids")?;
    let start = refinement[..end].rfind(": ").map_or(0, |i| i + 2);
    let sizes = &refinement[start..end];
    sizes.contains(" + ").then_some(sizes)
}

/// The method as a reader says it.
pub fn method_label(o: &Outcome) -> String {
    match o.method {
        "closed-form" => format!("Closed form ({})", closed_form(o)),
        "share-equations" => "Share equations, solved numerically".into(),
        "lp" => "Linear program on a fixed grid".into(),
        "double-oracle" => "Double oracle on adaptive grids".into(),
        "closed-form+double-oracle" => {
            "Closed form (all-pay equivalent, Alcalde & Dahm 2010) with numerical strategies".into()
        }
        "symmetric-cascade" => "Symmetric cascade of atoms, solved by Newton's method".into(),
        other => other.into(),
    }
}

/// The sentence saying how exact the equilibrium is.
pub fn exactness_sentence(o: &Outcome, values: &[f64]) -> String {
    let vmax = values.iter().cloned().fold(0.0, f64::max);
    let rel = format::sig(format::denoise(o.exploitability, vmax) / vmax, 2);
    let err = format::sig(o.revenue_error, 2);
    let grids = o
        .refinement
        .as_deref()
        .and_then(grid_sizes)
        .map_or(String::new(), |g| format!(" ({g} bids)"));
    let mut s = match o.method {
        "closed-form" => format!("{}: exact. Exploitability {rel} of the top value.", method_label(o)),
        "share-equations" => format!("Share equations solved numerically: exploitability {rel} of the top value."),
        "lp" => format!("Linear program on a fixed grid: exploitability {rel} of the top value; revenue off the closed form by ±{err} ETH."),
        "double-oracle" => format!("Double oracle on adaptive grids{grids}: exploitability {rel} of the top value; revenue stable to ±{err} ETH between the last two refinements."),
        "closed-form+double-oracle" => format!("Closed form (all-pay equivalent, Alcalde & Dahm 2010): revenue, expected bids and allocations exact. The strategies shown are numerical, a double oracle on adaptive grids{grids}: exploitability {rel} of the top value; their revenue is within ±{err} ETH of the closed form."),
        "symmetric-cascade" => format!("Symmetric mixed equilibrium of the tied players, a cascade of atoms solved by Newton's method: exploitability {rel} of the top value; revenue within ±{err} ETH of its limit (full dissipation) and of the coarser cascade."),
        other => format!("{other}: exploitability {rel} of the top value."),
    };
    let mixing = o
        .strategies
        .as_ref()
        .map_or(0, |s| s.iter().filter(|s| takes_part(s) && s.support.len() > 1).count());
    let against = match mixing {
        0 | 1 => "the equilibrium strategies".to_string(),
        2 => "the two mixed strategies".to_string(),
        k => format!("the {k} mixed strategies"),
    };
    let out = outsiders(o, values);
    if !out.is_empty() {
        s.push_str(&format!(
            " {out} stay{} out: entering against {against} gains no more than the exploitability.",
            if out.contains(',') { "" } else { "s" }
        ));
    }
    s
}

/// The players who surely bid 0 in a mixed Tullock equilibrium, "Player 3 (v = 1), …".
fn outsiders(o: &Outcome, values: &[f64]) -> String {
    let (Some(st), Mechanism::Tullock(_)) = (&o.strategies, o.mechanism) else {
        return String::new();
    };
    st.iter()
        .enumerate()
        .filter(|(_, s)| !takes_part(s))
        .map(|(i, _)| format!("Player {} (v = {})", i + 1, format::sig(values[i], 4)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The exactness sentence, with the method in `data-method`.
pub fn exactness(o: &Outcome, values: &[f64]) -> Html {
    html! { <p class="hint exactness" data-method={o.method}>{ exactness_sentence(o, values) }</p> }
}

/// The outcome table's rows on exactness: method, exploitability, refinement, revenue error.
pub fn exactness_rows(o: &Outcome, values: &[f64]) -> Html {
    let vmax = values.iter().cloned().fold(0.0, f64::max);
    let exploit = format!(
        "{} ETH ({} of the top value)",
        format::sig(format::denoise(o.exploitability, vmax), 3),
        format::sig(format::denoise(o.exploitability, vmax) / vmax, 2)
    );
    html! {
        <>
            { row("Method", method_label(o)) }
            { row("Exploitability", exploit) }
            if let Some(r) = &o.refinement { { row("Refinement", r.clone()) } }
            if o.revenue_error != 0.0 { { row("Revenue error", format!("±{} ETH", format::sig(o.revenue_error, 2))) } }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use et_engine::contest::solve;

    #[test]
    fn sentences_name_the_method_and_the_error() {
        let v = [4.0, 2.0, 1.0];
        let o = solve(&v, Mechanism::tullock(1.5).unwrap()).unwrap();
        let s = exactness_sentence(&o, &v);
        assert!(s.starts_with("Closed form (Wang 2010): exact."), "{s}");
        assert!(s.contains("Player 3 (v = 1) stays out"), "{s}");
        let o = solve(&[4.0, 2.0], Mechanism::tullock(3.0).unwrap()).unwrap();
        let s = exactness_sentence(&o, &[4.0, 2.0]);
        assert!(
            s.contains("Alcalde & Dahm") && s.contains(" bids)") && s.contains("±"),
            "{s}"
        );
        let o = solve(&[4.0, 2.0], Mechanism::AllPayAuction).unwrap();
        assert!(exactness_sentence(&o, &[4.0, 2.0]).starts_with("Closed form (Baye, Kovenock & de Vries 1996)"));
        let o = solve(&[4.0, 2.0], Mechanism::ProportionalAllPay).unwrap();
        assert!(exactness_sentence(&o, &[4.0, 2.0]).starts_with("Closed form (Stein 2002): exact."));
        assert_eq!(
            grid_sizes("double oracle: 43 + 42 bids after 6 rounds"),
            Some("43 + 42")
        );
        assert_eq!(grid_sizes("fixed grid of 81 bids a player"), None);
    }

    #[test]
    fn tied_players_above_the_pure_range_are_said_to_mix_symmetrically() {
        let v = [1.0, 1.0, 1.0, 0.5];
        let o = solve(&v, Mechanism::tullock(2.0).unwrap()).unwrap();
        let s = exactness_sentence(&o, &v);
        assert!(s.starts_with("Symmetric mixed equilibrium of the tied players"), "{s}");
        assert!(
            s.contains("Player 4 (v = 0.5) stays out: entering against the 3 mixed strategies"),
            "{s}"
        );
        assert_eq!(
            method_label(&o),
            "Symmetric cascade of atoms, solved by Newton's method"
        );
    }
}
