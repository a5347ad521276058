/**
 * `customer-lens analyze --config` with saved customer groups (issues 14–16): groups.csv holds the
 * members of each group whose source ran with the saved settings; any other group is one warning line.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'cl-cli-groups-'));
const lines = (path: string) => readFileSync(path, 'utf8').trim().split(/\r?\n/);

// U1 曝光 → 点击 → 加购; U2 曝光 → 点击; U3 曝光; U4 曝光 → 加购 (skips 点击).
const EVENTS = [
  '用户ID,事件名称,事件时间',
  'U1,曝光,2026-03-01 10:00:00',
  'U1,点击,2026-03-01 10:10:00',
  'U1,加购,2026-03-01 10:20:00',
  'U2,曝光,2026-03-02 10:00:00',
  'U2,点击,2026-03-02 11:00:00',
  'U3,曝光,2026-03-03 10:00:00',
  'U4,曝光,2026-03-03 10:00:00',
  'U4,加购,2026-03-03 11:00:00',
];
const steps = ['曝光', '点击', '加购'];
const drop = (id: string, name: string, step: number) => ({
  id,
  name,
  source: { kind: 'funnel-drop', step, basis: { steps, windowDays: 7 } },
});

describe('customer-lens analyze: saved groups → groups.csv', () => {
  it('writes the members of the available groups and says why the others are not available', async () => {
    const events = join(dir, 'events.csv');
    writeFileSync(events, EVENTS.join('\n') + '\n');
    const config = join(dir, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        version: 1,
        funnel: { steps, windowDays: 7 },
        groups: [
          drop('g1', '=点击前流失', 2),
          drop('g2', 'Dropped before cart', 3),
          {
            id: 'g3',
            name: '高价值流失风险',
            source: { kind: 'high-value-at-risk', basis: { preset: 'value5' } },
          },
          {
            ...drop('g4', 'Other window', 2),
            source: { ...drop('', '', 2).source, basis: { steps, windowDays: 3 } },
          },
        ],
      }),
    );
    const out = join(dir, 'out');
    const r = await runCli(['analyze', events, '--config', config, '--out', out, '--locale', 'en']);
    expect(r.code).toBe(0);
    // Step 2 (点击) not reached: U3, U4; step 3 (加购) not reached after 点击: U2. The name starting
    // with "=" is written as text, never a formula.
    expect(lines(join(out, 'groups.csv'))).toEqual([
      'group_id,group_name,customer_id',
      "g1,'=点击前流失,U3",
      "g1,'=点击前流失,U4",
      'g2,Dropped before cart,U2',
    ]);
    expect(r.err).toContain(
      'Customer group “高价值流失风险” not written to groups.csv: Not available: run RFM with the preset value5.',
    );
    expect(r.err).toContain(
      'Customer group “Other window” not written to groups.csv: Not available: run the funnel with these steps: 曝光 → 点击 → 加购 (within 3 days).',
    );
  });

  it('writes no groups.csv when the config has no groups', async () => {
    const out = join(dir, 'none');
    const r = await runCli(['analyze', join(dir, 'events.csv'), '--out', out, '--funnel-steps', '曝光,点击']);
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'groups.csv'))).toBe(false);
  });
});
