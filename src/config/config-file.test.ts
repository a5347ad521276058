import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFileName, parseConfigFile, serializeConfigFile } from './config-file.ts';
import { MAX_CONFIG_BYTES, defaultConfig, parseConfigJson } from './parse-config.ts';
import { decodeShareFragment, encodeShareFragment } from './share-codec.ts';

const fixture = resolve(process.cwd(), 'tests/fixtures/configs/v1/taobao-orders.json');

describe('config files', () => {
  it('writes pretty JSON holding exactly the config, and reads it back', () => {
    const parsed = parseConfigJson(readFileSync(fixture, 'utf8'));
    if (!parsed.ok) throw new Error('fixture does not parse');
    const text = serializeConfigFile(parsed.config);
    expect(text.startsWith('{\n  "version": 1,')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(parsed.config);
    expect(parseConfigFile(text)).toEqual(parsed);
  });

  it('file and link carry the same config', () => {
    const parsed = parseConfigFile(readFileSync(fixture, 'utf8'));
    if (!parsed.ok) throw new Error('fixture does not parse');
    const viaLink = decodeShareFragment(encodeShareFragment(parsed.config));
    const viaFile = parseConfigFile(serializeConfigFile(parsed.config));
    expect(viaLink).toEqual(viaFile);
  });

  it('ignores a byte-order mark and applies the same limits and checks as links', () => {
    expect(parseConfigFile('\uFEFF{"version":1}')).toEqual({ ok: true, config: defaultConfig() });
    const huge = parseConfigFile(`{"version":1,"name":"${'x'.repeat(MAX_CONFIG_BYTES)}"}`);
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.issues[0]!.code).toBe('too_large');
    const extra = parseConfigFile('{"version":1,"$schema":"https://example.com/x.json"}');
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.issues[0]).toMatchObject({ code: 'unknown_field', path: '$schema' });
  });

  it.each([
    ['淘宝 RFM 复盘', '淘宝 RFM 复盘.json'],
    ['', 'customer-lens-config.json'],
    ['   ', 'customer-lens-config.json'],
    ['a/b\\c:d*e?f"g<h>i|j', 'a b c d e f g h i j.json'],
    ['../../etc/passwd', 'etc passwd.json'],
    ['..', 'customer-lens-config.json'],
    ['CON', 'customer-lens-config.json'],
    ['tab\there\nnewline', 'tab here newline.json'],
    ['trailing dot.', 'trailing dot.json'],
    ['长'.repeat(200), `${'长'.repeat(80)}.json`],
  ])('names the file for %j', (name, expected) => {
    expect(configFileName({ name })).toBe(expected);
  });
});
