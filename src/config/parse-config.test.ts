import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_VERSION } from './schema.ts';
import {
  MAX_CONFIG_BYTES,
  MAX_DEPTH,
  defaultConfig,
  formatIssues,
  parseConfig,
  parseConfigJson,
  utf8Length,
} from './parse-config.ts';

const FIXTURES = resolve(process.cwd(), 'tests/fixtures/configs');

describe('parseConfig', () => {
  it('fills defaults for a minimal config', () => {
    const c = defaultConfig();
    expect(c.version).toBe(1);
    expect(c.cleaning.dropExactDuplicates).toBe(true);
    expect(c.sources).toEqual([]);
  });

  it('round-trips through JSON', () => {
    const c = parseConfig({
      version: 1,
      sources: [{ id: 'orders', kind: 'orders', mapping: { customer_id: '买家会员名', amount: '实付金额' } }],
    });
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const again = parseConfigJson(JSON.stringify(c.config));
    expect(again).toEqual(c);
  });

  it.each([
    ['not an object', 'x', 'not_object', /JSON object/],
    ['an array', [{ version: 1 }], 'not_object', /JSON object/],
    ['no version', {}, 'no_version', /version/],
    ['version as text', { version: '1' }, 'no_version', /version/],
    ['version 0', { version: 0 }, 'no_version', /version/],
    ['fractional version', { version: 1.5 }, 'no_version', /version/],
    ['newer version', { version: 99 }, 'newer_version', /newer/],
    ['unknown field', { version: 1, extra: 1 }, 'unknown_field', /extra.*not understood/],
    [
      'unknown role',
      { version: 1, sources: [{ id: 'o', kind: 'orders', mapping: { hack: 'x' } }] },
      'invalid',
      /Invalid/,
    ],
    ['bad source id', { version: 1, sources: [{ id: 'o"; DROP', kind: 'orders' }] }, 'invalid', /lower-case/],
    ['wrong type', { version: 1, cleaning: { dropExactDuplicates: 'yes' } }, 'invalid', /boolean/i],
  ])('rejects %s', (_name, input, code, message) => {
    const r = parseConfig(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues[0]!.code).toBe(code);
    expect(formatIssues(r.issues)).toMatch(message);
  });

  it('names every unknown field instead of dropping it, wherever it is', () => {
    const r = parseConfig({
      version: 1,
      colour: 'red',
      theme: 'dark',
      cleaning: { dropExactDuplicates: true, fuzzy: true, statusRules: { magic: 1 } },
      sources: [{ id: 'orders', kind: 'orders', mapping: {}, delimiter: ';' }],
      view: { chart: 'pie' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.filter((i) => i.code === 'unknown_field').map((i) => i.path)).toEqual([
      'colour',
      'theme',
      'cleaning.fuzzy',
      'cleaning.statusRules.magic',
      'sources.0.delimiter',
      'view.chart',
    ]);
    // valibot's own "Invalid key" for the first unknown key per object is replaced, not duplicated.
    expect(r.issues).toHaveLength(6);
  });

  it('reports unknown fields and other mistakes together', () => {
    const r = parseConfig({ version: 1, extra: 1, cleaning: { maxAmount: -5 } });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => [i.code, i.path])).toEqual([
        ['unknown_field', 'extra'],
        ['invalid', 'cleaning.maxAmount'],
      ]);
  });

  it('rejects deep nesting and bad JSON without throwing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = { a: deep };
    const r = parseConfig({ version: 1, name: deep });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'too_deep', params: { limit: MAX_DEPTH } });
    const bad = parseConfigJson('{"version":1,');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]!.code).toBe('not_json');
  });

  it('does not let __proto__ keys change objects', () => {
    const r = parseConfigJson('{"version":1,"__proto__":{"polluted":true}}');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'forbidden_key', path: '__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses JSON text over the size limit before parsing it', () => {
    const text = JSON.stringify({ version: 1, name: 'x'.repeat(MAX_CONFIG_BYTES) });
    const r = parseConfigJson(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'too_large', params: { limitKb: 64 } });
    // Counted in UTF-8 bytes: 30,000 CJK characters are 90,000 bytes.
    const cjk = parseConfigJson(JSON.stringify({ version: 1, name: '客'.repeat(30_000) }));
    expect(cjk.ok).toBe(false);
    if (!cjk.ok) expect(cjk.issues[0]!.code).toBe('too_large');
  });

  it('counts UTF-8 bytes', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('é')).toBe(2);
    expect(utf8Length('订单')).toBe(6);
    expect(utf8Length('😀')).toBe(4);
    expect(utf8Length('😀')).toBe(new TextEncoder().encode('😀').length);
  });
});

describe('golden config fixtures (one folder per released version; they must keep parsing)', () => {
  const versions = readdirSync(FIXTURES).filter((d) => /^v\d+$/.test(d));

  it('has a folder for every released version', () => {
    expect(versions.map((d) => Number(d.slice(1))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: CONFIG_VERSION }, (_, i) => i + 1),
    );
  });

  const files = versions.flatMap((dir) =>
    readdirSync(join(FIXTURES, dir))
      .filter((f) => f.endsWith('.json'))
      .map((f) => [`${dir}/${f}`, join(FIXTURES, dir, f)] as const),
  );

  it.each(files)('%s parses', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const r = parseConfigJson(text);
    if (!r.ok) throw new Error(formatIssues(r.issues));
    expect(r.config.version).toBe(CONFIG_VERSION);
    // Parsing is idempotent: serialise and parse again gives the same config.
    expect(parseConfigJson(JSON.stringify(r.config))).toEqual(r);
    const raw = JSON.parse(text) as { version: number };
    if (raw.version === CONFIG_VERSION) expect(r.config).toMatchObject(raw);
  });
});
