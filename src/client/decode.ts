/**
 * Decode Arrow IPC bytes into plain rows for view models, tests and CSV output. Numbers stay numbers
 * (the engine is opened with BigInt/Decimal → double casts), dates become ISO text, so rows are
 * JSON-friendly and comparable in golden tests. No DOM: the CLI and Node tests use it too.
 */
import { DataType, DateUnit, tableFromIPC, type Field, type Table } from 'apache-arrow';
import type { Cell, DecodedResult, Row } from '../engine/protocol.ts';

export type { Cell, DecodedResult, Row };

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Format epoch milliseconds (wall-clock time stored as UTC) without shifting it to a time zone. */
export function isoDateTime(ms: number, dateOnly: boolean): string {
  const d = new Date(ms);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (dateOnly) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function converter(field: Field): (v: unknown) => Cell {
  const t = field.type;
  if (DataType.isDate(t)) {
    // DATE arrives as Date32 (days); TIMESTAMP as Date64 (ms) because the engine casts timestamps.
    const dateOnly = t.unit === DateUnit.DAY;
    return (v) => (v == null ? null : isoDateTime(v instanceof Date ? v.getTime() : Number(v), dateOnly));
  }
  if (DataType.isTimestamp(t)) return (v) => (v == null ? null : isoDateTime(Number(v), false));
  if (DataType.isInt(t) || DataType.isFloat(t) || DataType.isDecimal(t))
    return (v) => (v == null ? null : Number(v));
  if (DataType.isBool(t)) return (v) => (v == null ? null : Boolean(v));
  if (DataType.isUtf8(t) || DataType.isLargeUtf8(t)) return (v) => (v == null ? null : String(v));
  return (v) => (v == null ? null : String(v));
}

export function decodeTable(table: Table): DecodedResult {
  const fields = table.schema.fields;
  const convert = fields.map(converter);
  const vectors = fields.map((_, i) => table.getChildAt(i));
  const rows: Row[] = new Array(table.numRows);
  for (let r = 0; r < table.numRows; r++) {
    // Column names come from users' files: a null-prototype object makes `__proto__` an ordinary key.
    const row: Row = Object.create(null) as Row;
    for (let c = 0; c < fields.length; c++) {
      row[fields[c]!.name] = convert[c]!(vectors[c]!.get(r));
    }
    rows[r] = row;
  }
  return { columns: fields.map((f) => ({ name: f.name, type: String(f.type) })), rows };
}

export function decodeIpc(bytes: Uint8Array): DecodedResult {
  return decodeTable(tableFromIPC(bytes));
}
