/**
 * The hostile-input corpus (issue 19), generated: no binary blob is committed. Each case is a set of
 * files (and sometimes a config) written to a scratch folder, with what the CLI must do with it.
 */
import { utils, write } from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A small valid workbook. */
export function xlsx(rows: unknown[][], sheet = 'Sheet1'): Uint8Array {
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), sheet);
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** A 2-row order workbook whose sheet declares `ref` as its dimension. */
export function lyingDimensionXlsx(ref: string): Uint8Array {
  const files = unzipSync(
    xlsx([
      ['customer id', 'amount', 'order date'],
      ['C1', 10, '2024-01-02'],
      ['C2', 20, '2024-01-03'],
    ]),
  );
  const path = 'xl/worksheets/sheet1.xml';
  files[path] = strToU8(
    strFromU8(files[path]!).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${ref}"/>`),
  );
  return zipSync(files);
}
