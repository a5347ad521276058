/**
 * The CLI as users run it: the built JavaScript bundle (vite.cli.config.ts) started by the package's bin in a
 * fresh Node process, without TypeScript at run time. Its outputs must equal the in-process CLI's.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { runCli } from './support/run-cli.ts';

const root = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'cl-cli-built-'));
const bin = join(work, 'bin', 'customer-lens.mjs');

beforeAll(async () => {
  // Build into a private copy of the layout bin/ + dist-cli/ so the test never depends on a stale build.
  await build({
    configFile: join(root, 'vite.cli.config.ts'),
    root,
    logLevel: 'silent',
    build: { outDir: join(work, 'dist-cli'), sourcemap: false },
  });
  cpSync(join(root, 'bin'), join(work, 'bin'), { recursive: true });
  // Dependencies resolve from the project's node_modules, as in an installed package.
  symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'));
}, 60_000);

describe('built CLI', () => {
  it('answers --help without loading the engine, and never needs tsx', () => {
    const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: customer-lens analyze/);
    const bundle = readdirSync(join(work, 'dist-cli'))
      .map((f) => readFileSync(join(work, 'dist-cli', f), 'utf8'))
      .join('\n');
    expect(bundle).not.toMatch(/from ["']tsx/);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.dependencies.tsx).toBeUndefined();
  });

  it('writes the same files as the in-process CLI', async () => {
    const csv = join(work, 'orders.csv');
    writeFileSync(
      csv,
      [
        '订单编号,客户ID,下单时间,实付金额,订单状态',
        'A1,c1,2024-01-02 10:00:00,100,已付款',
        'A2,c1,2024-02-03 10:00:00,50.5,已付款',
        'A3,c2,2024-02-10 09:00:00,20,已付款',
        'A4,c3,2024-03-01 08:00:00,999,交易关闭',
      ].join('\n'),
    );
    const outBuilt = join(work, 'out-built');
    const outHere = join(work, 'out-here');
    const r = spawnSync(process.execPath, [bin, 'analyze', csv, '--out', outBuilt, '--as-of', '2024-04-01'], {
      encoding: 'utf8',
    });
    expect(r.stderr).not.toMatch(/Error|at /);
    expect(r.status).toBe(0);
    expect((await runCli(['analyze', csv, '--out', outHere, '--as-of', '2024-04-01'])).code).toBe(0);
    const files = readdirSync(outHere).filter((f) => f.endsWith('.csv'));
    expect(files).toContain('segments.csv');
    expect(readdirSync(outBuilt).sort()).toEqual(readdirSync(outHere).sort());
    for (const f of files)
      expect(readFileSync(join(outBuilt, f), 'utf8'), f).toBe(readFileSync(join(outHere, f), 'utf8'));
  }, 60_000);
});
