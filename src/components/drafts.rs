//! Text being typed into keyed number fields (rows of a table, cells of a grid): kept
//! across re-renders until a valid value is committed, and a message for each rejected
//! entry, so nothing typed is lost and every error names its field.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::url_state::Param;

/// The drafts and errors of a set of fields keyed by `K`; cheap to clone.
pub struct Drafts<K: 'static> {
    drafts: UseStateHandle<Vec<(K, String)>>,
    errors: UseStateHandle<Vec<(K, String)>>,
}

impl<K> Clone for Drafts<K> {
    fn clone(&self) -> Self {
        Self {
            drafts: self.drafts.clone(),
            errors: self.errors.clone(),
        }
    }
}

fn without<K: PartialEq + Clone>(v: &[(K, String)], k: &K) -> Vec<(K, String)> {
    v.iter().filter(|(j, _)| j != k).cloned().collect()
}

/// Fresh drafts for a component's fields.
#[hook]
pub fn use_drafts<K: PartialEq + Clone + 'static>() -> Drafts<K> {
    Drafts {
        drafts: use_state(Vec::new),
        errors: use_state(Vec::new),
    }
}

impl<K: PartialEq + Clone + 'static> Drafts<K> {
    /// What field `k` shows: its draft, else `committed`.
    pub fn shown(&self, k: &K, committed: String) -> String {
        self.drafts
            .iter()
            .find(|(j, _)| j == k)
            .map_or(committed, |(_, t)| t.clone())
    }

    /// The message of field `k`'s rejected entry, if any.
    pub fn error(&self, k: &K) -> Option<String> {
        self.errors.iter().find(|(j, _)| j == k).map(|(_, m)| m.clone())
    }

    /// Every message, in the order they arose.
    pub fn errors(&self) -> Vec<String> {
        self.errors.iter().map(|(_, m)| m.clone()).collect()
    }

    /// Forgets every draft and error (e.g. when rows move).
    pub fn clear(&self) {
        self.drafts.set(Vec::new());
        self.errors.set(Vec::new());
    }

    /// Keeps what is typed into field `k`.
    pub fn oninput(&self, k: K) -> Callback<InputEvent> {
        let drafts = self.drafts.clone();
        Callback::from(move |e: InputEvent| {
            let mut d = without(&drafts, &k);
            d.push((k.clone(), e.target_unchecked_into::<HtmlInputElement>().value()));
            drafts.set(d);
        })
    }

    /// On commit (Enter or leaving the field): a value valid for `param` goes to
    /// `commit` and the draft is dropped; a bad one stays, with `"{name}: {why}"`.
    pub fn onchange(&self, k: K, param: Param, name: String, commit: Callback<f64>) -> Callback<Event> {
        let (drafts, errors) = (self.drafts.clone(), self.errors.clone());
        Callback::from(move |e: Event| {
            let text = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut errs = without(&errors, &k);
            match param.parse(&text) {
                Ok(v) => {
                    drafts.set(without(&drafts, &k));
                    commit.emit(v);
                }
                Err(why) => errs.push((k.clone(), format!("{name}: {why}"))),
            }
            errors.set(errs);
        })
    }
}
