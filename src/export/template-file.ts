/**
 * An input template as a file (issue 17): CSV (UTF-8 with BOM, the formula guard on every text cell)
 * or XLSX (SheetJS, loaded when first needed) with the example rows on a first sheet and the field
 * notes on a second ("说明" / "Notes"). Text cells are typed text (`@`) and pass the formula guard,
 * so nothing in a template ever runs as a formula.
 */
import type { WorkSheet } from '@e965/xlsx';
import { guardRow, type ExportCell } from './cell-guard.ts';
import { writeCsv } from './write-csv.ts';
import {
  DATA_SHEET,
  NOTES_SHEET,
  notesTable,
  templateTable,
  type InputTemplate,
  type TemplateLang,
} from '../ingest/templates/templates.ts';

/** Example cells left empty ('') are written as empty cells, not as empty strings. */
const cells = (row: readonly (string | number)[]): ExportCell[] => row.map((v) => (v === '' ? null : v));

function typeTextCells(sheet: WorkSheet): void {
  for (const [key, cell] of Object.entries(sheet)) {
    if (key.startsWith('!') || typeof cell !== 'object' || cell === null) continue;
    if (cell.t === 's') {
      cell.z = '@';
      delete cell.f;
    }
  }
}

export function templateCsv(t: InputTemplate, lang: TemplateLang): Uint8Array {
  const { header, rows } = templateTable(t, lang);
  return writeCsv(header, rows.map(cells));
}

export async function templateXlsx(t: InputTemplate, lang: TemplateLang): Promise<Uint8Array> {
  const { utils, write } = await import('@e965/xlsx');
  const { header, rows } = templateTable(t, lang);
  const book = utils.book_new();
  const data = utils.aoa_to_sheet([guardRow(header), ...rows.map((r) => guardRow(cells(r)))]);
  data['!cols'] = header.map((h) => ({ wch: Math.max(12, h.length * 2 + 2) }));
  typeTextCells(data);
  utils.book_append_sheet(book, data, DATA_SHEET[lang]);
  const notes = utils.aoa_to_sheet(notesTable(t, lang).map((r) => guardRow(r)));
  notes['!cols'] = [{ wch: 18 }, { wch: 22 }, { wch: 44 }, { wch: 60 }];
  typeTextCells(notes);
  utils.book_append_sheet(book, notes, NOTES_SHEET[lang]);
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}

export function templateFile(
  t: InputTemplate,
  lang: TemplateLang,
  format: 'csv' | 'xlsx',
): Promise<Uint8Array> {
  return format === 'csv' ? Promise.resolve(templateCsv(t, lang)) : templateXlsx(t, lang);
}
