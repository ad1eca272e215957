//! The mainnet data (MEV-Boost payments, Oct 2023 – Apr 2024): loading it and its windows.

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

use et_engine::api;

use crate::convert::{error, parse, to_py, value_error};

/// Loads the mainnet asset (`www/data/mainnet-2023-10-2024-04.bin`: its bytes, or a
/// path) for mainnet_summary and {"kind": "mainnet"} rewards: {first_slot, last_slot,
/// first_block, slots}. A corrupt buffer raises ValueError("mainnet data: …").
///
/// >>> import et_engine as et
/// >>> d = et.load_mainnet("www/data/mainnet-2023-10-2024-04.bin")  # from the checkout
/// >>> d["first_slot"], d["slots"]
/// (7509685, 1312388)
#[pyfunction]
#[pyo3(text_signature = "(data, /)")]
pub(crate) fn load_mainnet<'py>(py: Python<'py>, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let bytes: Vec<u8> = if let Ok(b) = data.cast::<PyBytes>() {
        b.as_bytes().to_vec()
    } else if let Ok(b) = data.extract::<Vec<u8>>() {
        b
    } else {
        let os = py.import("os")?;
        let path: std::path::PathBuf = os.call_method1("fspath", (data,))?.extract()?;
        std::fs::read(&path).map_err(|e| error(format!("mainnet data: cannot read {}: {e}", path.display())))?
    };
    let out = py.detach(|| api::mainnet::load_mainnet(&bytes)).map_err(value_error)?;
    to_py(py, &out)
}

/// A window of the loaded mainnet data (slots `from_`.. `to`, inclusive; default all):
/// counts, moments, quantiles, builders, builder_hhi and longest_run. `from` is a
/// Python keyword, so pass it as `from_` or `**{"from": …}`.
///
/// >>> import et_engine as et
/// >>> _ = et.load_mainnet("www/data/mainnet-2023-10-2024-04.bin")
/// >>> s = et.mainnet_summary(from_=7_509_685, to=7_516_884)  # its first day
/// >>> s["slots"], s["longest_run"]["builder"] is not None
/// (7200, True)
#[pyfunction]
#[pyo3(signature = (**kwargs), text_signature = "(*, from_=None, to=None)")]
pub(crate) fn mainnet_summary<'py>(
    py: Python<'py>,
    kwargs: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    let kwargs = kwargs.map(rename_from).transpose()?;
    let i = parse(py, kwargs.as_ref(), &api::mainnet::WINDOW_FIELDS)?;
    let out = py.detach(|| api::mainnet::mainnet_summary(i)).map_err(value_error)?;
    to_py(py, &out)
}

/// `from_` (Python's spelling of the keyword `from`) as `from`.
fn rename_from<'py>(d: &Bound<'py, PyDict>) -> PyResult<Bound<'py, PyDict>> {
    let out = PyDict::new(d.py());
    for (k, v) in d.iter() {
        let key: String = k.extract()?;
        out.set_item(if key == "from_" { "from".to_string() } else { key }, v)?;
    }
    Ok(out)
}
