/**
 * Hostile configs (issue 5 "Safety"): each must give a clear error value — or, where the text is a
 * legitimate name, reach SQL only quoted and the UI only as text — and never throw or hang.
 */
import { Deflate, deflateSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeIpc } from '../client/decode.ts';
import type { DbPort } from '../engine/db-port.ts';
import { openNodeDb } from '../engine/node-db.ts';
import { LOCALES } from '../i18n/i18n.ts';
import { ident, identList, str } from '../sql/quote.ts';
import { ROLES } from './roles.ts';
import { encodeBase64Url } from './base64url.ts';
import { parseConfigFile } from './config-file.ts';
import { issueText } from './issue-text.ts';
import { MAX_CONFIG_BYTES, parseConfig, parseConfigJson, type ParseResult } from './parse-config.ts';
import { decodeShareFragment, encodeShareFragment, inflateCapped, MAX_ENCODED_CHARS } from './share-codec.ts';
import { describeConfig, summarizeConfig } from './summary.ts';

const INJECTIONS = [
  'x"; DROP TABLE victim; --',
  "x'); DROP TABLE victim; --",
  '"',
  '""',
  "'",
  'a" || (SELECT 1) || "',
  '*/ DROP TABLE victim; /*',
  "'; ATTACH 'evil.db' AS evil; --",
  "\\'; COPY victim TO 'stolen.csv'; --",
  "SELECT * FROM read_csv('/etc/passwd')",
  '订单编号"; DELETE FROM victim; --',
];
const HTML = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '&lt;b&gt;',
];

/** A failure that a user can read in both languages, with every placeholder filled. */
function expectClearError(r: ParseResult, code?: string): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.issues.length).toBeGreaterThan(0);
  if (code) expect(r.issues[0]!.code).toBe(code);
  for (const issue of r.issues) {
    expect(issue.message.length).toBeGreaterThan(0);
    for (const locale of LOCALES) expect(issueText(locale, issue)).not.toMatch(/\{\w+\}/);
  }
}

function linkFor(json: string): string {
  return `#cfg=${encodeBase64Url(deflateSync(new TextEncoder().encode(json)))}`;
}

