import { describe, expect, it } from 'vitest';
import { nextSort, parseEdges, sortRows } from './rows.ts';

describe('behaviour view helpers', () => {
  it('parses edges typed with commas, spaces or Chinese punctuation', () => {
    expect(parseEdges('0, 100, 500')).toEqual([0, 100, 500]);
    expect(parseEdges(' 0，100、 500 ')).toEqual([0, 100, 500]);
    expect(parseEdges('1 8 15.5')).toEqual([1, 8, 15.5]);
    expect(parseEdges('')).toBeNull();
    expect(parseEdges('0, abc')).toBeNull();
  });

  it('sorts numbers and text either way with NULLs last, without mutating', () => {
    const rows = [
      { id: 'b', n: 2 },
      { id: 'a', n: null },
      { id: 'c', n: 10 },
    ];
    expect(sortRows(rows, 'n', 'desc').map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(sortRows(rows, 'n', 'asc').map((r) => r.id)).toEqual(['b', 'c', 'a']);
    expect(sortRows(rows, 'id', 'asc').map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('starts a new sort column descending and flips on the second click', () => {
    expect(nextSort({ key: null, dir: 'desc' }, 'n')).toEqual({ key: 'n', dir: 'desc' });
    expect(nextSort({ key: 'n', dir: 'desc' }, 'n')).toEqual({ key: 'n', dir: 'asc' });
    expect(nextSort({ key: 'n', dir: 'asc' }, 'id')).toEqual({ key: 'id', dir: 'desc' });
  });
});
