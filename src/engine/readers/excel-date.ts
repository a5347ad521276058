/**
 * Excel serial dates → ISO text, without SheetJS's cellDates path (±1 ms rounding, engine-notes P12).
 * 1900 system: serial 1 = 1900-01-01, and Excel keeps Lotus 1-2-3's fake 1900-02-29 as serial 60, so
 * serials from 61 on count from 1899-12-30 and those below 60 from 1899-12-31. 1904 system (old Mac
 * workbooks): serial 0 = 1904-01-01. Times are rounded to the second.
 */

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1900_EARLY = Date.UTC(1899, 11, 31);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export type ExcelDateKind = 'date' | 'datetime' | 'time';

/** What a number format shows: a date, a date and time, a time only, or null (not a date format). */
export function dateFormatKind(
  format: string | undefined,
  isDate: (f: string) => boolean,
): ExcelDateKind | null {
  if (!format || !isDate(format)) return null;
  const tokens = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  const hasTime = /[hs]/.test(tokens);
  // `m` is a month unless it sits in a time (h:mm, mm:ss); a format with y, d or e shows a date.
  const hasDate = /[yde]/.test(tokens) || (/m/.test(tokens) && !hasTime);
  if (hasDate && hasTime) return 'datetime';
  if (hasTime) return 'time';
  return 'date';
}

/** ISO text for an Excel serial; `kind` null decides from the value (a fraction means a time of day). */
export function excelSerialToIso(serial: number, kind: ExcelDateKind | null, date1904 = false): string {
  if (!Number.isFinite(serial)) return String(serial);
  const seconds = Math.round(serial * 86_400);
  const days = Math.floor(seconds / 86_400);
  const secs = seconds - days * 86_400;
  const time = `${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`;
  if (kind === 'time' || (kind === null && days === 0 && !date1904)) return time;
  let date: string;
  if (!date1904 && days === 60) {
    date = '1900-02-29'; // Excel shows this non-existent day; keep what the user sees
  } else {
    const epoch = date1904 ? EPOCH_1904 : days < 60 ? EPOCH_1900_EARLY : EPOCH_1900;
    const d = new Date(epoch + days * DAY_MS);
    date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  const withTime = kind === 'datetime' || (kind === null && secs !== 0);
  return withTime ? `${date} ${time}` : date;
}
