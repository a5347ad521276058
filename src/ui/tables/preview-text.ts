/**
 * A loaded file's cell as the user's spreadsheet shows it (issue 18): binary floating-point noise
 * trimmed (83.60000000000001 → 83.6: 15 significant digits, what Excel keeps) and an id that a shop
 * export wrote as an Excel text formula shown as its text (`="00123"` → 00123). Display only: the
 * engine keeps the value as read, and cleaning repairs ids by its own rules. A long value shows its first
 * MAX_SHOWN characters: laying out 60,000 characters per cell blocks the page (issue 19).
 */
import type { Cell } from '../../client/decode.ts';

export const MAX_SHOWN = 300;

export function previewText(value: Cell | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number')
    return Number.isInteger(value) || !Number.isFinite(value)
      ? String(value)
      : String(Number(value.toPrecision(15)));
  if (typeof value === 'string') {
    const formula = /^="(.*)"$/s.exec(value);
    const text = formula ? formula[1]! : value;
    return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
  }
  return String(value);
}
