import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/parse-config.ts';
import type { AnalysisConfig } from '../config/schema.ts';
import { ConfigStore } from './config-store.ts';

function config(input: unknown): AnalysisConfig {
  const r = parseConfig(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}

const taobao = config({
  version: 1,
  sources: [{ id: 'orders', kind: 'orders', mapping: { customer_id: '买家会员名', amount: '实付金额' } }],
});
const plain = config({ version: 1, cleaning: { dedupeOrderIds: false } });

let dbCounter = 0;
async function openStore(): Promise<ConfigStore> {
  let clock = 1_000;
  let ids = 0;
  return ConfigStore.open({
    dbName: `test-${++dbCounter}`,
    now: () => (clock += 1_000),
    newId: () => `id${++ids}`,
  });
}

describe('ConfigStore', () => {
  it('saves, lists (newest first, with summary) and loads configs', async () => {
    const store = await openStore();
    expect(await store.list('zh-CN')).toEqual([]);
    const a = await store.save('  淘宝  订单 ', taobao);
    const b = await store.save('Plain', plain);
    expect(a).toEqual({ id: 'id1', name: '淘宝 订单', createdAt: 2_000, updatedAt: 2_000 });
    expect(await store.list('zh-CN')).toEqual([
      { id: 'id2', name: 'Plain', createdAt: 3_000, updatedAt: 3_000, summary: '1 项设置已修改', issues: [] },
      {
        id: 'id1',
        name: '淘宝 订单',
        createdAt: 2_000,
        updatedAt: 2_000,
        summary: '订单: 2 列映射',
        issues: [],
      },
    ]);
    expect(await store.load(a.id)).toEqual({ ok: true, config: { ...taobao, name: '淘宝 订单' } });
    expect(await store.load('nope')).toBeNull();
    expect((await store.list('en'))[0]!.summary).toBe('1 setting(s) changed');
    expect(b.id).toBe('id2');
    store.close();
  });

  it('overwrites by id, keeping the creation date', async () => {
    const store = await openStore();
    const a = await store.save('A', taobao);
    const again = await store.save('A v2', plain, a.id);
    expect(again).toEqual({ id: a.id, name: 'A v2', createdAt: a.createdAt, updatedAt: a.updatedAt + 1_000 });
    expect(await store.list('en')).toHaveLength(1);
    expect(await store.load(a.id)).toEqual({ ok: true, config: { ...plain, name: 'A v2' } });
    store.close();
  });

  it('renames, duplicates and deletes', async () => {
    const store = await openStore();
    const a = await store.save('Weekly', taobao);
    expect(await store.rename(a.id, 'Monthly')).toBe(true);
    expect(await store.rename('missing', 'x')).toBe(false);
    const loaded = await store.load(a.id);
    expect(loaded?.ok && loaded.config.name).toBe('Monthly');

    const copy = await store.duplicate(a.id);
    const copy2 = await store.duplicate(a.id);
    const named = await store.duplicate(a.id, 'For Li');
    expect([copy?.name, copy2?.name, named?.name]).toEqual(['Monthly (2)', 'Monthly (3)', 'For Li']);
    expect(await store.duplicate('missing')).toBeNull();
    const copyLoaded = await store.load(copy!.id);
    expect(copyLoaded).toEqual({ ok: true, config: { ...taobao, name: 'Monthly (2)' } });

    await store.delete(a.id);
    expect((await store.list('en')).map((e) => e.name)).toEqual(['For Li', 'Monthly (3)', 'Monthly (2)']);
    expect(await store.load(a.id)).toBeNull();
    store.close();
  });

  it('autosaves the working config and restores it after reopening', async () => {
    const name = `test-${++dbCounter}`;
    const first = await ConfigStore.open({ dbName: name });
    expect(await first.loadWorking()).toBeNull();
    await first.saveWorking(plain);
    await first.saveWorking(taobao);
    first.close();
    const second = await ConfigStore.open({ dbName: name });
    expect(await second.loadWorking()).toEqual({ ok: true, config: taobao });
    await second.clearWorking();
    expect(await second.loadWorking()).toBeNull();
    second.close();
  });

  it('lists a stored config that no longer validates with its issues instead of dropping it', async () => {
    const store = await openStore();
    const a = await store.save('Future', taobao);
    // Simulate a record written by a newer app version.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.open(`test-${dbCounter}`);
      req.onsuccess = () => {
        const tx = req.result.transaction('configs', 'readwrite');
        tx.objectStore('configs').put({
          id: a.id,
          name: 'Future',
          createdAt: 1,
          updatedAt: 1,
          config: { version: 9 },
        });
        tx.oncomplete = () => (req.result.close(), resolve());
        tx.onerror = () => reject(tx.error);
      };
    });
    const [entry] = await store.list('en');
    expect(entry).toMatchObject({ id: a.id, summary: null, issues: [{ code: 'newer_version' }] });
    const loaded = await store.load(a.id);
    expect(loaded?.ok).toBe(false);
    store.close();
  });
});