/** `{"version":1,"name":"000…0"}` with `mb` MiB of '0', deflated in a stream (never held inflated). */
function zeroBomb(mb: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  deflate.push(new TextEncoder().encode('{"version":1,"name":"'));
  const zeros = new Uint8Array(1 << 20).fill(0x30);
  for (let i = 0; i < mb; i++) deflate.push(zeros);
  deflate.push(new TextEncoder().encode('"}'), true);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

describe('SQL injection attempts reach SQL only quoted', () => {
  let db: DbPort;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(async () => {
    await db.close();
  });

  const rows = async (sql: string) => decodeIpc(await db.queryIpc(sql));

  it('accepts hostile column names as names, and they select exactly that column', async () => {
    const mapping = Object.fromEntries(
      INJECTIONS.slice(0, 8).map((name, i) => [
        ['customer_id', 'order_id', 'order_time', 'amount', 'refund', 'quantity', 'category', 'product'][i]!,
        name,
      ]),
    );
    const parsed = parseConfig({ version: 1, sources: [{ id: 'orders', kind: 'orders', mapping }] });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.config.sources[0]!.mapping).toEqual(mapping);
    // The link round trip keeps them byte for byte.
    expect(decodeShareFragment(encodeShareFragment(parsed.config))).toEqual(parsed);

    const columns = INJECTIONS;
    await db.exec('CREATE TABLE victim AS SELECT 42 AS secret');
    await db.exec(
      `CREATE TABLE ${ident('raw orders')} (${columns.map((c) => `${ident(c)} VARCHAR`).join(', ')})`,
    );
    await db.exec(
      `INSERT INTO ${ident('raw orders')} VALUES (${columns.map((c) => str(`value of ${c}`)).join(', ')})`,
    );
    const select = Object.entries(parsed.config.sources[0]!.mapping)
      .map(([role, column]) => `${ident(column)} AS ${ident(role)}`)
      .join(', ');
    const result = await rows(`SELECT ${select} FROM ${ident('raw orders')}`);
    expect(result.rows).toEqual([
      Object.fromEntries(Object.entries(mapping).map(([role, c]) => [role, `value of ${c}`])),
    ]);
    expect((await rows('SELECT secret FROM victim')).rows).toEqual([{ secret: 42 }]);
    expect(
      (await rows(`SELECT ${identList(columns)} FROM ${ident('raw orders')}`)).columns.map((c) => c.name),
    ).toEqual(columns);
  });

  it('carries hostile segment-like names (labels, category synonyms, status values) as literals and aliases', async () => {
    const synonyms = Object.fromEntries(INJECTIONS.map((s, i) => [s, `std ${i} ${s}`]));
    const parsed = parseConfig({
      version: 1,
      cleaning: { categorySynonyms: synonyms, statusRules: { overrides: { [INJECTIONS[0]!]: 'paid' } } },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    for (const [raw, standard] of Object.entries(parsed.config.cleaning.categorySynonyms)) {
      const result = await rows(
        `SELECT ${str(standard)} AS ${ident(raw)}, CASE WHEN ${str(raw)} = ${str(raw)} THEN ${str(raw)} END AS v`,
      );
      expect(result.columns[0]!.name).toBe(raw);
      expect(result.rows[0]).toEqual({ [raw]: standard, v: raw });
    }
    expect((await rows('SELECT secret FROM victim')).rows).toEqual([{ secret: 42 }]);
  });

  it('quotes hostile table names', async () => {
    for (const name of INJECTIONS) {
      await db.exec(`CREATE TABLE ${ident(name)} AS SELECT ${str(name)} AS label`);
      expect((await rows(`SELECT label FROM ${ident(name)}`)).rows).toEqual([{ label: name }]);
      await db.exec(`DROP TABLE ${ident(name)}`);
    }
    expect((await rows('SELECT secret FROM victim')).rows).toEqual([{ secret: 42 }]);
  });

  it('refuses hostile source ids (they become table names) and NUL bytes in names', () => {
    for (const id of INJECTIONS)
      expectClearError(parseConfig({ version: 1, sources: [{ id, kind: 'orders' }] }), 'invalid');
    expectClearError(
      parseConfig({
        version: 1,
        sources: [{ id: 'orders', kind: 'orders', mapping: { amount: 'a\u0000b' } }],
      }),
      'invalid',
    );
    expectClearError(
      parseConfig({ version: 1, sources: [{ id: 'orders', kind: 'orders; DROP' }] }),
      'invalid',
    );
  });
});

describe('HTML and script in labels are text', () => {
  it('keeps them unchanged through parsing, links, files, summaries and descriptions', () => {
    const parsed = parseConfig({
      version: 1,
      name: HTML[0],
      sources: [
        {
          id: 'orders',
          kind: 'orders',
          fileNameHint: HTML[1],
          mapping: { customer_id: HTML[2], amount: HTML[3] },
        },
      ],
      cleaning: { categorySynonyms: { [HTML[0]!]: HTML[1] } },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    expect(parsed.config.name).toBe(HTML[0]);
    expect(decodeShareFragment(encodeShareFragment(parsed.config))).toEqual(parsed);
    const d = describeConfig(parsed.config);
    expect(d.name).toBe(HTML[0]);
    expect(d.sources[0]!.fileNameHint).toBe(HTML[1]);
    expect(d.sources[0]!.mapping.map((m) => m.column)).toEqual([HTML[2], HTML[3]]);
    expect(d.changed).toEqual([{ path: `cleaning.categorySynonyms.${HTML[0]}`, value: HTML[1] }]);
    expect(summarizeConfig(parsed.config, 'en')).not.toMatch(/&lt;|&amp;/);
  });
});

describe('decompression bombs', () => {
  it('refuses a 100 MB zero-filled JSON string by link length, before inflating', () => {
    const bomb = zeroBomb(100);
    const r = decodeShareFragment(`#cfg=${encodeBase64Url(bomb)}`);
    expectClearError(r, 'link_too_long');
    // Even given straight to the inflater, it stops at the limit instead of expanding 100 MB.
    expect(inflateCapped(bomb)).toMatchObject({ ok: false, reason: 'too_large' });
  });

  it('stops inflating a bomb small enough to pass the length check', () => {
    const bomb = zeroBomb(40);
    const link = `#cfg=${encodeBase64Url(bomb)}`;
    expectClearError(decodeShareFragment(link), 'too_large');
  });

  it('refuses a config just over the limit and accepts one exactly at it', () => {
    const base = '{"version":1,"name":""}'.length;
    const over = JSON.stringify({ version: 1, name: 'x'.repeat(MAX_CONFIG_BYTES - base + 1) });
    expectClearError(decodeShareFragment(linkFor(over)), 'too_large');
    // A valid config of exactly MAX_CONFIG_BYTES: long column names, then file name hints fill the rest.
    const sources = Array.from({ length: 14 }, (_, i) => ({
      id: `s${i}`,
      kind: 'orders',
      mapping: Object.fromEntries(ROLES.orders.map((role) => [role, `${role}-${'列'.repeat(80)}`])),
      fileNameHint: '',
    }));
    const size = () => new TextEncoder().encode(JSON.stringify({ version: 1, sources })).length;
    for (const source of sources)
      source.fileNameHint = 'f'.repeat(Math.max(0, Math.min(512, MAX_CONFIG_BYTES - size())));
    const exact = JSON.stringify({ version: 1, sources });
    expect(size()).toBe(MAX_CONFIG_BYTES);
    expect(decodeShareFragment(linkFor(exact)).ok).toBe(true);
    expect(parseConfigFile(exact).ok).toBe(true);
  });
});

describe('malformed and hostile structure', () => {
  it('refuses deep nesting in links, files and objects', () => {
    const deepJson = `{"version":1,"name":${'['.repeat(30_000)}${']'.repeat(30_000)}}`;
    expectClearError(decodeShareFragment(linkFor(deepJson)), 'too_deep');
    expectClearError(parseConfigFile(deepJson), 'too_deep');
    expectClearError(parseConfigJson('['.repeat(60_000) + ']'.repeat(60_000)), 'too_large');
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { d: deep };
    expectClearError(parseConfig({ version: 1, cleaning: deep }), 'too_deep');
  });

  it.each([
    ['__proto__ at the top', '{"version":1,"__proto__":{"polluted":true}}', '__proto__'],
    ['constructor at the top', '{"version":1,"constructor":{"prototype":{"polluted":true}}}', 'constructor'],
    ['prototype in cleaning', '{"version":1,"cleaning":{"prototype":{}}}', 'cleaning.prototype'],
    [
      '__proto__ in a source',
      '{"version":1,"sources":[{"id":"o","kind":"orders","__proto__":{"isAdmin":true}}]}',
      'sources.0.__proto__',
    ],
    [
      '__proto__ as a mapping role',
      '{"version":1,"sources":[{"id":"o","kind":"orders","mapping":{"__proto__":"x"}}]}',
      'sources.0.mapping.__proto__',
    ],
    [
      'constructor as a category',
      '{"version":1,"cleaning":{"categorySynonyms":{"constructor":"x"}}}',
      'cleaning.categorySynonyms.constructor',
    ],
  ])('refuses %s', (_name, json, path) => {
    for (const r of [parseConfigJson(json), decodeShareFragment(linkFor(json))]) {
      expectClearError(r, 'forbidden_key');
      if (!r.ok) expect(r.issues[0]!.path).toBe(path);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it.each([
    ['null', null, 'not_object'],
    ['a number', 42, 'not_object'],
    ['a string', '{"version":1}', 'not_object'],
    ['an array', [], 'not_object'],
    ['version as text', { version: '1' }, 'no_version'],
    ['version NaN-like', { version: null }, 'no_version'],
    ['sources as object', { version: 1, sources: {} }, 'invalid'],
    ['sources as text', { version: 1, sources: 'orders.csv' }, 'invalid'],
    ['mapping as array', { version: 1, sources: [{ id: 'o', kind: 'orders', mapping: ['a'] }] }, 'invalid'],
    ['headerRow as text', { version: 1, sources: [{ id: 'o', kind: 'orders', headerRow: '2' }] }, 'invalid'],
    ['headerRow huge', { version: 1, sources: [{ id: 'o', kind: 'orders', headerRow: 1e12 }] }, 'invalid'],
    ['maxAmount as text', { version: 1, cleaning: { maxAmount: '1e9' } }, 'invalid'],
    ['maxAmount 1e308', { version: 1, cleaning: { maxAmount: 1e308 } }, 'invalid'],
    ['name as number', { version: 1, name: 123 }, 'invalid'],
    ['boolean as 1', { version: 1, cleaning: { normalizeText: 1 } }, 'invalid'],
    ['unknown locale', { version: 1, view: { locale: 'fr' } }, 'invalid'],
    [
      '21 sources',
      { version: 1, sources: Array.from({ length: 21 }, (_, i) => ({ id: `s${i}`, kind: 'orders' })) },
      'invalid',
    ],
    [
      'an overlong column name',
      { version: 1, sources: [{ id: 'o', kind: 'orders', mapping: { amount: 'x'.repeat(257) } }] },
      'invalid',
    ],
  ])('refuses a wrong type: %s', (_name, input, code) => {
    expectClearError(parseConfig(input), code);
    expectClearError(decodeShareFragment(linkFor(JSON.stringify(input))), code);
  });

  it.each([
    ['next version', 2],
    ['far future', 1_000_000],
  ])('refuses a newer version (%s) with a clear message', (_name, version) => {
    const r = decodeShareFragment(linkFor(JSON.stringify({ version, futureField: { x: 1 } })));
    expectClearError(r, 'newer_version');
    if (!r.ok) {
      expect(issueText('en', r.issues[0]!)).toContain(`config version ${version}`);
      expect(issueText('zh-CN', r.issues[0]!)).toContain(`配置版本 ${version}`);
    }
  });

  it('refuses a link of 100,000 sources and one inflating to 30 MB, each in well under a second', () => {
    const many = JSON.stringify({
      version: 1,
      sources: Array.from({ length: 100_000 }, (_, i) => ({ id: `s${i}`, kind: 'orders' })),
    });
    const bomb = `#cfg=${encodeBase64Url(zeroBomb(30))}`;
    expect(bomb.length).toBeLessThan(MAX_ENCODED_CHARS); // past the length check: the inflater must stop
    for (const [link, code] of [
      [linkFor(many), undefined],
      [bomb, 'too_large'],
    ] as const) {
      const started = performance.now();
      expectClearError(decodeShareFragment(link), code);
      expect(performance.now() - started).toBeLessThan(1000);
    }
    const proto = decodeShareFragment(linkFor('{"version":1,"view":{"__proto__":{"maskPii":false}}}'));
    expect(({} as Record<string, unknown>).maskPii).toBeUndefined();
    if (proto.ok) expect(proto.config.view?.maskPii).not.toBe(false);
  });

  it('reports truncated links', () => {
    const link = encodeShareFragment({ ...parseOk('{"version":1}'), name: '周报 '.repeat(40) });
    for (const cut of [1, 2, 5, 20, Math.floor(link.length / 2)]) {
      const r = decodeShareFragment(link.slice(0, -cut));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['link_truncated', 'link_corrupt']).toContain(r.issues[0]!.code);
    }
    expectClearError(decodeShareFragment(link.slice(0, -7)), 'link_truncated');
  });

  it.each([
    ['no cfg part', '#section', 'no_link_config'],
    ['empty', '#cfg=', 'link_truncated'],
    ['percent signs', '#cfg=%%%', 'link_bad_characters'],
    ['markup', '#cfg=<script>alert(1)</script>', 'link_bad_characters'],
    ['standard base64', '#cfg=ab+/cd', 'link_bad_characters'],
    ['impossible length', '#cfg=abcde', 'link_truncated'],
    ['zero bytes', `#cfg=${'A'.repeat(100)}`, undefined],
    ['plain JSON', '#cfg={"version":1}', 'link_bad_characters'],
  ])('refuses garbage: %s', (_name, hash, code) => {
    expectClearError(decodeShareFragment(hash), code);
  });

  it('survives random bytes without throwing', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from({ length: 1 + (next() % 200) }, () => next() % 256);
      expectClearError(decodeShareFragment(`#cfg=${encodeBase64Url(bytes)}`));
    }
  });

  it('keeps working after all of the above', () => {
    expect(parseOk('{"version":1}').version).toBe(1);
  });
});

function parseOk(json: string) {
  const r = parseConfigJson(json);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}
