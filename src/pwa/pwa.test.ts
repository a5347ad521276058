import { describe, expect, it } from 'vitest';
import { unzlibSync } from 'fflate';
import { CACHE_PREFIX, precacheList, serviceWorkerSource, SKIP_WAITING } from './service-worker-source.ts';
import { encodePng, lensIcon, webManifest } from './png-icon.ts';
import { translate } from '../i18n/i18n.ts';

type Listener = (event: Record<string, unknown>) => void;

/** Run the generated worker against a fake `self` and return its listeners and what it asked for. */
function loadWorker(files: string[], scope = 'https://lens.example/app/') {
  const listeners: Record<string, Listener> = {};
  const calls = { skipWaiting: 0, claimed: 0 };
  const self = {
    registration: { scope },
    location: new URL(scope),
    addEventListener: (type: string, f: Listener) => (listeners[type] = f),
    skipWaiting: () => calls.skipWaiting++,
    clients: { claim: async () => calls.claimed++ },
  };
  const cacheStore = new Map<string, string>();
  const caches = {
    open: async () => ({
      addAll: async (reqs: { url: string }[]) => reqs.forEach((r) => cacheStore.set(r.url, 'cached')),
      match: async (url: string) => cacheStore.get(url),
    }),
    keys: async () => [],
  };
  class FakeRequest {
    constructor(
      readonly url: string,
      readonly init: unknown,
    ) {}
  }
  new Function('self', 'caches', 'fetch', 'Request', serviceWorkerSource(files, 'v1'))(
    self,
    caches,
    async () => 'network',
    FakeRequest,
  );
  /** What the worker answers for a request: undefined = it stays out of the way. */
  const answer = async (url: string, init: { method?: string; mode?: string } = {}) => {
    let responded: Promise<unknown> | undefined;
    listeners.fetch!({
      request: { url, method: init.method ?? 'GET', mode: init.mode ?? 'cors' },
      respondWith: (p: Promise<unknown>) => (responded = p),
    });
    return responded ? await responded : undefined;
  };
  return { listeners, calls, cacheStore, answer };
}

const BUILD = ['index.html', 'assets/index-abc.js', 'assets/duckdb-eh-x.wasm', 'sample/orders-sample.csv'];

describe('service worker', () => {
  it('precaches every built file but itself and source maps', () => {
    expect(
      precacheList(['./index.html', 'sw.js', 'assets/a.js', 'assets/a.js.map', 'assets\\b.wasm']),
    ).toEqual(['assets/a.js', 'assets/b.wasm', 'index.html']);
    expect(() => serviceWorkerSource(['assets/a.js'], 'v')).toThrow(/index\.html/);
    expect(serviceWorkerSource(BUILD, 'v1')).toContain(JSON.stringify(`${CACHE_PREFIX}v1`));
  });

  it('installs the files relative to its scope and serves only them, never user data', async () => {
    const w = loadWorker(BUILD);
    let installed: Promise<unknown> | undefined;
    w.listeners.install!({ waitUntil: (p: Promise<unknown>) => (installed = p) });
    await installed;
    expect([...w.cacheStore.keys()].sort()).toEqual(BUILD.map((f) => `https://lens.example/app/${f}`).sort());
    expect(await w.answer('https://lens.example/app/assets/duckdb-eh-x.wasm')).toBe('cached');
    expect(await w.answer('https://lens.example/app/sample/orders-sample.csv')).toBe('cached');
    // The app's page, with a share link's query, when navigated to.
    expect(await w.answer('https://lens.example/app/?lang=en', { mode: 'navigate' })).toBe('cached');
    // Anything else is left to the network and never stored.
    expect(await w.answer('blob:https://lens.example/1234')).toBeUndefined();
    expect(await w.answer('data:text/csv,a,b')).toBeUndefined();
    expect(await w.answer('https://lens.example/app/cl-files/orders.csv')).toBeUndefined();
    expect(await w.answer('https://other.example/app/index.html')).toBeUndefined();
    expect(await w.answer('https://lens.example/app/index.html', { method: 'POST' })).toBeUndefined();
    expect(await w.answer('https://lens.example/elsewhere/index.html')).toBeUndefined();
    expect(w.cacheStore.size).toBe(BUILD.length);
  });

  it('waits after an update until the page asks it to take over, then claims the pages', async () => {
    const w = loadWorker(BUILD);
    w.listeners.message!({ data: { type: 'other' } });
    expect(w.calls.skipWaiting).toBe(0);
    w.listeners.message!({ data: { type: SKIP_WAITING } });
    expect(w.calls.skipWaiting).toBe(1);
    let activated: Promise<unknown> | undefined;
    w.listeners.activate!({ waitUntil: (p: Promise<unknown>) => (activated = p) });
    await activated;
    expect(w.calls.claimed).toBe(1);
  });
});

describe('install', () => {
  it('names the app in both languages with relative paths and real PNG icons', () => {
    const m = JSON.parse(webManifest()) as {
      name: string;
      start_url: string;
      scope: string;
      icons: { src: string }[];
    };
    expect(m.name).toBe('客户透镜 Customer Lens');
    expect(m.start_url).toBe('./');
    expect(m.scope).toBe('./');
    expect(m.icons.every((i) => !i.src.startsWith('/'))).toBe(true);
    const png = lensIcon(192);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([192, 192]);
    // A 2×1 image decodes back to its pixels (filter byte 0 per row).
    const tiny = encodePng(2, 1, new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    const idatLength = new DataView(tiny.buffer).getUint32(33);
    expect([...unzlibSync(tiny.subarray(41, 41 + idatLength))]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('offers the update in zh-CN and en', () => {
    expect(`${translate('zh-CN', 'pwa.updateReady')} — ${translate('zh-CN', 'pwa.reload')}`).toBe(
      '新版本可用 — 重新加载',
    );
    expect(`${translate('en', 'pwa.updateReady')} — ${translate('en', 'pwa.reload')}`).toBe(
      'A new version is available — Reload',
    );
  });
});
