//! Whether the numbers shown are final: a run that shows a first view from part of its
//! work (issue 23) says so above its reading, and says again when the rest has come in.

use yew::prelude::*;

use crate::format;

/// Where the numbers shown stand.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    /// Whether the numbers are a first view (not the final result).
    pub first_view: bool,
    /// Whether the rest of the run is still under way.
    pub running: bool,
    /// Units behind the numbers shown, and in the whole run.
    pub part: u64,
    pub whole: u64,
    /// The unit, singular ("run", "slot").
    pub noun: &'static str,
}

impl ViewState {
    /// Whether the numbers shown are the run's final ones.
    pub fn is_final(&self) -> bool {
        !self.first_view || self.part >= self.whole
    }

    /// The sentence; `errors` names the stated errors of a first view.
    pub fn sentence(&self, errors: &str) -> String {
        let whole = format::count(self.whole, self.noun);
        if self.is_final() {
            return format!("Final: all {whole}.");
        }
        let then = if self.running {
            " — refining. The final numbers stay within about three standard errors of these"
        } else {
            ": the run stopped before the rest"
        };
        format!(
            "First view from {} of {whole}{then} ({errors}).",
            format::grouped(self.part as i64)
        )
    }
}

/// The sentence as the page's status line (`data-final` says which).
pub fn view_state(v: &ViewState, errors: &str) -> Html {
    html! {
        <p class="hint view-state" role="status" data-final={v.is_final().to_string()}>
            { v.sentence(errors) }
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_says_when_the_numbers_are_final() {
        let mut v = ViewState {
            first_view: true,
            running: true,
            part: 10,
            whole: 50,
            noun: "run",
        };
        let s = v.sentence("± 1 point");
        assert!(s.starts_with("First view from 10 of 50 runs — refining."), "{s}");
        assert!(s.contains("(± 1 point)"), "{s}");
        v.running = false;
        assert!(v.sentence("e").contains("stopped"));
        v.first_view = false;
        assert_eq!(v.sentence("e"), "Final: all 50 runs.");
    }
}
