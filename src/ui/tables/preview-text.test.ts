import { describe, expect, it } from 'vitest';
import { previewText } from './preview-text.ts';

describe('preview cell text', () => {
  it('shows numbers and ids as the spreadsheet does', () => {
    expect(previewText(83.60000000000001)).toBe('83.6');
    expect(previewText(0.1 + 0.2)).toBe('0.3');
    expect(previewText(1234567.891)).toBe('1234567.891');
    expect(previewText(12)).toBe('12');
    expect(previewText('="00123"')).toBe('00123');
    expect(previewText('=SUM(A1)')).toBe('=SUM(A1)');
    expect(previewText(null)).toBe('—');
    expect(previewText(true)).toBe('true');
    expect(previewText('x'.repeat(60_000))).toBe(`${'x'.repeat(300)}…`);
  });
});
