import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportHeaders } from './i18n.ts';

const golden = join(import.meta.dirname, '../../tests/golden/small/en');

describe('export headers in the UI language (issue 18)', () => {
  it('names every column of every CLI table in zh-CN and en', () => {
    const columns = new Set(
      readdirSync(golden)
        .filter((f) => f.endsWith('.csv'))
        .flatMap((f) =>
          readFileSync(join(golden, f), 'utf8')
            .replace(/^\uFEFF/, '')
            .split(/\r?\n/)[0]!
            .split(','),
        ),
    );
    expect(columns.size).toBeGreaterThan(30);
    for (const locale of ['zh-CN', 'en'] as const) {
      const headers = exportHeaders(locale);
      expect(
        [...columns].filter((c) => !headers[c]),
        locale,
      ).toEqual([]);
    }
  });

  it('reads like a person wrote it: no snake_case left, z-scores of features named too', () => {
    const en = exportHeaders('en');
    for (const label of Object.values(en)) expect(label).not.toMatch(/^[a-z]+_[a-z_]+$/);
    expect(en.z_monetary).toBe('Spend (z-score)');
    expect(exportHeaders('zh-CN').customer_id).toBe('客户ID');
  });
});
