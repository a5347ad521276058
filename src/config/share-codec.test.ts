import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url.ts';
import { ConfigTooLargeError, MAX_CONFIG_BYTES, parseConfig, type ParseResult } from './parse-config.ts';
import type { AnalysisConfig } from './schema.ts';
import { ROLES } from './roles.ts';
import {
  MAX_ENCODED_CHARS,
  buildShareUrl,
  decodeShareFragment,
  encodeShareFragment,
  hasShareFragment,
  inflateCapped,
} from './share-codec.ts';

function config(input: unknown): AnalysisConfig {
  const r = parseConfig(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}

const sample = config({
  version: 1,
  name: '淘宝 RFM 复盘 <b>Q2</b>',
  sources: [
    {
      id: 'orders',
      kind: 'orders',
      fileNameHint: 'ExportOrderList.csv',
      mapping: {
        customer_id: '买家会员名',
        order_id: '订单编号',
        order_time: '订单创建时间',
        amount: '买家实际支付金额',
      },
    },
  ],
  cleaning: { maxAmount: 50000, categorySynonyms: { 女装: '服装' } },
});

function codeOf(r: ParseResult): string {
  return r.ok ? 'ok' : r.issues[0]!.code;
}

function fragmentFor(bytes: Uint8Array): string {
  return `#cfg=${encodeBase64Url(bytes)}`;
}

describe('base64url', () => {
  it.each([0, 1, 2, 3, 4, 5, 255, 256])('round-trips %i bytes', (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256);
    const text = encodeBase64Url(bytes);
    expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
    expect(text).toBe(Buffer.from(bytes).toString('base64url'));
    expect(decodeBase64Url(text)).toEqual({ ok: true, bytes });
  });

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(decodeBase64Url('ab+c')).toEqual({ ok: false, reason: 'bad_characters' });
    expect(decodeBase64Url('ab/c')).toEqual({ ok: false, reason: 'bad_characters' });
    expect(decodeBase64Url('订单')).toEqual({ ok: false, reason: 'bad_characters' });
    expect(decodeBase64Url('abcde')).toEqual({ ok: false, reason: 'truncated' });
  });
});

describe('share links', () => {
  it('round-trips a config through the fragment', () => {
    const fragment = encodeShareFragment(sample);
    expect(fragment).toMatch(/^#cfg=[A-Za-z0-9_-]+$/);
    expect(decodeShareFragment(fragment)).toEqual({ ok: true, config: sample });
    // Compression works on real configs: shorter than the JSON it carries.
    expect(fragment.length).toBeLessThan(JSON.stringify(sample).length);
  });

  it('builds a URL that keeps path and query and replaces any fragment', () => {
    const url = buildShareUrl('https://lens.example/app/?lang=zh#old', sample, { includeFileNames: true });
    const parsed = new URL(url);
    expect(parsed.origin + parsed.pathname + parsed.search).toBe('https://lens.example/app/?lang=zh');
    expect(parsed.hash).toBe(encodeShareFragment(sample));
    expect(decodeShareFragment(parsed.hash)).toEqual({ ok: true, config: sample });
  });

  it("leaves the user's file names out of a link unless asked (issue 19 §8)", () => {
    const url = buildShareUrl('https://lens.example/app/', sample);
    expect(url).not.toContain(encodeShareFragment(sample).slice(5));
    const decoded = decodeShareFragment(new URL(url).hash);
    expect(decoded.ok && decoded.config.sources.map((s) => s.fileNameHint)).toEqual(
      sample.sources.map(() => undefined),
    );
    expect(decoded.ok && decoded.config.sources[0]!.mapping).toEqual(sample.sources[0]!.mapping);
  });

  it('accepts the fragment without #, among other parameters, wrapped or padded', () => {
    const value = encodeShareFragment(sample).slice('#cfg='.length);
    for (const hash of [
      `cfg=${value}`,
      `#x=1&cfg=${value}&y=2`,
      `#cfg=${value.replace(/(.{40})/g, '$1\n ')}`,
      `#cfg=${value}==`,
    ]) {
      expect(decodeShareFragment(hash)).toEqual({ ok: true, config: sample });
    }
    expect(hasShareFragment(`#cfg=${value}`)).toBe(true);
    expect(hasShareFragment('#section-2')).toBe(false);
  });

  it('reports a link cut off at any point as truncated, never as a different config', () => {
    const fragment = encodeShareFragment(sample);
    const start = '#cfg='.length;
    for (let end = start; end < fragment.length; end++) {
      const r = decodeShareFragment(fragment.slice(0, end));
      expect(r.ok).toBe(false);
      if (!r.ok && end > start + 8 && end < fragment.length - 1) {
        expect(['link_truncated', 'link_corrupt']).toContain(r.issues[0]!.code);
      }
    }
    expect(codeOf(decodeShareFragment(fragment.slice(0, -10)))).toBe('link_truncated');
    expect(codeOf(decodeShareFragment('#cfg='))).toBe('link_truncated');
  });

  it('states its limits', () => {
    expect(MAX_CONFIG_BYTES).toBe(65_536);
    // Room for a limit-sized config stored without compression (the worst case) in base64.
    expect(MAX_ENCODED_CHARS).toBeGreaterThanOrEqual(Math.ceil(((MAX_CONFIG_BYTES + 10) * 4) / 3));
  });

  it('refuses to encode a config over the limit', () => {
    // The schema allows configs past the limit (20 sources × 16 roles × 256-character names).
    const big = config({
      version: 1,
      sources: Array.from({ length: 20 }, (_, i) => ({
        id: `s${i}`,
        kind: 'orders',
        mapping: Object.fromEntries(ROLES.orders.map((role) => [role, `${role}-${'y'.repeat(240)}`])),
      })),
    });
    expect(() => encodeShareFragment(big)).toThrow(ConfigTooLargeError);
  });
});

describe('inflateCapped', () => {
  const text = new TextEncoder().encode('{"version":1}');

  it('inflates within the limit and stops past it', () => {
    expect(inflateCapped(deflateSync(text))).toEqual({ ok: true, bytes: text });
    const r = inflateCapped(deflateSync(new Uint8Array(10_000)), 9_999);
    expect(r).toMatchObject({ ok: false, reason: 'too_large' });
    expect(inflateCapped(deflateSync(new Uint8Array(10_000)), 10_000)).toMatchObject({ ok: true });
  });

  it('tells truncated streams from corrupt ones', () => {
    const whole = deflateSync(new TextEncoder().encode(JSON.stringify(sample)));
    expect(inflateCapped(whole.subarray(0, whole.length - 3))).toMatchObject({
      ok: false,
      reason: 'truncated',
    });
    expect(inflateCapped(new Uint8Array([0xff, 0xff, 0xff, 0xff]))).toMatchObject({
      ok: false,
      reason: 'corrupt',
    });
    expect(inflateCapped(new Uint8Array(0))).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it('decodes hand-made links: not DEFLATE, not UTF-8, not JSON', () => {
    expect(codeOf(decodeShareFragment(fragmentFor(new Uint8Array([0xff, 0xfe, 0xfd]))))).toBe('link_corrupt');
    expect(codeOf(decodeShareFragment(fragmentFor(deflateSync(new Uint8Array([0xc3, 0x28])))))).toBe(
      'link_corrupt',
    );
    expect(codeOf(decodeShareFragment(fragmentFor(deflateSync(new TextEncoder().encode('hello')))))).toBe(
      'not_json',
    );
  });
});
