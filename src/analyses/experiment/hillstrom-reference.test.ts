/**
 * Reference test (issue 13) on the real Hillstrom e-mail test in ../shared/datasets/hillstrom: 64,000
 * customers randomly split into a men's e-mail, a women's e-mail and no e-mail, outcomes measured
 * over the two weeks after (visit, conversion, spend).
 *
 * Published figures: Kevin Hillstrom, "The MineThatData E-Mail Analytics And Data Mining Challenge"
 * (MineThatData blog, March 2008) and his results summary of the challenge:
 *
 *   arm            customers   visit rate   conversion rate   spend per customer
 *   Mens E-Mail       21,307       18.3 %           1.25 %              $1.42
 *   Womens E-Mail     21,387       15.1 %           0.88 %              $1.08
 *   No E-Mail         21,306       10.6 %           0.57 %              $0.65
 *
 * The test reads the file through the app's own flow (load → classify/map → generic cleaning →
 * experiment module) and checks (1) the published figures at their published precision and (2) the
 * exact counts, computed independently from the raw CSV here with plain TypeScript (no DuckDB).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbPort } from '../../engine/db-port.ts';
import { openNodeDb } from '../../engine/node-db.ts';
import { nodeSourceFile } from '../../engine/node-source-file.ts';
import { nodeDatasetPort } from '../../cli/node-datasets.ts';
import { cleanRequest, openDataset } from '../../client/dataset-flow.ts';
import { runPart } from '../../../tests/unit/support/run-module.ts';
import { experimentModule } from './module.ts';
import { newcombe, twoProportionP } from '../stats/intervals.ts';

const datasets = process.env.CUSTOMER_LENS_DATASETS ?? path.resolve(process.cwd(), '../shared/datasets');
const file = path.join(datasets, 'hillstrom/hillstrom.csv.gz');
const present = existsSync(file);
if (!present) console.log(`SKIP hillstrom-reference: ${file} not found`);

/** Cells of one CSV line (quoted cells such as "6) $750 - $1,000" keep their commas). */
function cells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!).slice(0, -1);
}

/** Independent tally of the raw file: per arm, customers, visits, conversions, spend (cents). */
function tally() {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split(/\r?\n/);
  const header = cells(lines[0]!);
  const col = (n: string) => header.indexOf(n);
  const [seg, visit, conv, spend] = [col('segment'), col('visit'), col('conversion'), col('spend')];
  const out = new Map<string, { n: number; visits: number; conversions: number; cents: number }>();
  for (const line of lines.slice(1)) {
    const c = cells(line);
    const arm = c[seg]!;
    const t = out.get(arm) ?? { n: 0, visits: 0, conversions: 0, cents: 0 };
    t.n++;
    t.visits += Number(c[visit]);
    t.conversions += Number(c[conv]);
    t.cents += Math.round(Number(c[spend]) * 100);
    out.set(arm, t);
  }
  return out;
}

let db: DbPort;
const ctx = { locale: 'en' as const, purchases: 'purchases' };
beforeAll(async () => {
  if (present) db = await openNodeDb();
});
afterAll(async () => db?.close());

describe.runIf(present)('Hillstrom e-mail test', () => {
  it('reproduces the published arm sizes, visit and conversion rates and spend per customer', async () => {
    const port = nodeDatasetPort(db);
    const opened = await openDataset(port, await nodeSourceFile(file), { table: 't1' });
    expect(opened.plan.role).toBe('experiment');
    expect(opened.plan.mapping).toMatchObject({
      arm: 'segment',
      visited: 'visit',
      converted: 'conversion',
      revenue: 'spend',
    });
    const report = await port.clean('experiment', cleanRequest(opened.dataset, opened.plan.mapping));
    expect(report).toMatchObject({ rowsRead: 64000, rowsUsed: 64000, rowsSetAside: 0 });

    const rows = await runPart(
      db,
      experimentModule.parts.table,
      { control: null, outcomes: [] },
      ctx,
      undefined,
    );
    const get = (outcome: string, arm: string) => rows.find((r) => r.outcome === outcome && r.arm === arm)!;
    const published = {
      'Mens E-Mail': { n: 21307, visit: 18.3, conversion: 1.25, spend: 1.42 },
      'Womens E-Mail': { n: 21387, visit: 15.1, conversion: 0.88, spend: 1.08 },
      'No E-Mail': { n: 21306, visit: 10.6, conversion: 0.57, spend: 0.65 },
    } as const;
    const raw = tally();
    for (const [arm, pub] of Object.entries(published)) {
      const visit = get('visited', arm);
      const conversion = get('converted', arm);
      const spend = get('revenue', arm);
      expect(visit.customers).toBe(pub.n);
      expect(conversion.customers).toBe(pub.n);
      expect(spend.customers).toBe(pub.n);
      expect(Number((visit.rate_or_mean * 100).toFixed(1))).toBe(pub.visit);
      expect(Number((conversion.rate_or_mean * 100).toFixed(2))).toBe(pub.conversion);
      expect(Number(spend.rate_or_mean.toFixed(2))).toBe(pub.spend);
      // exact, against the independent tally
      const t = raw.get(arm)!;
      expect(t.n).toBe(pub.n);
      expect(visit.total).toBe(t.visits);
      expect(conversion.total).toBe(t.conversions);
      expect(Math.round(spend.total * 100)).toBe(t.cents);
      expect(spend.rate_or_mean).toBeCloseTo(t.cents / 100 / t.n, 10);
    }
    expect(get('visited', 'No E-Mail').is_control).toBe(true);
    // Mens vs No E-Mail visits: 3,894/21,307 − 2,262/21,306 = +7.66 points, as the reference says.
    const mens = get('visited', 'Mens E-Mail');
    const ref = newcombe(3894, 21307, 2262, 21306)!;
    expect(mens.diff_vs_control).toBeCloseTo(ref.diff, 12);
    expect(mens.ci_low).toBeCloseTo(ref.low, 10);
    expect(mens.ci_high).toBeCloseTo(ref.high, 10);
    expect(mens.p_value).toBeCloseTo(twoProportionP(3894, 21307, 2262, 21306)!, 12);
    expect(mens.p_value!).toBeLessThan(1e-10);
    // spend: both e-mails raise spend per customer, significantly (Welch, large samples)
    expect(get('revenue', 'Mens E-Mail').diff_vs_control).toBeCloseTo(
      1.4226165110057738 - 0.6527893551112363,
      8,
    );
    expect(get('revenue', 'Mens E-Mail').p_value!).toBeLessThan(0.001);
    // experiment.csv names the outcomes as the file does (visit, conversion, spend), same figures
    const plan = experimentModule.exports[0]!.plan({ control: null, outcomes: [] }, ctx, undefined);
    const { decodeIpc } = await import('../../client/decode.ts');
    const csvRows = decodeIpc(await db.queryIpc(plan.query)).rows;
    expect(csvRows.map((r) => r['outcome'])).toEqual(
      ['visit', 'conversion', 'spend'].flatMap((o) => [o, o, o]),
    );
    const csvVisit = csvRows.find((r) => r['outcome'] === 'visit' && r['arm'] === 'Mens E-Mail')!;
    expect(Number(csvVisit['total'])).toBe(3894);
    expect(Number(csvVisit['customers'])).toBe(21307);
  }, 120_000);
});
