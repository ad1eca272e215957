//! Loading per-slot rewards: paste or upload a CSV; bad data gets a message naming the
//! line, and what was pasted stays.

use std::rc::Rc;

use et_engine::rewards::data::{parse_rewards, summarize, DataSummary};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Per-slot rewards loaded by the user; equal when they are the same load.
#[derive(Clone, Debug)]
pub struct DataSet {
    /// Distinguishes loads.
    pub id: u64,
    /// The rewards (ETH), in order.
    pub values: Rc<Vec<f64>>,
    /// Count, mean, sd, quantiles.
    pub summary: DataSummary,
    /// Where it came from (file name or "pasted").
    pub source: String,
}

impl PartialEq for DataSet {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

/// What a page says while no data is loaded.
pub const NO_DATA: &str =
    "No data loaded yet: until then the log-normal law with μ and sd is used. Data is not stored in the link.";

/// What a page says under the loader: what is loaded, or what is used until then.
pub fn data_note(data: Option<&DataSet>) -> String {
    match data {
        Some(d) => format!(
            "Using {} rewards from {} (mean {} ETH). Data is not stored in the link.",
            d.summary.count,
            d.source,
            crate::format::sig(d.summary.mean, 4)
        ),
        None => NO_DATA.into(),
    }
}

/// Properties of [`DataPanel`].
#[derive(Properties, PartialEq)]
pub struct DataPanelProps {
    /// Called with the parsed data.
    pub on_load: Callback<DataSet>,
    /// What is loaded (or what is used until then), under the loader.
    pub children: Html,
}

/// The loader with the page's note on what is loaded.
#[function_component]
pub fn DataPanel(props: &DataPanelProps) -> Html {
    html! {
        <div class="data-panel">
            <RewardData on_load={props.on_load.clone()} />
            { props.children.clone() }
        </div>
    }
}

/// Properties of [`RewardData`].
#[derive(Properties, PartialEq)]
pub struct RewardDataProps {
    /// Called with the parsed data.
    pub on_load: Callback<DataSet>,
}

fn load(text: &str, source: String) -> Result<DataSet, String> {
    let values = parse_rewards(text).map_err(|e| format!("{source}: {e}"))?;
    let summary = summarize(&values).ok_or_else(|| format!("{source}: holds no rewards"))?;
    let id = (js_sys::Math::random() * 9e15) as u64;
    Ok(DataSet {
        id,
        values: Rc::new(values),
        summary,
        source,
    })
}

/// Reads `file` as text and loads it (an error names the file).
fn read_file(file: web_sys::File, error: UseStateHandle<Option<String>>, cb: Callback<DataSet>) {
    wasm_bindgen_futures::spawn_local(async move {
        let file = gloo_file::File::from(file);
        let name = file.name();
        match gloo_file::futures::read_as_text(&file).await {
            Ok(content) => match load(&content, name) {
                Ok(d) => {
                    error.set(None);
                    cb.emit(d);
                }
                Err(e) => error.set(Some(e)),
            },
            Err(_) => error.set(Some(format!("{name}: could not be read as text"))),
        }
    });
}

/// A textarea for pasted rewards, a file picker, and the error of the last attempt.
#[function_component]
pub fn RewardData(props: &RewardDataProps) -> Html {
    let text = use_state(String::new);
    let error = use_state(|| None::<String>);
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let t: HtmlTextAreaElement = e.target_unchecked_into();
            text.set(t.value());
        })
    };
    let use_pasted = {
        let (text, error, cb) = (text.clone(), error.clone(), props.on_load.clone());
        Callback::from(move |_: MouseEvent| match load(&text, "pasted data".into()) {
            Ok(d) => {
                error.set(None);
                cb.emit(d);
            }
            Err(e) => error.set(Some(e)),
        })
    };
    let on_file = {
        let (error, cb) = (error.clone(), props.on_load.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                read_file(file, error.clone(), cb.clone());
            }
        })
    };
    html! {
        <div class="reward-data">
            <label for="reward-data-text">{ "Per-slot rewards (ETH): paste one a line, or a CSV with a reward column" }</label>
            <textarea id="reward-data-text" rows="4" value={(*text).clone()} {oninput}
                placeholder={"reward_eth\n0.031\n0.27\n0.012"}
                aria-invalid={error.is_some().then_some("true")} />
            <div class="reward-data-actions">
                <button id="reward-data-use" onclick={use_pasted}>{ "Use pasted rewards" }</button>
                <label class="file">
                    { "or upload a CSV " }
                    <input type="file" id="reward-data-file" accept=".csv,.txt,text/csv,text/plain" onchange={on_file} />
                </label>
            </div>
            if let Some(e) = &*error {
                <div class="field-error" role="alert">{ e }</div>
            }
        </div>
    }
}
