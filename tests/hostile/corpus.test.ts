/**
 * The hostile corpus (issue 19) through the CLI, one child process per case with a time and memory
 * budget, two at a time: exit code 0 or 1 only (no abort, no kill), a one-line message without a
 * stack trace, nothing written outside --out, and read = used + set aside for every orders table.
 * A future hang or blow-up fails here instead of timing CI out. Prints the totals.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { hostileCases, type HostileCase } from './generate.ts';

/** Per case: wall time (a hang), V8 heap and resident memory (a blow-up). */
const TIME_BUDGET_MS = 60_000;
const HEAP_MB = 768;
const RSS_BUDGET_MB = 1536;

/** Newest modification time under `dir` (ms). */
function newest(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((t, e) => Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs), 0);
}

/**
 * The child's entry: the built CLI when it is newer than every source file (a clean clone after
 * `npm ci`), else the sources through tsx — never a stale build.
 */
const BUILT = 'dist-cli/customer-lens.js';
const CASE_ENTRY =
  existsSync(BUILT) && statSync(BUILT).mtimeMs >= newest('src')
    ? ['tests/hostile/run-case-built.mjs']
    : ['--import', 'tsx', 'tests/hostile/run-case.ts'];
console.log(`hostile corpus: cases run ${CASE_ENTRY.at(-1)}`);

