/**
 * A seeded synthetic customer table for the k-means quality test (issue 15): 3,000 customers in four
 * behaviour groups with skewed money and counts (log-normal-ish), as RFM features. The reference
 * inertias in kmeans-quality.test.ts were computed offline from exactly these standardised points.
 */
import { seededRandom } from '../kmeans.ts';
import type { Columns } from '../../models/model-types.ts';

export function qualityColumns(n = 3000, seed = 20261203): Columns {
  const random = seededRandom(seed);
  const gauss = () => {
    const u = Math.max(random(), 1e-12);
    const v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const groups = [
    { recency: 20, freq: 12, money: 3000 },
    { recency: 200, freq: 2, money: 150 },
    { recency: 60, freq: 5, money: 800 },
    { recency: 400, freq: 1, money: 60 },
  ];
  const ids: string[] = [];
  const recency: number[] = [];
  const frequency: number[] = [];
  const monetary: number[] = [];
  for (let i = 0; i < n; i++) {
    const g = groups[Math.floor(random() * groups.length)]!;
    ids.push(`C${String(i).padStart(5, '0')}`);
    recency.push(Math.max(0, Math.round(g.recency * Math.exp(0.5 * gauss()))));
    frequency.push(Math.max(1, Math.round(g.freq * Math.exp(0.4 * gauss()))));
    monetary.push(Math.round(g.money * Math.exp(0.6 * gauss()) * 100) / 100);
  }
  return { customer_id: ids, recency, frequency, monetary };
}
