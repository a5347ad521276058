/**
 * The shape of a SQL statement for `?trace=sql` (issue 19 §8): every string and number literal
 * replaced by `?`, so a phone number typed into a search never reaches the console. Identifiers stay
 * (they are column names, not values).
 */
export function statementShape(sql: string, max = 160): string {
  let out = '';
  let i = 0;
  while (i < sql.length && out.length < max * 2) {
    const ch = sql[i]!;
    if (ch === "'") {
      // A string literal with '' escapes, possibly unterminated.
      i++;
      while (i < sql.length) {
        if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
        else if (sql[i] === "'") break;
        else i++;
      }
      i++;
      out += '?';
    } else if (ch === '"') {
      const end = sql.indexOf('"', i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop;
    } else if (/[0-9]/.test(ch) && !/[\w$]/.test(sql[i - 1] ?? ' ')) {
      while (i < sql.length && /[0-9.eE_]/.test(sql[i]!)) i++;
      out += '?';
    } else if (/\s/.test(ch)) {
      if (!out.endsWith(' ')) out += ' ';
      i++;
    } else {
      out += ch;
      i++;
    }
  }
  return out.trim().slice(0, max);
}
