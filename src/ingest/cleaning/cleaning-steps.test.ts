import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { CleaningSchema } from '../../config/schema.ts';
import { orderCleaningSteps, type OrderCleaningInput } from './cleaning-steps.ts';
import { customerCleaningSteps } from './customer-cleaning-steps.ts';
import type { Step, StepRow } from './steps.ts';

const cleaning = v.parse(CleaningSchema, {});

/** Drive steps by hand: answer each query from `answer`, record what would run. */
function drive<T>(steps: Generator<Step, T, StepRow[]>, answer: (query: string) => StepRow[]) {
  const seen: Step[] = [];
  let next = steps.next([]);
  while (!next.done) {
    seen.push(next.value);
    next = steps.next(next.value.query === undefined ? [] : answer(next.value.query));
  }
  return { seen, value: next.value };
}

describe('cleaning steps (no database)', () => {
  const input: OrderCleaningInput = {
    source: { table: 'src', columns: [{ name: 'id', type: 'VARCHAR' }] },
    mapping: { order_id: 'id' },
    cleaning,
    today: '2024-06-30',
  };

  it('start with the text profile when fast paths are on, with the exact duplicates when off', () => {
    const fast = orderCleaningSteps(input).next([]).value as Step;
    expect(fast.sql).toBeUndefined();
    expect(fast.query).toMatch(/src/);
    const slow = orderCleaningSteps({ ...input, fastPaths: false }).next([]).value as Step;
    expect(slow.sql).toMatch(/CREATE/i);
    expect(slow.query).toMatch(/count\(\*\) AS n/);
  });

  it('stop with a programmer error when the counts read back do not add up', () => {
    expect(() =>
      drive(orderCleaningSteps({ ...input, fastPaths: false }), () => [{ n: 1, row_count: 5 }]),
    ).toThrow(/cleaning|counts/);
  });

  it('customers: return the report built from the rows read back', () => {
    const plan = { source: input.source, mapping: { customer_id: 'id' }, cleaning, today: '2024-06-30' };
    const { seen, value } = drive(customerCleaningSteps(plan), (q) =>
      /reason/i.test(q) && !/row_count/.test(q) ? [{ reason: null, n: 2 }] : [{ n: 2, row_count: 2 }],
    );
    expect(seen[0]!.sql!.length).toBeGreaterThan(0);
    expect(value).toMatchObject({
      kind: 'customers',
      rowsRead: 2,
      rowsUsed: 2,
      rowsSetAside: 0,
      customers: 2,
    });
  });
});
