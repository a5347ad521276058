import { startEngineWorker } from './client/engine-worker-start.ts';
import './ui/styles.css';

// The engine first: DuckDB's wasm downloads and compiles in its worker while the app's code below is
// fetched and parsed (issue 20, engine ready sooner).
startEngineWorker();

const target = document.getElementById('app');
if (!target) throw new Error('missing #app');
void Promise.all([import('svelte'), import('./ui/App.svelte')]).then(([{ mount }, { default: App }]) =>
  mount(App, { target }),
);
