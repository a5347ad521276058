import { describe, expect, it } from 'vitest';
import { estimateMemory, toGigabytes } from './memory-estimate.ts';

describe('estimateMemory', () => {
  it('accepts the measured 25M-row (1.47 GB) CSV and refuses 2 GB', () => {
    expect(estimateMemory('csvByHandle', 1.47e9).fits).toBe(true);
    const big = estimateMemory('csvByHandle', 2e9);
    expect(big.fits).toBe(false);
    expect(toGigabytes(big.neededBytes)).toBe('3.0');
  });
  it('is stricter for transcoded text and workbooks', () => {
    expect(estimateMemory('csvInMemory', 1.2e9).fits).toBe(false);
    expect(estimateMemory('xlsx', 104e6).fits).toBe(true);
    expect(estimateMemory('xlsx', 200e6).fits).toBe(false);
  });
});
