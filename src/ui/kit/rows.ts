/** Small helpers shared by the section views: share bars, sorting, typed edge lists. */

/** One bar of a share list (ShareBars.svelte). */
export interface ShareBar {
  key: string;
  label: string;
  /** 0..1; bars are scaled to the largest share in the list. */
  share: number;
  text: string;
}

/** Rows sorted by one column (NULLs last either way), without touching the input. */
export function sortRows<T>(rows: readonly T[], key: string, dir: 'asc' | 'desc'): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  const get = (r: T) => (r as Record<string, unknown>)[key];
  return [...rows].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === y) return 0;
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return String(x).localeCompare(String(y)) * sign;
  });
}

/** Next sort state after clicking a column header: a new column starts descending. */
export function nextSort(
  current: { key: string | null; dir: 'asc' | 'desc' },
  key: string,
): { key: string; dir: 'asc' | 'desc' } {
  if (current.key !== key) return { key, dir: 'desc' };
  return { key, dir: current.dir === 'desc' ? 'asc' : 'desc' };
}

/** Parse "0, 100, 500" (commas, spaces, Chinese commas) into numbers; null when any part is not a number. */
export function parseEdges(text: string): number[] | null {
  const parts = text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (parts.length === 0) return null;
  const values = parts.map(Number);
  return values.every(Number.isFinite) ? values : null;
}
