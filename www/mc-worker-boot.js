// The worker's script (src/worker/pool.rs starts it): it keeps the requests that arrive
// before the worker's wasm has started, which `serve` (src/worker/mod.rs) then answers,
// so the page hands a worker its first range at once instead of waiting for its Ready.
self.__requests = [];
self.onmessage = (e) => self.__requests.push(e.data);
importScripts("./mc-worker.js");
// A wasm that fails to load (or panics on a kept request) becomes the worker's error
// event, which the page's pool answers by finishing the run without it.
wasm_bindgen("./mc-worker_bg.wasm").catch((e) => setTimeout(() => { throw e; }));
