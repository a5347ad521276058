/**
 * Issue 12, items 2 and 10: `cleaning.returns` and `cleaning.purchase` are optional with defaults, so
 * configs and share links written before them still parse (same CONFIG_VERSION), and both values
 * survive a share link; anything else is refused with the field named.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from './parse-config.ts';
import { decodeShareFragment, encodeShareFragment } from './share-codec.ts';

describe('cleaning.returns and cleaning.purchase', () => {
  it('default to netting returns and counting orders in a config written before them', () => {
    const old = parseConfig({ version: 1, cleaning: { dropExactDuplicates: false } });
    if (!old.ok) throw new Error('old config refused');
    expect(old.config.cleaning).toMatchObject({
      returns: 'net',
      purchase: 'orders',
      dropExactDuplicates: false,
    });
  });

  it('survive a share link', () => {
    const parsed = parseConfig({ version: 1, cleaning: { returns: 'ignore', purchase: 'days' } });
    if (!parsed.ok) throw new Error('refused');
    const back = decodeShareFragment(encodeShareFragment(parsed.config));
    if (!back.ok) throw new Error('link refused');
    expect(back.config.cleaning).toMatchObject({ returns: 'ignore', purchase: 'days' });
  });

  it('refuses other values, naming the field', () => {
    const bad = parseConfig({ version: 1, cleaning: { purchase: 'weeks', returns: 'keep' } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const paths = bad.issues.map((i) => i.path).join(' ');
    expect(paths).toContain('cleaning.purchase');
    expect(paths).toContain('cleaning.returns');
  });
});
