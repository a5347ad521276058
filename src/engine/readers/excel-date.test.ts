import { describe, expect, it } from 'vitest';
import { SSF } from '@e965/xlsx';
import { dateFormatKind, excelSerialToIso } from './excel-date.ts';

const isDate = (f: string): boolean => (SSF as { is_date(f: string): boolean }).is_date(f);

describe('excelSerialToIso (1900 system)', () => {
  it.each([
    [1, 'date', '1900-01-01'],
    [59, 'date', '1900-02-28'],
    [60, 'date', '1900-02-29'], // Lotus 1-2-3's non-existent day, shown as Excel shows it
    [61, 'date', '1900-03-01'],
    [35796, 'date', '1998-01-01'],
    [45384, 'date', '2024-04-02'],
    [45384.5, 'datetime', '2024-04-02 12:00:00'],
    [45384, 'datetime', '2024-04-02 00:00:00'],
    [45384.999999, 'datetime', '2024-04-03 00:00:00'], // rounded to the second, not 23:59:59.9
    [0.75, 'time', '18:00:00'],
    [45384.25, null, '2024-04-02 06:00:00'],
    [45384, null, '2024-04-02'],
  ] as const)('%d as %s → %s', (serial, kind, iso) => expect(excelSerialToIso(serial, kind)).toBe(iso));

  it('1904 system', () => expect(excelSerialToIso(0, 'date', true)).toBe('1904-01-01'));
});

describe('dateFormatKind', () => {
  it.each([
    ['yyyy-mm-dd', 'date'],
    ['yyyy-mm-dd hh:mm:ss', 'datetime'],
    ['m/d/yy h:mm', 'datetime'],
    ['h:mm:ss', 'time'],
    ['mm:ss', 'time'],
    ['yyyy"年"m"月"d"日"', 'date'],
    ['General', null],
    ['0.00', null],
    [undefined, null],
  ] as const)('%s → %s', (format, kind) => expect(dateFormatKind(format, isDate)).toBe(kind));
});
