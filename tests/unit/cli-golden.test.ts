/**
 * Golden CLI outputs: `analyze()` (default wasm engine) must write byte-identical files before and after
 * a refactor.
 *
 * - Full text, tests/golden/small/<locale>/: a small hand-checked fixture (the behaviour fixture,
 *   src/analyses/behaviour/testing/behaviour-fixture.ts, written as an order export) in zh-CN and en.
 * - sha256 + bytes + lines, tests/golden/cli-outputs.json: the built-in sample (generated here from the
 *   seeded generator, as `npm run sample` does) in zh-CN and en, and UCI Online Retail (the 13 monthly
 *   files of ../shared/datasets/online_retail concatenated, header once) in zh-CN. Online Retail is skipped
 *   with a visible line when the folder is absent; CUSTOMER_LENS_DATASETS overrides ../shared/datasets
 *   (e.g. from a git worktree).
 *
 * Inputs get fixed file names: profile.json records the file name and size.
 * Update after an intended output change: UPDATE_GOLDEN=1 npx vitest run tests/unit/cli-golden.test.ts
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { analyze } from '../../src/cli/analyze.ts';
import { generateSampleOrders, SAMPLE_HEADERS, toCsv } from '../../src/sample/generate-orders.ts';
import { BEHAVIOUR_ORDERS } from '../../src/analyses/behaviour/testing/behaviour-fixture.ts';
import type { Locale } from '../../src/i18n/i18n.ts';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
const root = fileURLToPath(new URL('../../', import.meta.url));
const goldenDir = join(root, 'tests/golden');
const hashesPath = join(goldenDir, 'cli-outputs.json');
const datasets = process.env.CUSTOMER_LENS_DATASETS ?? resolve(root, '../shared/datasets');
const retailDir = join(datasets, 'online_retail');
const hasRetail = existsSync(retailDir);
if (!hasRetail) console.log('SKIP: ../shared/datasets/online_retail not found');

const tmp = mkdtempSync(join(tmpdir(), 'cl-golden-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface FileDigest {
  sha256: string;
  bytes: number;
  lines: number;
}
type Digests = Record<string, FileDigest>;

const readHashes = (): Record<string, Digests> =>
  existsSync(hashesPath) ? JSON.parse(readFileSync(hashesPath, 'utf8')) : {};

/** analyze() one input file into a fresh folder; returns the written files by name, in written order. */
async function run(input: string, locale: Locale, outName: string): Promise<Map<string, Buffer>> {
  const outDir = join(tmp, outName);
  const written = await analyze({ files: [input], outDir, locale });
  return new Map(written.map((p) => [basename(p), readFileSync(p)]));
}

function digest(files: Map<string, Buffer>): Digests {
  const out: Digests = {};
  for (const [name, bytes] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const text = bytes.toString('utf8');
    out[name] = {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0),
    };
  }
  return out;
}

/** Compare with (or, in update mode, rewrite) the entry `key` of cli-outputs.json. */
function checkHashes(key: string, files: Map<string, Buffer>) {
  const actual = digest(files);
  if (UPDATE) {
    const all = { ...readHashes(), [key]: actual };
    const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => (a < b ? -1 : 1)));
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(hashesPath, JSON.stringify(sorted, null, 2) + '\n');
    return;
  }
  const golden = readHashes()[key];
  expect(golden, `no golden entry "${key}" in ${hashesPath}: run with UPDATE_GOLDEN=1`).toBeDefined();
  expect(actual).toEqual(golden);
}

/** Compare every file with tests/golden/small/<sub>/ byte for byte (or rewrite that folder). */
function checkFullText(sub: string, files: Map<string, Buffer>) {
  const dir = join(goldenDir, 'small', sub);
  if (UPDATE) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
    return;
  }
  expect(existsSync(dir), `no golden folder ${dir}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect([...files.keys()].sort()).toEqual(readdirSync(dir).sort());
  for (const [name, bytes] of files) {
    // As text first for a readable diff, then as bytes (BOM, line endings).
    expect(bytes.toString('utf8'), `${sub}/${name}`).toBe(readFileSync(join(dir, name), 'utf8'));
    expect(bytes.equals(readFileSync(join(dir, name))), `${sub}/${name} bytes`).toBe(true);
  }
}

/** The behaviour fixture as a plain order export (one row per order; headers the mapper recognises). */
function smallOrdersCsv(): string {
  const header = [
    'order_id',
    'customer_id',
    'order_time',
    'order_total',
    'discount',
    'category',
    'channel',
    'payment_method',
  ];
  const cell = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const rows = BEHAVIOUR_ORDERS.map((o, i) => {
    const time = o.time.length === 10 ? `${o.time} 12:00:00` : o.time;
    return [
      o.order_id ?? `o${i + 1}`,
      o.customer_id,
      time,
      o.net ?? 100,
      o.discount,
      o.category,
      o.channel,
      o.payment,
    ]
      .map(cell)
      .join(',');
  });
  return [header.join(','), ...rows].join('\n') + '\n';
}

describe('golden CLI outputs', () => {
  describe('small hand-checked fixture (full text)', () => {
    const input = join(tmp, 'small', 'orders.csv');
    it('the fixture export itself is unchanged', () => {
      mkdirSync(join(tmp, 'small'), { recursive: true });
      writeFileSync(input, smallOrdersCsv());
      checkFullText('input', new Map([['orders.csv', readFileSync(input)]]));
    });
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`analyze --locale ${locale}`, async () => {
        checkFullText(locale, await run(input, locale, `small-${locale}`));
      });
    }
  });

  describe('built-in sample (sha256)', () => {
    const input = join(tmp, 'sample', 'orders-sample.csv');
    it('zh-CN (CLI default)', async () => {
      // As scripts/make-sample.ts writes public/sample/orders-sample.csv: UTF-8 with BOM.
      mkdirSync(join(tmp, 'sample'), { recursive: true });
      writeFileSync(input, Buffer.from(`\uFEFF${toCsv(generateSampleOrders(), SAMPLE_HEADERS)}`, 'utf8'));
      checkHashes('sample', await run(input, 'zh-CN', 'sample-zh'));
    });
    it('en', async () => {
      checkHashes('sample_en', await run(input, 'en', 'sample-en'));
    });
  });

  it.skipIf(!hasRetail)('UCI Online Retail, 13 months concatenated (sha256)', async () => {
    const files = readdirSync(retailDir)
      .filter((f) => /^online_retail_.*\.csv\.gz$/.test(f))
      .sort();
    expect(files).toHaveLength(13);
    const parts = files.map((f, i) => {
      let text = gunzipSync(readFileSync(join(retailDir, f)));
      if (text[text.length - 1] !== 0x0a) text = Buffer.concat([text, Buffer.from('\n')]);
      return i === 0 ? text : text.subarray(text.indexOf(0x0a) + 1); // header once
    });
    const input = join(tmp, 'retail', 'online_retail.csv');
    mkdirSync(join(tmp, 'retail'), { recursive: true });
    writeFileSync(input, Buffer.concat(parts));
    checkHashes('online_retail', await run(input, 'zh-CN', 'retail-zh'));
  });
});
