//! The Monte Carlo Web Worker (built by Trunk as a worker target).
fn main() {
    et_explorer::worker::serve();
}
