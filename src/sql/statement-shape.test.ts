import { describe, expect, it } from 'vitest';
import { statementShape } from './statement-shape.ts';

describe('statementShape (?trace=sql logs no data, issue 19 §8)', () => {
  it('replaces string and number literals, keeps identifiers', () => {
    const sql = `SELECT "手机", count(*) FROM "orders"\n  WHERE "手机" LIKE '%13812345678%' AND amount > 12.5 AND x = 'it''s'`;
    const shape = statementShape(sql);
    expect(shape).toBe(`SELECT "手机", count(*) FROM "orders" WHERE "手机" LIKE ? AND amount > ? AND x = ?`);
    expect(shape).not.toMatch(/1381234|12\.5|it/);
  });
  it('keeps digits inside names and survives an unterminated literal', () => {
    expect(statementShape('SELECT c1, t_2 FROM src_t1 WHERE a = 5')).toBe(
      'SELECT c1, t_2 FROM src_t1 WHERE a = ?',
    );
    expect(statementShape("SELECT 'abc")).toBe('SELECT ?');
  });
});
