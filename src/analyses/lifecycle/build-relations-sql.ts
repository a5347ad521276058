/**
 * Which of a few named tables and views exist, and how to drop them: the group comparison (issue 6)
 * checks for the cleaned customer file and removes a comparison dataset's tables.
 */
import { ident, literalList } from '../../sql/quote.ts';

export interface Relation {
  name: string;
  kind: 'table' | 'view';
}

/** Rows `name`, `kind` ('table' | 'view') for each of `names` that exists (temporary ones included). */
export function buildRelationsSql(names: readonly string[]): string {
  if (names.length === 0) throw new Error('names: none given');
  return `SELECT name, kind FROM (
  SELECT table_name AS name, 'table' AS kind FROM duckdb_tables()
  UNION ALL
  SELECT view_name AS name, 'view' AS kind FROM duckdb_views() WHERE NOT internal)
WHERE name IN ${literalList(names)}
ORDER BY name, kind`;
}

/** DROP statements for existing relations (views first: they may read the tables). */
export function buildDropRelationsSql(relations: readonly Relation[]): string[] {
  const drop = (kind: Relation['kind']) =>
    relations
      .filter((r) => r.kind === kind)
      .map((r) => `DROP ${kind === 'view' ? 'VIEW' : 'TABLE'} IF EXISTS ${ident(r.name)}`);
  return [...drop('view'), ...drop('table')];
}
