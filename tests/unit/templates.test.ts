/**
 * Input templates through the real loader (issue 17): each template is written to a file (CSV and XLSX,
 * zh and en headers), read by loadSource on duckdb-wasm (sheet choice, types, BOM), classified as
 * its role with every column mapped, and cleaned (read = used + set aside; only the refunded example order
 * is set aside).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { read, utils } from '@e965/xlsx';
import { openNodeDb } from '../../src/engine/node-db.ts';
import type { DbPort } from '../../src/engine/db-port.ts';
import { nodeSourceFile } from '../../src/engine/node-source-file.ts';
import { nodeDatasetPort } from '../../src/cli/node-datasets.ts';
import { cleanRequest, openDataset, type CleanRole } from '../../src/client/dataset-flow.ts';
import { TEMPLATES, templateFileName, type TemplateLang } from '../../src/ingest/templates/templates.ts';
import { templateCsv, templateXlsx } from '../../src/export/template-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-templates-'));
let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

describe('templates through the loader, mapping and cleaning', () => {
  let n = 0;
  // Every template in both header languages and both formats is read from a real file; the zh CSV is
  // also cleaned (the cleaning does not depend on the header language or the format).
  const cases: [TemplateLang, 'csv' | 'xlsx'][] = [
    ['zh', 'csv'],
    ['en', 'csv'],
    ['zh', 'xlsx'],
    ['en', 'xlsx'],
  ];
  for (const t of TEMPLATES)
    it(`${t.role}: CSV and XLSX, zh and en, recognised and fully mapped; cleaned with read = used + set aside`, async () => {
      const port = nodeDatasetPort(db);
      for (const [lang, format] of cases) {
        const path = join(dir, templateFileName(t, lang, format));
        writeFileSync(path, format === 'csv' ? templateCsv(t, lang) : await templateXlsx(t, lang));
        const opened = await openDataset(port, await nodeSourceFile(path), { table: `tpl_${n++}` });
        expect(opened.plan.role, `${lang} ${format}`).toBe(t.role);
        expect(opened.guesses[0]?.complete).toBe(true);
        expect(opened.plan.mapping).toEqual(
          Object.fromEntries(t.fields.map((f) => [f.field, f.header[lang]])),
        );
        expect(opened.plan.missing).toEqual([]);
        if (format !== 'csv' || lang !== 'zh') continue;
        const report = await port.clean(
          t.role as CleanRole,
          cleanRequest(opened.dataset, opened.plan.mapping),
        );
        const rows = Math.max(...t.fields.map((f) => f.values.length));
        expect(report.rowsRead).toBe(rows);
        // The orders example has one refunded order: set aside with its reason, counted.
        expect(report.rowsSetAside, `${t.role}: set aside`).toBe(t.role === 'orders' ? 1 : 0);
        expect(report.rowsUsed + report.rowsSetAside).toBe(rows);
      }
    });
});

describe('template files', () => {
  it('CSV: UTF-8 with BOM; XLSX: a data sheet and a notes sheet, text cells typed as text', async () => {
    const orders = TEMPLATES.find((t) => t.role === 'orders')!;
    const csv = templateCsv(orders, 'zh');
    expect([...csv.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv).split('\r\n')[0]).toBe(
      '\uFEFF' + orders.fields.map((f) => f.header.zh).join(','),
    );
    const book = read(await templateXlsx(orders, 'en'), { cellNF: true });
    expect(book.SheetNames).toEqual(['Data', 'Notes']);
    const notes = utils.sheet_to_json<string[]>(book.Sheets.Notes!, { header: 1 });
    expect(notes[3]).toEqual(['Column', 'Required', 'Format', 'Personal data and masking']);
    expect(notes.find((r) => r[0] === 'Customer ID')?.[1]).toBe('Required');
    expect(book.Sheets.Data!.B1).toMatchObject({ t: 's', v: 'Customer ID', z: '@' });
    expect(book.Sheets.Data!.D2).toMatchObject({ t: 'n', v: 199 });
  });

  it('a cell that would run as a formula is guarded in both formats', async () => {
    const base = TEMPLATES.find((t) => t.role === 'experiment')!;
    const hostile = {
      ...base,
      fields: base.fields.map((f, i) =>
        i === 1 ? { ...f, values: ['=HYPERLINK("x")', '+1', '@a', '-b'] } : f,
      ),
    };
    const text = new TextDecoder().decode(templateCsv(hostile, 'zh'));
    expect(text).toContain(`'=HYPERLINK(""x"")`);
    expect(text).toContain("'+1");
    const book = read(await templateXlsx(hostile, 'zh'));
    const sheet = book.Sheets['数据']!;
    expect(sheet.B2).toMatchObject({ t: 's', v: `'=HYPERLINK("x")` });
    expect(sheet.B2?.f).toBeUndefined();
  });
});
