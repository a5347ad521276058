/**
 * Export as SQL (issue 17, part D): `customer-lens sql` prints a DuckDB script that, run on native
 * DuckDB (@duckdb/node-api) against the same file, writes the same CSVs as `customer-lens analyze` with
 * the same config — RFM customers and segments, behaviour, periods, cohorts, churn. Numbers are compared
 * as numbers (the CLI writes 886, DuckDB's COPY 886.00), everything else as text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { analyze } from '../../src/cli/analyze.ts';
import { generateSampleOrders, SAMPLE_HEADERS, toCsv } from '../../src/sample/generate-orders.ts';
import { buildSqlScript } from '../../src/analyses/sql-script.ts';
import { defaultConfig } from '../../src/config/parse-config.ts';
import { runCli } from './support/run-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'cl-sql-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** RFC 4180 rows (quoted fields, doubled quotes, newlines inside quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else if (ch !== '\r') cell += ch;
  }
  if (cell !== '' || row.length) {
    endCell();
    rows.push(row);
  }
  return rows;
}

const NUMBER = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;
function sameCell(a: string, b: string): boolean {
  if (a === b) return true;
  if (NUMBER.test(a) && NUMBER.test(b))
    return Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(a)));
  return false;
}

describe('customer-lens sql', () => {
  it('prints a script that native DuckDB runs into the CLI outputs, paths as parameters', async () => {
    const input = join(tmp, 'orders.csv');
    writeFileSync(input, toCsv(generateSampleOrders({ customers: 300, months: 12 }), SAMPLE_HEADERS));
    const config = join(tmp, 'cfg.json');
    writeFileSync(config, JSON.stringify({ version: 1, rfm: { preset: 'cn8' } }));

    const cliOut = join(tmp, 'cli');
    await analyze({ files: [input], configPath: config, outDir: cliOut, locale: 'en', engine: 'native' });

    const { code, out, err } = await runCli([
      'sql',
      input,
      '--config',
      config,
      '--locale',
      'en',
      '--engine',
      'native',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    // Paths are parameters at the top; the statements read them, never the path itself.
    expect(out).toContain(`SET VARIABLE orders_path = '${input.replaceAll("'", "''")}';`);
    expect(out.split(input).length).toBe(2);
    expect(out).toContain("getvariable('orders_path')");
    expect(out).toMatch(/-- Left out: clv .*TypeScript/);
    expect(out).toMatch(/-- Left out: clusters\.csv .*TypeScript/);
    expect(out).not.toContain('cl-files/');

    const sqlOut = join(tmp, 'sql');
    mkdirSync(sqlOut);
    const script = out.replace(/^SET VARIABLE out_dir = .*$/m, `SET VARIABLE out_dir = '${sqlOut}';`);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    try {
      await conn.run(script);
    } finally {
      conn.closeSync();
      instance.closeSync();
    }

    const written = readdirSync(sqlOut).sort();
    expect(written).toEqual(
      expect.arrayContaining([
        'customers.csv',
        'segments.csv',
        'behaviour.csv',
        'periods.csv',
        'cohorts.csv',
        'churn.csv',
      ]),
    );
    for (const file of written) {
      const mine = parseCsv(readFileSync(join(sqlOut, file), 'utf8'));
      const cli = parseCsv(readFileSync(join(cliOut, file), 'utf8'));
      expect(mine[0], file).toEqual(cli[0]);
      expect(mine.length, file).toBe(cli.length);
      expect(mine.length, file).toBeGreaterThan(1);
      const diffs = mine.flatMap((row, r) =>
        row.flatMap((cell, c) =>
          sameCell(cell, cli[r]![c] ?? '') ? [] : [`${file} ${r}:${cli[0]![c]} ${cell} ≠ ${cli[r]![c]}`],
        ),
      );
      expect(diffs.slice(0, 5), file).toEqual([]);
    }
  }, 30_000);

  it('needs the files: the cleaning decisions come from the data', async () => {
    const r = await runCli(['sql', '--config', 'cfg.json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^customer-lens: sql needs at least one file \(the cleaning decisions/);
    expect((await runCli(['--help'])).out).toContain('usage: customer-lens sql');
  });

  it('says what must be converted: other encodings to UTF-8, workbooks to CSV', () => {
    const config = defaultConfig();
    const script = buildSqlScript({
      journal: [
        { kind: 'file', name: 'cl-files/src_t1', source: 'bytes' },
        {
          kind: 'exec',
          sql: "CREATE TABLE t1 AS SELECT * FROM read_csv('cl-files/src_t1', all_varchar = true)",
        },
        { kind: 'file', name: 'cl-files/raw_t2.csv', source: 'bytes' },
        { kind: 'exec', sql: "CREATE TABLE raw_t2 AS SELECT * FROM read_csv('cl-files/raw_t2.csv')" },
      ],
      sources: [
        {
          table: 't1',
          role: 'orders',
          fileName: '订单.csv',
          path: 'in/订单.csv',
          format: 'csv',
          encoding: 'gb18030',
        },
        {
          table: 't2',
          role: 'customers',
          fileName: 'members.xlsx',
          path: 'members.xlsx',
          format: 'xlsx',
          encoding: null,
        },
      ],
      slices: config,
      ctx: { locale: 'zh-CN', purchases: 'purchases' },
      roles: [],
    });
    expect(script).toContain("SET VARIABLE orders_path = 'in/订单.csv';");
    expect(script).toContain("SET VARIABLE customers_path = 'members.xlsx';");
    expect(script).toMatch(/orders_path: 订单\.csv is gb18030: convert it to UTF-8 first/);
    expect(script).toMatch(/customers_path: members\.xlsx \(xlsx\).*save it as CSV \(UTF-8/);
    expect(script).toContain("FROM read_csv(getvariable('orders_path'), all_varchar = true);");
    expect(script).toContain("FROM read_csv(getvariable('customers_path'));");
    // A statement whose last line is a comment still ends.
    const commented = buildSqlScript({
      journal: [{ kind: 'exec', sql: 'CREATE TABLE x AS SELECT 1 -- one' }],
      sources: [],
      slices: config,
      ctx: { locale: 'en', purchases: 'purchases' },
      roles: [],
    });
    expect(commented).toContain('CREATE TABLE x AS SELECT 1 -- one\n;');
  });
});
