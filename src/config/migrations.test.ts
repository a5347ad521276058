import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, missingSteps, type MigrationTable } from './migrations.ts';
import { CONFIG_VERSION } from './schema.ts';

/**
 * A synthetic history (the real table is empty while CONFIG_VERSION is 1):
 * v1 → v2 renames `title` to `name`; v2 → v3 moves `amountLimit` into `cleaning.maxAmount`.
 */
const steps: MigrationTable = {
  1: ({ title, ...rest }) => ({ ...rest, ...(title === undefined ? {} : { name: title }), version: 2 }),
  2: ({ amountLimit, cleaning, ...rest }) => ({
    ...rest,
    cleaning: {
      ...(cleaning !== null && typeof cleaning === 'object' ? cleaning : {}),
      ...(amountLimit === undefined ? {} : { maxAmount: amountLimit }),
    },
    version: 3,
  }),
};

describe('migrate', () => {
  it('has a step from every earlier version to the current one', () => {
    expect(missingSteps()).toEqual([]);
    expect(migrate({ version: CONFIG_VERSION }, MIGRATIONS)).toEqual({ version: CONFIG_VERSION });
  });

  it('applies each step in turn from any earlier version', () => {
    const v1 = {
      version: 1,
      title: '复盘',
      amountLimit: 500,
      cleaning: { dedupeOrderIds: false },
      keep: 'me',
    };
    const expected = {
      version: 3,
      name: '复盘',
      cleaning: { dedupeOrderIds: false, maxAmount: 500 },
      keep: 'me',
    };
    expect(migrate(v1, steps, 3)).toEqual(expected);
    expect(
      migrate(
        { version: 2, name: '复盘', amountLimit: 500, cleaning: { dedupeOrderIds: false }, keep: 'me' },
        steps,
        3,
      ),
    ).toEqual(expected);
    expect(migrate({ version: 3, name: 'x' }, steps, 3)).toEqual({ version: 3, name: 'x' });
  });

  it('does not modify its input', () => {
    const v1 = { version: 1, title: 't', cleaning: { dedupeOrderIds: false } };
    const copy = structuredClone(v1);
    migrate(v1, steps, 3);
    expect(v1).toEqual(copy);
  });

  it('keeps fields a step does not know, so validation can report them', () => {
    expect(migrate({ version: 1, surprise: [1, 2] }, steps, 3)).toMatchObject({ surprise: [1, 2] });
  });

  it('throws on programmer mistakes: a missing step, a step skipping versions, a bad version', () => {
    expect(() => migrate({ version: 1 }, { 1: steps[1]! }, 3)).toThrow(/no migration from config version 2/);
    expect(() => migrate({ version: 1 }, { 1: (c) => ({ ...c, version: 3 }) }, 3)).toThrow(
      /returned version 3/,
    );
    expect(() => migrate({ version: 4 }, steps, 3)).toThrow(/cannot migrate version 4/);
    expect(() => migrate({ version: 0 }, steps, 3)).toThrow(/cannot migrate/);
    expect(missingSteps({ 1: steps[1]! }, 3)).toEqual([2]);
  });
});
