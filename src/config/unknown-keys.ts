/**
 * Every object key in a value that a valibot schema does not name. valibot's strictObject reports
 * only the first unknown key of each object and plain `object` drops them silently; issue 5 asks
 * that each field the app does not understand be named to the user, so we walk schema and value
 * together. Unions and variants take the option that leaves the fewest unknown keys.
 */
import type { GenericSchema } from 'valibot';

type SchemaNode = {
  type: string;
  entries?: Record<string, SchemaNode>;
  wrapped?: SchemaNode;
  item?: SchemaNode;
  value?: SchemaNode;
  items?: SchemaNode[];
  options?: SchemaNode[];
  rest?: SchemaNode;
  getter?: (input: unknown) => SchemaNode;
};

const WRAPPERS = new Set([
  'optional',
  'exact_optional',
  'nullish',
  'nullable',
  'non_optional',
  'non_nullable',
  'non_nullish',
  'undefinedable',
]);
const CHECKED_OBJECTS = new Set(['object', 'strict_object']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function walk(schema: SchemaNode, value: unknown, path: string[], out: string[][]): void {
  if (WRAPPERS.has(schema.type) && schema.wrapped) return walk(schema.wrapped, value, path, out);
  if (schema.type === 'lazy' && schema.getter) return walk(schema.getter(value), value, path, out);
  if ((schema.type === 'union' || schema.type === 'variant') && schema.options) {
    let best: string[][] | null = null;
    for (const option of schema.options) {
      const found: string[][] = [];
      walk(option, value, path, found);
      if (best === null || found.length < best.length) best = found;
    }
    out.push(...(best ?? []));
    return;
  }
  if (schema.entries && isRecord(value)) {
    for (const key of Object.keys(value)) {
      const entry = Object.hasOwn(schema.entries, key) ? schema.entries[key] : undefined;
      if (entry) walk(entry, value[key], [...path, key], out);
      else if (schema.rest) walk(schema.rest, value[key], [...path, key], out);
      else if (CHECKED_OBJECTS.has(schema.type)) out.push([...path, key]);
    }
    return;
  }
  if (schema.type === 'record' && schema.value && isRecord(value)) {
    for (const key of Object.keys(value)) walk(schema.value, value[key], [...path, key], out);
    return;
  }
  if (schema.type === 'array' && schema.item && Array.isArray(value)) {
    value.forEach((item, i) => walk(schema.item!, item, [...path, String(i)], out));
    return;
  }
  if (schema.items && Array.isArray(value)) {
    schema.items.forEach((itemSchema, i) => walk(itemSchema, value[i], [...path, String(i)], out));
  }
}

/** Dot paths (`cleaning.extra`, `sources.0.colour`) of keys `schema` does not know, in input order. */
export function findUnknownKeys(schema: GenericSchema, value: unknown): string[] {
  const out: string[][] = [];
  walk(schema as unknown as SchemaNode, value, [], out);
  return out.map((p) => p.join('.'));
}
