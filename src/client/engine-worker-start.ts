/**
 * Start the engine worker as the page's first act (issue 20: engine ready sooner): the entry module
 * calls `startEngineWorker()` before it loads the app's code, so DuckDB's wasm downloads and compiles
 * while the UI bundle is still being parsed. The EngineClient then adopts that worker.
 *
 * A blob: worker that imports the bundled script: unlike a worker loaded from its own URL, it inherits
 * the page's Content-Security-Policy (connect-src 'self'), so the engine and the DuckDB worker it starts
 * cannot reach another origin either (issue 19 §4).
 */
import engineWorkerUrl from '../engine/engine.worker.ts?worker&url';

let started: Worker | null = null;

export function startEngineWorker(): Worker {
  if (!started) {
    const script = new URL(engineWorkerUrl, self.location.href).href;
    const blob = new Blob([`import ${JSON.stringify(script)};\n`], { type: 'text/javascript' });
    started = new Worker(URL.createObjectURL(blob), { type: 'module', name: 'customer-lens-engine' });
  }
  return started;
}

/** The worker started early, handed over once (a second client gets a fresh worker). */
export function takeEngineWorker(): Worker {
  const worker = startEngineWorker();
  started = null;
  return worker;
}
