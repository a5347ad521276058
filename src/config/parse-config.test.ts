import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig, parseConfigJson } from './parse-config.ts';

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
    ['not an object', 'x', /JSON object/],
    ['no version', {}, /version/],
    ['newer version', { version: 99 }, /newer/],
    ['unknown field', { version: 1, extra: 1 }, /extra|Invalid key/i],
    ['unknown role', { version: 1, sources: [{ id: 'o', kind: 'orders', mapping: { hack: 'x' } }] }, /Invalid/],
    ['bad source id', { version: 1, sources: [{ id: 'o"; DROP', kind: 'orders' }] }, /lower-case/],
    ['wrong type', { version: 1, cleaning: { dropExactDuplicates: 'yes' } }, /boolean/i],
  ])('rejects %s', (_name, input, message) => {
    const r = parseConfig(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => `${i.path} ${i.message}`).join(' ')).toMatch(message);
  });

  it('rejects deep nesting and bad JSON without throwing', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 50; i++) deep = { a: deep };
    expect(parseConfig({ version: 1, name: deep }).ok).toBe(false);
    expect(parseConfigJson('{"version":1,').ok).toBe(false);
  });

  it('does not let __proto__ keys change objects', () => {
    const r = parseConfigJson('{"version":1,"__proto__":{"polluted":true}}');
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
