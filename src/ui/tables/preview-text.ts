/**
 * A loaded file's cell as the user's spreadsheet shows it (issue 18): binary floating-point noise
 * trimmed (83.60000000000001 → 83.6: 15 significant digits, what Excel keeps) and an id that a shop
 * export wrote as an Excel text formula shown as its text (`="00123"` → 00123). Display only: the
 * engine keeps the value as read, and cleaning repairs ids by its own rules.
 */
import type { Cell } from '../../client/decode.ts';

export function previewText(value: Cell | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number')
    return Number.isInteger(value) || !Number.isFinite(value)
      ? String(value)
      : String(Number(value.toPrecision(15)));
  if (typeof value === 'string') {
    const formula = /^="(.*)"$/s.exec(value);
    return formula ? formula[1]! : value;
  }
  return String(value);
}
