import { readFileSync } from 'node:fs';
import { classifyDataset } from '/work/main/src/ingest/mapping/classify-dataset.ts';
import { proposeMapping } from '/work/main/src/ingest/mapping/propose-mapping.ts';
const lines = readFileSync('/tmp/s.csv','utf8').slice(0, 200000).split('\n').slice(0, 101);
const header = lines[0]!.split(',');
const rows = lines.slice(1).map(l => l.split(','));
const cols = header.map((name, i) => ({ name, type: 'VARCHAR', samples: rows.map(r => r[i] ?? '').slice(0, 50) }));
for (let k = 0; k < 3; k++) {
  let t = performance.now(); classifyDataset(cols); const a = performance.now() - t;
  t = performance.now(); proposeMapping('orders', cols); const b = performance.now() - t;
  console.log('classify', a.toFixed(1), 'ms; propose orders', b.toFixed(1), 'ms');
}