const root = mkdtempSync(join(tmpdir(), 'cl-hostile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  signal: string | null;
  timedOut: boolean;
  ms: number;
  maxRssMb: number | null;
  stdout: string;
  stderr: string;
  dir: string;
  out: string;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

function runCase(c: HostileCase): Promise<Outcome> {
  const dir = join(root, c.id);
  const inputs = join(dir, 'in');
  mkdirSync(inputs, { recursive: true });
  const paths = c.files.map((file, i) => {
    const p = join(inputs, `${i}-${file.name.replaceAll('/', '_')}`);
    writeFileSync(p, file.bytes());
    return p;
  });
  const args = [
    'analyze',
    ...paths,
    '--out',
    join(dir, 'out'),
    '--locale',
    'en',
    '--engine',
    c.engine ?? 'native',
  ];
  if (c.config) {
    const p = c.config.name.includes('/') ? join(inputs, c.config.name) : join(inputs, c.config.name);
    if (!c.config.name.includes('/')) {
      writeFileSync(p, c.config.bytes());
      if (c.config.sparse) truncateSync(p, c.config.sparse);
    }
    args.push('--config', p);
  }
  const resultFile = join(dir, 'result.json');
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${HEAP_MB}`, ...CASE_ENTRY, ...args],
      // cwd is the case folder's parent of in/ and out/: anything written elsewhere in it is caught.
      {
        cwd: process.cwd(),
        env: { ...process.env, CL_CASE_RESULT: resultFile },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIME_BUDGET_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let maxRssMb: number | null = null;
      if (existsSync(resultFile)) {
        maxRssMb = Math.round(JSON.parse(readFileSync(resultFile, 'utf8')).maxRssKb / 1024);
        rmSync(resultFile);
      }
      resolve({
        code,
        signal,
        timedOut,
        ms: performance.now() - started,
        maxRssMb,
        stdout,
        stderr,
        dir,
        out: join(dir, 'out'),
      });
    });
  });
}

/** Two cases at a time (2 cores): a tiny semaphore around runCase. */
let running = 0;
const waiting: (() => void)[] = [];
async function runLimited(c: HostileCase): Promise<Outcome> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await runCase(c);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const FORMULA_START = /^[=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20]|^-(?![\d.])/;

/** Every cell of every CSV written: none may start like a formula. */
function liveFormulas(out: string): string[] {
  const found: string[] = [];
  for (const file of listFiles(out).filter((f) => f.endsWith('.csv'))) {
    const text = readFileSync(join(out, file), 'utf8').replace(/^\uFEFF/, '');
    // A small CSV reader: quoted cells with "" escapes.
    let cell = '';
    let quoted = false;
    let start = true;
    const flush = () => {
      if (FORMULA_START.test(cell)) found.push(`${file}: ${JSON.stringify(cell.slice(0, 40))}`);
      cell = '';
      start = true;
    };
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"' && start) {
        quoted = true;
        start = false;
      } else if (ch === ',' || ch === '\n') flush();
      else if (ch === '\r' && text[i + 1] === '\n') continue;
      else {
        cell += ch;
        start = false;
      }
    }
    flush();
  }
  return found;
}

const cases = hostileCases();
const totals = {
  cases: cases.length,
  ok: 0,
  clearErrors: 0,
  crashes: 0,
  hangs: 0,
  overBudget: 0,
  rowsLost: 0,
};

afterAll(() => {
  console.log(
    `hostile corpus: ${totals.cases} cases, ${totals.ok} analysed, ${totals.clearErrors} clear errors, ` +
      `${totals.crashes} crashes, ${totals.hangs} hangs, ${totals.overBudget} over the memory budget, ${totals.rowsLost} rows lost`,
  );
});

describe('hostile corpus through the CLI', () => {
  it('has at least 60 generated cases with distinct ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it.concurrent.each(cases.map((c) => [c.id, c] as const))(
    '%s',
    { timeout: 4 * TIME_BUDGET_MS },
    async (_id, c) => {
      const o = await runLimited(c);
      const context = `${c.id}: exit ${o.code} ${o.signal ?? ''} in ${Math.round(o.ms)} ms\n${o.stderr.slice(0, 2000)}`;
      if (o.timedOut) totals.hangs++;
      else if (o.code !== 0 && o.code !== 1) totals.crashes++;
      expect(o.timedOut, `hang (over ${TIME_BUDGET_MS} ms): ${context}`).toBe(false);
      expect([0, 1], `crash: ${context}`).toContain(o.code);
      expect(o.maxRssMb, context).not.toBeNull();
      if (o.maxRssMb! > RSS_BUDGET_MB) totals.overBudget++;
      expect(o.maxRssMb!, `memory: ${context}`).toBeLessThanOrEqual(RSS_BUDGET_MB);
      // No stack trace, no "unexpected error": every failure is a sentence.
      expect(o.stderr, context).not.toMatch(/\n\s+at |unexpected error|Error: .*\n.*node_modules/);
      for (const line of o.stderr.split('\n').filter(Boolean))
        expect(line, context).toMatch(/^customer-lens: /);
      // Nothing outside --out: the case folder holds the inputs and out/ only.
      const written = listFiles(o.dir).filter((p) => !p.startsWith('in/') && !p.startsWith('out/'));
      expect(written, context).toEqual([]);
      expect(listFiles(join(o.dir, 'in')).length, context).toBe(
        c.files.length + (c.config && !c.config.name.includes('/') ? 1 : 0),
      );

      if (o.code === 1) {
        const errors = o.stderr
          .split('\n')
          .filter((l) => l.startsWith('customer-lens: ') && !/^customer-lens: (warning|note)/.test(l));
        expect(errors.length, context).toBeGreaterThanOrEqual(1);
        expect(c.expect, `expected to analyse: ${context}`).not.toBe('ok');
        if (c.message) expect(o.stderr, context).toMatch(c.message);
        totals.clearErrors++;
        return;
      }
      expect(c.expect, `expected a clear error: ${context}`).not.toBe('error');
      totals.ok++;
      const cleaning = JSON.parse(readFileSync(join(o.out, 'cleaning.json'), 'utf8'));
      const profile = JSON.parse(readFileSync(join(o.out, 'profile.json'), 'utf8'));
      const lost = cleaning.rows_read - cleaning.rows_used - cleaning.rows_set_aside;
      const loaded = profile.tables.reduce((s: number, t: { row_count: number }) => s + t.row_count, 0);
      if (lost !== 0) totals.rowsLost += Math.abs(lost);
      expect(lost, `read = used + set aside: ${context}`).toBe(0);
      if (c.rowsRead !== undefined) {
        expect(cleaning.rows_read, context).toBe(c.rowsRead);
        expect(loaded, context).toBe(c.rowsRead);
      }
      if (c.rowsUsed !== undefined) expect(cleaning.rows_used, context).toBe(c.rowsUsed);
      if (c.formulas) expect(liveFormulas(o.out), context).toEqual([]);
    },
  );
});
