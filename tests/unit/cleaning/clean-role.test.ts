import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../src/engine/node-db.ts';
import type { DbPort } from '../../../src/engine/db-port.ts';
import { CleaningInputError } from '../../../src/engine/clean-source.ts';
import { runRoleCleaning } from '../../../src/engine/clean-role.ts';
import { toCleaningJson } from '../../../src/ingest/cleaning/report.ts';
import { makeTable, plain, query } from './fixtures.ts';

let db: DbPort;
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(async () => db.close());

describe('runRoleCleaning: touches', () => {
  const header = ['活动名称', '客户ID', '分组', '触达渠道', '发送时间', '发送状态', '成本'];
  // prettier-ignore
  const rows = [
    ['双11短信', 'C1', '实验组', '短信', '2024-11-01 10:00:00', '成功', '0.05'],
    ['双11短信', 'C1', '实验组', '短信', '2024-11-01 10:00:00', '成功', '0.05'], // exact_duplicate
    ['双11短信', 'C1', '实验组', '短信', '2024-11-02 10:00:00', '成功', '0.05'], // a resend: kept
    ['双11短信', 'C2', '实验组', '短信', '2024-11-01 10:00:00', '', ''], // unknown_delivery_status (a control row would keep it)
    ['双11短信', 'C3', '对照组', '短信', '2024-11-01 10:00:00', '失败', '¥0.05'], // kept, not delivered
    ['双11短信', '', '实验组', '短信', '2024-11-01 10:00:00', '成功', '0.05'], // missing_customer_id
    ['双11短信', 'C4', '实验组', '短信', '不知道', '成功', '0.05'], // unparseable_sent_time
    ['双11短信', 'C5', 'B组', '短信', '2024-11-01', '成功', '0.05'], // unknown_group
    ['双11短信', 'C6', 'holdout', '短信', '2024/11/01 09:00', 'delivered', '0.05'], // kept, control
  ];
  const mapping = {
    campaign_id: '活动名称',
    customer_id: '客户ID',
    group: '分组',
    channel: '触达渠道',
    sent_time: '发送时间',
    delivery_status: '发送状态',
    cost: '成本',
  };

  it('reads = used + set aside, each with its reason; groups and delivery read from their words', async () => {
    const input = await makeTable(db, 'touch_src', header, rows);
    const report = await runRoleCleaning(db, 'touches', input, { mapping });
    expect(report).toMatchObject({
      kind: 'touches',
      rowsRead: 9,
      rowsUsed: 4,
      rowsSetAside: 5,
      reasons: {
        exact_duplicate: 1,
        missing_customer_id: 1,
        unparseable_sent_time: 1,
        unknown_group: 1,
        unknown_delivery_status: 1,
      },
      tables: { clean: 'touches_clean', setAside: 'touches_set_aside' },
    });
    expect(report.repairs).toMatchObject({ amount_symbol: 1 });
    const clean = plain(
      await query(
        db,
        'SELECT customer_id, arm, delivered, CAST(sent_time AS VARCHAR) AS sent, cost FROM touches_clean',
      ),
    );
    expect(clean).toEqual([
      { customer_id: 'C1', arm: 'target', delivered: true, sent: '2024-11-01 10:00:00', cost: 0.05 },
      { customer_id: 'C1', arm: 'target', delivered: true, sent: '2024-11-02 10:00:00', cost: 0.05 },
      { customer_id: 'C3', arm: 'control', delivered: false, sent: '2024-11-01 10:00:00', cost: 0.05 },
      { customer_id: 'C6', arm: 'control', delivered: true, sent: '2024-11-01 09:00:00', cost: 0.05 },
    ]);
    const aside = await query(db, 'SELECT source_row, reason, "客户ID" FROM touches_set_aside');
    expect(aside.map((r) => [r.source_row, r.reason])).toEqual([
      [2, 'exact_duplicate'],
      [4, 'unknown_delivery_status'],
      [6, 'missing_customer_id'],
      [7, 'unparseable_sent_time'],
      [8, 'unknown_group'],
    ]);
    expect(toCleaningJson(report, { encoding: 'utf-8', platform: null, mapping })).toMatchObject({
      rows_read: 9,
      rows_used: 4,
      rows_set_aside: 5,
    });
  });

  it('no group column: everyone is target; no status column: all delivered', async () => {
    const input = await makeTable(
      db,
      'touch_src2',
      ['客户ID', '发送时间'],
      [
        ['A', '2024-01-01'],
        ['B', '2024-01-02'],
      ],
    );
    const report = await runRoleCleaning(db, 'touches', input, {
      mapping: { customer_id: '客户ID', sent_time: '发送时间' },
      tables: { clean: 't2_clean', setAside: 't2_aside' },
    });
    expect(report.rowsUsed).toBe(2);
    expect(await query(db, 'SELECT arm, delivered FROM t2_clean')).toEqual([
      { arm: 'target', delivered: true },
      { arm: 'target', delivered: true },
    ]);
  });

  it('a mapping without a send time is refused with the missing field named', async () => {
    const input = await makeTable(db, 'touch_src3', ['客户ID'], [['A']]);
    await expect(
      runRoleCleaning(db, 'touches', input, { mapping: { customer_id: '客户ID' } }),
    ).rejects.toThrow(CleaningInputError);
    await expect(
      runRoleCleaning(db, 'touches', input, { mapping: { customer_id: '客户ID' } }),
    ).rejects.toThrow(/missing_role sent_time/);
  });
});

