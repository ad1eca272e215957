# Sourced by the scripts: where the project's tools live and the pinned versions.
# One per-user folder shared by every clone on the machine, first on PATH.
ET_TOOLS="${ET_TOOLS:-$HOME/.cache/et-explorer/tools}"
export ET_TOOLS
export PATH="$ET_TOOLS/bin:$ET_TOOLS/node/node_modules/.bin:$PATH"
export NODE_PATH="$ET_TOOLS/node/node_modules${NODE_PATH:+:$NODE_PATH}"

WASM_PACK_VERSION=0.15.1
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
PLAYWRIGHT_VERSION=1.65.1
AXE_CORE_VERSION=4.14.1
# The Python package's build and tests (scripts/test python), in a venv under $ET_TOOLS.
ET_PY="$ET_TOOLS/python"
PY_PACKAGES="maturin==1.16.0 pytest==9.2.0 numpy==2.4.6 dask==2026.8.0 distributed==2026.8.0"

# The wasm-bindgen CLI must equal the crate version in Cargo.lock.
et_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' \
    "$(dirname "${BASH_SOURCE[0]}")/../Cargo.lock"
}
