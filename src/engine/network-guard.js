/**
 * Network guard for the workers that cannot run under the page's Content-Security-Policy (issue 19
 * §4). DuckDB's own worker evaluates its emscripten EM_ASM snippets with eval, which the page policy
 * forbids, so it cannot be a blob: worker inheriting that policy; the service worker is registered
 * from its own URL and takes no page policy either. Both run this classic script first: it closes
 * every way out of the origin — fetch, XMLHttpRequest, WebSocket, EventSource, WebTransport,
 * importScripts and nested workers to another origin — before any other code of the worker runs,
 * and the bindings it replaces cannot be put back.
 *
 * DuckDB's worker is started as `network-guard.js#<DuckDB worker URL>` (engine/browser-db.ts): the
 * guard then loads that same-origin script. The service worker imports it from dist/sw.js (its URL
 * has no fragment). tests/e2e/hostile.e2e.ts fetches another origin from inside each worker.
 */
(() => {
  'use strict';
  const g = self;
  const here = g.location.href;
  const origin = g.location.origin;
  const MESSAGE = 'Customer Lens: a request to another origin was blocked';
  const sameOrigin = (url) => {
    try {
      return new URL(String(url), here).origin === origin;
    } catch {
      return false;
    }
  };
  const lock = (owner, name, value) =>
    Object.defineProperty(owner, name, { value, writable: false, configurable: false });

  const realFetch = g.fetch.bind(g);
  lock(g, 'fetch', (input, init) =>
    sameOrigin(typeof input === 'object' && input !== null && 'url' in input ? input.url : input)
      ? realFetch(input, init)
      : Promise.reject(new TypeError(MESSAGE)),
  );

  if (typeof g.XMLHttpRequest === 'function') {
    const realOpen = g.XMLHttpRequest.prototype.open;
    lock(g.XMLHttpRequest.prototype, 'open', function open(method, url, ...rest) {
      if (!sameOrigin(url)) throw new DOMException(MESSAGE, 'SecurityError');
      return realOpen.call(this, method, url, ...rest);
    });
  }

  const refuse = function () {
    throw new DOMException(MESSAGE, 'SecurityError');
  };
  for (const name of ['WebSocket', 'EventSource', 'WebTransport']) if (name in g) lock(g, name, refuse);

  for (const name of ['Worker', 'SharedWorker']) {
    const Real = g[name];
    if (typeof Real !== 'function') continue;
    lock(g, name, function (url, options) {
      if (!sameOrigin(url)) throw new DOMException(MESSAGE, 'SecurityError');
      return new Real(url, options);
    });
  }

  if (typeof g.importScripts === 'function') {
    const realImport = g.importScripts.bind(g);
    lock(g, 'importScripts', (...urls) => {
      if (!urls.every(sameOrigin)) throw new DOMException(MESSAGE, 'SecurityError');
      return realImport(...urls);
    });
    // The worker this guard stands before (DuckDB's), named in the fragment.
    const next = new URL(here).hash.slice(1);
    if (next) g.importScripts(new URL(decodeURIComponent(next), here).href);
  }
})();