describe('runRoleCleaning: experiment', () => {
  it('rows without ids are customers (identical rows all kept); bad outcomes set aside', async () => {
    const header = ['segment', 'visit', 'conversion', 'spend'];
    // prettier-ignore
    const rows = [
      ['No E-Mail', '0', '0', '0'],
      ['No E-Mail', '0', '0', '0'], // identical, but another customer: kept
      ['Mens E-Mail', '1', '1', '29.99'],
      ['Mens E-Mail', 'maybe', '0', '0'], // invalid_outcome
      ['', '1', '0', '0'], // missing_arm
    ];
    const input = await makeTable(db, 'exp_src', header, rows);
    const report = await runRoleCleaning(db, 'experiment', input, {
      mapping: { arm: 'segment', visited: 'visit', converted: 'conversion', revenue: 'spend' },
    });
    expect(report).toMatchObject({
      rowsRead: 5,
      rowsUsed: 3,
      rowsSetAside: 2,
      reasons: { invalid_outcome: 1, missing_arm: 1 },
    });
    expect(plain(await query(db, 'SELECT arm, visited, converted, revenue FROM experiment_clean'))).toEqual([
      { arm: 'No E-Mail', visited: 0, converted: 0, revenue: 0 },
      { arm: 'No E-Mail', visited: 0, converted: 0, revenue: 0 },
      { arm: 'Mens E-Mail', visited: 1, converted: 1, revenue: 29.99 },
    ]);
  });
});

describe('runRoleCleaning: leads', () => {
  it('duplicate lead ids count once (first row kept); won read from the stage', async () => {
    const header = [
      '线索ID',
      '线索来源',
      '创建时间',
      '首次跟进时间',
      '线索状态',
      '负责人',
      '赢单时间',
      '手机号',
    ];
    // prettier-ignore
    const rows = [
      ['L1', '官网', '2024-03-01 09:00', '2024-03-01 09:30', '赢单', '王', '2024-03-10', '13812345678'],
      ['L1', '官网', '2024-03-01 09:00', '', '跟进中', '王', '', '13812345678'], // duplicate_lead_id
      ['L2', '展会', '2024-03-02 09:00', '', '跟进中', '李', '', ''],
      ['', '展会', '2024-03-02 09:00', '', '跟进中', '李', '', ''], // missing_lead_id
      ['L3', '展会', '', '', '', '李', '', ''], // unparseable_created_time
    ];
    const input = await makeTable(db, 'lead_src', header, rows);
    const report = await runRoleCleaning(db, 'leads', input, {
      mapping: {
        lead_id: '线索ID',
        source: '线索来源',
        created_time: '创建时间',
        first_contact_time: '首次跟进时间',
        stage: '线索状态',
        owner: '负责人',
        closed_time: '赢单时间',
        phone: '手机号',
      },
    });
    expect(report).toMatchObject({
      rowsRead: 5,
      rowsUsed: 2,
      rowsSetAside: 3,
      reasons: { duplicate_lead_id: 1, missing_lead_id: 1, unparseable_created_time: 1 },
    });
    expect(
      await query(db, 'SELECT lead_id, won, CAST(won_time AS VARCHAR) AS won_time FROM leads_clean'),
    ).toEqual([
      { lead_id: 'L1', won: true, won_time: '2024-03-10 00:00:00' },
      { lead_id: 'L2', won: false, won_time: null },
    ]);
  });
});

describe('role cleaning reasons', () => {
  it('every reason has a zh-CN and an en sentence', async () => {
    const { ROLE_REASON_CODES } = await import('../../../src/ingest/cleaning/build-role-cleaning-sql.ts');
    const { hasMessage, translate } = await import('../../../src/i18n/i18n.ts');
    for (const code of ROLE_REASON_CODES) {
      const key = `cleaning.reason.${code}`;
      expect(hasMessage(key), key).toBe(true);
      if (hasMessage(key)) expect(translate('en', key)).not.toBe(translate('zh-CN', key));
    }
  });
});

describe('the cleaning screen names every field', () => {
  it('each touches / experiment / leads field has a translated label', async () => {
    const { ROLES } = await import('../../../src/config/roles.ts');
    const { hasMessage } = await import('../../../src/i18n/i18n.ts');
    for (const role of ['touches', 'experiment', 'leads'] as const)
      for (const field of ROLES[role]) expect(hasMessage(`role.${field}`), `${role}.${field}`).toBe(true);
  });
});

describe('the cleaning screen lists the same roles', () => {
  it('ui GENERIC_CLEANING_ROLES equals the cleaning one', async () => {
    const ui = await import('../../../src/ui/cleaning/role-files-state.svelte.ts').catch(() => null);
    const core = await import('../../../src/ingest/cleaning/build-role-cleaning-sql.ts');
    if (ui) expect([...ui.GENERIC_CLEANING_ROLES]).toEqual([...core.GENERIC_CLEANING_ROLES]);
    else expect(core.GENERIC_CLEANING_ROLES).toEqual(['touches', 'experiment', 'leads']);
  });
});
