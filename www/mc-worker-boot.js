// The worker's script (src/worker/pool.rs starts it): it keeps the requests that arrive
// before the worker's wasm has started, which `serve` (src/worker/mod.rs) then answers,
// so the page hands a worker its first range at once instead of waiting for its Ready.
self.__requests = [];
self.onmessage = (e) => self.__requests.push(e.data);
importScripts("./mc-worker.js");
wasm_bindgen("./mc-worker_bg.wasm");
