import { describe, expect, it } from 'vitest';
import { Table, Utf8, tableFromIPC, tableToIPC, vectorFromArray } from 'apache-arrow';
import { float64Vector, int32Vector, utf8Vector } from '../../../src/engine/arrow-columns.ts';

/** Run `work` with the Function constructor (eval) forbidden, as the page's CSP does in the worker. */
function withoutEval<T>(work: () => T): T {
  const original = globalThis.Function;
  const refuse = () => {
    throw new EvalError('Function constructor refused');
  };
  globalThis.Function = new Proxy(original, { construct: refuse, apply: refuse });
  try {
    return work();
  } finally {
    globalThis.Function = original;
  }
}

describe('Arrow columns without builders (no eval under the CSP)', () => {
  it('round-trips text, numbers and NULLs through IPC', () => {
    const text = ['a', null, '', '客户 ¥1,234', undefined, 'x'.repeat(9)];
    const nums = [1.5, null, 0, -2, undefined, 1e12];
    const ints = [1, null, 0, -2, undefined, 7];
    const bytes = withoutEval(() =>
      tableToIPC(new Table({ t: utf8Vector(text), f: float64Vector(nums), i: int32Vector(ints) }), 'stream'),
    );
    const back = tableFromIPC(bytes);
    expect([...back.getChild('t')!]).toEqual(['a', null, '', '客户 ¥1,234', null, 'x'.repeat(9)]);
    expect([...back.getChild('f')!]).toEqual([1.5, null, 0, -2, null, 1e12]);
    expect([...back.getChild('i')!]).toEqual([1, null, 0, -2, null, 7]);
    expect(back.getChild('t')!.nullCount).toBe(2);
  });

  it('handles empty columns and columns without NULLs', () => {
    expect(utf8Vector([]).length).toBe(0);
    const v = float64Vector([1, 2, 3]);
    expect(v.nullCount).toBe(0);
    expect([...v]).toEqual([1, 2, 3]);
  });

  it('the trap is real: Arrow’s own builder is refused without eval', () => {
    expect(() => withoutEval(() => vectorFromArray(['a', null], new Utf8()))).toThrow(EvalError);
  });
});
